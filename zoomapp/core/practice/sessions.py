"""Sessions: a recipe expanded into timed steps, and a run through them (the result of one
is `session_result`, which the journal reads without loading any of this)."""

from __future__ import annotations

import random
from typing import NamedTuple

from zoomapp.core.content.model import Content, Pattern, Recipe
from zoomapp.core.practice.recent import Recent
from zoomapp.core.practice.session_result import (  # noqa: F401 - where the app has found them
    OLD_RATING_TOP,
    RATING_TOP,
    RECORD_AFTER_SECONDS,
    SessionResult,
)


class Step(NamedTuple):
    """One thing on screen for a while: a breathing pattern, or one prompt from a deck."""

    seconds: float
    title: str
    deck: str = ""
    prompt: str = ""
    pattern: Pattern | None = None

    @property
    def is_breathing(self) -> bool:
        return self.pattern is not None


class Plan(NamedTuple):
    recipe: Recipe
    steps: tuple[Step, ...]

    @property
    def total_seconds(self) -> float:
        return sum(s.seconds for s in self.steps)

    def sections(self) -> list[tuple[str, int]]:
        """(title, index of its first step) for each run of steps from the same deck."""
        found: list[tuple[str, int]] = []
        last = None
        for index, step in enumerate(self.steps):
            key = step.deck or "breathe"
            if key != last:
                found.append((step.title, index))
                last = key
        return found


# Decks whose `extra` words, when there are any, are shown instead of the deck's own: the
# plan the parent wrote last evening for this morning (see core/practice/own_words.py).
OWN_FIRST = frozenset({"morning-plan"})


def expand(
    recipe: Recipe,
    content: Content,
    rng: random.Random | None = None,
    extra: dict[str, list[str]] | None = None,
    recent: Recent | None = None,
) -> Plan:
    """Turn a recipe into concrete steps, drawing prompts from its decks without repeats.

    `extra` adds prompts to a deck for this session only (the parent's own strengths).
    A deck asked for more prompts than it has shows each of them once. With `recent`,
    prompts not shown lately come first, then those shown longest ago; the ones chosen
    are added to it.
    """
    extra = extra or {}
    rng = rng or random.Random()
    recent = recent if recent is not None else Recent()
    used: dict[str, set[str]] = {}
    steps: list[Step] = []
    for item in recipe.steps:
        if item.breathe_choices:  # one of several gentle patterns, chosen for this session
            pattern = content.patterns[rng.choice(item.breathe_choices)]
            title = content.text("session_breathe_title")
            steps.append(Step(seconds=item.seconds, title=title, pattern=pattern))
            continue
        deck = content.decks[item.deck]
        taken = used.setdefault(deck.id, set())
        if deck.id in OWN_FIRST and extra.get(deck.id):
            chosen = list(extra[deck.id][: item.prompts])  # the parent's plan, as written
        else:
            fresh = [p for p in (*deck.prompts, *extra.get(deck.id, ())) if p not in taken]
            rng.shuffle(fresh)
            fresh.sort(key=recent.rank)  # stable: unseen ones (-1) first, in random order
            chosen = fresh[: item.prompts]
        taken.update(chosen)
        recent.add(chosen)
        for prompt in chosen:
            steps.append(Step(seconds=item.seconds, title=deck.title, deck=deck.id, prompt=prompt))
    return Plan(recipe, tuple(steps))


class Run:
    """Moving through a plan over time: auto-advance, skip, go back, finish.

    It holds no clock of its own: every call takes the elapsed running time (from a
    Stopwatch), so pauses are accounted for once, in one place. With `auto_advance`
    off, a step whose time is up stays on screen until the parent moves on.
    """

    def __init__(self, plan: Plan, auto_advance: bool = True) -> None:
        self.plan = plan
        self.auto_advance = auto_advance
        self.index = 0
        self.step_started = 0.0
        self.finished = False
        self.finished_at = 0.0  # elapsed time when the last step ended

    @property
    def step(self) -> Step:
        return self.plan.steps[min(self.index, len(self.plan.steps) - 1)]

    def update(self, elapsed: float) -> bool:
        """Advance past every step whose time is up; returns True if the step changed."""
        changed = False
        while (
            self.auto_advance
            and not self.finished
            and elapsed - self.step_started >= self.step.seconds
        ):
            self.step_started += self.step.seconds
            changed = True
            self._advance_to(self.index + 1, self.step_started)
        return changed

    def go_to(self, index: int, elapsed: float) -> None:
        self._advance_to(index, elapsed)

    def next(self, elapsed: float) -> None:
        self._advance_to(self.index + 1, elapsed)

    def previous(self, elapsed: float) -> None:
        self._advance_to(max(0, self.index - 1), elapsed)

    def _advance_to(self, index: int, elapsed: float) -> None:
        if index >= len(self.plan.steps):
            self.finished = True
            self.finished_at = elapsed
            self.index = len(self.plan.steps) - 1
            return
        self.finished = False
        self.index = max(0, index)
        self.step_started = elapsed

    def step_elapsed(self, elapsed: float) -> float:
        return max(0.0, elapsed - self.step_started)

    def step_left(self, elapsed: float) -> float:
        if self.finished:
            return 0.0
        return max(0.0, self.step.seconds - self.step_elapsed(elapsed))

    def time_left(self, elapsed: float) -> float:
        """This step's remaining time plus every later step's full time."""
        if self.finished:
            return 0.0
        later = sum(s.seconds for s in self.plan.steps[self.index + 1 :])
        return self.step_left(elapsed) + later

    def progress(self, elapsed: float) -> float:
        total = self.plan.total_seconds
        return 1.0 if total <= 0 else 1.0 - self.time_left(elapsed) / total

    def waiting(self, elapsed: float) -> bool:
        """True when the step's time is up and it waits for the parent to move on."""
        return not self.auto_advance and not self.finished and self.step_left(elapsed) == 0

    def next_change_in(self, elapsed: float) -> float | None:
        """Seconds until the step changes on its own (or its time is up); None: it won't."""
        if self.finished or self.waiting(elapsed):
            return None
        return self.step_left(elapsed)
