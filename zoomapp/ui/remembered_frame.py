"""Home on screen the moment zoomapp starts: the frame Textual drew there last time.

Loading Textual is most of a launch. So a usual launch (home, with settings, packs, code,
terminal size and kind all as they were last time) first writes the frame Textual drew
for home then, byte for byte, and only then loads Textual, which draws the same frame over
it. Keys typed in the gap are neither shown nor lost: the terminal holds them (no echo,
a key at a time) until the app reads them, and gets its own settings back when the app
ends. The frame lives beside the launch cache, under a key of all it depends on; a
missing or damaged one is simply not used, and it can be deleted at any time.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zoomapp.core import launch_cache

if TYPE_CHECKING:
    from textual.driver import Driver

    from zoomapp.core.workspace import Workspace

FRAME_FILE = "home-frame.pickle"
# What Textual writes before its first frame that the frame needs: the other screen, no
# cursor, no wrapping at the edge. And what undoes it, should Textual never start.
_OPEN = "\x1b[?1049h\x1b[?25l\x1b[?7l"
_CLOSE = "\x1b[?7h\x1b[?25h\x1b[?1049l"
_WHOLE = "\x1b[1;1H"  # how Textual begins a frame drawn from the top, not an update
# The environment that changes how Textual draws, or what the app opens on.
_ENVIRONMENT = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TERM_PROGRAM", "LANG")
_UI = Path(__file__).parent


class RememberedFrame:
    """One launch's part: show the frame remembered, if any, and keep the one drawn."""

    def __init__(self, workspace: Workspace) -> None:
        self.file = workspace.paths.launch_cache.with_name(FRAME_FILE)
        self.marker = workspace.content.text("home_question")
        self.key = _key(workspace.launch_key)
        self.shown = ""  # the frame written before Textual, if one was
        self._terminal: list[Any] | None = None  # the terminal's settings before it
        self._signals: dict[int, Any] = {}  # the handlers there were before it
        self._started = False  # Textual took the terminal over (and will give it back)
        self._looking = True  # for the first frame that draws home

    def show(self) -> bool:
        """Write the frame remembered for this launch; False if there is none."""
        frame = launch_cache.recall(self.file, self.key) if self.key is not None else None
        if not isinstance(frame, str):
            return False
        import signal
        import termios

        try:
            fd = _fileno(sys.__stdin__)
            self._terminal = termios.tcgetattr(fd)
            termios.tcsetattr(fd, termios.TCSANOW, _held(termios.tcgetattr(fd)))
            # A window closed or a kill before Textual has loaded: the terminal back first.
            for number in (signal.SIGTERM, signal.SIGHUP):
                self._signals[number] = signal.signal(number, _stop)
            _write(_OPEN + frame)
        except (OSError, ValueError, AttributeError, termios.error):
            self.done()
            return False
        self.shown = frame
        return True

    def driver(self) -> type[Driver]:
        """Textual's terminal driver, keeping the first frame that draws all of home, and
        giving the terminal back as it was before the remembered frame, not as held."""
        from textual.drivers.linux_driver import LinuxDriver

        remembered = self

        class RememberingDriver(LinuxDriver):
            def start_application_mode(self) -> None:
                super().start_application_mode()
                remembered._started = True
                if remembered._terminal is not None:
                    self.attrs_before = remembered._terminal

            def write(self, data: str) -> None:
                super().write(data)
                if remembered._looking and data.startswith(_WHOLE):
                    remembered._drew(data)

        return RememberingDriver

    def _drew(self, data: str) -> None:
        """Textual's first whole frame: kept if it is home (its question is in it), drawn
        to the last row at the size it is kept for (a terminal resized meanwhile keeps
        nothing)."""
        self._looking = False
        if self.key is None or data == self.shown or self.marker not in data:
            return
        columns, rows = self.key[1]
        whole = f"\x1b[{rows};1H" in data
        try:
            same_size = tuple(os.get_terminal_size(_fileno(sys.__stderr__))) == (columns, rows)
        except (OSError, ValueError, AttributeError):
            same_size = False
        if whole and same_size:
            launch_cache.remember(self.file, self.key, data)

    def done(self) -> None:
        """The terminal as it was before `show`, and its signals. If Textual never took
        the terminal over, undo what the frame did to the screen."""
        if self._terminal is None:
            return
        import signal
        import termios

        try:
            if not self._started:
                _write(_CLOSE)
            termios.tcsetattr(_fileno(sys.__stdin__), termios.TCSANOW, self._terminal)
        except (OSError, ValueError, AttributeError, termios.error):
            pass
        for number, handler in self._signals.items():
            signal.signal(number, handler)
        self._signals = {}
        self._terminal = None


def _held(attributes: list[Any]) -> list[Any]:
    """The terminal as Textual will set it, so every key typed in the gap reaches the app
    as typed: no echo, no line editing, no signals (ctrl+c is the app's), no flow control
    (ctrl+q, ctrl+s), no CR/NL translation (Enter), a key at a time."""
    import termios

    iflag, lflag, cc = 0, 3, 6
    attributes[iflag] &= ~(
        termios.IXON | termios.IXOFF | termios.ICRNL | termios.INLCR | termios.IGNCR
    )
    attributes[lflag] &= ~(termios.ECHO | termios.ICANON | termios.IEXTEN | termios.ISIG)
    attributes[cc] = list(attributes[cc])
    attributes[cc][termios.VMIN] = 1
    attributes[cc][termios.VTIME] = 0
    return attributes


def _stop(number: int, frame: Any) -> None:
    raise SystemExit(128 + number)


def _write(text: str) -> None:
    out = sys.__stderr__  # where Textual draws
    if out is None:
        raise OSError("no terminal to draw in")
    out.write(text)
    out.flush()


def _fileno(stream: Any) -> int:
    if stream is None:
        raise OSError("no terminal")
    return int(stream.fileno())


def _key(launch_key: tuple | None) -> tuple | None:
    """All a frame depends on; None when it cannot be known (or the terminal has no size)."""
    if launch_key is None:
        return None
    try:
        size = tuple(os.get_terminal_size(_fileno(sys.__stderr__)))
    except (OSError, ValueError, AttributeError):
        return None
    from importlib.util import find_spec

    textual = find_spec("textual")
    code = launch_cache.stamps_under(_UI, (".py", ".tcss"))
    if textual is not None and textual.origin:
        code += launch_cache.stamps([textual.origin])
    environment = sorted(
        (name, value)
        for name, value in os.environ.items()
        if name in _ENVIRONMENT or name.startswith(("TEXTUAL_", "LC_"))
    )
    from datetime import date

    day = date.today().toordinal()  # home's encouragement is the day's
    return (launch_key, size, tuple(environment), code, day)
