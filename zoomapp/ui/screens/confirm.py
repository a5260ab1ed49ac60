"""Ask before deleting: a modal that answers True only when "Delete" itself is chosen.

No letter answers it, so words typed by accident (an `x`, then a `y`) cannot delete
anything: the safe choice is highlighted, Enter takes the highlighted one, Esc keeps.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical

from zoomapp.ui.keys import Key
from zoomapp.ui.modal import ZoomModal
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


class ConfirmScreen(ZoomModal):
    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > Vertical {
        width: 60; max-width: 100%; height: auto; padding: 1 2;
        background: $panel; border: round $warning;
    }
    ConfirmScreen #confirm-detail { color: $text-muted; padding: 1 0; }
    ConfirmScreen #confirm-hint { color: $text-muted; padding-top: 1; }
    """
    KEYS = (
        Key("enter", "choose", "key_choose", key_display="enter", palette=False),
        Key("escape", "answer(False)", "key_keep", key_display="esc"),
    )

    def __init__(self, question: str, detail: str = "", yes: str = "", no: str = "") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes or self.content.text("confirm_yes")
        self.no = no or self.content.text("confirm_no")

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Words(self.question)
            if self.detail:
                yield Words(f"“{self.detail}”", id="confirm-detail")
            yield ChoiceList([("no", Text(self.no)), ("yes", Text(self.yes))], id="confirm")
            yield Words(self.content.text("confirm_hint"), id="confirm-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()  # on the safe choice

    def action_choose(self) -> None:
        self.query_one(ChoiceList).action_select()

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        event.stop()
        self.dismiss(event.choice_id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
