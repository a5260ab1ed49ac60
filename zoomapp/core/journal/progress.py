"""The long view: weeks of the journal as numbers, a picture in Unicode, and plain sentences.

Counts what helps a parent see progress that is invisible day to day: small wins per week,
days with something written, and tension before and after sessions. Never a streak and
never a count of days missed. Used by the Progress screen, `zoomapp journal progress`
and the exports, so all of them say the same.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import date, timedelta
from typing import NamedTuple

from zoomapp.core.content.model import Content, decimal
from zoomapp.core.journal.dates import written_date
from zoomapp.core.journal.day import Day
from zoomapp.core.journal.store import Journal
from zoomapp.core.practice.session_result import SessionResult

Text = Callable[..., str]
DEFAULT_WEEKS = 12
BARS = " ▁▂▃▄▅▆▇█"
BAR_ROWS = 4


class Week(NamedTuple):
    start: date  # a Monday
    wins: int = 0
    strengths: int = 0
    days_written: int = 0  # days with a win, a strength, a feeling or a session
    sessions: int = 0
    before: float | None = None  # average tension before sessions, 0-10
    after: float | None = None  # and after (of sessions rated both times)


class Progress(NamedTuple):
    start: date
    end: date
    weeks: list[Week]
    wins: int
    strengths: int
    days_written: int
    sessions: int
    rated: int  # sessions with a rating before and after
    change: float | None  # their average of after - before (negative: calmer)


def weeks_to(end: date, count: int = DEFAULT_WEEKS) -> tuple[date, date]:
    """The `count` whole weeks (Monday to Sunday) that end with the week holding `end`."""
    monday = end - timedelta(days=end.weekday())
    return monday - timedelta(weeks=count - 1), monday + timedelta(days=6)


class _Tally:
    """One week being counted."""

    __slots__ = ("wins", "strengths", "days", "sessions", "before", "after")

    def __init__(self) -> None:
        self.wins = self.strengths = self.days = self.sessions = 0
        self.before: list[float] = []
        self.after: list[float] = []


def progress(days: Iterable[Day], start: date, end: date) -> Progress:
    """Count `days` (those from `start` to `end`) into the weeks that hold them."""
    first = start - timedelta(days=start.weekday())
    tallies = [_Tally() for _ in range((end - first).days // 7 + 1)]
    changes: list[float] = []
    for day in days:
        if not start <= day.day <= end or day.is_empty:
            continue
        tally = tallies[(day.day - first).days // 7]
        tally.wins += len(day.wins)
        tally.strengths += len(day.strengths)
        tally.days += 1
        tally.sessions += len(day.sessions)
        for session in day.sessions:
            if session.rating_before is not None and session.rating_after is not None:
                before = session.on_ten(session.rating_before)
                after = session.on_ten(session.rating_after)
                tally.before.append(before)
                tally.after.append(after)
                changes.append(after - before)
    weeks = [
        Week(
            first + timedelta(weeks=index),
            t.wins,
            t.strengths,
            t.days,
            t.sessions,
            _average(t.before),
            _average(t.after),
        )
        for index, t in enumerate(tallies)
    ]
    return Progress(
        start,
        end,
        weeks,
        sum(w.wins for w in weeks),
        sum(w.strengths for w in weeks),
        sum(w.days_written for w in weeks),
        sum(w.sessions for w in weeks),
        len(changes),
        _average(changes),
    )


def _average(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


# --- in words -----------------------------------------------------------------------------


def summary(found: Progress, text: Text) -> list[str]:
    """A few plain, kind sentences about the weeks: what was noted, what sessions did."""
    if not found.days_written:
        return [text("progress_nothing")]
    lines = [text("progress_written", days=found.days_written, wins=found.wins)]
    if found.strengths:
        lines[0] += " " + text("progress_strengths", count=found.strengths)
    if found.change is not None:
        amount = decimal(abs(found.change), text)
        if found.change <= -0.05:
            lines.append(text("progress_calmer", amount=amount, count=found.rated))
        elif found.change >= 0.05:
            lines.append(text("progress_tenser", amount=amount, count=found.rated))
        else:
            lines.append(text("progress_same", count=found.rated))
    elif found.sessions:
        lines.append(text("progress_sessions", count=found.sessions))
    best = max(found.weeks, key=lambda w: (w.wins, w.start))
    if best.wins and len(found.weeks) > 1:
        lines.append(text("progress_best_week", day=written_date(best.start, text)))
    return lines


# --- as a picture -------------------------------------------------------------------------


class Row(NamedTuple):
    label: str
    cells: list[str]
    kind: str  # "bar", "number", "tension" or "date": how the screen colours it


def chart_rows(
    found: Progress, text: Text, width: int = 80, more: list[Row] | None = None
) -> list[Row]:
    """The weeks as rows of cells, one cell per week: bars of wins, then the numbers (and
    `more` rows, a cell for each of the weeks, such as the school days: core/school).

    Every figure is also written as a number, so the picture reads the same without
    colour and to a screen reader. With more weeks than fit in `width`, the newest show.
    """
    labels = [
        text("progress_row_wins"),
        text("progress_row_days"),
        text("progress_row_before"),
        text("progress_row_after"),
        text("progress_row_weeks"),
    ]
    more = more or []
    label_width = max(len(label) for label in labels + [row.label for row in more]) + 1
    cell = 3
    fits = max(1, (width - label_width) // cell)
    weeks = found.weeks[-fits:]
    top = max([w.wins for w in weeks] + [1])
    rows = []
    for level in range(BAR_ROWS, 0, -1):  # each row holds eight steps of the bar
        cells = []
        for week in weeks:
            eighths = round(week.wins / top * BAR_ROWS * 8)
            filled = max(0, min(8, eighths - (level - 1) * 8))
            if week.wins and level == 1 and not filled:
                filled = 1  # a week with a win never looks empty
            cells.append(BARS[filled] * 2)
        rows.append(Row("", cells, "bar"))
    rows.append(Row(labels[0], [str(w.wins) for w in weeks], "number"))
    rows.append(Row(labels[1], [str(w.days_written) for w in weeks], "number"))
    if any(w.before is not None for w in weeks):
        rows.append(Row(labels[2], [_tension(w.before) for w in weeks], "tension"))
        rows.append(Row(labels[3], [_tension(w.after) for w in weeks], "tension"))
    rows += [Row(row.label, row.cells[-len(weeks) :], row.kind) for row in more]
    rows.append(Row(labels[4], [str(w.start.day) for w in weeks], "date"))
    months = text("months_short").split(",")
    marks = []
    for index, week in enumerate(weeks):
        new_month = index == 0 or week.start.month != weeks[index - 1].start.month
        name = months[week.start.month - 1] if len(months) == 12 else f"{week.start.month}"
        marks.append(name if new_month else "")
    if len(marks) > 1 and marks[1]:
        marks[0] = ""  # a month that shows for one week only would run into the next
    rows.append(Row("", marks, "date"))
    return rows


def _tension(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f}"


def chart_text(rows: list[Row], width: int = 80) -> list[str]:
    """The rows as lines of text, labels on the left, each week's cell three wide."""
    label_width = max(len(row.label) for row in rows) + 1
    lines = []
    for row in rows:
        line = row.label.ljust(label_width)
        for index, value in enumerate(row.cells):
            if row.label == "" and row.kind == "date":  # month names may run into the next cell
                if value and len(line) < label_width + index * 3 + 1:  # a space between
                    line = line.ljust(label_width + index * 3 + 1) + value
                continue
            line += value.rjust(3)
        lines.append(line[:width].rstrip())
    return lines


