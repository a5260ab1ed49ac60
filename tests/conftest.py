"""Shared fixtures: a private home folder per test, a clock the test moves by hand."""

from __future__ import annotations

import asyncio
import inspect
import random
from datetime import datetime
from pathlib import Path

import pytest

from tests.serving import served  # noqa: F401 - the `served` fixture, for the serve tests
from zoomapp.core.paths import Paths
from zoomapp.core.workspace import open_workspace

FIXED_NOW = datetime(2026, 11, 22, 8, 14, 0)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (saves a plugin dependency)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = inspect.signature(pyfuncitem.obj).parameters  # public: what the test asks for
    kwargs = {name: pyfuncitem.funcargs[name] for name in names}
    asyncio.run(pyfuncitem.obj(**kwargs))
    return True


class FakeClock:
    """A monotonic clock that moves only when the test says so."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(autouse=True)
def zoomapp_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own ZOOMAPP_HOME, so nothing touches the real user's files."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("ZOOMAPP_HOME", str(home))
    # The help numbers follow the locale: every test sees the same one.
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def paths(zoomapp_home: Path) -> Paths:
    return Paths(config_dir=zoomapp_home, data_dir=zoomapp_home)


LOCK_PASSPHRASE = "correct horse"


@pytest.fixture(scope="session")
def lock_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A lock folder made once for the whole run (stretching a passphrase takes a second,
    on purpose), and its recovery key: `locked_keys` copies it where a test needs it."""
    from zoomapp.core.sealing import Keys

    home = tmp_path_factory.mktemp("lock-template")
    shown: list[str] = []
    Keys(home).create(LOCK_PASSPHRASE, shown.append)
    return home / "lock", shown[0]


def locked_keys(template: tuple[Path, str], data_dir: Path):  # type: ignore[no-untyped-def]
    """`data_dir` locked with the template's keys, opened with its recovery key."""
    import shutil

    from zoomapp.core.sealing import Keys

    folder, recovery = template
    shutil.copytree(folder, data_dir / "lock")
    keys = Keys(data_dir)
    keys.open_with_recovery_key(recovery)
    return keys


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def write_pack(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(body, encoding="utf-8")
    return path


def make_app(paths: Paths, clock: FakeClock, start=None, seen_intro: bool = True, **kwargs):
    """A ZoomApp fixed for tests: fake clock, seeded prompts, no blink, no animation."""
    from zoomapp.core.settings import Settings, save_settings
    from zoomapp.ui.app import ZoomApp

    if seen_intro and not paths.settings_file.exists():
        save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True))
    workspace = open_workspace(paths)
    app = ZoomApp(
        workspace,
        start,
        clock=clock,
        rng=random.Random(7),
        wall_clock=lambda: FIXED_NOW,
        cursor_blink=False,
        **kwargs,
    )
    app.animation_level = "none"
    return app


# --- helpers the tests share ------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """A shell command run in this process: its exit code, what it printed, what it said."""
    from zoomapp.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def shown(app, selector: str) -> str:  # type: ignore[no-untyped-def]
    """The words a Static on the screen shows."""
    from textual.widgets import Static

    return str(app.screen.query_one(selector, Static).render())


async def tick(app, pilot, clock: FakeClock, seconds: float) -> None:  # type: ignore[no-untyped-def]
    """Time passes for a timed screen: the clock moves and the screen wakes to it."""
    clock.advance(seconds)
    app.screen.waker.wake()
    await pilot.pause()
