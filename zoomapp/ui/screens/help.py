"""More help: support and crisis resources, all from the content packs."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


class HelpScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (Key("escape,q", "back", "key_back", key_display="esc"),)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Words(self.content.text("help_title"), id="question")
            for item in self.content.help.values():
                yield Words(
                    Text.assemble((item.title, "bold"), "\n", item.text),
                    classes="help-item",
                )
        yield KeyBar()

    def action_back(self) -> None:
        self.app.pop_screen()
