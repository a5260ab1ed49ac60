"""The pack format as data: every table, key, type and limit, read by the validator.

One definition serves the loader's checks, the messages a coach reads and (later) the
JSON Schema, so they can never disagree.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from zoomapp.core.safe_text import (
    control_name,
    controls,
    fields,
    is_invisible,
    ordinary,
    printable,
)

FORMAT_VERSION = 1
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")

# Breathing safety limits, in seconds. Outside these a pattern is refused; see docs.
PHASE_MIN = 1
PHASE_MAX = 20
HOLD_MAX = 15
HOLD_WARN = 10
CYCLE_MAX = 40
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
        "checked": Field("date", "when you checked the number there, e.g. 2026-12-02"),
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
    "error_date_empty": ("example",),
    "error_date_unreal": ("text",),
    "error_date_long_ago": ("date",),
    "error_date_unknown": ("text", "example"),
    "error_date_future": ("date",),
    "error_journal_folder": ("folder", "reason"),
    "error_day_stuck": ("file", "reason"),
    "error_day_unreadable": ("file", "reason"),
    "error_save": ("file", "reason"),
    "error_range": ("start", "end"),
    "cli_saved_wins": ("day", "text"),
    "cli_saved_strengths": ("day", "text"),
    "cli_saved_feeling": ("day", "text"),
    "cli_set_aside": ("file", "moved"),
    "cli_skipped": ("file", "reason"),
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
    "import_unreadable": ("file", "reason"),
    "import_not_jrnl": ("file",),
    "import_done": ("added", "already", "file"),
    "import_unusable": ("count",),
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
    "preview_problems": ("count", "first"),
    "packs_items": ("count",),
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

_SHAPES = {
    "country": (re.compile(r"[A-Za-z]{2}"), '"GB" (a two-letter country code)'),
    "phone": (re.compile(r"\+?[0-9*#][0-9 ()*#-]{0,24}"), '"116 123" (digits and spaces)'),
    "url": (re.compile(r"https?://[^\s]{4,300}"), '"https://..." (the official page)'),
}

LANGUAGE_PATTERN = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


class Problem(NamedTuple):
    """Something wrong in a pack file, said so a person can fix it."""

    file: str
    key: str
    message: str
    line: int | None = None
    column: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        """FILE:LINE:COL: message - printable whatever the file's name or contents."""
        prefix = "warning: " if self.warning else ""
        if self.line is not None:
            text = f"{self.file}:{self.line}:{self.column or 1}: {prefix}{self.message}"
        else:
            where = f" {shorten(self.key, 60)}:" if self.key else ""
            text = f"{self.file}:{where} {prefix}{self.message}"
        return printable(text)


