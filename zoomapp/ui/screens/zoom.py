"""Zoom in (body, room, child, strengths) and zoom out (step back), one prompt at a time."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input
from textual.worker import get_current_worker

from zoomapp.core.practice.session_result import RECIPE, SessionResult
from zoomapp.core.practice.sessions import Run
from zoomapp.core.practice.worries import MAX_WORRY, answer, own_help, recogniser
from zoomapp.ui.keys import Key
from zoomapp.ui.screens.timed import QUIT, TimedScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.meter import Meter
from zoomapp.ui.widgets.words import Words

PART_KEYS = tuple(
    Key(str(n), f"part({n})", "key_parts", show=n == 1, palette=False, key_display="1-4")
    for n in range(1, 5)
)


class ZoomScreenView(TimedScreen):
    """Both directions share this screen; only zoom out has the "what if" box."""

    CSS_PATH = "session.tcss"
    AUTO_FOCUS = ""  # nothing: the prompts' keys work at once; w moves into the What-if box

    BASE_KEYS = (
        Key("right,space,n", "next", "key_next", key_display="→"),
        Key("left", "previous", "key_previous", key_display="←"),
        Key("p", "pause", "key_pause"),
        Key("escape", "back", "key_home", key_display="esc"),
        QUIT,
    )

    def __init__(self, direction: str) -> None:
        self.direction = direction
        if direction == "in":
            self.KEYS = self.BASE_KEYS + PART_KEYS
        else:
            # w (into the What-if box) comes first, so that even a key bar cut short at
            # 40x12 - where the box's own hint does not fit - says how to type a worry.
            # Esc says what it does where the focus is: listed after `back`, these are
            # tried before it (a key's later bindings come first, see keys.with_keys).
            # w is acted on as typed, so the words typed straight after it reach the box.
            self.KEYS = (
                (Key("w", "worry", "key_worry", priority=True),)
                + self.BASE_KEYS
                + (
                    Key("i", "zoom_in", "key_zoom_in"),
                    Key("escape", "leave_box", "key_leave_box", key_display="esc", palette=False),
                    Key("escape", "close_help", "key_close_help", key_display="esc", palette=False),
                )
            )
        super().__init__()
        recipe = self.recipe = self.content.recipes[f"zoom-{direction}"]
        self.plan = self.zoomapp.plan(recipe)
        self.run = Run(self.plan, auto_advance=self.zoomapp.settings.auto_advance)
        self.setup_timing(self.refresh_zoom)

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="zoom"):
            yield Words(text(f"zoom_{self.direction}_title"), id="zoom-title")
            if self.direction == "in":
                yield Words(id="parts")  # hidden by the stylesheet in a tiny terminal
            yield Words(id="prompt")
            yield Words(id="position")
            yield Meter(id="step-progress")
            yield Words(id="status")
            if self.direction == "out":
                yield Words(text("worry_label"), id="worry-label")
                worry = Input(
                    placeholder=text("worry_placeholder"), id="worry", max_length=MAX_WORRY
                )
                worry.cursor_blink = self.zoomapp.cursor_blink
                yield worry
                with VerticalScroll(id="worry-answer"):  # help may be longer than the screen
                    yield Words(id="worry-reply")
        yield KeyBar()

    def on_mount(self) -> None:
        if self.direction == "out":
            self.query_one("#worry-reply").display = False
            # Reading every language's phrases takes a second or more: done now, in the
            # background while the parent types, so the answer to a worry comes at once.
            self.run_worker(self._read_the_phrases, thread=True, exit_on_error=False)
        self.start_clock()

    def _read_the_phrases(self) -> None:
        worker = get_current_worker()
        recogniser(self.content).compile_all(stop=lambda: worker.is_cancelled)

    def time_is_moving(self) -> bool:
        return not self.run.finished

    def refresh_zoom(self) -> float | None:
        text = self.content.text
        elapsed = self.stopwatch.elapsed()
        self.run.update(elapsed)
        step = self.run.step
        sections = self.plan.sections()
        current = max(i for i, (_, first) in enumerate(sections) if first <= self.run.index)
        if self.direction == "in":
            parts = Text()
            for number, (title, _) in enumerate(sections, start=1):
                style = "bold reverse" if number - 1 == current else "dim"
                parts.append(f" {number} {title} ", style)
                parts.append(" ")
            self.query_one("#parts", Words).say(parts)
        first = sections[current][1]
        last = sections[current + 1][1] if current + 1 < len(sections) else len(self.plan.steps)
        meter = self.query_one("#step-progress", Meter)
        status = self.query_one("#status", Words)
        if self.run.finished:
            self.keep_unsaved()  # in the journal the moment it ends
            self.query_one("#prompt", Words).say(step.prompt)
            self.query_one("#position", Words).say("")
            meter.fraction = 1.0
            status.say(text("zoom_finished"))
            return None
        self.query_one("#prompt", Words).say(step.prompt)
        self.query_one("#position", Words).say(
            text("zoom_position", index=self.run.index - first + 1, count=last - first)
        )
        meter.fraction = self.run.step_elapsed(elapsed) / step.seconds
        if self.stopwatch.paused:
            status.say(text("session_paused"))
            return None
        if self.run.waiting(elapsed):
            status.say(text("session_waiting"))
            return None
        status.say("")
        # The thin bar fills smoothly enough at two updates a second.
        return min(0.5, self.run.step_left(elapsed))

    def action_next(self) -> None:
        self.run.next(self.stopwatch.elapsed())
        self.waker.wake()

    def action_previous(self) -> None:
        self.run.previous(self.stopwatch.elapsed())
        self.waker.wake()

    def action_part(self, number: int) -> None:
        sections = self.plan.sections()
        if 1 <= number <= len(sections):
            self.run.go_to(sections[number - 1][1], self.stopwatch.elapsed())
            self.waker.wake()

    def action_pause(self) -> None:
        if not self.run.finished:
            self.stopwatch.toggle()
            self.waker.wake()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While help is on the screen, the session it covers waits: no key moves it on.
        Esc leaves the What-if box first, then puts help away, then goes home."""
        danger = self.has_class("-danger-shown")
        in_box = self.focused is not None and self.focused.id == "worry"
        if action == "leave_box":
            return in_box
        if action == "worry":  # in the box, w is a letter
            return not in_box
        if action == "close_help":
            return danger and not in_box
        return not (danger and action in ("next", "previous", "pause", "part"))

    def action_leave_box(self) -> None:
        self.set_focus(None)  # a second Esc goes home

    def action_close_help(self) -> None:
        """Help put away, back to the session."""
        self.set_class(False, "-danger-shown")
        self.query_one("#worry-reply", Words).display = False
        self.set_focus(None)
        self.refresh_bindings()

    def action_back(self) -> None:
        self.app.pop_screen()

    def session_result(self) -> SessionResult:
        finished = self.run.finished
        seconds = self.run.finished_at if finished else self.stopwatch.elapsed()
        return SessionResult(
            RECIPE, self.recipe.id, self.started_at, round(seconds), ended_early=not finished
        )

    def action_worry(self) -> None:
        self.set_focus(self.query_one("#worry", Input))  # at once: the next key is the box's

    def action_zoom_in(self) -> None:
        self.app.switch_screen(ZoomScreenView("in"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Nothing typed here is kept: the box is cleared and the words go nowhere.
        worry = event.value
        if not worry.strip():
            return
        event.input.value = ""
        app = self.zoomapp
        data_dir = app.workspace.paths.data_dir
        own, plan = own_help(self.content, data_dir)
        said = answer(worry, self.content, app.rng, app.country, own, plan)
        reply = self.query_one("#worry-reply", Words)
        danger = said.kind == "danger"
        reply.set_class(danger, "-danger")
        reply.say("\n".join(said.lines))
        reply.display = True
        answer_box = self.query_one("#worry-answer", VerticalScroll)
        answer_box.scroll_home(animate=False)
        # Help takes the screen: the session waits, and the arrows scroll what it says.
        self.set_class(danger, "-danger-shown")
        self.refresh_bindings()
        if danger:
            if not self.stopwatch.paused:
                self.action_pause()
            answer_box.focus()
        else:
            self.set_focus(None)
