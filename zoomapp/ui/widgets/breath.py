"""The breath visual: a soft shape that grows on the in-breath and shrinks on the out-breath."""

from __future__ import annotations

import math

from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from zoomapp.core.content.model import Content
from zoomapp.core.practice.breathing import BreathState
from zoomapp.ui.widgets.words import Words

# The shape never vanishes: empty lungs still show a small seed.
SMALLEST = 0.22
SMALLEST_LARGE = 0.5  # a pattern for a child: big even on the out-breath, easy to follow


class BreathShape(Widget):
    """An ellipse drawn cell by cell; `size_fraction` 0 is a small seed, 1 fills the space."""

    DEFAULT_CSS = """
    BreathShape { width: 1fr; height: 1fr; color: $primary; }
    """

    size_fraction: reactive[float] = reactive(0.0, repaint=False)
    smallest = SMALLEST

    def __init__(self) -> None:
        super().__init__()
        self._drawn: tuple[tuple[int, int], ...] = ()

    def watch_size_fraction(self) -> None:
        # Repaint only when some cell changes: most wakes move the shape by less than a cell.
        spans = tuple(self.span(y) for y in range(self.size.height))
        if spans != self._drawn:
            self._drawn = spans
            self.refresh()

    def on_resize(self) -> None:
        self._drawn = ()
        self.watch_size_fraction()

    def span(self, y: int) -> tuple[int, int]:
        """First and past-the-last column filled on row `y` (equal when the row is empty)."""
        width, height = self.size.width, self.size.height
        scale = self.smallest + (1 - self.smallest) * max(0.0, min(1.0, self.size_fraction))
        # Terminal cells are about twice as tall as wide, so the x radius is stretched.
        radius_y = max(0.5, height / 2 - 0.5) * scale
        radius_x = min(width / 2, height / 2 * 2.2) * scale
        dy = (y - (height - 1) / 2) / radius_y
        if abs(dy) > 1:
            return 0, 0
        half = radius_x * math.sqrt(1 - dy * dy)
        center_x = (width - 1) / 2
        left = max(0, round(center_x - half))
        right = min(width, round(center_x + half) + 1)
        return left, max(left, right)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        left, right = self.span(y)
        style = self.rich_style
        blank = Style(bgcolor=style.bgcolor)
        return Strip(
            [
                Segment(" " * left, blank),
                Segment("█" * (right - left), style),
                Segment(" " * (width - right), blank),
            ],
            width,
        )


class BreathPanel(Widget):
    """The shape (unless motion is reduced), the phase in words and the seconds left."""

    DEFAULT_CSS = """
    BreathPanel { width: 100%; height: 1fr; layout: vertical; }
    BreathPanel > BreathShape { height: 1fr; min-height: 1; }
    BreathPanel > .breath-phase { width: 100%; text-align: center; text-style: bold; }
    BreathPanel > .breath-seconds { width: 100%; text-align: center; color: $text-muted; }
    BreathPanel.-reduced > BreathShape { display: none; }
    BreathPanel.-reduced > .breath-phase { height: 1fr; content-align: center bottom; }
    BreathPanel.-reduced > .breath-seconds { height: 1fr; content-align: center top; }
    """

    def compose(self) -> ComposeResult:
        yield BreathShape()
        yield Words(classes="breath-phase")
        yield Words(classes="breath-seconds")

    def show(
        self, state: BreathState, content: Content, reduced_motion: bool, large: bool = False
    ) -> None:
        """The breath at this instant: the shape, the phase in words, the seconds left."""
        self.set_class(reduced_motion, "-reduced")
        shape = self.query_one(BreathShape)
        shape.smallest = SMALLEST_LARGE if large else SMALLEST
        shape.size_fraction = state.size
        self.query_one(".breath-phase", Words).say(content.phase_label(state.phase))
        seconds = content.text("seconds_left", seconds=state.whole_seconds_left)
        self.query_one(".breath-seconds", Words).say(seconds)
