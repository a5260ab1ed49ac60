"""The evening check-in: a small win, a strength seen in the child, how I feel - each one
optional - and then one earlier win shown back. Never a streak, never a count of days.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from zoomapp.core.journal.day import FEELING, STRENGTHS, WINS, Entry
from zoomapp.core.journal.store import Journal, Saved

STEPS = (WINS, STRENGTHS, FEELING)
TRIES = 40  # day files opened at most while looking for an earlier win


def keep(journal: Journal, kind: str, words: str, day: date) -> Saved | None:
    """Save one step's words; nothing written is a step skipped (None)."""
    if not words.strip():
        return None
    if kind == FEELING:
        return journal.add_feeling(day, words)  # added to the day's feeling, never over it
    return journal.add(kind, words, day=day)


def earlier_win(journal: Journal, today: date, rng: random.Random) -> Entry | None:
    """One win from before today, chosen at random, to show back; None if there is none."""
    files = list(journal.day_files(end=today - timedelta(days=1)))
    rng.shuffle(files)
    for day, _ in files[:TRIES]:
        wins = journal.read_day(day).wins
        if wins:
            return rng.choice(wins)
    return None
