"""Static text that only redraws when its words change.

Timed screens wake many times a second; an unchanged `Static.update` still costs a
layout pass, which is most of the CPU a breathing session would otherwise use.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class Words(Static):
    def __init__(self, text: str | Text = "", **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(text, markup=False, **kwargs)
        self._said: str | Text = text

    def say(self, text: str | Text) -> None:
        if text != self._said:
            self._said = text
            self.update(text)
