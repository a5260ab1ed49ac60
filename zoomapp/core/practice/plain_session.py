"""A session told line by line, for a screen reader or a moment when the full screen is too
much: which lines are due at each moment, and how long until the next one.

No clock and no printing here: the caller passes the elapsed time (as the screens do, so
timing comes from one monotonic clock and cannot drift) and says the lines.
"""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from zoomapp.core.clock import spoken_duration
from zoomapp.core.content.model import Content, Pattern, Phase, decimal
from zoomapp.core.practice.breathing import BreathState, phase_at
from zoomapp.core.practice.session_result import PATTERN, RECIPE, SessionResult
from zoomapp.core.practice.sessions import Plan, Run


class Moment(NamedTuple):
    """What to say now, and when to look again."""

    lines: tuple[str, ...]
    wait: float | None  # seconds until the next line is due; None: only Enter moves on
    over: bool = False  # the session has come to its end


def seconds_in_words(seconds: float, content: Content) -> str:
    """'4', '5.5' (or '5,5' where the pack's decimal mark is a comma): a phase's length."""
    return decimal(seconds, content.text, places=0)


def phase_line(phase: Phase, seconds: float, content: Content) -> str:
    """'Breathe in for 4 seconds.': one phase, with how long it lasts, in words."""
    name = content.phase_label(phase)
    if round(seconds, 1) == 1:
        return content.text("plain_phase_one_second", phase=name)
    return content.text("plain_phase", phase=name, seconds=seconds_in_words(seconds, content))


def said_length(state: BreathState, elapsed: float, ends: float | None) -> float:
    """How long the phase lasts from its start (not from now: a line told a moment late
    still says 4, not 3.9), cut short where the step or the breathing `ends`."""
    began = elapsed - (state.phase.seconds - state.seconds_left)
    return state.phase.seconds if ends is None else min(state.phase.seconds, ends - began)


def rating_from(typed: str) -> int | None:
    """A tension rating typed as digits (0-10, or t for 10, as in the app); None if not one."""
    word = typed.strip().lower()
    if word == "t":
        return 10
    if word.isascii() and word.isdigit() and int(word) <= 10:  # not "²": a digit, no number
        return int(word)
    return None


class StepGuide:
    """A grounding session, zoom in or zoom out: each part's name and length as it begins,
    each prompt as its step begins, each breath's phases as they come."""

    def __init__(self, plan: Plan, content: Content, auto_advance: bool = True) -> None:
        self.plan = plan
        self.content = content
        self.run = Run(plan, auto_advance=auto_advance)
        self._told: tuple[int, int, int] | None = None  # step, breath, phase last told
        self._told_waiting = -1  # the step whose "take your time" was said
        self._section_length = self._section_lengths()

    def _section_lengths(self) -> dict[int, tuple[str, float]]:
        """First step of each part -> (its name, how long the whole part lasts)."""
        sections = self.plan.sections()
        steps = self.plan.steps
        if len(sections) == 1:
            return {}  # one part: the opening line has said its name and length already
        found = {}
        for number, (title, first) in enumerate(sections):
            last = sections[number + 1][1] if number + 1 < len(sections) else len(steps)
            found[first] = (title, sum(step.seconds for step in steps[first:last]))
        return found

    @property
    def finished(self) -> bool:
        return self.run.finished

    def tell(self, elapsed: float) -> Moment:
        run, text = self.run, self.content.text
        run.update(elapsed)
        if run.finished:
            return Moment((), None, over=True)
        lines: list[str] = []
        step = run.step
        state = None if step.pattern is None else phase_at(step.pattern, run.step_elapsed(elapsed))
        waits = [] if state is None else [state.seconds_left]
        told = (run.index, 0, 0) if state is None else (run.index, state.cycle, state.phase_number)
        if self._told is None or self._told[0] != run.index:
            if run.index in self._section_length:
                title, length = self._section_length[run.index]
                lines.append(text("plain_section", title=title, time=spoken_duration(length, text)))
            if step.prompt:
                lines.append(step.prompt)
        if state is not None and told != self._told:
            ends = run.step_left(elapsed) + elapsed
            lines.append(phase_line(state.phase, said_length(state, elapsed, ends), self.content))
        self._told = told
        change = run.next_change_in(elapsed)
        if change is None:  # its time is up and it waits for Enter (auto-advance is off)
            if self._told_waiting != run.index:
                self._told_waiting = run.index
                lines.append(text("plain_waiting"))
            return Moment(tuple(lines), None)
        return Moment(tuple(lines), min([change, *waits]))

    def enter(self, elapsed: float) -> None:
        """Enter: on to the next step, as space does in the app."""
        self.run.next(elapsed)

    def result(self, started: datetime, elapsed: float, rating: int | None) -> SessionResult:
        """The session as the app keeps it: ended early unless every step was reached."""
        finished = self.run.finished
        return SessionResult(
            RECIPE,
            self.plan.recipe.id,
            started,
            round(self.run.finished_at if finished else elapsed),
            ended_early=not finished,
            rating_before=rating,
        )


class BreathGuide:
    """Timed breathing: each phase as it begins, with its length in words; to the end of
    `minutes` if given, else until Enter."""

    def __init__(self, pattern: Pattern, content: Content, minutes: float | None = None) -> None:
        self.pattern = pattern
        self.content = content
        self.limit = minutes * 60 if minutes else None
        self._told: tuple[int, int] | None = None
        self._stopped_at: float | None = None  # Enter: the parent has had enough

    @property
    def finished(self) -> bool:
        return self._stopped_at is not None

    def tell(self, elapsed: float) -> Moment:
        if self._stopped_at is not None or (self.limit is not None and elapsed >= self.limit):
            if self._stopped_at is None:
                self._stopped_at = elapsed
            return Moment((), None, over=True)
        state = phase_at(self.pattern, elapsed)
        told = (state.cycle, state.phase_number)
        lines: tuple[str, ...] = ()
        if told != self._told:
            length = said_length(state, elapsed, self.limit)
            lines = (phase_line(state.phase, length, self.content),)
            if self._told is None and self.pattern.note:  # a long hold: shorter is fine
                lines = (self.pattern.note, *lines)
            self._told = told
        wait = state.seconds_left
        return Moment(lines, wait if self.limit is None else min(wait, self.limit - elapsed))

    def enter(self, elapsed: float) -> None:
        """Enter ends the breathing, as Esc does in the app."""
        self._stopped_at = elapsed

    def result(self, started: datetime, elapsed: float, rating: int | None) -> SessionResult:
        """As the app keeps it: ended early only when stopped before the end of --minutes."""
        seconds = elapsed if self._stopped_at is None else self._stopped_at
        if self.limit is not None:
            seconds = min(seconds, self.limit)
        ended_early = self.limit is not None and seconds < self.limit
        return SessionResult(PATTERN, self.pattern.id, started, round(seconds), ended_early, rating)
