"""A pausable stopwatch over an injected monotonic clock, so tests can control time."""

from __future__ import annotations

import math
import time
from collections.abc import Callable

Clock = Callable[[], float]


class Stopwatch:
    """Elapsed running time: monotonic now, minus the time spent paused."""

    def __init__(self, clock: Clock = time.monotonic) -> None:
        self._clock = clock
        self._started: float | None = None
        self._paused_at: float | None = None
        self._paused_total = 0.0

    def start(self) -> None:
        self._started = self._clock()
        self._paused_at = None
        self._paused_total = 0.0

    @property
    def started(self) -> bool:
        return self._started is not None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def pause(self) -> None:
        if self._started is not None and self._paused_at is None:
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._clock() - self._paused_at
            self._paused_at = None

    def toggle(self) -> bool:
        """Pause if running, resume if paused; returns True when now paused."""
        if self.paused:
            self.resume()
        else:
            self.pause()
        return self.paused

    def elapsed(self) -> float:
        if self._started is None:
            return 0.0
        now = self._paused_at if self._paused_at is not None else self._clock()
        return max(0.0, now - self._started - self._paused_total)


def format_duration(seconds: float, *, round_up: bool = False) -> str:
    """m:ss as a timer shows it (0:07, 1:42, 12:00). Countdowns round up, so "0:00" means done."""
    if round_up:
        whole = max(0, math.ceil(seconds - 1e-6))
    else:
        whole = max(0, math.floor(seconds + 1e-6))
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"


def spoken_duration(seconds: float, text: Callable[..., str]) -> str:
    """A duration in words from content ("2 min", "45 seconds"), for people, not timers."""
    whole = max(0, round(seconds))
    minutes, secs = divmod(whole, 60)
    if not minutes:
        return text("duration_one_second") if secs == 1 else text("duration_seconds", seconds=secs)
    if not secs:
        return text("duration_minutes", minutes=minutes)
    return text("duration_both", minutes=minutes, seconds=secs)
