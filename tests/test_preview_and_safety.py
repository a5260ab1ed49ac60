"""pack preview reloads on save; an unexpected error never shows a traceback."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Static

from tests.conftest import FakeClock, make_app, write_pack
from zoomapp.core.paths import Paths
from zoomapp.ui.launch import Start

PACK = """format = 1
[pack]
id = "coach"
name = "Coach"
version = "1.0"
language = "en"
[text]
home_question = "{question}"
"""


async def _until(condition, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the app did not catch up")


async def test_preview_reloads_when_the_file_is_saved(
    paths: Paths, clock: FakeClock, tmp_path: Path
) -> None:
    from zoomapp.core.settings import Settings, save_settings
    from zoomapp.core.workspace import open_workspace
    from zoomapp.ui.app import ZoomApp

    pack = write_pack(tmp_path, "coach.toml", PACK.format(question="First?"))
    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True))
    app = ZoomApp(open_workspace(paths, extra_packs=(pack,)), Start(preview=str(pack)), clock=clock)

    def question() -> str:
        # Home is redrawn on reload; between removal and redraw there is no question yet.
        found = app.screen_stack[0].query("#question").results(Static)
        return next((str(w.render()) for w in found), "")

    async with app.run_test(size=(80, 24)) as pilot:
        assert question() == "First?"
        pack.write_text(PACK.format(question="Second?"))
        await _until(lambda: question() == "Second?")
        pack.write_text(PACK.format(question="Third?").replace('version = "1.0"', "version = 1"))
        await _until(
            lambda: any(
                "One of your packs, coach.toml, could not be used" in str(w.render())
                for w in app.screen_stack[0].query("#problems").results(Static)
            )
        )
        assert question() == "What do you need right now?"  # the broken pack is set aside
        await pilot.press("g")  # and the app keeps working


async def test_an_unexpected_error_closes_kindly_with_details_in_a_file(
    paths: Paths, clock: FakeClock, capsys
) -> None:
    app = make_app(paths, clock)

    def boom() -> None:
        raise RuntimeError("something nobody expected")

    try:
        async with app.run_test(size=(80, 24)) as pilot:
            app.call_later(boom)
            await pilot.pause()
    except RuntimeError:
        pass  # run_test re-raises for the test; a real run prints only the line below
    shown = capsys.readouterr()
    said = " ".join((shown.out + shown.err).split())
    assert "zoomapp met an unexpected problem and closed. Nothing you wrote was lost." in said
    assert "Traceback" not in said and "something nobody expected" not in said
    log = paths.data_dir / "error.log"
    assert "something nobody expected" in log.read_text()
    assert log.stat().st_mode & 0o777 == 0o600
