"""Noting the way back to school: each note added to the day it is about, never read
first, so a locked journal takes it without the passphrase (see Journal.note)."""

from __future__ import annotations

import secrets
from datetime import date, datetime
from typing import Any

from zoomapp.core.errors import EntryError
from zoomapp.core.journal.day import WINS, clean_tags
from zoomapp.core.journal.store import Journal, Saved
from zoomapp.core.school.notes import (
    DAY_WENT,
    HELD_WENT,
    OFF_WHY,
    TRIED_WENT,
    choice,
    clock,
    said,
    score,
    step_text,
)
from zoomapp.core.school.plan import Step

STEP_TAG = "step"  # the tag of the win a step done becomes


def _at(journal: Journal, day: date) -> datetime:
    """Now, for today; noon for another day (as a back-dated win)."""
    now = journal.now().replace(microsecond=0)
    return now if day == now.date() else datetime.combine(day, datetime.min.time()).replace(hour=12)


def note_day(
    journal: Journal,
    day: date,
    went: str,
    arrived: str | None = None,
    left: str | None = None,
    hard: Any = None,
    why: str | None = None,
) -> Saved:
    """How the school day went: the last note of a day is the one that counts."""
    item: dict[str, Any] = {"at": _at(journal, day), "went": choice(went, DAY_WENT)}
    if item["went"] != "part" and (arrived or left):
        raise EntryError("error_school_times")
    for key, value in (("arrived", clock(arrived)), ("left", clock(left)), ("hard", score(hard))):
        if value is not None:
            item[key] = value
    if why:
        if item["went"] != "off":
            raise EntryError("error_school_why")
        item["why"] = choice(why, OFF_WHY)
    return journal.note(day, {"school": [item]})


def new_step(journal: Journal, text: str, hard: Any, order: float) -> Step:
    """A new step of the ladder, at `order` (see Plan.next_order), checked: saved by
    `change_step`."""
    return Step(secrets.token_hex(4), step_text(text), score(hard), order, False, journal.now())


def change_step(journal: Journal, step: Step) -> Saved:
    """The step as it now is (new words, hardness, place or retired), noted whole."""
    item: dict[str, Any] = {
        "at": journal.now().replace(microsecond=0),
        "step": step.id,
        "text": step_text(step.text),
        "order": step.order,
    }
    if step.hard is not None:
        item["hard"] = step.hard
    if step.retired:
        item["retired"] = True
    return journal.note(item["at"].date(), {"ladder": [item]})


def try_step(journal: Journal, step: Step, went: str, day: date, win: str) -> Saved:
    """A step tried on `day`. Done, it is also a small win in the journal, in `win`'s
    words (the pack's, with the step in them), tagged #step."""
    at = _at(journal, day)
    item = {"at": at, "step": step.id, "text": step.text, "went": choice(went, TRIED_WENT)}
    notes: dict[str, list[dict[str, Any]]] = {"tried": [item]}
    if item["went"] == "done":  # a win for a day gone by has no invented time (Journal.add)
        when = at if day == journal.now().date() else day
        notes[WINS] = [{"at": when, "text": win, "tags": list(clean_tags([STEP_TAG]))}]
    return journal.note(day, notes)


def set_help(journal: Journal, text: str, doing: bool, own: bool = False) -> Saved:
    """Whether the parent does this now to spare the child (`own`: their own words)."""
    item: dict[str, Any] = {"at": journal.now().replace(microsecond=0), "text": step_text(text)}
    item["doing"] = doing
    if own:
        item["own"] = True
    return journal.note(item["at"].date(), {"helps": [item]})


def choose_change(journal: Journal, text: str, say: str, start: date) -> Saved:
    """The one thing to change, the sentence that tells the child, and when it starts."""
    now = journal.now().replace(microsecond=0)
    item = {"at": now, "text": step_text(text), "say": said(say), "start": start}
    return journal.note(now.date(), {"change": [item]})


def log_held(
    journal: Journal, day: date, went: str, words: str | None = None, upset: Any = None
) -> Saved:
    """How holding to the change went that evening, and if given, what was said and how
    upset the child was (0-10)."""
    item: dict[str, Any] = {"at": _at(journal, day), "went": choice(went, HELD_WENT)}
    if text := said(words):
        item["said"] = text
    if (number := score(upset)) is not None:
        item["upset"] = number
    return journal.note(day, {"held": [item]})


def plan_tomorrow(journal: Journal, day: date, words: str) -> Saved:
    """The plan for the next morning, written on the evening of `day`: the step to try,
    what to say, what not to do, the fallback - in the parent's words."""
    item = {"at": _at(journal, day), "text": said(words)}
    return journal.note(day, {"tomorrow": [item]})
