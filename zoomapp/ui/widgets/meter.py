"""A thin, quiet progress bar: no animation of its own, just the fraction it is given."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class Meter(Widget):
    DEFAULT_CSS = """
    Meter { height: 1; width: 1fr; color: $primary; }
    Meter > .meter--rest { color: $panel-lighten-2; }
    """
    COMPONENT_CLASSES = {"meter--rest"}

    fraction: reactive[float] = reactive(0.0, repaint=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._drawn = -1

    def _cells(self) -> int:
        return round(max(0.0, min(1.0, self.fraction)) * self.size.width)

    def watch_fraction(self) -> None:
        if self._cells() != self._drawn:  # repaint only when a cell changes
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        done = self._drawn = self._cells()
        rest_style = self.get_component_rich_style("meter--rest")
        return Text.assemble(("━" * done, ""), ("━" * (width - done), rest_style))
