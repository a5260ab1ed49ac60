"""The grounding session: a recipe's steps with a gentle timer, then a kind closing screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import ContentSwitcher

from zoomapp.core.clock import format_duration, spoken_duration
from zoomapp.core.content.model import Content, Recipe
from zoomapp.core.practice.breathing import phase_at
from zoomapp.core.practice.session_result import RECIPE, SessionResult
from zoomapp.core.practice.sessions import Run
from zoomapp.ui.cues import BreathCues
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.screens.timed import QUIT, TimedScreen
from zoomapp.ui.widgets.breath import BreathPanel
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.meter import Meter
from zoomapp.ui.widgets.wake import (
    FRAME,
    until_next_second,
)
from zoomapp.ui.widgets.words import Words

# How tense, 0 (calm) to 10 (overwhelmed): a digit for 0-9, and t for ten.
DIGITS = tuple(
    Key(str(n), f"rate({n})", "rating_scale", show=False, palette=False) for n in range(10)
) + (Key("t", "rate(10)", "rating_scale", show=False, palette=False),)


def rating_line(content: Content, rating: int | None) -> str:
    """The question before a session, or what was noted: it never blocks, a digit answers."""
    if rating is None:
        return f"{content.text('rating_before')} {content.text('rating_scale')}"
    return content.text("rating_noted", rating=rating)


class GroundingScreen(TimedScreen):
    CSS_PATH = "session.tcss"
    KEYS = (
        Key("space,n", "next", "key_next", key_display="space"),
        Key("p", "pause", "key_pause"),
        Key("escape", "end", "key_end_session", key_display="esc"),
        QUIT,
        *DIGITS,
    )

    def __init__(self, recipe: Recipe) -> None:
        super().__init__()
        self.recipe = recipe
        self.plan = self.zoomapp.plan(recipe)
        self.run = Run(self.plan, auto_advance=self.zoomapp.settings.auto_advance)
        self.setup_timing(self.refresh_session)
        self.cues = BreathCues(self)
        self.rating_before: int | None = None
        self._done = False  # handed over to the closing screen

    def compose(self) -> ComposeResult:
        with Vertical(id="session"):
            with Horizontal(id="session-top"):
                yield Words(self.recipe.name, id="session-name")
                yield Words(id="session-left")
            yield Meter(id="session-progress")
            yield Words(id="section")
            with ContentSwitcher(initial="prompt", id="stage"):
                yield Words(id="prompt")
                yield BreathPanel(id="breath")
            yield Meter(id="step-progress")
            yield Words(id="rating-line")
            yield Words(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.start_clock()

    # --- drawing -------------------------------------------------------------------------

    def refresh_session(self) -> float | None:
        """Redraw from elapsed time; return seconds until the next visible change."""
        elapsed = self.stopwatch.elapsed()
        self.run.update(elapsed)
        if self.run.finished:
            self.finish()
            return None
        text = self.content.text
        step = self.run.step
        time_left = self.run.time_left(elapsed)
        self.query_one("#session-left", Words).say(
            text("session_left", time=format_duration(time_left, round_up=True))
        )
        self.query_one("#session-progress", Meter).fraction = self.run.progress(elapsed)
        self.query_one("#section", Words).say(step.title)
        step_elapsed = self.run.step_elapsed(elapsed)
        self.query_one("#step-progress", Meter).fraction = step_elapsed / step.seconds
        self.query_one("#rating-line", Words).say(self._rating_line())
        paused = self.stopwatch.paused
        waiting = self.run.waiting(elapsed)
        status = "session_paused" if paused else "session_waiting" if waiting else ""
        note = step.pattern.note if step.pattern is not None else ""  # a long hold: kind word
        self.query_one("#status", Words).say(text(status) if status else note)
        # While a step waits for the parent, its countdown stands still: no wake for it.
        change = self.run.next_change_in(elapsed)
        waits = [] if change is None else [until_next_second(time_left), change]
        stage = self.query_one("#stage", ContentSwitcher)
        if step.pattern is not None:
            stage.current = "breath"
            state = phase_at(step.pattern, step_elapsed)
            reduced = self.zoomapp.settings.reduced_motion
            large = step.pattern.large
            self.query_one(BreathPanel).show(state, self.content, reduced, large=large)
            showing = (self.run.index, state.cycle, state.phase_number)
            self.cues.follow(showing, state.phase, self.zoomapp.settings.bell)
            waits.append(until_next_second(state.seconds_left))
            if not reduced:
                waits.append(FRAME)
        else:
            stage.current = "prompt"
            self.query_one("#prompt", Words).say(step.prompt)
        if paused or not waits:
            return None
        return min(waits)

    def _rating_line(self) -> str:
        asking = self.recipe.ask_rating and self.run.index == 0
        return rating_line(self.content, self.rating_before) if asking else ""

    # --- keys ----------------------------------------------------------------------------

    def action_next(self) -> None:
        self.run.next(self.stopwatch.elapsed())
        if self.run.finished:
            self.finish()
        else:
            self.waker.wake()

    def action_pause(self) -> None:
        self.stopwatch.toggle()
        self.waker.wake()

    def action_end(self) -> None:
        self.finish()

    def action_rate(self, value: int) -> None:
        if self.recipe.ask_rating and self.run.index == 0 and self.rating_before is None:
            self.rating_before = value
            self.waker.wake()

    def time_is_moving(self) -> bool:
        return not self._done

    # --- the end -------------------------------------------------------------------------

    def session_result(self) -> SessionResult | None:
        if self._done:
            return None  # the closing screen keeps it from here
        finished = self.run.finished
        return SessionResult(
            kind=RECIPE,
            item_id=self.recipe.id,
            started=self.started_at,
            seconds=round(self.run.finished_at if finished else self.stopwatch.elapsed()),
            ended_early=not finished,
            rating_before=self.rating_before,
        )

    def finish(self) -> None:
        """The last step is over, or Esc: the closing screen takes the session from here."""
        result = self.session_result()  # ended early unless the run finished
        if result is None:
            return
        self._done = True
        self.waker.stop()
        if result.ended_early and not result.worth_keeping:
            self.app.pop_screen()  # an accidental start: nothing to say, nothing kept
            return
        self.app.switch_screen(ClosingScreen(result, self.recipe.ask_rating, self.recipe.offer_win))


class ClosingScreen(ZoomScreen):
    """'Well done': the session is in the journal already; a rating given here updates it."""

    LETTERS_FIRST = True  # no box here: a letter that opens one, opens it at once
    CSS_PATH = "session.tcss"
    KEYS = (
        Key("enter", "home", "key_home", key_display="enter"),
        Key("escape", "home", "key_home", show=False, palette=False),
        Key("w", "win", "key_win"),
        QUIT,
        *DIGITS,
    )

    def __init__(
        self, result: SessionResult, ask_rating: bool = True, offer_win: bool = True
    ) -> None:
        super().__init__()
        self.result = result
        self.ask_rating = ask_rating
        self.offer_win = offer_win

    def compose(self) -> ComposeResult:
        text = self.content.text
        spent = spoken_duration(self.result.seconds, text)
        key = "closing_early" if self.result.ended_early else "closing_done"
        with Vertical(id="closing"):
            yield Words(text(key, time=spent), id="closing-message")
            yield Words(id="closing-rating")
            if self.offer_win:
                yield Words(text("closing_win"), id="closing-win")
            yield Words(text("closing_home"), id="closing-home")
        yield KeyBar()

    def on_mount(self) -> None:
        self.keep_unsaved()  # saved the moment it ends, not when this screen is left
        self._show_rating()

    def _show_rating(self) -> None:
        text = self.content.text
        line = ""
        if self.ask_rating:
            after = self.result.rating_after
            if after is None:
                line = f"{text('rating_after')}\n{text('rating_scale')}"
            elif self.result.rating_before is not None:
                line = text("rating_change", before=self.result.rating_before, after=after)
            else:
                line = text("rating_noted", rating=after)
        rating = self.query_one("#closing-rating", Words)
        rating.say(line)
        rating.display = bool(line)

    def action_rate(self, value: int) -> None:
        if self.ask_rating:
            self.result.rating_after = value
            self.keep_unsaved()
            self._show_rating()

    def action_win(self) -> None:
        if self.offer_win:
            self.zoomapp.action_note("wins")

    def action_home(self) -> None:
        self.zoomapp.go_home()

    def keep_unsaved(self) -> None:
        self.zoomapp.record_session(self.result)
