"""The journal: a month of days with wins, and the chosen day in full - kind, never a streak."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll

from zoomapp.core.journal.day import FEELING, Entry
from zoomapp.core.journal.store import JournalError
from zoomapp.core.school.day_notes import day_lines
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.month import MonthGrid
from zoomapp.ui.widgets.words import Words


class JournalScreen(ZoomScreen):
    LETTERS_FIRST = True  # no box here: a letter that opens one, opens it at once
    CSS_PATH = "journal.tcss"
    # The key bar holds 80 columns, in Spanish too: on the month it shows how to add a win,
    # search and look back; on the day's entries (tab), what can be done to one. A strength,
    # a feeling, undo (the day says so) and the rest are in the palette; h is More help.
    KEYS = (
        Key("escape", "back", "key_back", key_display="esc"),
        Key("e", "edit", "key_edit"),
        Key("x,delete", "delete", "key_delete", key_display="x"),
        Key("u", "undo", "key_undo", show=False),
        Key("w", "note('wins')", "key_win"),
        Key("s", "note('strengths')", "key_strength", show=False),
        Key("f", "note('feeling')", "key_feeling", show=False),
        Key("slash", "search", "key_search", key_display="/"),
        Key("t", "today", "key_today", show=False),  # the legend under the month says so
        Key("p", "progress", "key_progress"),
        Key("m", "helps", "key_helps"),
        Key("tab", "entries", "key_entries", key_display="tab", show=False),
        Key("left_square_bracket", "month(-1)", "key_month_back", key_display="[", show=False),
        Key("right_square_bracket", "month(1)", "key_month_next", key_display="]", show=False),
        # Esc on the entries goes back to the month: said so there (tried before `back`).
        Key("escape", "to_month", "key_to_month", key_display="esc", palette=False),
    )
    ON_ENTRIES = frozenset({"to_month", "edit", "delete"})

    def __init__(self, day: date | None = None) -> None:
        super().__init__()
        self.day = day or self.zoomapp.wall_clock().date()
        self.entries: list[Entry] = []
        self.deleted: Entry | None = None  # the last entry deleted, until `u` or another change

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="journal"):
            with Horizontal(id="journal-top"):
                yield Words(text("journal_title"), id="journal-title")
                yield Words(id="month-count")
            with Horizontal(id="journal-body"):
                with Vertical(id="month-side"):
                    yield MonthGrid(
                        self.day,
                        self.content.month_name(self.day),
                        text("weekdays_short").split(","),
                        today=self.zoomapp.wall_clock().date(),
                        id="month",
                    )
                    yield Words(text("journal_legend"), id="month-legend")
                with VerticalScroll(id="day-view"):
                    yield Words(id="day-heading")
                    yield Words(id="day-empty")
                    yield ChoiceList([], id="day-entries")
                    yield Words(id="day-school", classes="day-section")
                    yield Words(id="day-undo")
                    yield Words(id="day-more")
        yield KeyBar()

    def on_mount(self) -> None:
        self._shown_month: tuple[int, int] | None = None
        self.show_day(self.day)
        self.query_one(MonthGrid).focus()

    def on_screen_resume(self) -> None:
        # Back from a note, a question or a search: keep the keys working.
        entries = self.query_one("#day-entries", ChoiceList)
        if self.focused is None or (self.focused is entries and not entries.display):
            self.query_one(MonthGrid).focus()

    def on_month_grid_moved(self, event: MonthGrid.Moved) -> None:
        self.show_day(event.day)

    def show_day(self, day: date) -> None:
        """Draw the month (if it changed) and the chosen day."""
        text = self.content.text
        journal = self.zoomapp.journal
        self.day = day
        grid = self.query_one(MonthGrid)
        if self._shown_month != (day.year, day.month):
            self._shown_month = (day.year, day.month)
            wins = journal.month(day.year, day.month)
            grid.show_month(wins, self.content.month_name(day))
            with_wins = sum(1 for count in wins.values() if count)
            self.query_one("#month-count", Words).say(text("journal_month_count", count=with_wins))
        record = journal.read_day(day)
        self.query_one("#day-heading", Words).say(self.content.day_heading(day))
        self.entries = record.everything  # wins, strengths, the feeling, the sessions
        choices = [(str(i), self._line(entry)) for i, entry in enumerate(self.entries)]
        entries = self.query_one("#day-entries", ChoiceList)
        entries.set_choices(choices)
        entries.display = bool(choices)
        self.refresh_bindings()  # edit and delete come and go with the day's entries
        if not choices and self.focused in (entries, None):
            grid.focus()  # nothing to choose: arrow keys go back to the month
        future = day > self.zoomapp.wall_clock().date()
        empty = text("journal_future_day" if future else "journal_empty_day")
        self.query_one("#day-empty", Words).say(empty if record.is_empty else "")
        school = self.query_one("#day-school", Words)  # the way back to school, to read
        school.say("\n".join(day_lines(record, text)))
        school.display = bool(record.school)
        undo = self.deleted is not None and self.deleted.day == day
        notice = self.query_one("#day-undo", Words)
        notice.say(text("journal_deleted") if undo else "")
        notice.display = undo
        more = []
        for problem in journal.skipped:
            more.append(text("journal_skipped", file=str(problem.path)))
        journal.skipped.clear()
        self.query_one("#day-more", Words).say("\n".join(more))

    def _line(self, entry: Entry) -> Text:
        """One entry as the day view lists it, its kind said in words where not a win."""
        text = self.content.text
        if entry.session is not None:
            time, _, rest = self.content.session_line(entry.session).partition("  ")
            return Text.assemble((f"{time}  ", "dim"), rest)
        if entry.kind == FEELING:
            return Text.assemble((f"{text('journal_feeling')}: ", "dim"), entry.text)
        tags = [f"#{t}" for t in entry.tags_not_in_text]
        return Text.assemble(
            (f"{entry.at:%H:%M}  " if entry.timed else "", "dim"),
            entry.text,
            (f"  {' '.join(tags)}" if tags else "", "dim"),
            (
                f"  ({text('journal_strength_mark')})" if entry.kind == "strengths" else "",
                "dim italic",
            ),
        )

    # --- keys ----------------------------------------------------------------------------

    def _on_entries(self) -> bool:
        return self.focused is not None and self.focused.id == "day-entries"

    def shows_in_key_bar(self, action: str) -> bool:
        """On the entries, what can be done to one; on the month, the rest."""
        return (action in self.ON_ENTRIES) == self._on_entries() or action == "open_help"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "to_month":
            return self._on_entries()
        if action in ("edit", "delete"):
            return bool(self.entries)  # nothing to edit or delete on an empty day
        if action == "note":  # a win or a feeling is written about a day that has come
            return self.day <= self.zoomapp.wall_clock().date()
        if action == "undo":  # on the day it was deleted from, where it says so
            return self.deleted is not None and self.deleted.day == self.day
        return True

    def _chosen_entry(self) -> Entry | None:
        if not self.entries:
            return None
        index = self.query_one("#day-entries", ChoiceList).highlighted
        return self.entries[min(index, len(self.entries) - 1)]

    def _after_change(self, changed: bool | None = True) -> None:
        if changed:
            self.deleted = None  # an undo after other changes could put it back wrongly
        self._shown_month = None  # counts may have changed
        self.show_day(self.day)

    def action_note(self, kind: str) -> None:
        self.zoomapp.open_screen("note", kind, self.day, then=self._after_change)

    def action_edit(self) -> None:
        entry = self._chosen_entry()
        if entry is None:
            return
        if entry.session is not None:  # a session is kept as it was done
            self.notify(self.content.text("journal_session_no_edit"), timeout=5)
            return
        self.zoomapp.open_screen("note", entry=entry, then=self._after_change)

    def action_delete(self) -> None:
        entry = self._chosen_entry()
        if entry is None:
            return

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                self.zoomapp.journal.delete(entry)
            except JournalError as exc:
                self.notify(self.content.explain(exc), severity="warning")
                return
            self._after_change()
            self.deleted = entry
            self.show_day(self.day)

        what = entry.text if entry.session is None else self.content.session_line(entry.session)
        self.zoomapp.open_screen("confirm", self.content.text("confirm_delete"), what, then=answer)

    def action_undo(self) -> None:
        entry, self.deleted = self.deleted, None
        if entry is None:
            return
        try:
            self.zoomapp.journal.restore(entry)
        except JournalError as exc:
            self.deleted = entry
            self.notify(self.content.explain(exc), severity="warning")
            return
        self.notify(self.content.text("journal_restored"), timeout=3)
        self._after_change(changed=False)
        back = [
            i
            for i, e in enumerate(self.entries)
            if (e.kind, e.text, e.at) == (entry.kind, entry.text, entry.at)
        ]
        if back:  # the restored entry is the one highlighted, as it was
            self.query_one("#day-entries", ChoiceList).highlighted = back[0]

    def action_search(self) -> None:
        def go(day: date | None) -> None:
            if day is not None:
                self.query_one(MonthGrid).chosen = day

        self.zoomapp.open_screen("search", then=go)

    def action_progress(self) -> None:
        self.zoomapp.open_screen("progress", self.day)

    def action_helps(self) -> None:
        self.zoomapp.open_screen("helps")

    def action_today(self) -> None:
        self.query_one(MonthGrid).chosen = self.zoomapp.wall_clock().date()

    def action_month(self, months: int) -> None:
        self.query_one(MonthGrid).action_month(months)

    def action_entries(self) -> None:
        entries = self.query_one("#day-entries", ChoiceList)
        grid = self.query_one(MonthGrid)
        if entries.display and not entries.has_focus:
            entries.focus()
        else:
            grid.focus()

    def action_to_month(self) -> None:
        self.query_one(MonthGrid).focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_choice_list_selected(self, _: ChoiceList.Selected) -> None:
        self.action_edit()
