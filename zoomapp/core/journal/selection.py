"""What an export holds: the chosen kinds of entry, and the summary of the range it opens with."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date

from zoomapp.core.content.model import Content
from zoomapp.core.journal.day import SESSIONS, STRENGTHS, WINS, Day
from zoomapp.core.journal.progress import Progress, progress, summary

SCHOOL = "school"  # the way back to school: the school days, the steps, the change
KINDS = (WINS, STRENGTHS, "feelings", SESSIONS, SCHOOL)  # what --only can choose from
# What a page for a meeting holds unless the parent chooses more: never their feelings or
# sessions without asking.
FOR_A_MEETING = (WINS, STRENGTHS, SCHOOL)


def with_entries(days: Iterable[Day]) -> list[Day]:
    """The days that have an entry to list (a day holding only school notes is summed up
    at the top of a page, not listed as an empty day)."""
    return [d for d in days if d.wins or d.strengths or d.feeling or d.sessions]


def only(days: Iterable[Day], kinds: Iterable[str]) -> Iterator[Day]:
    """The days with just the chosen kinds of entry in them (a day left empty is left out)."""
    keep = set(kinds)
    for day in days:
        chosen = Day(
            day.day,
            day.wins if WINS in keep else [],
            day.strengths if STRENGTHS in keep else [],
            day.feeling if "feelings" in keep else "",
            day.sessions if SESSIONS in keep else [],
            day.school if SCHOOL in keep else (),
        )
        if not chosen.is_empty:
            yield chosen


def school_part(
    days: list[Day], kinds: Iterable[str], start: date, end: date, text: Callable[..., str]
) -> list[str]:
    """The way back to school in sentences, for the top of a page (none unless chosen)."""
    if SCHOOL not in kinds:
        return []
    from zoomapp.core.school.plan import read_plan
    from zoomapp.core.school.weeks import school_lines

    plan = read_plan(days)
    lines = school_lines(plan, start, end, text)
    if plan.change is not None:
        lines.append(text("export_change", text=plan.change.text, say=plan.change.say))
    return lines


def summary_of(
    days: list[Day], content: Content, start: date | None, end: date | None
) -> tuple[Progress, list[str]]:
    """The progress and the sentences for the exported range (all of the journal if open)."""
    first = start or (days[0].day if days else date.today())
    last = end or (days[-1].day if days else first)
    found = progress(days, first, last)
    return found, summary(found, content.text)
