"""Words kept in the journal that may speak of danger are followed by help, as a worry in
the What-if box is: in the app (a small win, the evening check-in) and in the shell."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, FakeClock, make_app, run, shown
from tests.test_journal_ui import journal_of, type_text
from tests.test_safety_net import zoomapp
from zoomapp.core.content.packs import load_content
from zoomapp.core.paths import Paths
from zoomapp.core.practice.danger import UNSURE, Finding, Recogniser
from zoomapp.core.practice.word_weights import WordWeights
from zoomapp.core.practice.worries import danger_in_written, recogniser
from zoomapp.ui.screens.checkin import CheckinScreen
from zoomapp.ui.screens.help import HelpScreen
from zoomapp.ui.screens.home import HomeScreen
from zoomapp.ui.screens.note import NoteScreen
from zoomapp.ui.widgets.notebox import NoteBox

SETS = Path(__file__).parent / "worries"
BECAUSE = "Kept. Some of what you wrote sounds like someone may not be safe"


def written(paths: Paths) -> list[str]:
    return [entry.text for entry in journal_of(paths).entries()]


async def kept_then_help(app, pilot, words: str, key: str = "enter") -> None:  # type: ignore[no-untyped-def]
    """Words typed and kept with `key`: More help comes next, saying why."""
    await type_text(pilot, words)
    await pilot.press(key)
    await pilot.pause()
    assert isinstance(app.screen, HelpScreen)
    assert shown(app, "#help-because").startswith(BECAUSE)


async def test_a_small_win_that_speaks_of_danger_is_kept_and_help_opens_first(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await kept_then_help(app, pilot, "he said tonight he wants to die and I just sat there")
        assert written(paths) == ["he said tonight he wants to die and I just sat there"]
        await pilot.press("escape")  # back to the note, ready for another
        assert isinstance(app.screen, NoteScreen)
        assert "Saved" in shown(app, "#note-status")
        assert app.screen.query_one(NoteBox).text == ""
        await type_text(pilot, "we got dressed and he was dead tired but we went")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)  # an everyday win: no help
    assert len(written(paths)) == 2
    assert not list(paths.drafts_dir.glob("*"))


async def test_a_check_in_answer_that_speaks_of_danger_gets_help_then_goes_on(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await type_text(pilot, "she ate breakfast")
        await pilot.press("enter")  # an everyday answer: on to the next question at once
        assert isinstance(app.screen, CheckinScreen) and app.screen.step == 1
        await pilot.press("enter")  # a question skipped
        await kept_then_help(app, pilot, "i cant go on like this, i have nothing left")
        await pilot.press("escape")
        assert isinstance(app.screen, CheckinScreen) and app.screen.finished
    day = journal_of(paths).read_day(FIXED_NOW.date())
    assert day.feeling == "i cant go on like this, i have nothing left"
    assert not list(paths.drafts_dir.glob("*"))  # saved, so no draft of it either


async def test_ending_the_check_in_on_such_words_gets_help_before_home(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        # Esc: done, and kept - help comes before home
        await kept_then_help(app, pilot, "I shook him so hard tonight", "escape")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert written(paths) == ["I shook him so hard tonight"]


def test_the_shell_follows_such_words_with_help_and_everyday_ones_with_nothing(
    zoomapp_home: Path,
) -> None:
    done = zoomapp(zoomapp_home, "feeling", "honestly I cant go on anymore")
    lines = done.stdout.splitlines()
    assert done.returncode == 0 and lines[0].startswith("Saved how you feel")
    assert lines[1].startswith("Some of what you wrote sounds like someone may not be safe")
    assert "Emergency: 999" in lines and "Samaritans: 116 123" in lines  # LANG=en_GB
    done = zoomapp(zoomapp_home, "win", "we got dressed and he was dead tired")
    assert done.returncode == 0 and len(done.stdout.splitlines()) == 1
    piped = "we went to the park\nhe was kind\nscared I will hurt her\n"
    done = zoomapp(zoomapp_home, "checkin", stdin=piped)
    assert done.stdout.count("Emergency: 999") == 1
    assert len(written(Paths(config_dir=zoomapp_home, data_dir=zoomapp_home))) == 4


def test_words_kept_are_read_at_their_own_line_so_an_everyday_line_stays_quiet() -> None:
    """A worry put to the app that is near the line gets help first; the same few words
    kept as a win are not a question, and are read at the higher line learned for what is
    written (word_weights.WordWeights.written_line) - the phrases the same."""
    weighed = WordWeights(0.0, 0.17, {"shoes": 0.0}, {"en": 0.17}, written_line=0.65)
    reader = Recogniser({"danger-suicide": ["want* to die"]}, weighed)  # shoes: 0.5
    assert reader.find("found his shoes") is not None  # asked: unsure, so help first
    assert reader.find("found his shoes", written=True) is None
    assert reader.find("he said he wants to die", written=True) is not None  # a phrase
    content = load_content()
    for everyday in ("Found his shoes", "Long ago", "yesterday too", "The gate. I know you can"):
        assert danger_in_written(everyday, content) is None
    for harm in ("he said he wants to die", "le pegué tan fuerte que le dejé marca"):
        found = danger_in_written(harm, content)
        assert found is not None and found.category != UNSURE  # a phrase names it
    reader = recogniser(content)
    assert reader.weights is not None
    assert reader.weights.written_line > max(reader.weights.thresholds.values())


async def test_words_only_the_weights_lean_on_get_a_quiet_line_not_the_help_screen(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Near the line (no phrase names harm, the weights lean that way): the win is kept,
    the note stays open, and one quiet line says where help is."""
    from zoomapp.ui import help_first

    monkeypatch.setattr(
        help_first, "danger_in_written", lambda words, content: Finding(UNSURE, "x")
    )
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.press("w")
        await type_text(pilot, "grey day")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteScreen)
        said = [str(n.message) for n in app._notifications]
        assert any("More help has who to call" in line for line in said), said
    assert written(paths) == ["grey day"]


