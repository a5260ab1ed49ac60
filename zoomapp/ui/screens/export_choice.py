"""What goes in the page for a meeting: each kind of entry ticked or not. Feelings and
sessions are private, so they start unticked; Enter writes the page, Esc leaves it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.core.journal.selection import FOR_A_MEETING, KINDS
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


class ExportChoiceScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (
        Key("space", "tick", "key_tick", key_display="space"),
        Key("enter", "write", "key_export", key_display="enter", priority=True),
        Key("escape", "back", "key_back", key_display="esc"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.chosen = set(FOR_A_MEETING)

    def compose(self) -> ComposeResult:
        text = self.content.text
        with VerticalScroll(id="plan"):
            yield Words(text("export_choose_title"), id="question")
            yield Words(text("export_choose_intro"), classes="help-dim help-item")
            yield ChoiceList(self._rows(), id="export-kinds")
        yield KeyBar()

    def _rows(self) -> list[tuple[str, Text]]:
        text = self.content.text
        return [
            (kind, Text(f"[{'x' if kind in self.chosen else ' '}] {text(f'export_kind_{kind}')}"))
            for kind in KINDS
        ]

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def action_tick(self) -> None:
        kind = KINDS[self.query_one(ChoiceList).highlighted]
        self.chosen ^= {kind}
        self.query_one(ChoiceList).set_choices(self._rows())

    def action_write(self) -> None:
        self.dismiss(tuple(k for k in KINDS if k in self.chosen))

    def action_back(self) -> None:
        self.dismiss(None)
