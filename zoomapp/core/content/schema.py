"""The pack format as data: every table, key, type and limit, read by the validator.

One definition serves the loader's checks, the messages a coach reads and (later) the
JSON Schema, so they can never disagree.
"""

from __future__ import annotations

import re
from typing import NamedTuple

FORMAT_VERSION = 1
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")

# Breathing safety limits, in seconds. Outside these a pattern is refused; see docs.
PHASE_MIN = 1
PHASE_MAX = 20
HOLD_MAX = 15
HOLD_WARN = 10
CYCLE_MAX = 40
BELLS_MAX = 3  # more is no longer counted at a glance, eyes closed
STEP_SECONDS_MAX = 600
PROMPTS_PER_STEP_MAX = 20


class Field(NamedTuple):
    """One key of a table: its type, whether it must be there, and its limits."""

    kind: str  # "str", "id", "int", "number", "bool", "strings", "table", "tables", "texts",
    # "country", "phone", "url", "date"
    doc: str
    required: bool = False
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    fields: dict[str, Field] = {}  # noqa: RUF012 - read only


ENABLED = Field("bool", "false hides an item with this id from earlier packs")

PHASE = {
    "kind": Field("str", "what the lungs do", required=True, choices=("in", "hold", "out")),
    "seconds": Field(
        "number", "how long the phase lasts", required=True, low=PHASE_MIN, high=PHASE_MAX
    ),
    "label": Field("str", "the words shown during the phase (default: from the text table)"),
    "bells": Field(
        "int",
        "how many soft bells start the phase when the bell is on, 0 for none"
        " (default: 1 in, 2 hold, 3 out; in a browser, tones)",
        low=0,
        high=BELLS_MAX,
    ),
}

STEP = {
    "breathe": Field(
        "ids", "id of the breathing pattern to follow, or a list of ids: one is chosen each time"
    ),
    "deck": Field("id", "id of the deck to draw prompts from"),
    "prompts": Field(
        "int", "how many prompts to show from the deck", low=1, high=PROMPTS_PER_STEP_MAX
    ),
    "seconds": Field(
        "int",
        "seconds for the breathing, or for each prompt",
        required=True,
        low=1,
        high=STEP_SECONDS_MAX,
    ),
}

ITEM_KINDS: dict[str, dict[str, Field]] = {
    "decks": {
        "id": Field("id", "a stable id other packs use to replace or extend this deck", True),
        "title": Field("str", "the heading shown above the deck's prompts"),
        "prompts": Field("strings", "the prompts, one short sentence each"),
        "extend": Field("bool", "true adds these prompts to an earlier deck with this id"),
        "enabled": ENABLED,
    },
    "patterns": {
        "id": Field("id", "a stable id, used by recipes and `zoomapp breathe ID`", True),
        "name": Field("str", "the name shown in the list of patterns"),
        "description": Field("str", "one line on what the pattern is good for"),
        "phases": Field("tables", "the phases of one breath, in order", fields=PHASE),
        "large": Field("bool", "true draws a bigger shape, easy for a child to follow"),
        "note": Field(
            "str", "a kind word shown while it is breathed, e.g. that a shorter hold is fine"
        ),
        "enabled": ENABLED,
    },
    "recipes": {
        "id": Field("id", "a stable id, used by `zoomapp ground --recipe ID`", True),
        "name": Field("str", "the name shown in the app"),
        "description": Field("str", "one line on when to choose it"),
        "steps": Field("tables", "the steps, in order", fields=STEP),
        "ask_rating": Field("bool", "ask 'how tense do you feel?' before and after"),
        "offer_win": Field("bool", "offer to note a small win at the end"),
        "enabled": ENABLED,
    },
    "help": {
        "id": Field("id", "a stable id other packs use to replace this resource", True),
        "title": Field("str", "a short heading"),
        "text": Field("str", "what to do or where to look"),
        "country": Field("country", "the country it is for, e.g. 'GB' (leave out: everywhere)"),
        "number": Field("phone", "the number to call or text, as it is dialled"),
        "hours": Field("str", "when it answers, e.g. '24 hours, every day'"),
        "free": Field("bool", "true when it is free to call"),
        "emergency": Field("bool", "true for the country's emergency number: it is shown first"),
        "source": Field("url", "the official page the number is on (needed with number)"),
        "checked": Field(
            "date", "when you checked the number there: a date without quotes, e.g. 2026-12-02"
        ),
        "enabled": ENABLED,
    },
}

