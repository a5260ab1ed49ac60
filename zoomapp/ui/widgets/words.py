"""Static text that only redraws when its words change, and shows them exactly as written.

Timed screens wake many times a second; an unchanged `Static.update` still costs a
layout pass, which is most of the CPU a breathing session would otherwise use.
Words are never markup, and control characters (terminal escapes) never reach the screen.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static

from zoomapp.core.safe_text import printable


def shown_as_written(text: str | Text) -> str | Text:
    """The words without control characters; a Text keeps its styles when it has none."""
    if isinstance(text, str):
        return printable(text)
    plain = text.plain
    clean = printable(plain)
    return text if clean == plain else Text(clean, style=text.style)


class Words(Static):
    def __init__(self, text: str | Text = "", **kwargs: Any) -> None:
        super().__init__(shown_as_written(text), markup=False, **kwargs)
        self._said: str | Text = text

    def say(self, text: str | Text) -> None:
        if text != self._said:
            self._said = text
            self.update(shown_as_written(text))
