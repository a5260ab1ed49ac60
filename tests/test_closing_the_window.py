"""Closing the window, a logout or a kill loses nothing: real processes in real terminals.

The scenarios need real seconds to pass (a session is kept from 10 s on; here, from
RECORD_AFTER s on), so they all run at once and each test reads what its own scenario
left behind.
"""

from __future__ import annotations

import signal
import time
from datetime import date
from pathlib import Path

import pytest

from tests.terminal import Terminal, run_at_once
from zoomapp.commands.values import minutes
from zoomapp.core.drafts import load_draft
from zoomapp.core.journal.store import Journal

RECORD_AFTER = 3  # seconds: a session shorter than this is not kept (10 s outside tests)
WAIT_LESS = {"ZOOMAPP_RECORD_AFTER": str(RECORD_AFTER)}
SHORTEST = round(minutes("0.1") * 60)  # the shortest breathing --minutes allows, in seconds


def session_closed_past_the_threshold(home: Path) -> int:
    terminal = Terminal(home, "ground", **WAIT_LESS)
    terminal.wait_for("Breathe")
    on_screen = time.monotonic()  # from then, not from the start: it may start late
    terminal.press("7")  # how tense, before
    time.sleep(max(0.0, on_screen + RECORD_AFTER + 1.5 - time.monotonic()))
    return terminal.close_window()


def closing_screen_closed(home: Path) -> int:
    terminal = Terminal(home, "breathe", "box", "--minutes", "0.1", **WAIT_LESS)  # ends by itself
    terminal.wait_for("Box")
    terminal.press("6")
    terminal.wait_for("Well done", timeout=30)
    terminal.press("3")  # how tense, after
    terminal.wait_for("now 3")
    return terminal.close_window()


def words_typed_then_window_closed(home: Path) -> int:
    terminal = Terminal(home, **WAIT_LESS)
    terminal.wait_for("What do you need right now?")
    terminal.press("w")
    terminal.wait_for("A small win")
    terminal.press("Half a thought")
    terminal.wait_for("Half a thought")  # on screen, and the window closes at once
    return terminal.close_window()


def words_typed_then_killed_once_saved(home: Path) -> int:
    terminal = Terminal(home, **WAIT_LESS)
    terminal.wait_for("What do you need right now?")
    terminal.press("j")
    terminal.wait_for("Journal")
    terminal.press("s")
    terminal.wait_for("A strength in your child")
    terminal.press("So patient")
    terminal.wait_for("So patient")
    _wait_for_draft(home, "strengths", "So patient")
    return terminal.kill(signal.SIGKILL)  # no chance to flush: the debounced save did it


def safety_plan_typed_then_killed(home: Path) -> int:
    terminal = Terminal(home, **WAIT_LESS)
    terminal.wait_for("What do you need right now?")
    terminal.press("h")
    terminal.wait_for("My safety plan")
    terminal.press("p")
    terminal.wait_for("Warning signs")
    terminal.press("Not sleeping")
    terminal.wait_for("Not sleeping")
    _wait_for_draft(home, "plan-signs", "Not sleeping")
    return terminal.kill(signal.SIGKILL)


def _wait_for_draft(home: Path, key: str, words: str, within: float = 10.0) -> None:
    """Until the draft the app saves a moment after the last key is on disk (DRAFT_AFTER_
    SECONDS, 0.3 s of quiet): a fixed wait raced it on a busy machine. The kill that
    follows still gives the app no chance to save anything more."""
    deadline = time.monotonic() + within
    while load_draft(home / "drafts", key) != words and time.monotonic() < deadline:
        time.sleep(0.05)


def zoom_in_then_logout(home: Path) -> int:
    terminal = Terminal(home, "zoom", "in", **WAIT_LESS)
    terminal.wait_for("Zoom in")
    time.sleep(RECORD_AFTER + 1)  # from the moment it is on screen: it may start late
    return terminal.kill(signal.SIGTERM)


def accidental_start_then_window_closed(home: Path) -> int:
    terminal = Terminal(home, "ground", **WAIT_LESS)
    terminal.wait_for("Breathe")
    terminal.wait_until(RECORD_AFTER / 3)
    return terminal.close_window()


SCENARIOS = (
    session_closed_past_the_threshold,
    closing_screen_closed,
    words_typed_then_window_closed,
    words_typed_then_killed_once_saved,
    safety_plan_typed_then_killed,
    zoom_in_then_logout,
    accidental_start_then_window_closed,
)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int | str]]:
    homes = {s: tmp_path_factory.mktemp(s.__name__) for s in SCENARIOS}

    def run(scenario) -> tuple[Path, int | str]:
        home = homes[scenario]
        (home / "settings.toml").write_text("intro_seen = true\ncountry_asked = true\n")
        try:
            return home, scenario(home)
        except AssertionError as exc:
            return home, str(exc)

    results = run_at_once(SCENARIOS, run)
    return {s.__name__: r for s, r in zip(SCENARIOS, results, strict=True)}


def sessions(home: Path) -> list:
    journal = Journal(home / "journal")
    return [s for day in journal.days() for s in day.sessions]


def test_a_session_closed_with_the_window_past_the_threshold_is_kept(outcomes) -> None:
    home, code = outcomes["session_closed_past_the_threshold"]
    assert code == 128 + signal.SIGHUP
    [kept] = sessions(home)
    assert (kept.item_id, kept.ended_early, kept.rating_before) == ("two-minute", True, 7)
    assert RECORD_AFTER <= kept.seconds <= RECORD_AFTER + 4
    assert not (home / "error.log").exists()


def test_the_window_closed_on_the_closing_screen_keeps_both_ratings(outcomes) -> None:
    home, code = outcomes["closing_screen_closed"]
    assert code == 128 + signal.SIGHUP
    [kept] = sessions(home)
    assert (kept.item_id, kept.seconds, kept.ended_early) == ("box", SHORTEST, False)
    assert (kept.rating_before, kept.rating_after) == (6, 3)


def test_words_typed_just_before_the_window_closes_are_a_draft(outcomes) -> None:
    home, code = outcomes["words_typed_then_window_closed"]
    assert code == 128 + signal.SIGHUP
    assert load_draft(home / "drafts", "wins") == "Half a thought"


def test_words_saved_as_a_draft_survive_the_app_being_killed(outcomes) -> None:
    home, code = outcomes["words_typed_then_killed_once_saved"]
    assert code == -signal.SIGKILL
    assert load_draft(home / "drafts", "strengths") == "So patient"


def test_zoom_in_ended_by_a_logout_is_kept_as_ended_early(outcomes) -> None:
    home, code = outcomes["zoom_in_then_logout"]
    assert code == 128 + signal.SIGTERM
    [kept] = sessions(home)
    assert (kept.kind, kept.item_id, kept.ended_early) == ("recipe", "zoom-in", True)
    assert RECORD_AFTER <= kept.seconds <= RECORD_AFTER + 3


def test_an_accidental_start_leaves_nothing_behind(outcomes) -> None:
    home, code = outcomes["accidental_start_then_window_closed"]
    assert code == 128 + signal.SIGHUP
    assert sessions(home) == []
    assert not (home / "journal" / str(date.today().year)).exists()


def test_a_safety_plan_being_written_survives_a_killed_window(outcomes) -> None:
    home, code = outcomes["safety_plan_typed_then_killed"]
    assert code == -signal.SIGKILL
    assert load_draft(home / "drafts", "plan-signs") == "Not sleeping"
