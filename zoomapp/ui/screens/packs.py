"""Packs: every content pack, whether it is in use, its problems in plain words, on and off."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.core.content.inventory import BUILT_IN, PackRow, inventory
from zoomapp.core.paths import pack_files
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


class PacksScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (
        Key("space", "switch", "key_toggle", key_display="space"),
        Key("escape,q", "back", "key_back", key_display="esc"),
    )

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[PackRow] = []
        self._tiny = False  # laid out for a tiny terminal

    def compose(self) -> ComposeResult:
        text = self.content.text
        with VerticalScroll(id="help"):
            yield Words(text("packs_title"), id="question")
            yield Words(text("packs_intro"), classes="help-item")
            yield ChoiceList([], id="packs")
            yield Words(id="packs-problems", classes="problem")
        yield KeyBar()

    def on_mount(self) -> None:
        self.show_packs()
        self.query_one(ChoiceList).focus()

    def show_packs(self) -> None:
        text = self.content.text
        app = self.zoomapp
        paths = app.workspace.paths
        files = pack_files(paths)
        disabled = app.settings.disabled_packs
        self.rows = inventory(files, self.content, disabled)
        states = {row.state: text(f"pack_state_{row.state}") for row in self.rows}
        column = max(len(label) for label in states.values()) + 2
        self._tiny = self.app.has_class("-tiny")
        if self._tiny:  # no room for a column: the state leads the line
            states = {state: f"{label} · " for state, label in states.items()}
            column = 0
        choices = []
        for index, row in enumerate(self.rows):
            where = text("packs_builtin") if row.where == BUILT_IN else row.where
            line = Text.assemble(
                (states[row.state].ljust(column), "bold"),
                (row.name, "bold"),
                (f"  {row.id} {row.version} · {row.language} · ", "dim"),
                (self.content.counted("packs_items", row.items), "dim"),
                "\n",
                (" " * column + where, "dim italic"),
            )
            if row.state == "other":  # say why it is not used, and when it would be
                line.append("\n" + " " * column + self.content.used_when(row.language), "dim")
            choices.append((str(index), line))
        self.query_one(ChoiceList).set_choices(choices)
        problems = [str(p) for row in self.rows for p in row.problems]
        self.query_one("#packs-problems", Words).say("\n".join(problems))

    def on_resize(self) -> None:
        if self._tiny != self.app.has_class("-tiny"):
            self.show_packs()

    def action_switch(self) -> None:
        self.query_one(ChoiceList).action_select()

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        row = self.rows[int(event.choice_id)]
        if row.where == BUILT_IN or not row.readable:
            self.notify(self.content.text("packs_cannot_toggle"), timeout=4)
            return
        self.zoomapp.settings.switch_pack(row.id, on=row.state == "off")
        self.zoomapp.save_settings()
        self.zoomapp.reload_content()
        self.show_packs()

    def action_back(self) -> None:
        self.app.pop_screen()
