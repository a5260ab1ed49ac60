"""The packs that could not be used, every problem in full, so they can be fixed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar


class ProblemsScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (Key("escape,q", "back", "key_back", key_display="esc"),)

    def compose(self) -> ComposeResult:
        text = self.content.text
        problems = self.content.problems
        with VerticalScroll(id="problems-list"):
            yield Static(text("problems_title"), id="question")
            if problems:
                yield Static(text("problems_intro"), classes="help-item")
                for problem in problems:
                    yield Static(str(problem), classes="problem", markup=False)
            else:
                yield Static(text("problems_none"), classes="help-item")
        yield KeyBar()

    def action_back(self) -> None:
        self.app.pop_screen()
