"""What one session left behind: when, how long, and the tension before and after.

Apart from `sessions`, so the journal commands read results without loading what plans
and runs sessions (random choice, the recent-prompts memory and its hashing).
"""

from __future__ import annotations

import os
from datetime import datetime

# What a session was: a grounding session (a recipe, zoom in and out included) or breathing.
RECIPE = "recipe"
PATTERN = "pattern"


def _record_after() -> float:
    """Shorter than this (10 s) is more likely a mis-press than a practice, so it is not
    recorded. The tests that close real windows set ZOOMAPP_RECORD_AFTER to wait less."""
    try:
        return max(0.0, float(os.environ.get("ZOOMAPP_RECORD_AFTER", "10")))
    except ValueError:
        return 10.0


RECORD_AFTER_SECONDS = _record_after()
# Tension is rated 0 (calm) to 10 (overwhelmed), as coaches and clinicians rate it.
# Journals written before kept 0 to 9; those keep their meaning (see `on_ten`).
RATING_TOP = 10
OLD_RATING_TOP = 9


class SessionResult:
    """What happened in one session: handed to `record_session` as it ends.

    A plain class rather than a dataclass: the journal commands read these, and they
    start faster without importing dataclasses.
    """

    __slots__ = (
        "kind",
        "item_id",
        "started",
        "seconds",
        "ended_early",
        "rating_before",
        "rating_after",
        "scale",
    )

    def __init__(
        self,
        kind: str,  # RECIPE or PATTERN
        item_id: str,
        started: datetime,
        seconds: int,
        ended_early: bool,
        rating_before: int | None = None,
        rating_after: int | None = None,
        scale: int = RATING_TOP,  # the top of the tension scale the ratings were given on
    ) -> None:
        self.kind = kind
        self.item_id = item_id
        self.started = started
        self.seconds = seconds
        self.ended_early = ended_early
        self.rating_before = rating_before
        self.rating_after = rating_after
        self.scale = scale

    def on_ten(self, rating: int) -> float:
        """A rating on the 0-10 scale, whatever scale it was given on (an old 9 is a 10)."""
        return rating * RATING_TOP / self.scale

    @property
    def worth_keeping(self) -> bool:
        """Long enough to be a practice rather than a key pressed by mistake."""
        return self.seconds >= RECORD_AFTER_SECONDS

    def as_tuple(self) -> tuple:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SessionResult) and self.as_tuple() == other.as_tuple()

    def __repr__(self) -> str:
        return f"SessionResult{self.as_tuple()!r}"
