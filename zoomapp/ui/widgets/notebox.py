"""A box for words that may run to several lines: Enter saves, ctrl+j starts a new line.

Enter means "done with this box" everywhere in zoomapp, as it did when every box held one
line; a paragraph about a hard morning needs new lines too, so ctrl+j (which every
terminal sends), shift+enter and alt+enter (where the terminal tells them apart) add one.
Pasted text keeps its lines. The box grows with its words, up to a few lines, then scrolls.
"""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import TextArea

NEW_LINE_KEYS = ("ctrl+j", "shift+enter", "alt+enter", "ctrl+enter")


class NoteBox(TextArea):
    DEFAULT_CSS = """
    NoteBox { height: auto; min-height: 3; max-height: 9; }
    """

    class Submitted(Message):
        def __init__(self, box: NoteBox) -> None:
            super().__init__()
            self.box = box

        @property
        def control(self) -> NoteBox:
            return self.box

    def __init__(self, placeholder: str = "", id: str | None = None, blink: bool = True):
        super().__init__(
            "",
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            placeholder=placeholder,
            id=id,
            compact=False,
        )
        self.cursor_blink = blink

    @property
    def value(self) -> str:
        return self.text

    @value.setter
    def value(self, words: str) -> None:
        self.load_text(words)
        self.move_cursor(self.document.end)

    def on_key(self, event: events.Key) -> None:
        # Handled here, before TextArea's own key handler, which prevent_default skips.
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted(self))
        elif event.key in NEW_LINE_KEYS:
            event.stop()
            event.prevent_default()
            self.new_line()

    def new_line(self) -> None:
        start, end = self.selection
        self.replace("\n", start, end)