def closest(word: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The known word nearest to a probable typo, or None when nothing is close."""
    import difflib  # only needed when something is wrong

    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def shorten(text: str, limit: int = 40) -> str:
    """A value as a message may quote it: printable, and cut short if long."""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{shorten(value, 30)}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return _number(value)


def _number(value: Any) -> str:
    """A number as a message shows it; TOML integers may have thousands of digits."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:
            return "nan"
        if abs(value) > 1e15:
            return "a number far too large" if value > 0 else "a number far too small"
        return f"{value:g}"
    return printable(str(value))[:40]


def _number_range(spec: Field) -> str:
    return f"from {spec.low:g} to {spec.high:g}"


MAX_PROBLEMS = 50  # per file: beyond this a coach needs the first ones, not ten thousand
MAX_SUGGESTIONS = 20  # "did you mean" is worked out for this many unknown keys at most


class Checker:
    """Walks a parsed document against the spec, collecting problems for one file.

    It stays linear in the size of the document however broken it is: after
    MAX_PROBLEMS problems the rest are only counted (`more`).
    """

    def __init__(self, file: str, known_texts: tuple[str, ...] = ()) -> None:
        self.file = file
        self.known_texts = known_texts
        self._known = frozenset(known_texts)
        self.problems: list[Problem] = []
        self.more = 0  # problems found beyond MAX_PROBLEMS
        self.more_errors = False
        self._suggested = 0

    def _add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more += 1
            self.more_errors = self.more_errors or not problem.warning

    @property
    def full(self) -> bool:
        """True once MAX_PROBLEMS are kept: further errors need only be counted."""
        return len(self.problems) >= MAX_PROBLEMS

    def count_error(self) -> None:
        self.more += 1
        self.more_errors = True

    def error(self, key: str, message: str) -> None:
        self._add(Problem(self.file, key, message))

    def warn(self, key: str, message: str) -> None:
        self._add(Problem(self.file, key, message, warning=True))

    @property
    def has_errors(self) -> bool:
        return self.more_errors or any(not p.warning for p in self.problems)

    def summary(self) -> Problem | None:
        """'... and 9,950 more problems', when some were only counted."""
        if not self.more:
            return None
        return Problem(
            self.file,
            "",
            f"... and {self.more:,} more problems like these - fix the ones above first",
            warning=not self.more_errors,
        )

    def _suggest(self, word: str, options: tuple[str, ...] | list[str]) -> str | None:
        if self._suggested >= MAX_SUGGESTIONS:
            return None
        self._suggested += 1
        return closest(word, options)

    def table(self, data: dict[str, Any], spec: dict[str, Field], path: str) -> None:
        for key, value in data.items():
            where = f"{path}.{key}" if path else key
            if key not in spec:
                if self.full:
                    self.count_error()
                    continue
                hint = self._suggest(key, tuple(spec))
                known = ", ".join(spec)
                suggestion = f"did you mean '{hint}'?" if hint else f"known keys: {known}"
                self.error(where, f"unknown key '{shorten(key)}' - {suggestion}")
                continue
            self.value(value, spec[key], where)
        for key, rule in spec.items():
            if rule.required and key not in data:
                where = f"{path}.{key}" if path else key
                if rule.kind == "table":
                    self.error(where, f"[{key}] is missing - add a [{key}] table ({rule.doc})")
                elif key == "format":
                    self.error(where, "'format' is missing - add format = 1 at the top")
                else:
                    self.error(where, f"'{key}' is missing - add {key} = ... ({rule.doc})")

    def value(self, value: Any, spec: Field, path: str) -> None:
        name = path.rsplit(".", 1)[-1].split("[")[0]
        kind = spec.kind
        if kind in ("str", "id"):
            if not isinstance(value, str):
                self.error(path, f"{name} must be text in quotes, got {_describe(value)}")
            elif not value.strip():
                self.error(path, f"{name} is empty - write some words or remove the key")
            elif kind == "id" and not ID_PATTERN.match(value):
                self.error(
                    path,
                    f"{name} must be lowercase letters, digits and dashes, "
                    f"like 'calm-mornings', got {_describe(value)}",
                )
            elif spec.choices and value not in spec.choices:
                options = ", ".join(f'"{c}"' for c in spec.choices)
                self.error(path, f"{name} must be one of {options}, got {_describe(value)}")
            else:
                self.words(path, name, value)
        elif kind in ("country", "phone", "url"):
            rule, example = _SHAPES[kind]
            if not isinstance(value, str):
                self.error(path, f"{name} must be text in quotes, like {example}")
            elif not rule.fullmatch(value):
                self.error(path, f"{name} must look like {example}, got {_describe(value)}")
            else:
                self.words(path, name, value)  # a link is shown too: only text in it
        elif kind == "ids":
            ids = value if isinstance(value, list) else [value]
            if not ids or not all(isinstance(i, str) and ID_PATTERN.match(i) for i in ids):
                self.error(
                    path,
                    f'{name} must be an id like "box", or a list like ["box", "coherent"],'
                    f" got {_describe(value)}",
                )
        elif kind == "date":
            import datetime

            if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
                self.error(path, f"{name} must be a date like 2026-12-02, got {_describe(value)}")
        elif kind in ("int", "number"):
            whole = kind == "int"
            what = "a whole number" if whole else "a number of seconds"
            bounds = f" {_number_range(spec)}" if spec.low is not None else ""
            right_type = isinstance(value, int if whole else (int, float))
            if isinstance(value, bool) or not right_type:
                self.error(path, f"{name} must be {what}{bounds}, got {_describe(value)}")
            elif (
                spec.low is not None
                and spec.high is not None
                and not (spec.low <= value <= spec.high)
            ):
                self.error(path, f"{name} must be {what}{bounds}, got {_number(value)}")
        elif kind == "bool":
            if not isinstance(value, bool):
                self.error(path, f"{name} must be true or false, got {_describe(value)}")
        elif kind == "strings":
            if not isinstance(value, list):
                self.error(
                    path,
                    f'{name} must be a list of texts like ["...", "..."], got {_describe(value)}',
                )
                return
            for index, item in enumerate(value):
                if not isinstance(item, str):
                    self.error(
                        f"{path}[{index}]",
                        f"each of {name} must be text in quotes, got {_describe(item)}",
                    )
                elif not item.strip():
                    self.error(f"{path}[{index}]", f"{name} has an empty entry - remove it")
                else:
                    self.words(f"{path}[{index}]", f"{name}[{index}]", item)
        elif kind == "table":
            if not isinstance(value, dict):
                self.error(path, f"{name} must be a table [{name}], got {_describe(value)}")
                return
            self.table(value, spec.fields, path)
        elif kind == "tables":
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                self.error(
                    path,
                    f"{name} must be a list of tables ([[{name}]] or {{ ... }}), "
                    f"got {_describe(value)}",
                )
                return
            for index, item in enumerate(value):
                self.table(item, spec.fields, f"{path}[{index}]")
        elif kind == "texts":
            if not isinstance(value, dict):
                self.error(path, f"[{name}] must be a table of texts, got {_describe(value)}")
                return
            for key, text in value.items():
                where = f"{path}.{key}"
                if self._known and key not in self._known:
                    if self.full:
                        self.count_error()
                        continue
                    hint = self._suggest(key, self.known_texts)
                    tail = f" - did you mean '{hint}'?" if hint else ""
                    self.error(where, f"unknown text key '{shorten(key)}'{tail}")
                elif not isinstance(text, str):
                    self.error(where, f"{key} must be text in quotes, got {_describe(text)}")
                elif not text.strip():
                    self.error(where, f"{key} is empty - write some words or remove the key")
                elif self.words(where, key, text):
                    self.placeholders(where, key, text)

    def words(self, path: str, name: str, text: str) -> bool:
        """What every text a pack shows must be: text only, visible, of a size that fits.

        Returns False when the text was refused.
        """
        if len(text) <= TEXT_WARN_LENGTH and ordinary(text):
            return True  # nearly every text: one quick look
        found = controls(text)
        if found:
            index, char = found[0]
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            self.error(
                path,
                f"{name} holds a control character, {control_name(char)}, at character"
                f" {index + 1}{more} - remove it: a pack holds only words",
            )
            return False
        if is_invisible(text):
            self.error(
                path, f"{name} has only invisible characters - write some words or remove it"
            )
            return False
        if len(text) > TEXT_MAX_LENGTH:
            self.error(
                path,
                f"{name} is {len(text):,} characters long - keep it under {TEXT_MAX_LENGTH:,}"
                " (a screen shows far less)",
            )
            return False
        if len(text) > TEXT_WARN_LENGTH:
            self.warn(
                path,
                f"{name} is {len(text):,} characters long - a screen at 80x24 shows about"
                f" {TEXT_WARN_LENGTH}; shorter reads better in a hard moment",
            )
        return True

    def placeholders(self, path: str, key: str, text: str) -> None:
        """Only the {placeholders} this text key declares, each written plainly."""
        allowed = PLACEHOLDERS.get(key, ())
        can_use = (
            "this text can use " + ", ".join(f"{{{n}}}" for n in allowed)
            if allowed
            else "this text has no placeholders; to show a brace, write {{ or }}"
        )
        used = set()
        for field in fields(text):
            written = shorten(field.written)
            if field.name in allowed:
                used.add(field.name)
                if not field.plain:
                    self.error(
                        path,
                        f"{written} cannot be formatted - write just {{{field.name}}}",
                    )
            else:
                self.error(path, f"{written} is not a placeholder here - {can_use}")
        for name in allowed:
            if name not in used:
                self.warn(path, f"{key} leaves out {{{name}}}, so that value will not show")
