"""What plain mode reads and waits on: lines typed on standard input (Enter, a rating),
read while time runs, a clock, and a closed window or a kill, which end a session as
Ctrl+C does.

ZOOMAPP_PLAIN_SPEED (for tests only) makes plain mode's time run that many times faster,
so a whole two-minute session takes about a second and is still told and kept exactly as
it would be.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
import time
from collections.abc import Iterator
from typing import IO

from zoomapp.core.clock import Clock

READ_AT_ONCE = 4096
LONGEST_LINE = 10_000  # far beyond a rating; a stray `< /dev/zero` must not fill memory


def speed() -> float:
    """How many seconds pass for each real one: 1, unless a test says otherwise."""
    try:
        return max(1.0, float(os.environ.get("ZOOMAPP_PLAIN_SPEED", "1")))
    except ValueError:
        return 1.0


def session_clock(faster: float) -> Clock:
    """Monotonic seconds, `faster` times over: the one clock a plain session reads."""
    return lambda: time.monotonic() * faster


class WindowClosed(BaseException):
    """The terminal went away (SIGHUP) or the process was told to stop (SIGTERM): like
    Ctrl+C, the session ends early and is kept. A BaseException, as KeyboardInterrupt is,
    so no `except Exception` swallows it."""

    def __init__(self, number: int) -> None:
        super().__init__(number)
        self.number = number


@contextlib.contextmanager
def closing_ends_the_session() -> Iterator[None]:
    """While a session runs, SIGHUP and SIGTERM raise WindowClosed instead of killing the
    process unsaved."""

    def closed(number: int, _frame: object) -> None:
        raise WindowClosed(number)

    wanted = (signal.SIGHUP, signal.SIGTERM)
    before = {number: signal.signal(number, closed) for number in wanted}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)


class LineReader:
    """Lines from standard input, each waited for at most a given time, so a session can
    go on while nothing is typed. Raises EOFError once the input has ended (Ctrl+D, or the
    end of a pipe)."""

    def __init__(self, stream: IO[str] | None, faster: float = 1.0) -> None:
        self.faster = faster
        self._pending = b""
        self._ended = False
        self._fd: int | None = None
        try:
            self._fd = None if stream is None else stream.fileno()
        except (OSError, ValueError, AttributeError):
            self._fd = None
        self._ended = self._fd is None

    def line(self, seconds: float | None) -> str | None:
        """The next line typed within `seconds` of session time (None: no limit), without
        its newline; None when the time came first."""
        deadline = None if seconds is None else time.monotonic() + seconds / self.faster
        while True:
            if b"\n" in self._pending:
                found, self._pending = self._pending.split(b"\n", 1)
                return found.decode("utf-8", "replace").rstrip("\r")
            if self._ended:
                if self._pending:
                    found, self._pending = self._pending, b""
                    return found.decode("utf-8", "replace")
                raise EOFError
            left = None if deadline is None else max(0.0, deadline - time.monotonic())
            if not self._wait_for_input(left):
                return None
            self._read_some()

    def _wait_for_input(self, seconds: float | None) -> bool:
        """True when there is something to read (or the input ended) within `seconds`."""
        assert self._fd is not None
        try:
            ready, _, _ = select.select([self._fd], [], [], seconds)
        except (OSError, ValueError):  # an input that cannot be watched: time alone moves on
            if seconds is None:
                return True  # nothing else can happen: read, and wait there
            time.sleep(seconds)
            return False
        return bool(ready)

    def _read_some(self) -> None:
        assert self._fd is not None
        try:
            chunk = os.read(self._fd, READ_AT_ONCE)
        except OSError:
            chunk = b""
        if not chunk:
            self._ended = True
        self._pending = (self._pending + chunk)[-LONGEST_LINE:]


def stdin_reader() -> LineReader:
    return LineReader(sys.stdin, speed())


def say_now(text: str = "") -> None:
    """One line, on its way at once: a screen reader speaks it the moment it arrives."""
    from zoomapp.shell import say

    say(text)
    if sys.stdout is not None:
        sys.stdout.flush()
