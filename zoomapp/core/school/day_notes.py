"""A day's notes of the way back to school, as the journal shows them: found by search
where they hold the parent's own words, and said in lines under the day's entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from zoomapp.core.journal.dates import written_date
from zoomapp.core.journal.day import Day, Entry, moment
from zoomapp.core.safe_text import printable
from zoomapp.core.school.plan import read_plan

# How a note found by search is marked (cli_mark_{kind}): a step of the ladder, the
# parent's own item or chosen change in the plan, and the evening's words.
STEP, PLAN, EVENING = "step", "plan", "evening"
FOUND_ONCE = (STEP, PLAN)  # noted again when moved or ticked: found where first written


def _words(kind: str, item: dict[str, Any]) -> tuple[str, str] | None:
    """(mark, the parent's words) of one note, or None when it holds none of theirs."""

    def said(key: str) -> str:
        value = item.get(key)
        return printable(value) if isinstance(value, str) else ""

    if kind == "ladder":
        return STEP, said("text")
    if kind == "helps" and item.get("own") is True:
        return PLAN, said("text")
    if kind == "change":
        return PLAN, "\n".join(w for w in (said("text"), said("say")) if w)
    if kind == "held":
        return EVENING, said("said")
    if kind == "tomorrow":
        return EVENING, said("text")
    return None


def searchable(day: Day) -> list[Entry]:
    """The parent's words in the day's school notes, as entries search can find: a step
    as written, their own item and the change in the plan (with what they will say),
    what they said in the evening, and the plan for the next morning."""
    found = []
    for position, (kind, item) in enumerate(day.school):
        said = _words(kind, item)
        if said is not None and said[1]:
            at = moment(item.get("at"), day.day)
            found.append(Entry(said[0], day.day, position, at, said[1]))
    return found


def first_written(entries: list[Entry]) -> list[Entry]:
    """`entries` with a step or plan item noted again (moved, ticked) kept once: where it
    was first written."""
    first: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.kind, entry.text)
        if entry.kind in FOUND_ONCE and (key not in first or entry.at < first[key].at):
            first[key] = entry
    return [e for e in entries if e.kind not in FOUND_ONCE or first[(e.kind, e.text)] is e]


def day_lines(day: Day, text: Callable[..., str]) -> list[str]:
    """Each school note of the day in a line of the pack's words, in the order of the
    way back: the school day, the ladder, the plan, the evening."""
    plan = read_plan([day])
    lines = []
    if day.day in plan.days:
        lines.append(text("journal_school_day", went=plan.days[day.day].words(text)))
    for step in plan.ladder + plan.retired:
        key = "journal_school_retired" if step.retired else "journal_school_step"
        lines.append(text(key, text=step.text))
    for tried in plan.tried:
        went = text(f"school_tried_{tried.went}")
        lines.append(text("journal_school_tried", text=tried.text, went=went))
    lines += [text("journal_school_own", text=own) for own in plan.own]
    if plan.change is not None:
        start = written_date(plan.change.start, text)
        lines.append(text("school_plan_line", start=start, text=plan.change.text))
        if plan.change.say:
            lines.append(text("school_plan_say", say=plan.change.say))
    for held in plan.held:
        lines.append(text("plan_tonight", went=text(f"school_held_{held.went}")))
        if held.said:
            lines.append(text("journal_school_said", said=held.said))
    if day.day in plan.tomorrow:
        lines.append(text("journal_school_tomorrow", text=plan.tomorrow[day.day]))
    return lines
