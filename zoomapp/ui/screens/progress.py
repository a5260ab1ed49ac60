"""Progress: weeks of the journal as a picture and a few plain sentences.

Bars of small wins per week, days with something written, tension before and after
sessions - every figure written as a number too, so it reads the same in NO_COLOR and to
a screen reader. `[` and `]` move through time, `-` and `+` show fewer or more weeks,
`e` writes the same weeks as a printable page to take to a meeting.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.core.files import atomic_write, plain_reason
from zoomapp.core.journal.dates import span
from zoomapp.core.journal.export import export
from zoomapp.core.journal.progress import (
    DEFAULT_WEEKS,
    Progress,
    Row,
    chart_rows,
    chart_text,
    read_progress,
    summary,
    weeks_to,
)
from zoomapp.core.school.plan import Plan, plan_of
from zoomapp.core.school.weeks import school_lines, school_rows
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

WEEK_CHOICES = (4, 8, 12, 26, 52)


class Chart(Words):
    """The chart's lines, the bars in the accent colour and the dates muted."""

    DEFAULT_CSS = """
    Chart > .chart--bar { color: $accent; text-style: bold; }
    Chart > .chart--date { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"chart--bar", "chart--date"}

    def draw(self, rows: list[Row], lines: list[str]) -> None:
        styles = {
            kind: self.get_component_rich_style(f"chart--{kind}", partial=True)
            for kind in ("bar", "date")
        }
        chart = Text(no_wrap=True, overflow="crop")  # a row of weeks never breaks
        for row, line in zip(rows, lines, strict=True):
            chart.append(line + "\n", styles.get(row.kind))
        chart.rstrip()
        self.say(chart)


class ProgressScreen(ZoomScreen):
    CSS_PATH = "journal.tcss"
    KEYS = (
        Key("escape,q", "back", "key_back", key_display="esc"),
        Key("e", "export", "key_export"),
        Key("left_square_bracket", "move(-1)", "key_earlier", key_display="["),
        Key("right_square_bracket", "move(1)", "key_later", key_display="]"),
        # Fewer or more weeks: in the palette, to leave the key bar room at 80 columns.
        Key("minus", "weeks(-1)", "key_fewer_weeks", key_display="-", show=False),
        Key("plus,equals_sign", "weeks(1)", "key_more_weeks", key_display="+", show=False),
        Key("t", "this_week", "key_this_week"),
    )

    def __init__(self, end: date | None = None, weeks: int = DEFAULT_WEEKS) -> None:
        super().__init__()
        self.today = self.zoomapp.wall_clock().date()
        # Opened from a day in the weeks shown, they reach to this week; from further back,
        # to the week of that day.
        recent = end is None or end >= weeks_to(self.today, weeks)[0]
        self.end: date = self.today if recent or end is None else end
        self.weeks = weeks
        self._read: tuple[tuple[date, date], Progress] | None = None  # the weeks last read
        self._plan: Plan | None = None  # the way back to school, read once

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="progress"):
            yield Words(self.content.text("progress_title"), id="progress-title")
            yield Words(id="progress-range")
            yield Chart(id="progress-chart")
            yield Words(id="progress-summary")
            yield Words(id="progress-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#progress-status").display = False
        self.show()

    def on_resize(self) -> None:
        self.show()  # drawn again to the new width, from the weeks already read

    @property
    def shown_weeks(self) -> tuple[date, date]:
        return weeks_to(self.end, self.weeks)

    def show(self) -> None:
        text = self.content.text
        start, end = self.shown_weeks
        if self._read is None or self._read[0] != (start, end):
            self._read = ((start, end), read_progress(self.zoomapp.journal, start, end))
        found = self._read[1]
        if self._plan is None:
            self._plan = plan_of(self.zoomapp.journal)
        # The room inside the page's padding, less a scroll bar it may need.
        width = max(20, self.size.width - 8)
        more = school_rows(self._plan, [w.start for w in found.weeks], text)
        rows = chart_rows(found, text, width, more)
        self.query_one(Chart).draw(rows, chart_text(rows, width))
        self.query_one("#progress-range", Words).say(span(start, end, text))
        lines = summary(found, text) + school_lines(self._plan, start, end, text)
        self.query_one("#progress-summary", Words).say("\n".join(lines))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "move" and parameters == (1,):
            return self.shown_weeks[1] < self.today  # nothing later than this week
        return True

    def action_move(self, direction: int) -> None:
        moved = self.end + timedelta(weeks=self.weeks * direction)
        self.end = min(moved, self.today)
        self.show()
        self.refresh_bindings()

    def action_weeks(self, direction: int) -> None:
        now = min(WEEK_CHOICES, key=lambda n: abs(n - self.weeks))
        index = WEEK_CHOICES.index(now) + direction
        self.weeks = WEEK_CHOICES[max(0, min(len(WEEK_CHOICES) - 1, index))]
        self.show()

    def action_this_week(self) -> None:
        self.end = self.today
        self.show()
        self.refresh_bindings()

    def action_export(self) -> None:
        """The weeks on screen as a printable page, in the parent's Documents folder: what
        goes in is chosen first (feelings and sessions only if ticked)."""
        self.zoomapp.open_screen("export_choice", then=self._write_page)

    def _write_page(self, kinds: tuple[str, ...] | None) -> None:
        if kinds is None:
            return  # left without writing
        text = self.content.text
        start, end = self.shown_weeks
        journal = self.zoomapp.journal
        page = export("html", journal.days(start, end), self.content, start, end, kinds)
        target = export_target(self.today)
        try:
            atomic_write(target, page, private_folder=False)
        except OSError as exc:
            said = text("cli_export_failed", file=str(target), reason=plain_reason(exc))
        else:
            said = text("progress_exported", file=str(target))
        status = self.query_one("#progress-status", Words)
        status.say(said)
        status.display = True
        status.scroll_visible()

    def action_back(self) -> None:
        self.app.pop_screen()


def export_target(today: date) -> Path:
    """A new file in Documents (or home): never one that is there already."""
    from platformdirs import user_documents_dir

    folder = Path(user_documents_dir())
    if not folder.is_dir():
        folder = Path.home()
    name = f"zoomapp-summary-{today.isoformat()}"
    target = folder / f"{name}.html"
    number = 2
    while target.exists():
        target = folder / f"{name}-{number}.html"
        number += 1
    return target
