"""The journal in the app, driven by its keys with a fixed clock."""

from __future__ import annotations

from datetime import date, timedelta

from tests.conftest import FIXED_NOW, FakeClock, make_app, shown
from zoomapp.core.drafts import load_draft
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.practice.sessions import SessionResult
from zoomapp.ui.launch import Start
from zoomapp.ui.screens.confirm import ConfirmScreen
from zoomapp.ui.screens.grounding import ClosingScreen
from zoomapp.ui.screens.helps import HelpsScreen
from zoomapp.ui.screens.home import HomeScreen
from zoomapp.ui.screens.journal import JournalScreen
from zoomapp.ui.screens.note import NoteScreen
from zoomapp.ui.screens.search import SearchScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.month import MonthGrid
from zoomapp.ui.widgets.notebox import NoteBox

TODAY = FIXED_NOW.date()


async def type_text(pilot, text: str) -> None:
    for char in text:
        await pilot.press("space" if char == " " else char)


def journal_of(paths: Paths) -> Journal:
    return Journal(paths.journal_dir, now=lambda: FIXED_NOW)


async def test_w_notes_a_win_and_offers_another(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, "Shoes on #morning")
        await pilot.press("enter")
        assert shown(app, "#note-status") == "Saved. Another one? Or press Esc."
        assert app.screen.query_one(NoteBox).value == ""
        await type_text(pilot, "Breakfast")
        await pilot.press("enter", "escape")
        assert isinstance(app.screen, HomeScreen)
    wins = journal_of(paths).read_day(TODAY).wins
    assert [(w.text, w.tags) for w in wins] == [
        ("Shoes on #morning", ("morning",)),
        ("Breakfast", ()),
    ]


async def test_an_empty_win_is_not_saved_and_says_why(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "enter")
        assert "nothing to save yet" in shown(app, "#note-status")
    assert journal_of(paths).read_day(TODAY).wins == []


