"""Write one line in the journal: a small win, a strength noticed, or how you feel.

Whatever is typed is kept as a draft every few seconds and when the screen closes, so an
interrupted note comes back next time. Editing an existing entry uses the same screen.
"""

from __future__ import annotations

import contextlib
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input

from zoomapp.core.drafts import clear_draft, load_draft, save_draft
from zoomapp.core.journal import Entry, JournalError
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

DRAFT_EVERY_SECONDS = 3


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
        self._dirty = False
        self._typed = ""  # kept here too: at unmount the Input is already gone
        self.saved_any = False

    @property
    def _draft_name(self) -> str | None:
        return None if self.entry else self.kind

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
            field.value = self.entry.text
        elif self.kind == "feeling":
            field.value = self.app.journal.read_day(self.day).feeling  # type: ignore[attr-defined]
        if self._draft_name and not field.value:
            draft = load_draft(self._drafts, self._draft_name)
            if draft:
                field.value = draft
                status.say(self.content.text("note_draft_back"))
        field.focus()
        if self._draft_name:
            self.set_interval(DRAFT_EVERY_SECONDS, self._keep_draft)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._typed = event.value
        self._dirty = True

    def _keep_draft(self) -> None:
        if self._dirty and self._draft_name:
            self._dirty = False
            # A draft is a courtesy: if it cannot be kept, the real save still reports.
            with contextlib.suppress(OSError):
                save_draft(self._drafts, self._draft_name, self._typed)

    def on_unmount(self) -> None:
        self._keep_draft()

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
            status.say(str(exc))
            return
        self.app.report_set_aside(saved.set_aside_as)  # type: ignore[attr-defined]
        self.saved_any = True
        self._dirty = False
        if self._draft_name:
            clear_draft(self._drafts, self._draft_name)
        if self.entry is not None or self.kind == "feeling":
            self.dismiss(True)
            return
        field.value = ""
        self._dirty = False
        status.say(self.content.text("note_saved"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_back(self) -> None:
        self.dismiss(self.saved_any)