PACK_TABLE = {
    "id": Field("id", "a short unique id for the pack, e.g. 'calm-mornings'", required=True),
    "name": Field("str", "the pack's name as people see it", required=True),
    "version": Field("str", "the pack's own version, e.g. '1.0'", required=True),
    "language": Field("str", "language code of the pack's words, e.g. 'en' or 'es'", True),
    "authors": Field("strings", "who wrote it"),
    "description": Field("str", "one line on what the pack is for"),
}

DOCUMENT = {
    "format": Field("int", "the pack format version; always 1 for now", required=True),
    "pack": Field("table", "who made the pack and in which language", True, fields=PACK_TABLE),
    "text": Field("texts", "the words of the app itself, by key"),
    **{
        kind: Field("tables", f"the pack's {kind}", fields=fields)
        for kind, fields in ITEM_KINDS.items()
    },
}

# The placeholders each text may use, filled in by the app. A text may leave one out (a
# warning: the value will not show) but never use one that is not listed here.
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "packs_skipped": ("file",),
    "country_language": ("language",),
    "help_numbers_for_shell": ("country",),
    "date_last_weekday": ("weekday",),
    "date_days_ago": ("count",),
    "date_weeks_ago": ("count",),
    "date_in_year": ("day", "month"),
    "date_with_year": ("day", "month", "year"),
    "error_text_long": ("length", "limit"),
    "error_tag_space": ("tag",),
    "error_tag_long": ("tag", "limit"),
    "error_checkin_line": ("limit",),
    "cli_nothing_piped": ("command",),
    "error_date_empty": ("example",),
    "error_date_unreal": ("text",),
    "error_date_long_ago": ("date",),
    "error_date_unknown": ("text", "example"),
    "error_date_future": ("date",),
    "error_journal_folder": ("folder", "reason"),
    "error_day_stuck": ("file", "reason"),
    "error_seal_recipients": ("file",),
    "error_seal_key_file": ("file",),
    "error_seal_recovery_start": ("start",),
    "error_seal_other": ("file",),
    "error_seal_damaged": ("file",),
    "error_day_unreadable": ("file", "reason"),
    "error_save": ("file", "reason"),
    "error_range": ("start", "end"),
    "cli_saved_wins": ("day", "text"),
    "cli_saved_strengths": ("day", "text"),
    "cli_saved_feeling": ("day", "text"),
    "cli_set_aside": ("file", "moved"),
    "cli_skipped": ("file", "reason"),
    "cli_folded": ("file",),
    "school_arrived": ("time",),
    "school_left": ("time",),
    "school_morning": ("hard",),
    "school_hard": ("hard",),
    "school_upset": ("upset",),
    "school_step_win": ("text",),
    "school_today": ("went",),
    "checkin_held": ("text",),
    "export_change": ("text", "say"),
    "progress_school_days": ("noted", "full", "part"),
    "progress_school_weekday": ("day", "at", "of"),
    "progress_school_weekdays": ("days",),
    "progress_school_steps": ("count", "steps"),
    "progress_school_held": ("held", "partly", "notyet"),
    "school_plan_line": ("start", "text"),
    "school_plan_say": ("say",),
    "plan_tonight": ("went",),
    "journal_school_day": ("went",),
    "journal_school_step": ("text",),
    "journal_school_retired": ("text",),
    "journal_school_tried": ("text", "went"),
    "journal_school_own": ("text",),
    "journal_school_said": ("said",),
    "journal_school_tomorrow": ("text",),
    "cli_day_saved": ("day", "went"),
    "cli_steps_retired": ("steps",),
    "cli_step_last": ("day", "went"),
    "cli_step_added": ("number", "text"),
    "cli_step_added_locked": ("text",),
    "cli_step_changed": ("number", "text"),
    "cli_step_moved": ("number", "text"),
    "cli_step_retired": ("number", "text"),
    "cli_step_noted": ("day", "text", "went"),
    "cli_plan_change": ("start", "text"),
    "cli_plan_say": ("say",),
    "cli_plan_recent": ("held", "partly", "notyet"),
    "cli_plan_ticked": ("text",),
    "cli_plan_unticked": ("text",),
    "cli_plan_chosen": ("start", "text", "say"),
    "cli_plan_logged": ("day", "went"),
    "error_school_choice": ("given", "allowed"),
    "error_school_score": ("given", "top"),
    "error_school_clock": ("given",),
    "error_step_number": ("number",),
    "error_step_move": ("count",),
    "error_plan_number": ("number",),
    "cli_export_folder": ("file", "example"),
    "cli_export_no_folder": ("folder",),
    "cli_export_exists": ("file",),
    "cli_export_wrote": ("file",),
    "cli_export_failed": ("file", "reason"),
    "cli_editor_failed": ("editor", "reason", "file"),
    "progress_range": ("start", "end"),
    "checkin_step": ("index", "count"),
    "progress_exported": ("file",),
    "checkin_earlier": ("day",),
    "lock_passphrase_file": ("file", "reason"),
    "lock_recovery_page": ("recovery",),
    "lock_done": ("count",),
    "lock_done_app": ("count",),
    "lock_failed": ("reason",),
    "lock_already": ("count",),
    "lock_page_saved": ("file",),
    "lock_unlocked": ("count",),
    "lock_left_sealed": ("file",),
    "import_unreadable": ("file", "reason"),
    "import_not_jrnl": ("file",),
    "import_done": ("added", "already", "file"),
    "import_unusable": ("reasons",),
    "import_progress": ("done", "days"),
    "import_why_empty": ("count",),
    "import_why_long": ("count", "limit"),
    "import_why_date": ("count",),
    "import_why_future": ("count",),
    "import_why_entry": ("count",),
    "import_tags_dropped": ("count",),
    "progress_written": ("days", "wins"),
    "progress_strengths": ("count",),
    "progress_calmer": ("amount", "count"),
    "progress_tenser": ("amount", "count"),
    "progress_same": ("count",),
    "progress_sessions": ("count",),
    "progress_best_week": ("day",),
    "packs_skipped_more": ("count",),
    "session_left": ("time",),
    "rating_noted": ("rating",),
    "rating_change": ("before", "after"),
    "plain_starting": ("name", "time"),
    "plain_section": ("title", "time"),
    "plain_phase": ("phase", "seconds"),
    "plain_phase_one_second": ("phase",),
    "plain_choose_again": ("count",),
    "closing_done": ("time",),
    "closing_early": ("time",),
    "duration_seconds": ("seconds",),
    "duration_minutes": ("minutes",),
    "duration_both": ("minutes", "seconds"),
    "breathe_cycles": ("count",),
    "breathe_elapsed": ("time",),
    "seconds_left": ("seconds",),
    "zoom_position": ("index", "count"),
    "note_for_day": ("day",),
    "note_draft_failed": ("reason",),
    "note_set_aside": ("file",),
    "journal_month_count": ("count",),
    "journal_session_line": ("time", "name", "duration"),
    "journal_rating_change": ("before", "after"),
    "journal_skipped": ("file",),
    "day_heading": ("weekday", "day", "month", "year"),
    "search_count": ("count",),
    "helps_row": ("name", "count"),
    "helps_row_one": ("name",),
    "helps_calmer": ("amount",),
    "helps_tenser": ("amount",),
    "strength_you_noted": ("text",),
    "preview_reloaded": ("file",),
    "preview_problems": ("file", "count", "line"),
    "preview_problems_one": ("file", "line"),
    "packs_items": ("count",),
    "packs_for_language": ("language", "name"),
    "packs_switch_language": ("language", "code"),
    "settings_unreadable": ("file",),
    "settings_left_alone": ("reason",),
    "settings_not_saved": ("reason",),
    "help_numbers_for": ("country",),
    "help_no_numbers": ("country",),
    "help_source": ("source", "checked"),
    "help_number_added": ("name", "number"),
    "setting_country_auto": ("country",),
}

# Longer than this, a text or prompt will not fit a screen at 80x24 (a warning); much
# longer, it is refused.
TEXT_WARN_LENGTH = 400
TEXT_MAX_LENGTH = 4000

SHAPES = {
    "country": (re.compile(r"[A-Za-z]{2}"), '"GB" (a two-letter country code)'),
    "phone": (re.compile(r"\+?[0-9*#][0-9 ()*#-]{0,24}"), '"116 123" (digits and spaces)'),
    "url": (re.compile(r"https?://[^\s]{4,300}"), '"https://..." (the official page)'),
}

LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