async def test_an_interrupted_note_comes_back_as_a_draft(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await type_text(pilot, "Half a thought")
        await pilot.press("escape")
    assert load_draft(paths.drafts_dir, "wins") == "Half a thought"
    again = make_app(paths, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert again.screen.query_one(NoteBox).value == "Half a thought"
        assert "back" in shown(again, "#note-status")
        await pilot.press("enter")
    assert load_draft(paths.drafts_dir, "wins") == ""
    assert journal_of(paths).read_day(TODAY).wins[0].text == "Half a thought"


async def test_closing_screen_offers_a_win_and_the_session_is_in_the_journal(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock, Start("ground"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8")
        clock.advance(12)
        await pilot.press("escape")
        assert isinstance(app.screen, ClosingScreen)
        [kept] = journal_of(paths).read_day(TODAY).sessions  # saved as it ended
        assert (kept.rating_before, kept.rating_after, kept.ended_early) == (8, None, True)
        assert "Press w to note a small win" in shown(app, "#closing-win")
        await pilot.press("w")
        await type_text(pilot, "I stayed calm")
        await pilot.press("enter", "escape")
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press("3", "enter")
    day = journal_of(paths).read_day(TODAY)
    assert day.wins[0].text == "I stayed calm"
    assert (day.sessions[0].rating_before, day.sessions[0].rating_after) == (8, 3)


async def test_journal_month_day_edit_delete(paths: Paths, clock: FakeClock) -> None:
    journal = journal_of(paths)
    journal.add("wins", "Shoes on", day=date(2026, 11, 20))
    journal.add("wins", "Park", day=date(2026, 11, 20))
    journal.add("strengths", "Kind to the cat", day=TODAY)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        assert isinstance(app.screen, JournalScreen)
        assert shown(app, "#month-count") == "Days with a win this month: 1"
        assert shown(app, "#day-heading") == "Sunday 22 November 2026"
        await pilot.press("left", "left")
        assert app.screen.query_one(MonthGrid).chosen == date(2026, 11, 20)
        assert shown(app, "#day-heading") == "Friday 20 November 2026"
        await pilot.press("tab", "down", "e")
        assert isinstance(app.screen, NoteScreen)
        assert app.screen.query_one(NoteBox).value == "Park"
        await type_text(pilot, " together")
        await pilot.press("enter")
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")
        assert len(journal.read_day(date(2026, 11, 20)).wins) == 2
        await pilot.press("x", "y", "e", "s", "enter")  # typed by accident: Keep is chosen
        assert isinstance(app.screen, JournalScreen)
        assert len(journal.read_day(date(2026, 11, 20)).wins) == 2
        before = journal.read_day(date(2026, 11, 20)).wins
        await pilot.press("x", "down", "enter")
        assert [w.text for w in journal.read_day(date(2026, 11, 20)).wins] == ["Shoes on"]
        assert shown(app, "#day-undo") == "Deleted. Press u to undo."
        await pilot.press("u")
        assert journal.read_day(date(2026, 11, 20)).wins == before  # text, time, tags, place
        assert shown(app, "#day-undo") == ""
        await pilot.press("x", "down", "enter")
        assert [w.text for w in journal.read_day(date(2026, 11, 20)).wins] == ["Shoes on"]
        await pilot.press("left_square_bracket")
        assert app.screen.query_one(MonthGrid).chosen == date(2026, 10, 20)
        assert shown(app, "#month-count") == "Days with a win this month: 0"
        await pilot.press("pagedown")  # no entries in October: the month has the keys again

        assert app.screen.query_one(MonthGrid).chosen == date(2026, 11, 20)


async def test_journal_key_bar_shows_the_way_out_and_edit_only_with_entries(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.ui.widgets.keybar import KeyBar

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        bar = app.screen.query_one(KeyBar)
        keys = [key for key, _, _ in bar._shown()]
        assert keys[0] == "escape" and "e" not in keys and "x" not in keys
        await pilot.press("e")  # nothing to edit: nothing happens
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("w", *"Shoes on", "enter", "escape")
        await pilot.pause()
        keys = [key for key, _, _ in bar._shown()]
        assert "e" not in keys and "w" in keys  # on the month: add, search, look back
        await pilot.press("tab")  # on the day's entries: what can be done to one
        keys = [key for key, _, _ in bar._shown()]
        assert keys[:3] == ["escape", "e", "x"]


async def test_journal_edit_keeps_the_new_text(paths: Paths, clock: FakeClock) -> None:
    journal = journal_of(paths)
    journal.add("wins", "Park")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e")
        await type_text(pilot, " today")
        await pilot.press("enter")
    assert journal.read_day(TODAY).wins[0].text == "Park today"


async def test_feeling_note_for_the_chosen_day(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "left", "f")
        await type_text(pilot, "tired but ok")
        await pilot.press("enter")
        assert isinstance(app.screen, JournalScreen)
        assert "How you felt: tired but ok" in listed(app)
    assert journal_of(paths).read_day(date(2026, 11, 21)).feeling == "tired but ok"


def listed(app) -> list[str]:
    """The day view's entries, as lines of text."""
    return [line.plain for line in app.screen.query_one("#day-entries", ChoiceList)._lines]


async def test_every_kind_of_entry_can_be_chosen_edited_and_deleted(
    paths: Paths, clock: FakeClock
) -> None:
    journal = journal_of(paths)
    journal.add("wins", "Shoes on")
    journal.set_feeling(TODAY, "Tired")
    journal.record_session(SessionResult("recipe", "two-minute", FIXED_NOW, 120, False, 7, 3))
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "tab")
        assert listed(app) == [
            "08:14  Shoes on",
            "How you felt: Tired",
            "08:14  Two-minute grounding, 2 min, tension 7 to 3",
        ]
        await pilot.press("down", "e")  # the feeling opens to be edited
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, ", but hopeful")
        await pilot.press("enter")
        assert listed(app)[1] == "How you felt: Tired, but hopeful"
        assert app.screen.query_one("#day-entries").has_focus  # back where it was
        await pilot.press("down", "e")  # a session is not written: it says so
        assert isinstance(app.screen, JournalScreen)
        await pilot.press("x")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("down", "enter")  # Delete it
        assert len(listed(app)) == 2
        assert journal_of(paths).read_day(TODAY).sessions == []
        await pilot.press("u")  # and it comes back, as it was
        assert journal_of(paths).read_day(TODAY).sessions[0].rating_after == 3
        await pilot.press("up", "x", "down", "enter")  # the feeling can go too
        assert journal_of(paths).read_day(TODAY).feeling == ""


async def test_search_opens_the_day_found(paths: Paths, clock: FakeClock) -> None:
    journal_of(paths).add("wins", "Looked at the gate", ["school"], day=date(2026, 9, 3))
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "#school")
        await pilot.press("enter")
        assert shown(app, "#search-status") == "Found 1."
        await pilot.press("down", "enter")
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.query_one(MonthGrid).chosen == date(2026, 9, 3)


async def test_search_finds_feelings_and_sessions_with_friendly_dates(
    paths: Paths, clock: FakeClock
) -> None:
    journal = journal_of(paths)
    journal.set_feeling(TODAY - timedelta(days=1), "Tired after the school run")
    journal.add("wins", "School gate, then home", day=date(2026, 11, 3))
    journal.record_session(SessionResult("pattern", "box", FIXED_NOW, 60, False, 6, 4))
    app = make_app(paths, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j", "slash")
        await type_text(pilot, "school")
        await pilot.press("enter")
        results = app.screen.query_one("#search-results", ChoiceList)
        lines = [line.plain for line in results._lines]
        assert lines == [
            "yesterday  Tired after the school run  (feeling)",
            "3 November  School gate, then home",
        ]
        field = app.screen.query_one("#search-input")
        assert field.has_focus  # the box is still where the keys go: another search
        await pilot.press(*["backspace"] * 6)
        await type_text(pilot, "box")
        await pilot.press("enter")
        assert [line.plain for line in results._lines] == [
            "today  Box breathing 4-4-4-4, 1 min, tension 6 to 4  (session)"
        ]
        await pilot.press("down", "a")  # typing on the results goes back to the box
        assert field.has_focus and field.value == "boxa"


async def test_what_helps_me(paths: Paths, clock: FakeClock) -> None:
    journal = journal_of(paths)
    journal.record_session(SessionResult("recipe", "two-minute", FIXED_NOW, 120, False, 8, 4))
    journal.record_session(SessionResult("pattern", "box", FIXED_NOW, 60, False))
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "m")
        assert isinstance(app.screen, HelpsScreen)
        rows = [str(w.render()) for w in app.screen.query(".helps-row")]
        assert rows[1].startswith("Two-minute grounding: 1 session\n")
        assert "4.0 calmer on average" in rows[1]
        assert "no ratings yet" in rows[2]


async def test_your_strengths_appear_in_zoom_in(paths: Paths, clock: FakeClock) -> None:
    from zoomapp.core.practice.own_words import own_prompts

    journal_of(paths).add("strengths", "So gentle with the cat")
    app = make_app(paths, clock, Start("zoom-in"))
    async with app.run_test(size=(80, 24)):
        prompts = [s.prompt for s in app.screen.plan.steps if s.deck == "strengths"]
        recipe, today = app.content.recipes["two-minute"], app.wall_clock().date()
        assert own_prompts(app.journal, app.content, recipe, today) == {  # mixed into the deck
            "strengths": ["You noticed this: So gentle with the cat"]
        }
        assert len(prompts) == 3


async def test_every_text_box_keeps_a_draft_when_the_app_is_quit(
    paths: Paths, clock: FakeClock
) -> None:
    journal = journal_of(paths)
    journal.add("wins", "Park")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e")  # the journal's edit box
        await type_text(pilot, " with Dad")
        await pilot.press("ctrl+c")  # quits, as in any terminal program
    assert app.return_code == 0
    assert journal.read_day(TODAY).wins[0].text == "Park"  # not saved: only a draft
    again = make_app(paths, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e")
        assert again.screen.query_one(NoteBox).value == "Park with Dad"
        assert "back" in shown(again, "#note-status")
        await pilot.press("enter")
        await pilot.press("f")  # the feeling box
        await type_text(pilot, "calmer")
        await pilot.press("ctrl+q")
    assert journal.read_day(TODAY).wins[0].text == "Park with Dad"
    assert load_draft(paths.drafts_dir, f"feeling-{TODAY}") == "calmer"
    assert load_draft(paths.drafts_dir, "edit-wins-20261122T081400") == ""


async def test_a_draft_is_saved_a_moment_after_the_last_key(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await type_text(pilot, "Shoes")
        assert load_draft(paths.drafts_dir, "wins") == ""  # not on every key
        await pilot.pause(0.5)
        assert load_draft(paths.drafts_dir, "wins") == "Shoes"
        await pilot.press("enter")  # saved for real: the draft goes
        assert load_draft(paths.drafts_dir, "wins") == ""


async def test_a_long_list_of_results_scrolls_with_the_highlight(
    paths: Paths, clock: FakeClock
) -> None:
    journal = journal_of(paths)
    for back in range(40):
        journal.add(
            "wins", f"Walked to school, day {back}", day=date(2026, 10, 1) + timedelta(back)
        )
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "slash")
        await type_text(pilot, "school")
        await pilot.press("enter")
        results = app.screen.query_one("#search-results")
        for _ in range(30):
            await pilot.press("down")
        await pilot.pause()
        chosen = app.screen.found[results.highlighted]
        # the highlighted line is inside the visible part of the list, and reads as chosen
        scroll = app.screen.query_one("#search-scroll")
        top = int(scroll.scroll_offset.y)
        assert top > 0 and top <= results.highlighted < top + scroll.region.height
        assert chosen.text in results.render_line(results.highlighted).text
        await pilot.press("enter")
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.day == chosen.day


async def test_progress_from_a_recent_past_day_still_shows_this_week(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.ui.screens.progress import ProgressScreen

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "left", "left", "left", "p")  # three days back
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.shown_weeks[1] >= TODAY
        await pilot.press("escape", "left_square_bracket", "left_square_bracket")
        await pilot.press("left_square_bracket", "left_square_bracket", "p")  # months back
        assert isinstance(app.screen, ProgressScreen)
        assert app.screen.shown_weeks[1] < TODAY  # the weeks of the day it was opened from


async def test_esc_on_search_results_says_it_goes_back_to_the_box(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.ui.screens.search import SearchScreen
    from zoomapp.ui.widgets.keybar import KeyBar

    journal_of(paths).add("wins", "School gate", day=TODAY)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "slash")
        await type_text(pilot, "gate")
        await pilot.press("enter", "down")
        await pilot.pause()
        said = {shown: words for _, shown, words in app.screen.query_one(KeyBar)._shown()}
        assert said["esc"] == "Back to the search box"
        await pilot.press("escape")
        assert (
            isinstance(app.screen, SearchScreen) and app.screen.query_one("#search-input").has_focus
        )
        await pilot.pause()
        said = {shown: words for _, shown, words in app.screen.query_one(KeyBar)._shown()}
        assert said["esc"] == "Back"
