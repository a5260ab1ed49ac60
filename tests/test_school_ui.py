"""The way back to school in the app, driven by its keys with a fixed clock: today noted
in one key, a ladder written, reordered and climbed (a step done is a small win), one
change chosen with the sentence for the child, and tonight's note - at 80x24 and 40x12,
and a locked journal asking for its passphrase only to read."""

from __future__ import annotations

import pytest

from tests.conftest import FIXED_NOW, FakeClock, lock_template, locked_keys, make_app, shown
from tests.test_journal_ui import type_text
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.school.plan import plan_of
from zoomapp.ui.screens.home import HomeScreen
from zoomapp.ui.screens.note import NoteScreen
from zoomapp.ui.screens.plan import PlanScreen
from zoomapp.ui.screens.school import SchoolScreen

TODAY = FIXED_NOW.date()
_ = lock_template  # a fixture


def kept(paths: Paths):  # type: ignore[no-untyped-def]
    return plan_of(Journal(paths.journal_dir, now=lambda: FIXED_NOW))


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_a_parent_notes_today_and_climbs_a_step(
    paths: Paths, clock: FakeClock, size: tuple[int, int]
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=size) as pilot:
        await pilot.press("k")
        assert isinstance(app.screen, SchoolScreen)
        await pilot.press("2", "escape")  # part of the day; the time they came left out
        assert shown(app, "#school-today") == "Today: part of the day."
        for step in ("Walk to the gate", "Drive past the school"):
            await pilot.press("a")
            assert isinstance(app.screen, NoteScreen)
            await type_text(pilot, step)
            await pilot.press("enter")
            await pilot.pause()
        assert isinstance(app.screen, SchoolScreen)
        await pilot.press("down", "shift+up")  # "Drive past" is the smaller step
        await pilot.press("d")
        assert shown(app, "#school-status") == "Step done - a small win too. Well done to you both."
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    plan = kept(paths)
    assert plan.days[TODAY].went == "part"
    assert [s.text for s in plan.ladder] == ["Drive past the school", "Walk to the gate"]
    assert [(t.text, t.went) for t in plan.tried] == [("Drive past the school", "done")]
    wins = Journal(paths.journal_dir).read_day(TODAY).wins
    assert [(w.text, w.tags) for w in wins] == [("Step done: Drive past the school", ("step",))]


async def test_one_change_with_its_sentence_and_tonights_note(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k", "p")
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("1")  # tonight, before any change is chosen: nothing happens
        await pilot.press("down", "space")
        await pilot.pause()
        await pilot.press("c")
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, "I know you can handle not knowing")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("2")
        change = shown(app, "#plan-change")
        assert "Answering the same worried question" in change
        assert "What I say: I know you can handle not knowing" in change
        assert "Tonight: partly held." in change
        await pilot.press("w")
        assert app.screen.query_one("#plan-why").display
    plan = kept(paths)
    assert plan.doing == {"Answering the same worried question again and again": True}
    assert [h.went for h in plan.held] == ["partly"]


async def test_locked_the_school_screen_asks_once_and_notes_are_sealed(
    paths: Paths, clock: FakeClock, lock_template: tuple
) -> None:
    from tests.test_locked_app import open_with, plain_words
    from zoomapp.ui.screens.lock import PassphraseScreen

    locked_keys(lock_template, paths.data_dir)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        assert isinstance(app.screen, PassphraseScreen)
        await open_with(app, pilot, lock_template[1])  # the recovery key works too
        assert isinstance(app.screen, SchoolScreen)
        await pilot.press("3", "a")
        await type_text(pilot, "Walk to the gate")
        await pilot.press("enter")
        await pilot.pause()
        assert [step.text for step in app.screen.plan.ladder] == ["Walk to the gate"]
        await pilot.press("escape", "k")  # asked once: not again in this run
        assert isinstance(app.screen, SchoolScreen)
    assert b"Walk to the gate" not in plain_words(paths)
    assert len(list(paths.journal_dir.glob("2*/*.age"))) == 2  # a part for each note


async def test_the_evening_check_in_asks_about_school_once_the_plan_has_begun(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.core.school import record
    from zoomapp.ui.screens.checkin import CheckinScreen

    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    step = record.new_step(journal, "Walk to the gate", 3, 1)
    record.change_step(journal, step)
    record.choose_change(journal, "Staying until they sleep", "I'm next door.", TODAY)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckinScreen)
        assert shown(app, "#checkin-step") == "1 of 6"
        await pilot.press("enter", "enter", "enter")  # no win, strength or feeling tonight
        assert "How did school go today?" in shown(app, "#checkin-question")
        await pilot.press("2")  # part of the day, in one key
        assert "Staying until they sleep" in shown(app, "#checkin-question")
        await pilot.press("enter")  # skipped
        assert "Tomorrow morning" in shown(app, "#checkin-question")
        await type_text(pilot, "The gate. I know you can")
        await pilot.press("enter")
        assert shown(app, "#checkin-question") == "Thank you. Today is written down."
    plan = kept(paths)
    assert plan.days[TODAY].went == "part" and plan.held == []
    assert plan.tomorrow == {TODAY: "The gate. I know you can"}


