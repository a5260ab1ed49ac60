"""A month at a glance: days with a win are marked; arrow keys move the chosen day."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


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
    MonthGrid > .month--chosen { background: $primary 40%; }
    MonthGrid:focus > .month--chosen { background: $primary; color: $text; }
    MonthGrid > .month--muted { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"month--win", "month--chosen", "month--muted"}
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

    def __init__(self, chosen: date, month_name: str, weekdays: list[str], id: str | None = None):
        super().__init__(id=id)
        self.set_reactive(MonthGrid.chosen, chosen)
        self.month_name = month_name
        self.weekdays = weekdays
        self.wins: dict[int, int] = {}

    def show_month(self, wins: dict[int, int], month_name: str) -> None:
        self.wins = wins
        self.month_name = month_name
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:  # type: ignore[override]
        return 2 + len(calendar.monthcalendar(self.chosen.year, self.chosen.month))

    def render(self) -> Text:
        win = self.get_component_rich_style("month--win", partial=True)
        chosen = self.get_component_rich_style("month--chosen", partial=True)
        muted = self.get_component_rich_style("month--muted", partial=True)
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
                cell = f"{number:>2}" + ("•" if marked else " ")
                style = win if marked else None
                if number == self.chosen.day:
                    style = chosen + win if marked else chosen
                out.append(cell, style)
            out.append("\n")
        out.rstrip()
        return out

    def action_move(self, days: int) -> None:
        self.chosen = add_days(self.chosen, days)

    def action_month(self, months: int) -> None:
        self.chosen = add_months(self.chosen, months)

    def watch_chosen(self, day: date) -> None:
        self.post_message(self.Moved(day))
        self.refresh(layout=True)
