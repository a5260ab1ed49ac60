"""Search the journal by words and #tags; choosing a result opens its day."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input

from zoomapp.core.journal import Entry
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


def split_query(query: str) -> tuple[str, list[str]]:
    """'school #morning' -> ('school', ['morning'])."""
    words, tags = [], []
    for word in query.split():
        (tags if word.startswith("#") and len(word) > 1 else words).append(word)
    return " ".join(words), [t.lstrip("#") for t in tags]


class SearchScreen(ZoomScreen):
    CSS_PATH = "journal.tcss"
    KEYS = (Key("escape", "back", "key_back", key_display="esc"),)

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Entry] = []

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="search-page"):
            yield Words(text("search_title"), id="question")
            yield Words(text("search_prompt"), id="search-prompt")
            field = Input(placeholder=text("search_placeholder"), id="search-input")
            field.cursor_blink = self.app.cursor_blink  # type: ignore[attr-defined]
            yield field
            yield Words(id="search-status")
            with VerticalScroll(id="search-scroll"):  # a long list scrolls with the highlight
                yield ChoiceList([], id="search-results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        words, tags = split_query(event.value)
        if not words and not tags:
            return
        self.found = self.app.journal.search(words, tags)[:200]  # type: ignore[attr-defined]
        text = self.content.text
        status = text("search_count", count=len(self.found)) if self.found else text("search_none")
        self.query_one("#search-status", Words).say(status)
        results = self.query_one("#search-results", ChoiceList)
        results.set_choices(
            [
                (str(i), Text.assemble((f"{e.at:%Y-%m-%d}  ", "dim"), e.text))
                for i, e in enumerate(self.found)
            ]
        )
        if self.found:
            results.focus()

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        self.dismiss(self.found[int(event.choice_id)].day)

    def action_back(self) -> None:
        if self.query_one("#search-results", ChoiceList).has_focus:
            self.query_one(Input).focus()
        else:
            self.dismiss(None)
