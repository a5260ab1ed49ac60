"""Choosing a theme: each one is tried on as it is highlighted; Enter keeps it, Esc goes
back to the one before. Opened from Settings."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll

from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


class ThemeScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (
        Key("enter", "keep", "key_theme_keep", key_display="enter", priority=True),
        Key("escape,q", "undo", "key_theme_undo", key_display="esc"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.before = self.zoomapp.theme
        self.themes = sorted(self.zoomapp.available_themes)

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="themes"):
            yield Words(text("themes_title"), id="question")
            with VerticalScroll(id="theme-list"):
                yield ChoiceList([(name, Text(name)) for name in self.themes], id="theme-choices")
            yield Words(text("themes_hint"), id="themes-hint", classes="help-dim")
        yield KeyBar()

    def on_mount(self) -> None:
        choices = self.query_one(ChoiceList)
        if self.before in self.themes:
            choices.highlighted = self.themes.index(self.before)
        choices.focus()
        self.call_after_refresh(choices.reveal)
        self.watch(choices, "highlighted", self._try_on, init=False)

    def _try_on(self, index: int) -> None:
        self._wear(self.themes[index])

    def _wear(self, name: str) -> None:
        # The settings follow in memory first, so the app's theme watcher does not save
        # each one tried: only Enter saves.
        self.zoomapp.settings.theme = name
        self.zoomapp.theme = name

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        self._wear(event.choice_id)  # a click tries it on and keeps it
        self.action_keep()

    def action_keep(self) -> None:
        self.zoomapp.save_settings()
        self.dismiss(True)

    def action_undo(self) -> None:
        self._wear(self.before)
        self.dismiss(False)
