"""The one base of the timed screens - breathe, grounding, zoom in and zoom out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.events import ScreenResume, ScreenSuspend

from zoomapp.core.clock import Stopwatch
from zoomapp.core.practice.session_result import SessionResult
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.wake import Waker

# q quits from a session as it does from home: the session is kept as ended early, as with
# ctrl+q or a closed window (the app's exit keeps every screen's). The palette has Quit.
QUIT = Key("q", "app.quit", "key_quit", show=False, palette=False)


class TimedScreen(ZoomScreen):
    """For timed screens: a stopwatch over the app's clock, a waker for redraws, a clock
    that truly stops while another screen covers this one, and the session kept in the
    journal whenever the screen goes - finished, ended, or closed with the window."""

    stopwatch: Stopwatch
    waker: Waker
    started_at: datetime
    _paused_by_cover: bool = False

    def setup_timing(self, on_wake: Callable[[], float | None]) -> None:
        """Call from __init__: `on_wake` redraws and says when the next change is due."""
        self.stopwatch = Stopwatch(self.zoomapp.clock)
        self.waker = Waker(self, on_wake)
        self.started_at = self.zoomapp.wall_clock()

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
            self.zoomapp.record_session(result)

    def on_unmount(self) -> None:
        self.waker.stop()
        self.keep_unsaved()
