"""What helps me: for each breathing pattern and session, the average change in tension."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.core.journal.progress import helps_words, what_helps
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

BAR_CELLS_PER_POINT = 3  # one point calmer on the 0-10 scale draws three cells


class HelpsScreen(ZoomScreen):
    CSS_PATH = "journal.tcss"
    KEYS = (Key("escape,q", "back", "key_back", key_display="esc"),)

    def compose(self) -> ComposeResult:
        text = self.content.text
        rows = what_helps(self.zoomapp.journal.sessions())
        with VerticalScroll(id="helps"):
            yield Words(text("helps_title"), id="question")
            yield Words(text("helps_intro") if rows else text("helps_none"), classes="helps-row")
            for title, detail, change in helps_words(rows, self.content):
                line = Text(title)
                line.stylize("bold")
                line.append("\n")
                if change is not None and change < -0.05:
                    line.append("▇" * max(1, round(-change * BAR_CELLS_PER_POINT)) + " ")
                line.append(detail, "dim" if change is None else None)
                yield Words(line, classes="helps-row")
        yield KeyBar()

    def action_back(self) -> None:
        self.app.pop_screen()
