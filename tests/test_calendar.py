"""The journal's month: today is marked, t goes back to it, and the chosen day can be read
in every built-in theme (at least 4.5:1, measured) and without colour."""

from __future__ import annotations

from datetime import date

import pytest
from rich.text import Text
from textual.color import Color

from tests.conftest import FIXED_NOW, FakeClock, make_app
from zoomapp.core.paths import Paths
from zoomapp.ui.contrast import READABLE, contrast
from zoomapp.ui.widgets.month import MonthGrid

TODAY = FIXED_NOW.date()  # 22 November 2026


def _cell_style(grid: MonthGrid, number: int):  # type: ignore[no-untyped-def]
    text: Text = grid.render()
    at = text.plain.index(f"{number:>2}", text.plain.index("\n", text.plain.index("\n") + 1))
    return text.get_style_at_offset(grid.app.console, at)


def _ratio(style) -> float:  # type: ignore[no-untyped-def]
    fg, bg = style.color.get_truecolor(), style.bgcolor.get_truecolor()
    return contrast(Color(*fg), Color(*bg))


async def test_the_chosen_day_reads_clearly_in_every_built_in_theme(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        grid = app.screen.query_one(MonthGrid)
        themes = [name for name in app.available_themes if name != "textual-ansi"]
        assert len(themes) >= 10 and "ansi-light" in themes
        measured = {}
        for theme in themes:
            app.theme = theme
            await pilot.pause()
            for focused in (True, False):
                if focused:
                    grid.focus()
                else:
                    app.screen.set_focus(None)
                await pilot.pause()
                chosen = _cell_style(grid, TODAY.day)
                if theme.startswith("ansi"):  # the terminal's palette: swapped, not guessed
                    assert chosen.reverse, theme
                    continue
                measured[(theme, focused)] = _ratio(chosen)
        poor = {k: round(v, 2) for k, v in measured.items() if v < READABLE}
        assert not poor, poor


async def test_without_colour_the_chosen_day_is_reversed(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        grid = app.screen.query_one(MonthGrid)
        assert app.no_color
        chosen = _cell_style(grid, TODAY.day)
        other = _cell_style(grid, 3)
        # Reversed: the terminal's own text and background colours, swapped - as readable
        # as any text it shows, and unlike every other day.
        assert chosen.reverse and not other.reverse


async def test_today_is_marked_and_t_goes_back_to_it(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "left", "up", "pageup")
        grid = app.screen.query_one(MonthGrid)
        assert grid.chosen == date(2026, 10, 14)
        await pilot.press("pagedown")
        assert _cell_style(grid, TODAY.day).underline  # today, while another day is chosen
        assert not _cell_style(grid, 20).underline
        await pilot.press("t")
        assert grid.chosen == TODAY
        assert "underlined: today (t)" in str(app.screen.query_one("#month-legend").render())
