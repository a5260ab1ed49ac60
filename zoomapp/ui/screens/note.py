"""Write in the journal: a small win, a strength noticed, or how you feel - a line or a
paragraph.

Whatever is typed is kept as a draft a moment after the last key (and whenever the app
closes), so an interrupted note comes back next time. Editing an existing entry uses the
same screen, with a draft of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical

from zoomapp.core.errors import JournalError
from zoomapp.core.files import plain_reason
from zoomapp.core.journal.day import FEELING, WINS, Entry
from zoomapp.core.journal.store import Saved
from zoomapp.ui.drafting import DraftKeeper
from zoomapp.ui.help_first import help_first, read_ahead
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.notebox import NoteBox
from zoomapp.ui.widgets.words import Words


def draft_name(kind: str, day: date, entry: Entry | None = None) -> str:
    """One draft for each thing that can be written: a new win, a day's feeling, an edit."""
    if entry is not None:
        return f"edit-{entry.kind}-{entry.at:%Y%m%dT%H%M%S}"
    if kind == FEELING:
        return f"feeling-{day.isoformat()}"
    return kind


class NoteScreen(ZoomScreen):
    CSS_PATH = "journal.tcss"
    KEYS = (
        Key("enter", "save", "key_save", key_display="enter", palette=False),
        Key("ctrl+j", "new_line", "key_new_line", key_display="ctrl+j", palette=False),
        Key("escape", "back", "key_back", key_display="esc"),
    )

    def __init__(
        self,
        kind: str = WINS,
        day: date | None = None,
        entry: Entry | None = None,
        save: Callable[[str], Saved] | None = None,
        words: str = "",
        placeholder: str = "",
    ):
        """`save`, for words that are not a journal entry (a step back to school, the
        sentence for the child): what keeps them (`words`, when they are changed); the
        screen closes once they are kept."""
        super().__init__()
        self.save = save
        self.words = words
        self.placeholder = placeholder
        self.kind = entry.kind if entry else kind
        self.entry = entry
        self.day = entry.day if entry else (day or self.zoomapp.wall_clock().date())
        self.drafts = DraftKeeper(
            self,
            self.zoomapp.workspace.paths.drafts_dir,
            draft_name(self.kind, self.day, entry),
            self._box_text,
            self._draft_failed,
            keys=self.zoomapp.lock_keys,
        )
        self.saved_any = False

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="note-page"):
            yield Words(text(f"note_{self.kind}_title"), id="question")
            yield Words(text(f"note_{self.kind}_prompt"), id="note-prompt")
            today = self.zoomapp.wall_clock().date()
            if self.day != today:
                yield Words(
                    text("note_for_day", day=self.content.day_heading(self.day)), id="note-day"
                )
            yield NoteBox(
                self.placeholder or text(f"note_{self.kind}_placeholder"),
                id="note-input",
                blink=self.zoomapp.cursor_blink,
            )
            yield Words(id="note-status")
        yield KeyBar()

    def _box_text(self) -> str | None:
        boxes = self.query(NoteBox)
        return boxes.first().text if boxes else None

    def on_mount(self) -> None:
        box = self.query_one(NoteBox)
        if self.entry is not None or self.words:
            self.drafts.stored = self.entry.text if self.entry else self.words
        elif self.kind == FEELING and self.zoomapp.journal_readable():
            self.drafts.stored = self.zoomapp.journal.read_day(self.day).feeling
        words, back = self.drafts.begin()
        box.value = words
        if back:
            self.query_one("#note-status", Words).say(self.content.text("note_draft_back"))
        self.set_focus(box)  # now: words typed as the screen opened go in (KeyedMixin)
        read_ahead(self)

    def on_text_area_changed(self, event: NoteBox.Changed) -> None:
        self.drafts.changed(event.text_area.text)

    def keep_unsaved(self) -> None:
        """Keep the typed words as a draft (the app may be closing now)."""
        self.drafts.keep()

    def _draft_failed(self, error: OSError) -> None:
        for status in self.query("#note-status").results(Words):  # the words are still here
            status.say(self.content.text("note_draft_failed", reason=plain_reason(error)))

    def on_unmount(self) -> None:
        self.keep_unsaved()

    def action_save(self) -> None:
        if self.app.screen is not self:  # a key typed ahead while help opened over it
            return
        box = self.query_one(NoteBox)
        status = self.query_one("#note-status", Words)
        journal = self.zoomapp.journal
        try:
            if self.save is not None:
                saved = self.save(box.text)
            elif self.kind == FEELING:
                saved = journal.set_feeling(self.day, box.text)
            elif self.entry is not None:
                saved = journal.edit(self.entry, box.text)
            else:
                saved = journal.add(self.kind, box.text, day=self.day)
        except JournalError as exc:
            status.say(self.content.explain(exc))
            return
        self.zoomapp.report_set_aside(saved.set_aside_as)
        self.saved_any = True
        words = box.text
        self.drafts.forget(words)
        if self.entry is not None or self.kind == FEELING or self.save is not None:
            help_first(self, words, lambda: self.dismiss(True))
            return
        self.drafts.forget()
        box.value = ""
        status.say(self.content.text("note_saved"))
        help_first(self, words, lambda: None)

    def action_new_line(self) -> None:
        self.query_one(NoteBox).new_line()

    def on_note_box_submitted(self, event: NoteBox.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_back(self) -> None:
        self.dismiss(self.saved_any)
