"""A locked journal in the app: adding never asks, reading asks once per run, a session
never asks, drafts are sealed - and Settings locks it, showing the recovery key once."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import FIXED_NOW, FakeClock, locked_keys, make_app, shown
from tests.conftest import LOCK_PASSPHRASE as PASSPHRASE
from tests.test_journal_ui import listed, type_text
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.sealing import Keys
from zoomapp.ui.screens.home import HomeScreen
from zoomapp.ui.screens.journal import JournalScreen
from zoomapp.ui.screens.lock import PassphraseScreen
from zoomapp.ui.screens.note import NoteScreen
from zoomapp.ui.widgets.notebox import NoteBox

TODAY = FIXED_NOW.date()


@pytest.fixture
def locked(lock_template: tuple[Path, str], paths: Paths) -> str:
    """This test's data folder, locked, with one win; its recovery key."""
    keys = locked_keys(lock_template, paths.data_dir)
    Journal(paths.journal_dir, lambda: FIXED_NOW, keys).add("wins", "Shoes on", day=TODAY)
    return lock_template[1]


def plain_words(paths: Paths) -> bytes:
    files = [p for p in paths.data_dir.rglob("*") if p.is_file() and "cache" not in p.parts]
    return b"".join(p.read_bytes() for p in files)


async def open_with(app, pilot, typed: str) -> None:  # type: ignore[no-untyped-def]
    """Type into the passphrase screen and wait for the answer (it opens in a thread)."""
    assert isinstance(app.screen, PassphraseScreen)
    app.screen.query_one(Input).value = typed  # pasted
    await pilot.press("enter")
    for _ in range(300):
        await pilot.pause(0.02)
        if not isinstance(app.screen, PassphraseScreen) or not app.screen.query_one(Input).disabled:
            return


async def test_adding_never_asks_and_reading_asks_once(
    paths: Paths, clock: FakeClock, locked: str
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        assert isinstance(app.screen, NoteScreen)  # no passphrase asked to add
        await type_text(pilot, "Breakfast together")
        await pilot.press("enter", "escape")
        assert isinstance(app.screen, HomeScreen)
        assert b"Breakfast together" not in plain_words(paths)
        await pilot.press("j")
        await open_with(app, pilot, "correct hose")
        assert "not the right one" in shown(app, "#lock-status")
        assert isinstance(app.screen, PassphraseScreen)
        await open_with(app, pilot, PASSPHRASE)
        assert isinstance(app.screen, JournalScreen)
        assert any("Breakfast together" in line for line in listed(app))
        await pilot.press("escape", "j")  # asked once: not again in this run
        assert isinstance(app.screen, JournalScreen)


async def test_esc_on_the_passphrase_goes_back_and_nothing_is_read(
    paths: Paths, clock: FakeClock, locked: str
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        assert isinstance(app.screen, PassphraseScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_session_in_a_locked_journal_never_asks(
    paths: Paths, clock: FakeClock, locked: str
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        assert not isinstance(app.screen, PassphraseScreen)
        assert not isinstance(app.screen, HomeScreen)


async def test_a_draft_is_sealed_and_comes_back_once_the_journal_is_open(
    paths: Paths, clock: FakeClock, locked: str
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        await type_text(pilot, "Half a thought")
        await pilot.press("escape")
    assert list(paths.drafts_dir.glob("wins.*.age")) and b"Half a thought" not in plain_words(paths)
    again = make_app(paths, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")  # closed: the draft is not offered, and not overwritten
        assert again.screen.query_one(NoteBox).value == ""
        await type_text(pilot, "Another")
        await pilot.press("escape", "j")
        await open_with(again, pilot, locked)  # the recovery key opens it too
        assert isinstance(again.screen, JournalScreen)
        await pilot.press("escape", "w")
        assert again.screen.query_one(NoteBox).value == "Half a thought\n\nAnother"
        await pilot.press("enter")
    assert not list(paths.drafts_dir.glob("wins*"))
    keys = Keys(paths.data_dir)
    keys.open_with_recovery_key(locked)
    wins = Journal(paths.journal_dir, lambda: FIXED_NOW, keys).read_day(TODAY).wins
    assert sorted(w.text for w in wins) == ["Half a thought\n\nAnother", "Shoes on"]


async def test_settings_locks_the_journal_and_shows_the_recovery_key_once(
    paths: Paths, clock: FakeClock
) -> None:
    Journal(paths.journal_dir, lambda: FIXED_NOW).add("wins", "Shoes on", day=TODAY)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "up", "enter")  # the last row: Journal lock
        await type_text(pilot, PASSPHRASE)
        await pilot.press("enter")
        await type_text(pilot, "correct horsf")
        await pilot.press("enter")
        assert "not the same" in shown(app, "#lock-status")
        for attempt in (PASSPHRASE, PASSPHRASE):
            await type_text(pilot, attempt)
            await pilot.press("enter")
        for _ in range(300):
            await pilot.pause(0.02)
            if "Locked" in shown(app, "#lock-status"):
                break
        recovery = shown(app, "#lock-key")
        assert recovery.startswith("AGE-SECRET-KEY-1")
        assert b"Shoes on" not in plain_words(paths)
        await pilot.press("escape", "escape", "j")  # typed this run: not asked again
        assert isinstance(app.screen, JournalScreen)
    keys = Keys(paths.data_dir)
    keys.open_with_recovery_key(recovery)
    assert Journal(paths.journal_dir, lambda: FIXED_NOW, keys).read_day(TODAY).wins[0].text == (
        "Shoes on"
    )
