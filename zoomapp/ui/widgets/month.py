"""A month at a glance: days with a win are marked, today is underlined, and the chosen
day is drawn in black or white on the theme's colour, whichever reads better (at least
4.5:1), or reversed when there is no colour at all. Arrow keys move the chosen day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from zoomapp.ui.contrast import text_on


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), kept within the dates a calendar can show."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if year < date.min.year:
        return date.min
    if year > date.max.year:
        return date.max
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def add_days(day: date, days: int) -> date:
    try:
        return day + timedelta(days=days)
    except OverflowError:  # past 9999-12-31 or before 0001-01-01: stay at the edge
        return date.max if days > 0 else date.min


class MonthGrid(Widget, can_focus=True):
    DEFAULT_CSS = """
    MonthGrid > .month--win { color: $accent; text-style: bold; }
    MonthGrid > .month--muted { color: $text-muted; }
    MonthGrid > .month--today { text-style: underline; }
    """
    COMPONENT_CLASSES = {"month--win", "month--muted", "month--today"}
    BINDINGS = [
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
        Binding("up", "move(-7)", show=False),
        Binding("down", "move(7)", show=False),
        Binding("pageup", "month(-1)", show=False),
        Binding("pagedown", "month(1)", show=False),
    ]

    chosen: reactive[date] = reactive(date(2000, 1, 1))

    class Moved(Message):
        def __init__(self, day: date) -> None:
            super().__init__()
            self.day = day

    def __init__(
        self,
        chosen: date,
        month_name: str,
        weekdays: list[str],
        today: date | None = None,
        id: str | None = None,
    ):
        super().__init__(id=id)
        self.set_reactive(MonthGrid.chosen, chosen)
        self.today = today or chosen
        self.month_name = month_name
        self.weekdays = weekdays
        self.wins: dict[int, int] = {}

    def show_month(self, wins: dict[int, int], month_name: str) -> None:
        self.wins = wins
        self.month_name = month_name
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return 2 + len(calendar.monthcalendar(self.chosen.year, self.chosen.month))

    def chosen_style(self) -> Style:
        """The chosen day: the theme's primary colour (paler when the month is not focused)
        under black or white text, whichever contrasts more. Reversed without colour, and in
        the ANSI themes, whose colours are the terminal's own palette, unknown here: the
        terminal's text and background swapped read as well as any text it shows."""
        if self.app.no_color or self.app.theme.startswith("ansi"):
            return Style(reverse=True, bold=True, underline=self.has_focus)
        behind = self.background_colors[1]
        primary = Color.parse(self.app.theme_variables.get("primary", "blue"))
        background = primary if self.has_focus else behind.blend(primary, 0.4)
        return Style(color=text_on(background).rich_color, bgcolor=background.rich_color, bold=True)

    def render(self) -> Text:
        win = self.get_component_rich_style("month--win", partial=True)
        chosen = self.chosen_style()
        muted = self.get_component_rich_style("month--muted", partial=True)
        today = self.get_component_rich_style("month--today", partial=True)
        this_month = (self.today.year, self.today.month) == (self.chosen.year, self.chosen.month)
        out = Text(f"{self.month_name} {self.chosen.year}".center(28) + "\n", "bold")
        out.append(" ".join(f"{d[:2]:>2} " for d in self.weekdays).rstrip() + "\n", muted)
        for week in calendar.monthcalendar(self.chosen.year, self.chosen.month):
            for column, number in enumerate(week):
                if column:
                    out.append(" ")
                if not number:
                    out.append("   ")
                    continue
                marked = self.wins.get(number, 0) > 0
                written = number in self.wins  # a strength, a feeling, a session ...
                style = win if marked else Style()
                if this_month and number == self.today.day:
                    style += today
                if number == self.chosen.day:
                    style = (today if this_month and number == self.today.day else Style()) + chosen
                out.append(f"{number:>2}", style)
                mark = "•" if marked else "·" if written else " "
                out.append(mark, chosen if number == self.chosen.day else win)
            out.append("\n")
        out.rstrip()
        return out

    def action_move(self, days: int) -> None:
        self.chosen = add_days(self.chosen, days)

    def action_month(self, months: int) -> None:
        self.chosen = add_months(self.chosen, months)

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def watch_chosen(self, day: date) -> None:
        self.post_message(self.Moved(day))
        self.refresh(layout=True)
