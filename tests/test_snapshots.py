"""Snapshots of each screen at 80x24 with a fixed clock, fixed prompts, no blink or animation.

Update after an intended change with: pytest tests/test_snapshots.py --snapshot-update
"""

from __future__ import annotations

from tests.conftest import FakeClock, make_app
from zoomapp.ui.launch import Start

SIZE = (80, 24)


def advance(clock: FakeClock, seconds: float):
    async def run_before(pilot) -> None:
        clock.advance(seconds)
        pilot.app.screen.waker.wake()
        await pilot.pause()

    return run_before


def test_home(snap_compare, paths, clock) -> None:
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE)


def test_first_run_asks_the_country(snap_compare, paths, clock) -> None:
    assert snap_compare(make_app(paths, clock, seen_intro=False), terminal_size=SIZE)


def test_first_run_home_says_it_is_a_companion(snap_compare, paths, clock) -> None:
    app = make_app(paths, clock, seen_intro=False)
    assert snap_compare(app, terminal_size=SIZE, press=["enter"])  # the guess: GB


def test_grounding_session_breathing(snap_compare, paths, clock) -> None:
    app = make_app(paths, clock, Start("ground", recipe="two-minute"))
    assert snap_compare(app, terminal_size=SIZE, run_before=advance(clock, 3.0))


def test_grounding_session_prompt(snap_compare, paths, clock) -> None:
    app = make_app(paths, clock, Start("ground", recipe="two-minute"))
    assert snap_compare(app, terminal_size=SIZE, press=["7", "n"], run_before=advance(clock, 4))


def test_closing_screen(snap_compare, paths, clock) -> None:
    app = make_app(paths, clock, Start("ground", recipe="two-minute"))
    assert snap_compare(
        app, terminal_size=SIZE, press=["6", "escape", "3"], run_before=advance(clock, 15)
    )


def test_breathe(snap_compare, paths, clock) -> None:
    app = make_app(paths, clock, Start("breathe", pattern="box"))
    assert snap_compare(app, terminal_size=SIZE, run_before=advance(clock, 2.5))


def test_breathe_chooser(snap_compare, paths, clock) -> None:
    assert snap_compare(make_app(paths, clock, Start("breathe")), terminal_size=SIZE)


def test_zoom_in(snap_compare, paths, clock) -> None:
    app = make_app(paths, clock, Start("zoom-in"))
    assert snap_compare(app, terminal_size=SIZE, run_before=advance(clock, 8))


def test_zoom_out(snap_compare, paths, clock) -> None:
    app = make_app(paths, clock, Start("zoom-out"))
    assert snap_compare(app, terminal_size=SIZE, press=["w", "h", "i", "enter"])


def test_help(snap_compare, paths, clock) -> None:
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE, press=["h"])


def test_settings(snap_compare, paths, clock) -> None:
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE, press=["s"])


def test_tiny_terminal(snap_compare, paths, clock) -> None:
    assert snap_compare(make_app(paths, clock), terminal_size=(20, 6))


def _some_journal(paths) -> None:
    from datetime import date

    from tests.conftest import FIXED_NOW
    from zoomapp.core.journal.store import Journal
    from zoomapp.core.practice.sessions import SessionResult

    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    journal.add("wins", "He looked at the school gate from the car #school")
    journal.add("strengths", "So gentle with the cat")
    journal.set_feeling(FIXED_NOW.date(), "tired, and a little proud")
    journal.record_session(SessionResult("recipe", "two-minute", FIXED_NOW, 120, False, 7, 4))
    journal.add("wins", "Shoes on by himself", day=date(2026, 11, 9))


def test_journal(snap_compare, paths, clock) -> None:
    _some_journal(paths)
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE, press=["j"])


def test_note_a_win(snap_compare, paths, clock) -> None:
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE, press=["w", "B", "i", "g"])


def test_what_helps_me(snap_compare, paths, clock) -> None:
    _some_journal(paths)
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE, press=["j", "m"])


def test_home_in_spanish(snap_compare, paths, clock) -> None:
    from zoomapp.core.settings import Settings, save_settings

    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True, language="es"))
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE)


def _twelve_weeks(paths) -> None:
    import random
    from datetime import datetime, timedelta

    from tests.conftest import FIXED_NOW
    from zoomapp.core.journal.store import Journal
    from zoomapp.core.practice.sessions import SessionResult

    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    rng = random.Random(3)
    for back in range(84):
        day = FIXED_NOW.date() - timedelta(days=back)
        for _ in range(rng.randint(0, 2)):
            journal.add("wins", f"A small win {back} days back", day=day)
        if back % 3 == 0:
            started = datetime.combine(day, datetime.min.time()).replace(hour=9)
            before = rng.randint(6, 9)
            journal.record_session(
                SessionResult("recipe", "two-minute", started, 120, False, before, before - 3)
            )


def test_progress(snap_compare, paths, clock) -> None:
    _twelve_weeks(paths)
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE, press=["j", "p"])


def test_progress_without_colour(snap_compare, paths, clock, monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    _twelve_weeks(paths)
    assert snap_compare(make_app(paths, clock), terminal_size=SIZE, press=["j", "p"])