def choose_range(
    today: date, start: date | None = None, end: date | None = None, weeks: int | None = None
) -> tuple[date, date]:
    """The weeks to show: given dates, or `weeks` (12) ending this week or starting at `start`."""
    if start and end:
        return start, end
    count = weeks or DEFAULT_WEEKS
    if start:
        first = start - timedelta(days=start.weekday())
        return start, first + timedelta(weeks=count) - timedelta(days=1)
    return weeks_to(end or today, count)


def read_progress(journal: Journal, start: date, end: date) -> Progress:
    """The journal's weeks from `start` to `end`: only those days' files are read."""
    return progress(journal.days(start, end), start, end)


def helps_words(rows: list[Helps], content: Content) -> list[tuple[str, str, float | None]]:
    """What helps, in words: (name and how many sessions, the average change, the change)."""
    text = content.text
    found = []
    for row in rows:
        item = content.recipes.get(row.item_id) or content.patterns.get(row.item_id)
        name = item.name if item else row.item_id
        title = content.counted("helps_row", row.done, name=name)
        if row.change is None:
            detail = text("helps_unrated")
        elif row.change < -0.05:
            detail = text("helps_calmer", amount=decimal(-row.change, text))
        elif row.change > 0.05:
            detail = text("helps_tenser", amount=decimal(row.change, text))
        else:
            detail = text("helps_same")
        found.append((title, detail, row.change))
    return found


class Helps(NamedTuple):
    """How one pattern or recipe has gone for this parent."""

    kind: str
    item_id: str
    done: int  # sessions done
    rated: int  # sessions with a rating before and after
    change: float | None  # average of after - before (negative: calmer)


def what_helps(records: Iterator[SessionResult]) -> list[Helps]:
    """Per pattern and recipe: how many sessions, and the average change in tension."""
    table: dict[tuple[str, str], list[SessionResult]] = {}
    for record in records:
        table.setdefault((record.kind, record.item_id), []).append(record)
    rows = []
    for (kind, item_id), records_for in table.items():
        changes = [  # on the 0-10 scale, so old 0-9 ratings count for what they meant
            r.on_ten(r.rating_after) - r.on_ten(r.rating_before)
            for r in records_for
            if r.rating_before is not None and r.rating_after is not None
        ]
        average = sum(changes) / len(changes) if changes else None
        rows.append(Helps(kind, item_id, len(records_for), len(changes), average))
    rows.sort(key=lambda r: (r.change if r.change is not None else 99, -r.done))
    return rows
