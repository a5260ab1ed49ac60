"""A real terminal for a real zoomapp process: a pseudo-terminal it owns, keys, and closing it.

Closing the terminal makes the kernel send SIGHUP, exactly as closing a window does.
"""

from __future__ import annotations

import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

Scenario = TypeVar("Scenario")
Outcome = TypeVar("Outcome")

ZOOMAPP = Path(sys.executable).with_name("zoomapp")


class Terminal:
    opened: list[Terminal] = []  # every one started, so a test can make sure none lingers

    def __init__(
        self, home: Path, *args: str, size: tuple[int, int] = (80, 24), **environ: str
    ) -> None:
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = {**os.environ, "ZOOMAPP_HOME": str(home), "TERM": "xterm-256color", **environ}
        env.pop("NO_COLOR", None)

        def own_terminal() -> None:  # a session of its own, with this as its terminal
            os.setsid()
            fcntl.ioctl(0, termios.TIOCSCTTY, 0)

        self.process = subprocess.Popen(
            [str(ZOOMAPP), *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            preexec_fn=own_terminal,
            close_fds=True,
        )
        os.close(slave)
        Terminal.opened.append(self)
        self.started = time.monotonic()
        self._output = bytearray()
        self._stop = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        # Always drained, so the app never blocks on a full terminal. Never blocked in a
        # read either: a read in progress would keep the terminal open after close_window.
        while not self._stop.is_set():
            if not select.select([self.master], [], [], 0.05)[0]:
                continue
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self._output += chunk

    def _stop_reading(self) -> None:
        self._stop.set()
        self._reader.join()

    def wait_for(self, text: str, timeout: float = 20) -> None:
        """Until `text` has been drawn (it must be drawn in one style to be found)."""
        wanted = text.encode()
        deadline = time.monotonic() + timeout
        while wanted not in self._output:
            if time.monotonic() > deadline or self.process.poll() is not None:
                raise AssertionError(f"{text!r} never appeared on screen")
            time.sleep(0.05)

    def written(self) -> bytes:
        """Everything the app has written to the terminal so far."""
        return bytes(self._output)

    def press(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_until(self, seconds_since_start: float) -> None:
        time.sleep(max(0.0, self.started + seconds_since_start - time.monotonic()))

    def close_window(self) -> int:
        """Close the terminal, as a window is closed: the kernel sends SIGHUP."""
        self._stop_reading()
        os.close(self.master)
        return self.process.wait(timeout=10)

    def kill(self, number: signal.Signals) -> int:
        self.process.send_signal(number)
        code = self.process.wait(timeout=10)
        self._stop_reading()
        os.close(self.master)
        return code


def run_at_once(scenarios: Sequence[Scenario], run: Callable[[Scenario], Outcome]) -> list[Outcome]:
    """Each scenario in a thread of its own, all at once (they wait on real seconds); no
    terminal outlives them, even one a failed scenario left open."""
    try:
        with ThreadPoolExecutor(len(scenarios)) as pool:
            return list(pool.map(run, scenarios))
    finally:
        for terminal in Terminal.opened:
            if terminal.process.poll() is None:
                terminal.process.kill()
