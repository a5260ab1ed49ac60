"""The default theme's styles ship with zoomapp, so even the very first launch parses no
CSS for home; what ships is what a first launch works out today, and it is used only with
the Textual version it was made with."""

from __future__ import annotations

from pathlib import Path

import pytest
import textual

import zoomapp
from tests.conftest import FakeClock
from tests.ship_styles import first_launch_styles
from tests.test_remembered_styles import count_parsing, open_home
from zoomapp.core.paths import Paths
from zoomapp.core.settings import Settings
from zoomapp.ui import remembered_styles
from zoomapp.ui.remembered_styles import SHIPPED, read_shipped, write_shipped


async def test_what_ships_is_what_a_first_launch_works_out_today(tmp_path: Path) -> None:
    theme, ansi, variables, sheets = await first_launch_styles(tmp_path)
    shipped = read_shipped(SHIPPED, theme, ansi)
    assert shipped is not None, "run .venv/bin/python tests/ship_styles.py"
    shipped_variables, shipped_sheets = shipped
    assert shipped_variables == variables, "run .venv/bin/python tests/ship_styles.py"
    assert shipped_sheets.keys() == sheets.keys(), "run .venv/bin/python tests/ship_styles.py"
    # the CSS files' paths are kept relative to Textual's and zoomapp's folders, and come
    # back as this machine's, wherever zoomapp was built
    kept = SHIPPED.read_bytes()
    for package in (textual, zoomapp):
        assert str(Path(package.__file__).parent).encode() not in kept
    assert all(Path(where).exists() for _, (where, _), *_ in shipped_sheets)


async def test_a_first_launch_parses_no_css_for_home_and_draws_it_the_same(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    parsed = count_parsing(monkeypatch)
    first, colours = await open_home(paths, clock)
    assert parsed == []

    monkeypatch.setattr(remembered_styles, "SHIPPED", tmp_path / "nothing-shipped.pickle")
    worked_out, worked_out_colours = await open_home(
        Paths(config_dir=tmp_path / "other", data_dir=tmp_path / "other"), clock
    )
    assert any("app.tcss" in where for where in parsed)
    assert first == worked_out
    assert colours == worked_out_colours


async def test_what_ships_is_not_used_with_another_textual_or_theme(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert read_shipped(SHIPPED, "gruvbox", None) is None
    assert read_shipped(SHIPPED, Settings().theme, True) is None
    changed_app = tmp_path / "app.py"  # the code that makes the variables, changed since
    changed_app.write_text("# another app\n")
    with monkeypatch.context() as patched:
        patched.setattr(remembered_styles, "_APP", changed_app)
        assert read_shipped(SHIPPED, Settings().theme, None) is None
    variables, sheets = read_shipped(SHIPPED, Settings().theme, None)
    other = tmp_path / "made-with-another-textual.pickle"
    monkeypatch.setattr(textual, "__version__", "8.0.1")
    write_shipped(other, Settings().theme, None, variables, sheets)
    assert read_shipped(other, Settings().theme, None) is None
    monkeypatch.setattr(remembered_styles, "SHIPPED", other)
    parsed = count_parsing(monkeypatch)
    drawn, _ = await open_home(paths, clock)
    assert "What do you need right now?" in drawn.replace("&#160;", " ")
    assert any("app.tcss" in where for where in parsed)


def test_a_damaged_shipped_file_is_not_used(tmp_path: Path) -> None:
    damaged = tmp_path / "shipped.pickle"
    damaged.write_bytes(SHIPPED.read_bytes()[:-40])
    assert read_shipped(damaged, Settings().theme, None) is None
