"""The launch cache: home opens from it, and it never shows anything but what the files say."""

from __future__ import annotations

import gc
import os
import stat
import time
from pathlib import Path

import pytest

from tests.conftest import FakeClock, make_app, write_pack
from zoomapp.core import launch_cache
from zoomapp.core.content import checking, packs
from zoomapp.core.paths import Paths
from zoomapp.core.settings import Settings, save_settings
from zoomapp.core.workspace import open_workspace

PACK = """format = 1
[pack]
id = "coach"
name = "Coach pack"
version = "1.0"
language = "en"
[text]
home_question = "{words}"
"""


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled at once (normally: after two seconds)."""
    monkeypatch.setattr(launch_cache, "SETTLED_SECONDS", -60.0)


def question(paths: Paths) -> str:
    return open_workspace(paths).content.text("home_question")


def never_parse(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("parsed TOML although nothing changed")

    monkeypatch.setattr(checking, "check_pack", fail)
    monkeypatch.setattr("zoomapp.core.workspace.load_settings", fail)


def test_an_unchanged_launch_reads_no_toml(paths: Paths, settled, monkeypatch) -> None:
    write_pack(paths.packs_dir, "coach.toml", PACK.format(words="Breathe first."))
    assert question(paths) == "Breathe first."
    mode = stat.S_IMODE(paths.launch_cache.stat().st_mode)
    assert mode == 0o600
    assert stat.S_IMODE(paths.launch_cache.parent.stat().st_mode) == 0o700

    never_parse(monkeypatch)
    assert question(paths) == "Breathe first."


def test_a_pack_edited_in_place_is_read_again_even_with_same_size_and_time(
    paths: Paths, settled
) -> None:
    pack = write_pack(paths.packs_dir, "coach.toml", PACK.format(words="Breathe first."))
    assert question(paths) == "Breathe first."
    before = pack.stat()
    time.sleep(0.03)  # past the file system's clock tick, as any real edit is
    pack.write_text(PACK.format(words="Breathe later."), encoding="utf-8")  # same length
    os.utime(pack, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the same time

    assert question(paths) == "Breathe later."


def test_packs_added_or_removed_and_settings_changed_are_seen(paths: Paths, settled) -> None:
    assert question(paths) == "What do you need right now?"
    pack = write_pack(paths.packs_dir, "coach.toml", PACK.format(words="Added."))
    assert question(paths) == "Added."

    save_settings(paths.settings_file, Settings(disabled_packs=["coach"]))
    assert question(paths) == "What do you need right now?"
    assert open_workspace(paths).settings.disabled_packs == ["coach"]

    save_settings(paths.settings_file, Settings())
    pack.unlink()
    assert question(paths) == "What do you need right now?"


def test_a_damaged_cache_is_ignored_and_replaced(paths: Paths, settled) -> None:
    write_pack(paths.packs_dir, "coach.toml", PACK.format(words="Still here."))
    question(paths)
    paths.launch_cache.write_bytes(b"\x80\x05 not a pickle at all")

    assert question(paths) == "Still here."
    assert launch_cache.recall(paths.launch_cache, "no such key") is None
    assert paths.launch_cache.read_bytes()[:2] == b"\x80\x05"  # a real pickle again


def test_files_written_just_now_are_not_remembered(paths: Paths) -> None:
    write_pack(paths.packs_dir, "coach.toml", PACK.format(words="Fresh."))
    assert question(paths) == "Fresh."
    assert not paths.launch_cache.exists()


def test_a_cache_that_cannot_be_written_changes_nothing(paths: Paths, settled) -> None:
    paths.launch_cache.parent.parent.mkdir(parents=True, exist_ok=True)
    paths.launch_cache.parent.write_text("a file where the cache folder should be")

    assert question(paths) == "What do you need right now?"


def test_a_language_chosen_on_the_command_line_is_its_own_entry(paths: Paths, settled) -> None:
    assert question(paths) == "What do you need right now?"
    assert open_workspace(paths, language="es").content.text("home_question") != question(paths)
    assert question(paths) == "What do you need right now?"


def test_settled_looks_at_the_newest_change(tmp_path: Path) -> None:
    file = tmp_path / "pack.toml"
    file.write_text("x")
    found = launch_cache.stamps([file, tmp_path / "missing.toml"])
    changed = file.stat().st_mtime
    assert found[1] == (str(tmp_path / "missing.toml"), None)
    assert not launch_cache.settled(found, now=changed + 1)
    assert launch_cache.settled(found, now=changed + 3)


async def test_the_app_collects_garbage_again_once_home_is_shown(
    paths: Paths, clock: FakeClock
) -> None:
    """The command line pauses the collector to start fast; the app must turn it back on."""
    app = make_app(paths, clock)
    gc.disable()
    try:
        async with app.run_test() as pilot:
            await pilot.pause()
            assert gc.isenabled()
    finally:
        gc.enable()


async def test_the_app_keeps_what_it_read_once_home_is_shown(
    paths: Paths, clock: FakeClock, settled, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writing the launch cache is the slowest part of a first launch, so the app does it
    once home is on screen: the next launch then reads no TOML."""
    from zoomapp.ui.app import ZoomApp

    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True))
    write_pack(paths.packs_dir, "coach.toml", PACK.format(words="Breathe first."))
    workspace = open_workspace(paths, keep_now=False)
    assert not paths.launch_cache.exists()
    workspace.settings.recipe = "school-morning"  # the app's own, changed: not what is kept
    app = ZoomApp(workspace, clock=clock, cursor_blink=False)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert "Breathe first." in app.export_screenshot().replace("&#160;", " ")
    assert paths.launch_cache.exists()
    never_parse(monkeypatch)
    again = open_workspace(paths)
    assert again.content.text("home_question") == "Breathe first."
    assert again.settings == Settings(intro_seen=True, country_asked=True)


