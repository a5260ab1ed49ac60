"""Ask before something cannot be undone: a modal that answers True or False."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical

from zoomapp.ui.keys import Key, ZoomModal
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


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
            yield Words(self.question)
            if self.detail:
                yield Words(f"“{self.detail}”", id="confirm-detail")
        yield KeyBar()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
