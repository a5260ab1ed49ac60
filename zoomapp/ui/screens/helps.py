"""What helps me: for each breathing pattern and session, the average change in tension."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.core.journal import what_helps
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

BAR_CELLS_PER_POINT = 3  # one point calmer on the 0-9 scale draws three cells


class HelpsScreen(ZoomScreen):
    CSS_PATH = "journal.tcss"
    KEYS = (Key("escape,q", "back", "key_back", key_display="esc"),)

    def compose(self) -> ComposeResult:
        text = self.content.text
        rows = what_helps(self.app.journal.sessions())  # type: ignore[attr-defined]
        with VerticalScroll(id="helps"):
            yield Words(text("helps_title"), id="question")
            yield Words(text("helps_intro") if rows else text("helps_none"), classes="helps-row")
            for row in rows:
                item = self.content.recipes.get(row.item_id) or self.content.patterns.get(
                    row.item_id
                )
                name = item.name if item else row.item_id
                key = "helps_row_one" if row.count == 1 else "helps_row"
                line = Text(text(key, name=name, count=row.count))
                line.stylize("bold")
                line.append("\n")
                if row.change is None:
                    line.append(text("helps_unrated"), "dim")
                elif row.change < -0.05:
                    amount = f"{-row.change:.1f}"
                    line.append("▇" * max(1, round(-row.change * BAR_CELLS_PER_POINT)) + " ")
                    line.append(text("helps_calmer", amount=amount))
                elif row.change > 0.05:
                    line.append(text("helps_tenser", amount=f"{row.change:.1f}"))
                else:
                    line.append(text("helps_same"))
                yield Words(line, classes="helps-row")
        yield KeyBar()

    def action_back(self) -> None:
        self.app.pop_screen()