def test_a_command_in_a_spanish_locale_keeps_what_it_read_at_once(
    paths: Paths, settled, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A shell command answers a parent with no settings in the locale's language, and keeps
    that reading at once: read in Spanish again, no TOML is parsed (only the app leaves
    keeping to after its first frame)."""
    from zoomapp.shell import read_workspace

    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert read_workspace(paths).content.language == "es"
    never_parse(monkeypatch)
    assert open_workspace(paths, language="es").content.language == "es"


def test_a_link_looping_back_in_the_code_stops_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("")
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "b.py").write_text("")
    (tmp_path / "loop").symlink_to(tmp_path / "loop")  # points at itself
    (tmp_path / "inner" / "up").symlink_to(tmp_path)  # a folder link back up: not followed
    found = launch_cache.stamps_under(tmp_path, (".py",))
    assert [Path(path).relative_to(tmp_path) for path, _ in found] == [
        Path("a.py"),
        Path("inner/b.py"),
    ]


def test_commands_leave_the_collector_on(capsys) -> None:
    from zoomapp.cli import main

    assert main(["journal", "list"]) == 0
    assert gc.isenabled()


def test_new_code_does_not_trust_what_old_code_built(
    paths: Paths, settled, monkeypatch, tmp_path: Path
) -> None:
    """After an upgrade (or an edit to the code that builds content, or a module added to
    any folder of the core or moved between them), the files are read."""
    code = tmp_path / "core"
    (code / "content").mkdir(parents=True)
    (code / "paths.py").write_text("# paths")
    builder = code / "content" / "packs.py"
    builder.write_text("# version one")
    monkeypatch.setattr("zoomapp.core.workspace._CODE", code)
    question(paths)
    builder.write_text("# version two, longer")
    calls = []
    real = packs.load_content
    monkeypatch.setattr(packs, "load_content", lambda *a, **k: calls.append(1) or real(*a, **k))

    assert question(paths) == "What do you need right now?"
    assert calls == [1]
    question(paths)
    assert calls == [1]  # remembered again
    (code / "journal").mkdir()
    (code / "journal" / "progress.py").write_text("# a module that was not there")
    assert question(paths) == "What do you need right now?"
    assert calls == [1, 1]
    (code / "journal" / "progress.py").rename(code / "progress.py")  # a module moved
    assert question(paths) == "What do you need right now?"
    assert calls == [1, 1, 1]