async def test_the_school_morning_session_opens_with_last_evenings_plan(
    paths: Paths, clock: FakeClock
) -> None:
    from datetime import timedelta

    from zoomapp.core.school import record

    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    record.plan_tomorrow(journal, TODAY - timedelta(days=1), "The gate, then the library")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)):
        plan = app.plan(app.content.recipes["school-morning"])
        assert plan.steps[0].prompt == "The gate, then the library"
        assert plan.steps[0].title == "This morning's plan"
        other = app.plan(app.content.recipes["two-minute"])
        assert all(step.deck != "morning-plan" for step in other.steps)


async def test_with_no_plan_the_check_in_is_its_three_questions(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.ui.screens.checkin import CheckinScreen

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, CheckinScreen)
        assert shown(app, "#checkin-step") == "1 of 3"


async def test_the_progress_screen_shows_the_school_weeks(paths: Paths, clock: FakeClock) -> None:
    from zoomapp.core.school import record
    from zoomapp.ui.screens.progress import ProgressScreen

    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    record.note_day(journal, TODAY, "part", arrived="10:00")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "p")
        assert isinstance(app.screen, ProgressScreen)
        assert "At school" in shown(app, "#progress-chart")
        assert "School days noted: 1 - all day: 0, part of the day: 1." in shown(
            app, "#progress-summary"
        )


async def test_e_in_progress_asks_what_goes_in_the_page(
    paths: Paths, clock: FakeClock, tmp_path, monkeypatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    journal.add_feeling(TODAY, "Words for me alone")
    journal.add("wins", "Shoes on", day=TODAY)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "p", "e", "enter")  # as it comes: no feelings
        await pilot.press("e", "down", "down", "space", "enter")  # feelings ticked
    first, second = sorted(documents.iterdir(), key=lambda p: len(p.name))
    assert "Shoes on" in first.read_text() and "Words for me alone" not in first.read_text()
    assert "Words for me alone" in second.read_text()


async def test_part_of_the_day_asks_the_time_and_m_how_hard_the_morning_was(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k", "2")
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, "25:00")
        await pilot.press("enter")
        assert "is not a time of day like 09:40" in shown(app, "#note-status")
        await pilot.press(*["backspace"] * 5)
        await type_text(pilot, "10:15")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#school-today") == "Today: part of the day, arrived 10:15."
        await pilot.press("m")
        await type_text(pilot, "7")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#school-today") == "Today: part of the day, arrived 10:15, morning 7/10."
    day = kept(paths).days[TODAY]
    assert (day.went, day.arrived, day.hard) == ("part", "10:15", 7)


async def test_part_of_the_day_with_the_time_they_left_and_a_retired_step_brought_back(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("k")
        page = app.screen.query_one("#school")
        assert "Example steps, small to big" in str(page.query("Words").nodes[-3].render())
        await pilot.press("l")  # no part of the day noted: nothing to add a time to
        assert isinstance(app.screen, SchoolScreen)
        await pilot.press("2")
        await type_text(pilot, "09:40")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("l")
        assert isinstance(app.screen, NoteScreen)
        await type_text(pilot, "12:30")
        await pilot.press("enter")
        await pilot.pause()
        assert shown(app, "#school-today") == "Today: part of the day, arrived 09:40, left 12:30."
        await pilot.press("a")
        await type_text(pilot, "Walk to the gate")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("n")
        assert "yesterday" not in shown(app, "#school-status")
        assert app.screen.plan.tried[-1].went == "not"
        await pilot.press("x")
        assert "Press u to bring it back." in shown(app, "#school-status")
        assert kept(paths).ladder == []
        await pilot.press("u")
        await pilot.pause()
        assert [s.text for s in app.screen.plan.ladder] == ["Walk to the gate"]
    plan = kept(paths)
    assert (plan.days[TODAY].arrived, plan.days[TODAY].left) == ("09:40", "12:30")
    assert [s.text for s in plan.ladder] == ["Walk to the gate"] and plan.retired == []


async def test_the_journal_shows_a_days_school_notes_and_search_finds_them(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.core.school import record
    from zoomapp.ui.screens.journal import JournalScreen
    from zoomapp.ui.screens.search import SearchScreen
    from zoomapp.ui.widgets.choices import ChoiceList

    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    record.note_day(journal, TODAY, "part", arrived="10:00")
    record.change_step(journal, record.new_step(journal, "Walk to the gate", 3, 1))
    app = make_app(paths, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("j")
        assert isinstance(app.screen, JournalScreen)
        assert shown(app, "#day-school") == (
            "School: part of the day, arrived 10:00.\nStep written: Walk to the gate"
        )
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        await type_text(pilot, "gate")
        await pilot.press("enter")
        results = app.screen.query_one("#search-results", ChoiceList)
        assert [line.plain for line in results._lines] == ["today  Walk to the gate  (step)"]
