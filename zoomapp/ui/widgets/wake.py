"""Wake a screen exactly when something visible will change, and at no other time.

Screens say when their next change is due (the next second of a countdown, the next
breathing phase, the next animation frame); one timer is armed for that moment. Nothing
is counted: each wake recomputes everything from elapsed time.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

FRAME = 1 / 12  # redraws a second while a shape is moving: calm, and cheap on CPU (<= 5 %)


class Waker:
    def __init__(self, owner: Widget, on_wake: Callable[[], float | None]) -> None:
        """`on_wake` redraws and returns seconds until the next change, or None to sleep."""
        self._owner = owner
        self._on_wake = on_wake
        self._timer: Timer | None = None

    def wake(self) -> None:
        self.stop()
        delay = self._on_wake()
        if delay is not None:
            # A hair past the moment, so the redraw lands on the new value.
            self._timer = self._owner.set_timer(max(0.005, delay + 0.002), self.wake)

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


def until_next_second(seconds_left: float) -> float:
    """Time until a rounded-up countdown of `seconds_left` shows a new number."""
    fraction = seconds_left - int(seconds_left)
    return fraction if fraction > 1e-3 else 1.0 + fraction


def until_next_whole(elapsed: float) -> float:
    """Time until a rounded-down count-up of `elapsed` shows a new number."""
    return 1.0 - (elapsed % 1.0)
