"""Textual's styles, worked out once and kept: a later launch parses no stylesheet and
works out no colours, and draws home exactly as before; what does not fit is not used."""

from __future__ import annotations

import pytest
import textual.css.stylesheet
from textual.app import App

from tests.conftest import FakeClock, make_app
from zoomapp.core import launch_cache
from zoomapp.core.paths import Paths
from zoomapp.core.settings import Settings, save_settings
from zoomapp.ui import remembered_styles
from zoomapp.ui.remembered_styles import STYLES_FILE, RememberedStyles

SIZE = (80, 24)


@pytest.fixture(autouse=True)
def nothing_shipped(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """These tests are about what a launch keeps; what ships is tests/test_shipped_styles.py."""
    monkeypatch.setattr(remembered_styles, "SHIPPED", tmp_path / "nothing-shipped.pickle")


def count_parsing(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Where each stylesheet Textual parses from now on came from."""
    parsed: list[str] = []
    parse = textual.css.stylesheet.parse

    def counted(scope, css, read_from, *args, **kwargs):  # type: ignore[no-untyped-def]
        parsed.append(str(read_from))
        return parse(scope, css, read_from, *args, **kwargs)

    monkeypatch.setattr(textual.css.stylesheet, "parse", counted)
    return parsed


async def open_home(paths: Paths, clock: FakeClock) -> tuple[str, dict[str, str]]:
    """Home as drawn (an SVG of the screen, colours and all) and the CSS variables used."""
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.pause()
        return app.export_screenshot(), dict(app.theme_variables)


def theme_colours(theme: str) -> dict[str, str]:
    """What Textual itself works out for `theme`."""
    app = App()
    app.theme = theme
    return app.get_css_variables()


async def test_a_second_launch_parses_no_stylesheet_and_draws_home_the_same(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, colours = await open_home(paths, clock)
    kept = paths.launch_cache.with_name(STYLES_FILE)
    assert kept.stat().st_mode & 0o777 == 0o600
    assert colours == theme_colours(Settings().theme)

    parsed = count_parsing(monkeypatch)
    second, colours_again = await open_home(paths, clock)
    assert parsed == []
    assert second == first
    assert colours_again == colours


async def test_styles_kept_for_another_theme_are_not_used(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, _ = await open_home(paths, clock)
    save_settings(
        paths.settings_file, Settings(intro_seen=True, country_asked=True, theme="gruvbox")
    )
    parsed = count_parsing(monkeypatch)
    second, colours = await open_home(paths, clock)
    assert any("app.tcss" in where for where in parsed)
    assert colours == theme_colours("gruvbox")
    assert second != first


async def test_a_damaged_styles_file_is_not_used_and_is_replaced(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = paths.launch_cache.with_name(STYLES_FILE)
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_bytes(b"\x80\x05 not what was kept")
    parsed = count_parsing(monkeypatch)
    drawn, colours = await open_home(paths, clock)
    assert "What do you need right now?" in drawn.replace("&#160;", " ")
    assert any("app.tcss" in where for where in parsed)
    assert colours == theme_colours(Settings().theme)
    assert kept.read_bytes()[:2] == b"\x80\x05" and b"not what was kept" not in kept.read_bytes()


async def test_choosing_another_theme_works_out_its_own_colours(
    paths: Paths, clock: FakeClock
) -> None:
    await open_home(paths, clock)  # keeps the default theme's
    app = make_app(paths, clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.theme = "gruvbox"
        await pilot.pause()
        assert app.theme_variables == theme_colours("gruvbox")
        app.theme = Settings().theme  # and back: the kept colours are right for it
        await pilot.pause()
        assert app.theme_variables == theme_colours(Settings().theme)


async def test_what_is_kept_under_the_right_key_but_is_not_styles_is_not_used(
    paths: Paths, clock: FakeClock
) -> None:
    """A file from another layout (or another hand) under this launch's own key."""
    kept = paths.launch_cache.with_name(STYLES_FILE)
    key = RememberedStyles(kept, Settings().theme, None).key
    launch_cache.remember(kept, key, (["not", "variables"], {}))
    drawn, colours = await open_home(paths, clock)
    assert "What do you need right now?" in drawn.replace("&#160;", " ")
    assert colours == theme_colours(Settings().theme)


async def test_another_version_of_zoomapp_works_the_styles_out_again(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade may add variables or change a theme: what an older version kept is not
    used, and what the new one works out is kept instead."""
    await open_home(paths, clock)
    monkeypatch.setattr(remembered_styles, "__version__", "99.0")
    parsed = count_parsing(monkeypatch)
    await open_home(paths, clock)
    assert any("app.tcss" in where for where in parsed)
    parsed.clear()
    await open_home(paths, clock)
    assert parsed == []
