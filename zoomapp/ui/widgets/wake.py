"""Wake a screen exactly when something visible will change, and at no other time.

Screens say when their next change is due (the next second of a countdown, the next
breathing phase, the next animation frame); one timer is armed for that moment. Nothing
is counted: each wake recomputes everything from elapsed time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.events import ScreenResume, ScreenSuspend
from textual.timer import Timer
from textual.widget import Widget

from zoomapp.core.clock import Stopwatch
from zoomapp.core.sessions import SessionResult

FRAME = 1 / 15  # redraws a second while a shape is moving: calm, and cheap on CPU


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


class TimedScreen:
    """For timed screens: a stopwatch over the app's clock, a waker for redraws, a clock
    that truly stops while another screen covers this one, and the session kept in the
    journal whenever the screen goes - finished, ended, or closed with the window."""

    stopwatch: Stopwatch
    waker: Waker
    started_at: datetime
    _paused_by_cover: bool = False

    def setup_timing(self, on_wake: Callable[[], float | None]) -> None:
        """Call from __init__: `on_wake` redraws and says when the next change is due."""
        self.stopwatch = Stopwatch(self.app.clock)  # type: ignore[attr-defined]
        self.waker = Waker(self, on_wake)  # type: ignore[arg-type]
        self.started_at = self.app.wall_clock()  # type: ignore[attr-defined]

    def start_clock(self) -> None:
        """Call from on_mount: time starts moving and the first redraw happens."""
        self.stopwatch.start()
        self.waker.wake()

    def on_screen_suspend(self, _: ScreenSuspend) -> None:
        if not self.stopwatch.paused:
            self.stopwatch.pause()
            self._paused_by_cover = True
        self.waker.stop()

    def on_screen_resume(self, _: ScreenResume) -> None:
        if self._paused_by_cover:
            self.stopwatch.resume()
            self._paused_by_cover = False
        if self.stopwatch.started and self.time_is_moving():
            self.waker.wake()

    def time_is_moving(self) -> bool:
        """Whether the screen still has time moving (False once it has finished)."""
        return True

    def session_result(self) -> SessionResult | None:
        """The session as it stands, for this screen to keep; None once it is handed over."""
        return None

    def keep_unsaved(self) -> None:
        """Keep the session in the journal as it stands (the app may be closing now).

        Called when the session ends, when the screen goes and when the app is closed
        from outside; the app writes it only when it changed.
        """
        result = self.session_result()
        if result is not None:
            self.app.record_session(result)  # type: ignore[attr-defined]

    def on_unmount(self) -> None:
        self.waker.stop()
        self.keep_unsaved()
