"""Timed breathing: choose a pattern, then follow the shape, the words and the seconds."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical

from zoomapp.core.clock import format_duration
from zoomapp.core.content.model import Pattern
from zoomapp.core.practice.breathing import phase_at
from zoomapp.core.practice.session_result import PATTERN, SessionResult
from zoomapp.ui.cues import BreathCues
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.screens.grounding import DIGITS, ClosingScreen, rating_line
from zoomapp.ui.screens.timed import QUIT, TimedScreen
from zoomapp.ui.widgets.breath import BreathPanel
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.wake import (
    FRAME,
    until_next_second,
    until_next_whole,
)
from zoomapp.ui.widgets.words import Words


class PatternChooser(ZoomScreen):
    CSS_PATH = "session.tcss"
    KEYS = (
        Key("enter", "choose", "key_choose", key_display="enter", palette=False),
        Key("escape", "back", "key_back", key_display="esc"),
    )

    def __init__(self, minutes: float | None = None) -> None:
        super().__init__()
        self.minutes = minutes

    def compose(self) -> ComposeResult:
        with Vertical(id="chooser"):
            yield Words(self.content.text("breathe_choose"), id="question")
            choices = [
                (p.id, Text.assemble((p.name, "bold"), "\n", (p.description, "dim italic")))
                for p in self.content.patterns.values()
            ]
            yield ChoiceList(choices, id="patterns")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def action_choose(self) -> None:
        self.query_one(ChoiceList).action_select()

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        pattern = self.content.patterns[event.choice_id]
        self.app.switch_screen(BreatheScreen(pattern, self.minutes))

    def action_back(self) -> None:
        self.app.pop_screen()


class BreatheScreen(TimedScreen):
    CSS_PATH = "session.tcss"
    KEYS = (
        Key("p,space", "pause", "key_pause", key_display="p"),
        Key("b", "bell", "key_bell"),
        Key("m", "motion", "key_motion"),
        Key("escape", "back", "key_end_session", key_display="esc"),
        QUIT,
        *DIGITS,
    )

    def __init__(self, pattern: Pattern, minutes: float | None = None) -> None:
        super().__init__()
        self.pattern = pattern
        self.limit = minutes * 60 if minutes else None
        self.setup_timing(self.refresh_breath)
        self.cues = BreathCues(self)
        self.rating_before: int | None = None
        self._handed_over = False

    def compose(self) -> ComposeResult:
        with Vertical(id="breathe"):
            with Horizontal(id="breathe-top"):
                yield Words(self.pattern.name, id="pattern-name")
                yield Words(id="breathe-stats")
            yield BreathPanel(id="breath")
            note = Words(self.pattern.note, id="pattern-note")  # a long hold: shorter is fine
            note.display = bool(self.pattern.note)
            yield note
            yield Words(id="rating-line")
            yield Words(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.start_clock()

    @property
    def finished(self) -> bool:
        return self.limit is not None and self.stopwatch.elapsed() >= self.limit

    def refresh_breath(self) -> float | None:
        if self.finished:
            self.finish()
            return None
        text = self.content.text
        settings = self.zoomapp.settings
        elapsed = self.stopwatch.elapsed()
        state = phase_at(self.pattern, elapsed)
        stats = "   ".join(
            (
                text("breathe_cycles", count=state.cycle),
                text("breathe_elapsed", time=format_duration(elapsed)),
            )
        )
        self.query_one("#breathe-stats", Words).say(stats)
        # During the first breath, a digit notes how tense you feel.
        rating = rating_line(self.content, self.rating_before) if state.cycle == 0 else ""
        self.query_one("#rating-line", Words).say(rating)
        panel = self.query_one(BreathPanel)
        panel.show(state, self.content, settings.reduced_motion, large=self.pattern.large)
        self.cues.follow((state.cycle, state.phase_number), state.phase, settings.bell)
        self.query_one("#status", Words).say(
            text("breathe_paused") if self.stopwatch.paused else ""
        )
        if self.stopwatch.paused:
            return None
        waits = [until_next_second(state.seconds_left), until_next_whole(elapsed)]
        if self.limit is not None:
            waits.append(self.limit - elapsed)
        if not settings.reduced_motion:
            waits.append(FRAME)
        return min(waits)

    def action_pause(self) -> None:
        if not self.finished:
            self.stopwatch.toggle()
            self.waker.wake()

    def action_bell(self) -> None:
        settings = self.zoomapp.settings
        settings.bell = not settings.bell
        self.zoomapp.save_settings()
        self.notify(self.content.text("bell_on" if settings.bell else "bell_off"), timeout=2)

    def action_motion(self) -> None:
        settings = self.zoomapp.settings
        settings.reduced_motion = not settings.reduced_motion
        self.zoomapp.save_settings()
        key = "motion_off" if settings.reduced_motion else "motion_on"
        self.notify(self.content.text(key), timeout=2)
        self.waker.wake()

    def action_rate(self, value: int) -> None:
        if phase_at(self.pattern, self.stopwatch.elapsed()).cycle == 0:
            self.rating_before = value
            self.waker.wake()

    def action_back(self) -> None:
        self.finish()

    def time_is_moving(self) -> bool:
        return not self.finished

    def session_result(self) -> SessionResult | None:
        if self._handed_over:
            return None  # the closing screen keeps it from here
        seconds = self.stopwatch.elapsed()
        if self.limit is not None:
            seconds = min(seconds, self.limit)
        ended_early = self.limit is not None and seconds < self.limit
        return SessionResult(
            PATTERN,
            self.pattern.id,
            self.started_at,
            round(seconds),
            ended_early,
            self.rating_before,
        )

    def finish(self) -> None:
        """The end (or Esc): the kind closing screen asks how you feel now, and records."""
        result = self.session_result()
        if result is None:
            return
        self._handed_over = True
        self.waker.stop()
        if not result.worth_keeping:
            self.app.pop_screen()  # more likely a mis-press than a practice
        else:
            self.app.switch_screen(ClosingScreen(result, ask_rating=True, offer_win=True))
