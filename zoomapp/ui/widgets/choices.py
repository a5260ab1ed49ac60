"""A calm list of choices: one line each, arrow keys and Enter, or a click.

Lighter than OptionList (no scrolling machinery), which keeps the home screen instant.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from zoomapp.ui.widgets.words import shown_as_written


class ChoiceList(Widget, can_focus=True):
    DEFAULT_CSS = """
    ChoiceList { height: auto; width: 1fr; }
    ChoiceList > .choice--highlight { background: $primary 30%; }
    ChoiceList:focus > .choice--highlight { background: $primary; color: $text; }
    """
    COMPONENT_CLASSES = {"choice--highlight"}
    BINDINGS = [
        Binding("up", "move(-1)", show=False),
        Binding("down", "move(1)", show=False),
        Binding("enter", "select", show=False),
    ]

    highlighted: reactive[int] = reactive(0)

    class Selected(Message):
        def __init__(self, choices: ChoiceList, choice_id: str) -> None:
            super().__init__()
            self.choices = choices
            self.choice_id = choice_id

        @property
        def control(self) -> ChoiceList:
            return self.choices

    def __init__(self, choices: list[tuple[str, Text]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._ids = [choice_id for choice_id, _ in choices]
        self._lines = [shown_as_written(line) for _, line in choices]
        self._wrapped: tuple[int, list[tuple[int, Text]]] | None = None

    def set_choices(self, choices: list[tuple[str, Text]]) -> None:
        self._ids = [choice_id for choice_id, _ in choices]
        self._lines = [shown_as_written(line) for _, line in choices]
        self._wrapped = None
        self.highlighted = max(0, min(self.highlighted, len(self._ids) - 1))
        self.refresh(layout=True)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._rows(width))

    def _rows(self, width: int) -> list[tuple[int, Text]]:
        """(choice index, line) for every screen line, wrapped once per width."""
        if self._wrapped is None or self._wrapped[0] != width:
            rows: list[tuple[int, Text]] = []
            for index, shown in enumerate(self._lines):
                line = Text(shown) if isinstance(shown, str) else shown
                if line.cell_len <= width and "\n" not in line.plain:  # quicker than wrap
                    rows.append((index, line))
                    continue
                for part in line.wrap(self.app.console, max(1, width)):
                    rows.append((index, part))
            self._wrapped = (width, rows)
        return self._wrapped[1]

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        rows = self._rows(width)
        if y >= len(rows):
            return Strip.blank(width, self.rich_style)
        index, text = rows[y]
        text = text.copy()
        text.truncate(width, pad=True)
        style = self.rich_style
        if index == self.highlighted:
            style += self.get_component_rich_style("choice--highlight")
        text.stylize_before(style)
        return Strip(text.render(self.app.console), width)

    def watch_highlighted(self) -> None:
        self.refresh()
        self.call_after_refresh(self.reveal)

    def reveal(self) -> None:
        """Scroll a long list (inside a scrolling container) so the highlight is in view."""
        rows = [
            y
            for y, (index, _) in enumerate(self._rows(self.size.width))
            if index == self.highlighted
        ]
        if rows and isinstance(self.parent, Widget):
            where = Region(0, self.virtual_region.y + rows[0], self.size.width, len(rows))
            self.parent.scroll_to_region(where, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        if self._ids:
            self.highlighted = (self.highlighted + step) % len(self._ids)

    def action_select(self) -> None:
        if self._ids:
            self.post_message(self.Selected(self, self._ids[self.highlighted]))

    def on_click(self, event: events.Click) -> None:
        rows = self._rows(self.size.width)
        if 0 <= event.y < len(rows):
            self.highlighted = rows[event.y][0]
            self.action_select()
