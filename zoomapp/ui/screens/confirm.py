"""Ask before something cannot be undone: a modal that answers True or False."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from zoomapp.ui.keys import Key, ZoomModal
from zoomapp.ui.widgets.keybar import KeyBar


class ConfirmScreen(ZoomModal):
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 60; height: auto; padding: 1 2; background: $panel; border: round $warning;
    }
    ConfirmScreen #confirm-detail { color: $text-muted; padding-top: 1; }
    """
    KEYS = (
        Key("y", "answer(True)", "key_yes"),
        Key("n,escape", "answer(False)", "key_no", key_display="n"),
    )

    def __init__(self, question: str, detail: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, markup=False)
            if self.detail:
                yield Static(f"“{self.detail}”", id="confirm-detail", markup=False)
        yield KeyBar()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
