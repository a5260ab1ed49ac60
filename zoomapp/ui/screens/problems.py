"""The packs that could not be used, every problem in full, so they can be fixed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


class ProblemsScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (Key("escape,q", "back", "key_back", key_display="esc"),)

    def compose(self) -> ComposeResult:
        text = self.content.text
        problems = self.content.problems
        with VerticalScroll(id="problems-list"):
            yield Words(text("problems_title"), id="question")
            if problems:
                yield Words(text("problems_intro"), classes="help-item")
                for problem in problems:
                    yield Words(str(problem), classes="problem")
            else:
                yield Words(text("problems_none"), classes="help-item")
        yield KeyBar()

    def action_back(self) -> None:
        self.app.pop_screen()