def test_the_shell_says_where_help_is_for_words_near_the_line(
    zoomapp_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from zoomapp.commands import whatif

    monkeypatch.setattr(whatif, "danger_in_written", lambda words, content: Finding(UNSURE, "x"))
    code, out, _ = run(capsys, "win", "grey day")
    assert code == 0
    assert out.splitlines()[1:] == ["If anyone might not be safe, zoomapp help shows who to call."]


# Help screens and quiet lines last measured on ordinary journal and school-plan notes
# (tests/worries/journal): never more.
JOURNAL_FLOOR = {
    "en.tsv": (0, 9),
    "es.tsv": (4, 14),
    "en-2.tsv": (3, 13),
    "es-2.tsv": (2, 18),
    "en-school.tsv": (1, 10),
    "es-school.tsv": (1, 11),
}


def test_ordinary_journal_entries_almost_never_open_help() -> None:
    """2,200 ordinary journal entries (wins, strengths, feelings) and school-plan notes
    (steps, the morning's sentence, how the day went), by three writers who never saw the
    phrases, read as the journal reads them: the help screen opens for almost none, and a
    quiet line comes for a few."""
    reader = recogniser(load_content())
    for name, (screens, quiet) in JOURNAL_FLOOR.items():
        lines = (SETS / "journal" / name).read_text(encoding="utf-8").splitlines()
        found = [reader.find(line.split("\t")[1], True) for line in lines if line.strip()]
        opened = [f for f in found if f is not None and f.category != UNSURE]
        near = [f for f in found if f is not None and f.category == UNSURE]
        print(f"{name}: {len(opened)} help screens, {len(near)} quiet lines of {len(found)}")
        assert len(opened) <= screens and len(near) <= quiet, name


async def test_a_feeling_that_names_harm_gets_help_and_esc_goes_back_to_the_journal(
    paths: Paths, clock: FakeClock
) -> None:
    """The feeling's screen closes once its words are kept: help opens first, and closing
    help closes it in turn (this once closed the whole app)."""
    from zoomapp.ui.screens.journal import JournalScreen

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "f")
        await kept_then_help(app, pilot, "i cant go on")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert app.return_code is None  # still running
    assert journal_of(paths).read_day(FIXED_NOW.date()).feeling == "i cant go on"


async def test_enter_pressed_twice_on_such_words_keeps_them_once_and_opens_help_once(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await type_text(pilot, "I shook him so hard tonight")
        checkin = app.screen
        checkin.action_next()  # Enter, and Enter again before help is drawn
        await pilot.pause()
        checkin.action_next()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert len(app.screen_stack) == 3  # home, the check-in, help: once
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinScreen) and app.screen.step == 1
    assert written(paths) == ["I shook him so hard tonight"]


def test_weights_damaged_past_their_first_page_read_as_no_weight_not_a_crash() -> None:
    import sqlite3

    from zoomapp.core.practice import word_weights

    db = sqlite3.connect(":memory:", check_same_thread=False)
    stored = word_weights._SqliteWeights(db)
    db.close()  # every read now fails, as a damaged page would
    weighed = WordWeights(0.0, 0.17, stored, {"en": 0.17}).weigh(" he is fine ")
    assert weighed.likely == 0.5  # the bias alone: nothing read, nothing raised


def test_weights_inside_a_zip_are_read_whole(tmp_path: Path, monkeypatch) -> None:
    import zipfile

    from zoomapp.core.practice import word_weights

    shipped = Path(__file__).parent.parent / "content" / word_weights.WEIGHTS_FILE
    archive = tmp_path / "zoomapp.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(shipped, f"content/{word_weights.WEIGHTS_FILE}")
    monkeypatch.setattr(word_weights, "files", lambda _: zipfile.Path(archive, "content/"))
    word_weights.load_weights.cache_clear()
    try:
        found = word_weights.load_weights()
        assert found is not None and found.weigh(" i want to die ").likely > 0.9
    finally:
        word_weights.load_weights.cache_clear()
