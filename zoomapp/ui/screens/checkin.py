"""The evening check-in: a small win, a strength seen in the child, how I feel - and, for
a parent who has begun the way back to school, how the school day went and how holding
to the change went (one key each), and the plan for tomorrow morning.

Each question is optional: Enter saves what is written and moves on (or just moves on).
Esc ends at once and keeps what was written, the words in the box included. It closes
by showing back one earlier win, gently - never a streak, never a count.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from zoomapp.core.errors import JournalError
from zoomapp.core.files import plain_reason
from zoomapp.core.journal.checkin import STEPS, earlier_win, keep
from zoomapp.core.journal.dates import spoken_day
from zoomapp.core.school.evening import CHOICES, HELD, evening_steps, keep_answer
from zoomapp.core.school.plan import Plan
from zoomapp.ui.drafting import DraftKeeper
from zoomapp.ui.help_first import help_first, read_ahead
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.notebox import NoteBox
from zoomapp.ui.widgets.words import Words


class CheckinScreen(ZoomScreen):
    CSS_PATH = "journal.tcss"
    KEYS = (
        Key("enter", "next", "key_next", key_display="enter", palette=False),
        Key("ctrl+j", "new_line", "key_new_line", key_display="ctrl+j", palette=False),
        Key("escape", "finish", "key_done", key_display="esc"),
        *(Key(str(n), f"choose({n})", "key_choose", show=False) for n in range(1, 5)),
    )

    def __init__(self) -> None:
        super().__init__()
        self.today = self.zoomapp.wall_clock().date()
        self.plan = self._school_plan()
        self.steps = STEPS + evening_steps(self.plan, self.today)
        self.step = 0
        self.wrote = 0
        self.finished = False
        self.drafts = self._keeper(STEPS[0])

    def _school_plan(self) -> Plan | None:
        """The way back to school, when it can be read without asking (never asks here)."""
        if not self.zoomapp.journal_readable():
            return None
        from zoomapp.core.school.plan import plan_of

        try:  # read through the search index: quick, even at ten years
            return plan_of(self.zoomapp.journal)
        except OSError:
            return None

    def _keeper(self, kind: str) -> DraftKeeper:
        return DraftKeeper(
            self,
            self.zoomapp.workspace.paths.drafts_dir,
            f"checkin-{kind}",
            self._box_text,
            self._draft_failed,
            keys=self.zoomapp.lock_keys,
        )

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="note-page"):
            yield Words(text("checkin_title"), id="question")
            yield Words(text("checkin_intro"), id="note-prompt")
            yield Words(id="checkin-step")
            yield Words(id="checkin-question")
            yield NoteBox(id="note-input", blink=self.zoomapp.cursor_blink)
            yield Words(id="note-status")
            yield Words(id="checkin-earlier")
        yield KeyBar()

    def on_mount(self) -> None:
        self._show_step()
        read_ahead(self)

    def _box_text(self) -> str | None:
        boxes = self.query(NoteBox)
        return boxes.first().text if boxes and not self.finished else None

    def _draft_failed(self, error: OSError) -> None:
        for status in self.query("#note-status").results(Words):
            status.say(self.content.text("note_draft_failed", reason=plain_reason(error)))

    def _show_step(self) -> None:
        text = self.content.text
        kind = self.steps[self.step]
        self.drafts = self._keeper(kind)
        self.query_one("#checkin-step", Words).say(
            text("checkin_step", index=self.step + 1, count=len(self.steps))
        )
        question = text(f"checkin_{kind}")
        if kind == HELD and self.plan is not None and self.plan.change is not None:
            question = text("checkin_held", text=self.plan.change.text)
        box = self.query_one(NoteBox)
        box.display = kind not in CHOICES
        if kind in CHOICES:  # one key answers: the box waits, hidden
            self.query_one("#checkin-question", Words).say(
                f"{question}\n{text(f'checkin_{kind}_keys')}"
            )
            self.query_one("#note-status", Words).say("")
            self.set_focus(None)
            self.refresh_bindings()
            return
        self.query_one("#checkin-question", Words).say(question)
        box.placeholder = text(f"note_{kind}_placeholder")
        words, back = self.drafts.begin()
        box.value = words
        self.query_one("#note-status", Words).say(text("note_draft_back") if back else "")
        self.set_focus(box)  # at once: words typed as the screen opened go in (KeyedMixin)

    def on_text_area_changed(self, event: NoteBox.Changed) -> None:
        if not self.finished:
            self.drafts.changed(event.text_area.text)

    def keep_unsaved(self) -> None:
        """The app is closing: the words in the box stay as a draft."""
        if not self.finished:
            self.drafts.keep()

    def on_unmount(self) -> None:
        self.keep_unsaved()

    def _save_step(self) -> str | None:
        """Save what is in the box for this step, and say what was kept ("" for nothing);
        None (and why, on screen) if it failed."""
        box = self.query_one(NoteBox)
        kind = self.steps[self.step]
        if kind in CHOICES:
            return ""  # answered by its key, or skipped
        try:
            if kind in STEPS:
                saved = keep(self.zoomapp.journal, kind, box.text, self.today)
            else:
                saved = keep_answer(self.zoomapp.journal, kind, box.text, self.today)
        except JournalError as exc:
            self.query_one("#note-status", Words).say(self.content.explain(exc))
            return None
        if saved is not None:
            self.wrote += 1
            self.zoomapp.report_set_aside(saved.set_aside_as)
        self.drafts.forget(box.text)  # kept: no draft of it, even while help is open
        return box.text if saved is not None else ""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            kind = self.steps[self.step] if not self.finished else ""
            return kind in CHOICES and int(str(parameters[0])) <= len(CHOICES[kind])
        # No new line where nothing is typed: after the last question, or on a one-key one.
        typing = not self.finished and self.steps[self.step] not in CHOICES
        return not (action == "new_line" and not typing)

    def action_choose(self, number: int) -> None:
        """A one-key answer: noted at once, then the next question."""
        if self.app.screen is not self:  # typed ahead while help opened over it
            return
        kind = self.steps[self.step]
        try:
            saved = keep_answer(self.zoomapp.journal, kind, CHOICES[kind][number - 1], self.today)
        except JournalError as exc:
            self.query_one("#note-status", Words).say(self.content.explain(exc))
            return
        if saved is not None:
            self.wrote += 1
            self.zoomapp.report_set_aside(saved.set_aside_as)
        self.action_next()

    def action_next(self) -> None:
        if self.app.screen is not self:  # typed ahead while help opened over it
            return
        if self.finished:
            self.dismiss(self.wrote > 0)
            return
        kept = self._save_step()
        if kept is not None:
            help_first(self, kept, self._go_on)

    def _go_on(self) -> None:
        if self.step + 1 < len(self.steps):
            self.step += 1
            self._show_step()
        else:
            self._thank_and_look_back()

    def on_note_box_submitted(self, event: NoteBox.Submitted) -> None:
        event.stop()
        self.action_next()

    def action_new_line(self) -> None:
        self.query_one(NoteBox).new_line()

    def action_finish(self) -> None:
        if self.app.screen is not self:  # typed ahead while help opened over it
            return
        if self.finished:
            self.dismiss(self.wrote > 0)
            return
        kept = self._save_step()
        if kept is None:
            return  # the words stay in the box, and the reason is on screen
        self.finished = True
        help_first(self, kept, self._end)

    def _end(self) -> None:
        if self.wrote:
            self.notify(self.content.text("checkin_kept"), timeout=3)
        self.dismiss(self.wrote > 0)

    def _thank_and_look_back(self) -> None:
        """Thank the parent, and show back one earlier win."""
        text = self.content.text
        self.finished = True
        self.refresh_bindings()
        self.query_one(NoteBox).display = False
        self.query_one("#checkin-step", Words).display = False
        self.query_one("#note-prompt", Words).display = False
        self.query_one("#checkin-question", Words).say(
            text("checkin_done") if self.wrote else text("checkin_nothing")
        )
        self.query_one("#note-status", Words).say("")
        self.set_focus(None)  # the box is gone: Enter or Esc goes home
        self.refresh_bindings()
        self.zoomapp.ask_passphrase(self._look_back, "lock_earlier_why")  # locked: asks once

    def _look_back(self) -> None:
        text = self.content.text
        shown = earlier_win(self.zoomapp.journal, self.today, self.zoomapp.rng)
        if shown is not None:
            when = text("checkin_earlier", day=spoken_day(shown.day, self.today, text))
            self.query_one("#checkin-earlier", Words).say(f"{when}\n\n{shown.text}")
