"""Write one line in the journal: a small win, a strength noticed, or how you feel.

Whatever is typed is kept as a draft a moment after the last key (and whenever the app
closes), so an interrupted note comes back next time. Editing an existing entry uses the
same screen, with a draft of its own.
"""

from __future__ import annotations

import contextlib
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input

from zoomapp.core.drafts import clear_draft, load_draft, save_draft
from zoomapp.core.files import plain_reason
from zoomapp.core.journal import Entry, JournalError
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

DRAFT_AFTER_SECONDS = 0.3  # of quiet after the last key: soon enough to survive anything


class NoteScreen(ZoomScreen):
    CSS_PATH = "journal.tcss"
    KEYS = (
        Key("enter", "save", "key_save", key_display="enter", palette=False),
        Key("escape", "back", "key_back", key_display="esc"),
    )

    def __init__(self, kind: str = "wins", day: date | None = None, entry: Entry | None = None):
        super().__init__()
        self.kind = entry.kind if entry else kind
        self.entry = entry
        self.day = entry.day if entry else (day or self.app.wall_clock().date())  # type: ignore[attr-defined]
        self._drafts = self.app.workspace.paths.drafts_dir  # type: ignore[attr-defined]
        self._typed = ""  # kept here too: at unmount the Input is already gone
        self._kept = ""  # what the draft on disk (or the journal) holds now
        self._stored = ""  # the words already in the journal, which need no draft
        self._draft_timer: Timer | None = None
        self.saved_any = False

    @property
    def _draft_name(self) -> str:
        """One draft for each thing that can be written: a new win, a day's feeling, an edit."""
        if self.entry is not None:
            return f"edit-{self.entry.kind}-{self.entry.at:%Y%m%dT%H%M%S}"
        if self.kind == "feeling":
            return f"feeling-{self.day.isoformat()}"
        return self.kind

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="note-page"):
            yield Words(text(f"note_{self.kind}_title"), id="question")
            yield Words(text(f"note_{self.kind}_prompt"), id="note-prompt")
            today = self.app.wall_clock().date()  # type: ignore[attr-defined]
            if self.day != today:
                yield Words(
                    text("note_for_day", day=self.content.day_heading(self.day)), id="note-day"
                )
            note = Input(placeholder=text(f"note_{self.kind}_placeholder"), id="note-input")
            note.cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
            yield note
            yield Words(id="note-status")
        yield KeyBar()

    def on_mount(self) -> None:
        field = self.query_one(Input)
        status = self.query_one("#note-status", Words)
        if self.entry is not None:
            self._stored = self.entry.text
        elif self.kind == "feeling":
            self._stored = self.app.journal.read_day(self.day).feeling  # type: ignore[attr-defined]
        draft = load_draft(self._drafts, self._draft_name)
        if draft and draft != self._stored:
            field.value = draft
            status.say(self.content.text("note_draft_back"))
        else:
            field.value = self._stored
        self._typed = self._kept = field.value
        field.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.value == self._typed:
            return
        self._typed = event.value
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(DRAFT_AFTER_SECONDS, self.keep_unsaved)

    def keep_unsaved(self) -> None:
        """Keep the typed words as a draft (the app may be closing now)."""
        fields = self.query(Input)
        if fields:  # what is in the box now, even before its change message arrives
            self._typed = fields.first().value
        typed = self._typed
        if typed == self._kept:
            return
        try:
            if typed.strip() == self._stored.strip():
                clear_draft(self._drafts, self._draft_name)
            else:
                save_draft(self._drafts, self._draft_name, typed)
        except OSError as exc:
            # The words are still in the box; say so plainly (and try again next time).
            for status in self.query("#note-status").results(Words):
                status.say(self.content.text("note_draft_failed", reason=plain_reason(exc)))
            return
        self._kept = typed

    def on_unmount(self) -> None:
        self.keep_unsaved()

    def action_save(self) -> None:
        field = self.query_one(Input)
        status = self.query_one("#note-status", Words)
        journal = self.app.journal  # type: ignore[attr-defined]
        try:
            if self.kind == "feeling":
                saved = journal.set_feeling(self.day, field.value)
            elif self.entry is not None:
                saved = journal.edit(self.entry, field.value)
            else:
                saved = journal.add(self.kind, field.value, day=self.day)
        except JournalError as exc:
            status.say(self.content.explain(exc))
            return
        self.app.report_set_aside(saved.set_aside_as)  # type: ignore[attr-defined]
        self.saved_any = True
        self._forget_draft()
        if self.entry is not None or self.kind == "feeling":
            self.dismiss(True)
            return
        self._typed = self._kept = ""
        field.value = ""
        status.say(self.content.text("note_saved"))

    def _forget_draft(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._typed = self._kept = self.query_one(Input).value
        with contextlib.suppress(OSError):
            clear_draft(self._drafts, self._draft_name)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_back(self) -> None:
        self.dismiss(self.saved_any)
