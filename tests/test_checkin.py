"""The evening check-in, in the app and in the shell: each question optional, Enter moves
on, Esc keeps what was written, and an earlier win is shown back at the end."""

from __future__ import annotations

import io
import sys
from datetime import timedelta

from tests.conftest import FIXED_NOW, FakeClock, make_app
from tests.test_journal_ui import journal_of, shown, type_text
from zoomapp.cli import main
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.ui.screens.checkin import CheckinScreen
from zoomapp.ui.screens.home import HomeScreen
from zoomapp.ui.widgets.notebox import NoteBox

TODAY = FIXED_NOW.date()


async def test_the_check_in_walks_three_optional_steps_and_shows_an_earlier_win(
    paths: Paths, clock: FakeClock
) -> None:
    journal_of(paths).add("wins", "Shoes on by himself", day=TODAY - timedelta(days=19))
    journal_of(paths).set_feeling(TODAY, "Rough start.")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckinScreen)
        assert shown(app, "#checkin-step") == "1 of 3"
        await type_text(pilot, "Got to the gate")
        await pilot.press("enter")
        assert shown(app, "#checkin-question") == "A strength you saw in your child?"
        await pilot.press("enter")  # skipped: nothing is written for it
        await type_text(pilot, "Tired")
        await pilot.press("ctrl+j")
        await type_text(pilot, "but okay")
        await pilot.press("enter")
        assert shown(app, "#checkin-question") == "Thank you. Today is written down."
        earlier = shown(app, "#checkin-earlier")
        assert earlier == "On 3 November you wrote:\n\nShoes on by himself"
        assert "streak" not in earlier.lower()
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
    day = journal_of(paths).read_day(TODAY)
    assert [w.text for w in day.wins] == ["Got to the gate"]
    assert day.strengths == []
    assert day.feeling == "Rough start.\n\nTired\nbut okay"  # added to, never written over


async def test_escape_ends_the_check_in_and_keeps_the_words_in_the_box(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "enter")  # no win tonight
        await type_text(pilot, "So patient with the dog")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    day = journal_of(paths).read_day(TODAY)
    assert day.wins == [] and [s.text for s in day.strengths] == ["So patient with the dog"]


async def test_a_closed_window_mid_check_in_keeps_a_draft_that_comes_back(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await type_text(pilot, "Half a thou")
        app.keep_everything()  # what SIGHUP does before the app ends
    again = make_app(paths, FakeClock())
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert again.screen.query_one(NoteBox).value == "Half a thou"
        assert "back" in shown(again, "#note-status")
        await pilot.press("enter")
    assert [w.text for w in journal_of(paths).read_day(TODAY).wins] == ["Half a thou"]


async def test_nothing_written_is_fine_too(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "enter", "enter", "enter")
        assert shown(app, "#checkin-question") == "Nothing written tonight, and that is fine too."
        assert shown(app, "#checkin-earlier") == ""
    assert not journal_of(paths).path_for(TODAY).exists()


def test_the_shell_check_in_reads_its_answers_in_order(capsys, paths: Paths, monkeypatch) -> None:
    Journal(paths.journal_dir).add("wins", "Breakfast together", day=TODAY - timedelta(days=400))
    answers = io.TextIOWrapper(io.BytesIO(b"Got dressed\nHelped his sister\n\n"))
    monkeypatch.setattr(sys, "stdin", answers)
    assert main(["checkin"]) == 0
    out = capsys.readouterr().out
    assert "Thank you. Today is written down." in out
    assert "you wrote:\n  Breakfast together" in out
    today = Journal(paths.journal_dir).now().date()
    day = Journal(paths.journal_dir).read_day(today)
    assert [w.text for w in day.wins] == ["Got dressed"]
    assert [s.text for s in day.strengths] == ["Helped his sister"] and day.feeling == ""
