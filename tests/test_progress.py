"""Progress: the weeks as numbers and a picture, in the core, the app and the shell."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.conftest import FIXED_NOW, FakeClock, make_app, shown
from zoomapp.core.content.packs import load_content
from zoomapp.core.journal.day import Day
from zoomapp.core.journal.progress import chart_rows, chart_text, progress, summary, weeks_to
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.practice.sessions import SessionResult
from zoomapp.ui.screens.progress import ProgressScreen

TODAY = FIXED_NOW.date()  # Sunday 22 November 2026
TEXT = load_content().text


def test_weeks_are_whole_weeks_ending_with_this_one() -> None:
    assert weeks_to(TODAY, 12) == (date(2026, 8, 31), date(2026, 11, 22))
    assert weeks_to(date(2026, 11, 16), 1) == (date(2026, 11, 16), date(2026, 11, 22))


def _session(day: date, before: int, after: int) -> SessionResult:
    started = datetime.combine(day, datetime.min.time()).replace(hour=9)
    return SessionResult("recipe", "two-minute", started, 120, False, before, after)


def test_counts_and_sentences() -> None:
    monday = date(2026, 11, 16)
    days = [
        Day(monday, [object()] * 2, [], "", [_session(monday, 8, 5)]),  # type: ignore[list-item]
        Day(TODAY, [object()], [object()], "tired", [_session(TODAY, 6, 2)]),  # type: ignore[list-item]
    ]
    found = progress(days, date(2026, 11, 9), TODAY)
    assert [(w.start, w.wins, w.days_written) for w in found.weeks] == [
        (date(2026, 11, 9), 0, 0),
        (date(2026, 11, 16), 3, 2),
    ]
    assert found.weeks[1].before == 7 and found.weeks[1].after == 3.5
    said = summary(found, TEXT)
    assert said[0] == (
        "Days with something written: 2. Small wins: 3. Strengths seen in your child: 1."
    )
    assert said[1].startswith("On average, a session brought your tension down by 3.5")
    assert "streak" not in " ".join(said).lower() and "missed" not in " ".join(said).lower()


def test_the_chart_writes_every_figure_as_a_number_too() -> None:
    monday = date(2026, 11, 16)
    days = [Day(monday, [object()] * 4, [], "", [_session(monday, 9, 4)])]  # type: ignore[list-item]
    found = progress(days, date(2026, 11, 9), TODAY)
    lines = chart_text(chart_rows(found, TEXT), 80)
    assert lines[3].endswith("██") and lines[3].split() == ["██"]  # one bar: the second week
    assert lines[4].split()[-2:] == ["0", "4"]
    assert lines[6].split()[-2:] == ["-", "9"] and lines[7].split()[-2:] == ["-", "4"]
    assert lines[8].split()[-2:] == ["9", "16"] and lines[9].strip() == "Nov"


def _ten_weeks(paths: Paths) -> None:
    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    for back in range(70):
        journal.add("wins", "win", day=TODAY - timedelta(days=back))
    journal.add("wins", "long ago", day=date(2025, 1, 6))


async def test_the_progress_screen_moves_through_time(paths: Paths, clock: FakeClock) -> None:
    _ten_weeks(paths)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "p")
        assert isinstance(app.screen, ProgressScreen)
        assert shown(app, "#progress-range") == "From 31 August 2026 to 22 November 2026"
        assert "Small wins: 70." in shown(app, "#progress-summary")
        await pilot.press("right_square_bracket")  # nothing later than this week
        assert shown(app, "#progress-range") == "From 31 August 2026 to 22 November 2026"
        await pilot.press("minus")
        assert shown(app, "#progress-range") == "From 28 September 2026 to 22 November 2026"
        await pilot.press("left_square_bracket")
        assert shown(app, "#progress-range") == "From 3 August 2026 to 27 September 2026"
        assert "Small wins: 14." in shown(app, "#progress-summary")
        await pilot.press("t", "plus", "plus", "plus")  # 8 -> 12 -> 26 -> 52 weeks
        assert shown(app, "#progress-range") == "From 24 November 2025 to 22 November 2026"


async def test_e_writes_a_page_to_print_and_never_over_another(
    paths: Paths, clock: FakeClock, tmp_path, monkeypatch
) -> None:
    _ten_weeks(paths)
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_dir", lambda: str(documents))
    (documents / "zoomapp-summary-2026-11-22.html").write_text("the school's copy")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "p", "e", "enter")  # what goes in: as it comes, then written
        assert "zoomapp-summary-2026-11-22-2.html" in shown(app, "#progress-status")
    assert (documents / "zoomapp-summary-2026-11-22.html").read_text() == "the school's copy"
    page = (documents / "zoomapp-summary-2026-11-22-2.html").read_text()
    assert "<svg" in page and "From 31 August 2026 to 22 November 2026" in page
    assert "long ago" not in page  # the weeks on screen, not the whole journal


def test_the_tension_chart_draws_with_one_rated_week(paths: Paths) -> None:
    from zoomapp.core.content.packs import load_content
    from zoomapp.core.journal.export import export
    from zoomapp.core.practice.session_result import SessionResult

    journal = Journal(paths.journal_dir, now=lambda: FIXED_NOW)
    started = FIXED_NOW.replace(hour=7)
    journal.record_session(SessionResult("recipe", "two-minute", started, 120, False, 7, 4))
    start = TODAY - timedelta(days=TODAY.weekday())
    page = export("html", journal.days(start, TODAY), load_content(), start, TODAY)
    assert page.count("<circle") == 2  # before and after: a dot each, where a line needs two
