"""Search the journal by words and #tags - wins, strengths, feelings and sessions - with
dates as people say them; choosing a result opens its day. The box stays where the keys
go, so another search is just typed; down goes to the results."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input

from zoomapp.core.errors import JournalError
from zoomapp.core.journal.dates import spoken_day
from zoomapp.core.journal.day import Entry
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


def split_query(query: str) -> tuple[str, list[str]]:
    """'school #morning' -> ('school', ['morning'])."""
    words: list[str] = []
    tags: list[str] = []
    for word in query.split():
        (tags if word.startswith("#") and len(word) > 1 else words).append(word)
    return " ".join(words), [t.lstrip("#") for t in tags]


class SearchScreen(ZoomScreen):
    CSS_PATH = "journal.tcss"
    KEYS = (
        Key("escape", "back", "key_back", key_display="esc"),
        Key("down", "results", "key_results", key_display="↓"),
        # Esc on the results goes back to the box: said so there (tried before `back`).
        Key("escape", "to_box", "key_to_box", key_display="esc", palette=False),
    )

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Entry] = []

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="search-page"):
            yield Words(text("search_title"), id="question")
            yield Words(text("search_prompt"), id="search-prompt")
            field = Input(placeholder=text("search_placeholder"), id="search-input")
            field.cursor_blink = self.zoomapp.cursor_blink
            yield field
            yield Words(id="search-status")
            with VerticalScroll(id="search-scroll"):  # a long list scrolls with the highlight
                yield ChoiceList([], id="search-results")
        yield KeyBar()

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))  # now: words typed as it opened go in

    def on_input_submitted(self, event: Input.Submitted) -> None:
        words, tags = split_query(event.value)
        if not words and not tags:
            return
        journal = self.zoomapp.journal
        try:
            self.found = journal.search(words, tags, self.content.session_names())[:200]
        except JournalError as exc:  # a tag that cannot be one: say why, keep the box
            self.query_one("#search-status", Words).say(self.content.explain(exc))
            return
        text = self.content.text
        status = text("search_count", count=len(self.found)) if self.found else text("search_none")
        self.query_one("#search-status", Words).say(status)
        today = self.zoomapp.wall_clock().date()
        results = self.query_one("#search-results", ChoiceList)
        results.set_choices([(str(i), self._line(e, today)) for i, e in enumerate(self.found)])
        results.highlighted = 0
        self.refresh_bindings()

    def _line(self, entry: Entry, today: date) -> Text:
        text = self.content.text
        when = spoken_day(entry.day, today, text)
        if entry.session is not None:
            words = self.content.session_line(entry.session).partition("  ")[2]
        else:
            words = entry.text.replace("\n", " ")
        mark = "" if entry.kind == "wins" else f"  ({text(f'cli_mark_{entry.kind}')})"
        return Text.assemble((f"{when}  ", "dim"), words, (mark, "dim italic"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "results":
            return bool(self.found) and self.query_one(Input).has_focus
        if action == "to_box":
            return self.query_one("#search-results", ChoiceList).has_focus
        return True

    def action_results(self) -> None:
        self.query_one("#search-results", ChoiceList).focus()

    def action_to_box(self) -> None:
        self.query_one(Input).focus()

    def on_descendant_focus(self, _: events.DescendantFocus) -> None:
        self.refresh_bindings()  # Esc says where it goes from here

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        self.dismiss(self.found[int(event.choice_id)].day)

    def action_back(self) -> None:
        self.dismiss(None)

    def on_key(self, event: events.Key) -> None:
        """Typing while on the results goes back to the box, letter and all."""
        results = self.query_one("#search-results", ChoiceList)
        if results.has_focus and event.is_printable and event.character:
            field = self.query_one(Input)
            field.focus()
            field.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()  # typed once: not again by KeyedMixin.on_key
