"""The way back to school over weeks, for Progress, `zoomapp journal progress` and the page
for a school meeting: school days by week and by weekday (Mondays often differ), steps
done, and how holding to the change has gone - in numbers and plain words, never as days
"missed"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import NamedTuple

from zoomapp.core.journal.progress import Row
from zoomapp.core.school.plan import Plan

Text = Callable[..., str]
WEEKDAYS = 5  # Monday to Friday


class SchoolWeek(NamedTuple):
    start: date  # a Monday
    at_school: int = 0  # days there, all day or part of it
    part: int = 0
    noted: int = 0  # school days noted (a day with no school is not one)
    done: int = 0  # steps done
    held: int = 0  # evenings the change held (partly counts as half, in words only)


def school_weeks(plan: Plan, starts: list[date]) -> list[SchoolWeek]:
    """One SchoolWeek for each Monday in `starts`."""
    found = []
    for start in starts:
        end = start + timedelta(days=6)
        days = [d for day, d in plan.days.items() if start <= day <= end and d.went != "off"]
        found.append(
            SchoolWeek(
                start,
                sum(d.went in ("full", "part") for d in days),
                sum(d.went == "part" for d in days),
                len(days),
                sum(t.went == "done" and start <= t.day <= end for t in plan.tried),
                sum(h.went == "held" and start <= h.day <= end for h in plan.held),
            )
        )
    return found


def school_rows(plan: Plan, starts: list[date], text: Text) -> list[Row]:
    """Rows for the Progress chart, a cell for each week: days at school (all day or part;
    "-" for a week with no school day noted), steps done, evenings the change held - each
    row only when there is any of it."""
    weeks = school_weeks(plan, starts)
    rows = []
    if any(w.noted for w in weeks):
        cells = [str(w.at_school) if w.noted else "-" for w in weeks]
        rows.append(Row(text("progress_row_school"), cells, "number"))
    if any(w.done for w in weeks):
        rows.append(Row(text("progress_row_steps"), [str(w.done) for w in weeks], "number"))
    if plan.change is not None:
        rows.append(Row(text("progress_row_held"), [str(w.held) for w in weeks], "number"))
    return rows


def by_weekday(plan: Plan, start: date, end: date) -> list[tuple[int, int]]:
    """Monday to Friday: (days at school, school days noted) from `start` to `end`."""
    counts = [[0, 0] for _ in range(WEEKDAYS)]
    for day, noted in plan.days.items():
        if start <= day <= end and day.weekday() < WEEKDAYS and noted.went != "off":
            counts[day.weekday()][1] += 1
            counts[day.weekday()][0] += noted.went in ("full", "part")
    return [(at, of) for at, of in counts]


def school_lines(plan: Plan, start: date, end: date, text: Text) -> list[str]:
    """A few plain sentences: the school days, the weekdays, the steps, the change."""
    days = [d for day, d in plan.days.items() if start <= day <= end and d.went != "off"]
    if not (days or plan.tried or plan.held):
        return []
    lines = []
    if days:
        full = sum(d.went == "full" for d in days)
        part = sum(d.went == "part" for d in days)
        lines.append(text("progress_school_days", noted=len(days), full=full, part=part))
        names = text("weekdays").split(",")
        shown = [
            text(
                "progress_school_weekday", day=names[i] if len(names) == 7 else i + 1, at=at, of=of
            )
            for i, (at, of) in enumerate(by_weekday(plan, start, end))
            if of
        ]
        lines.append(text("progress_school_weekdays", days=", ".join(shown)))
    climbed = [t.text for t in plan.tried if t.went == "done" and start <= t.day <= end]
    done = list(dict.fromkeys(climbed))
    if done:
        lines.append(text("progress_school_steps", count=len(done), steps="; ".join(done)))
    held = [h.went for h in plan.held if start <= h.day <= end]
    if held:
        lines.append(
            text(
                "progress_school_held",
                held=held.count("held"),
                partly=held.count("partly"),
                notyet=held.count("notyet"),
            )
        )
    return lines
