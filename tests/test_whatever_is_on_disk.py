"""The journal and settings survive whatever is on disk, and each command whatever it meets.

Each case is what a real folder or a real shell can hold; each must give one clear line
(or be skipped and reported), keep the rest of the journal working, and lose nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import FIXED_NOW, FakeClock, make_app
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.settings import Settings, load_settings, save_settings
from zoomapp.ui.widgets.notebox import NoteBox

ZOOMAPP = Path(sys.executable).with_name("zoomapp")
TODAY = date.today()


def zoomapp(home: Path, *args: str, prefix: tuple[str, ...] = (), **kwargs):
    env = {**os.environ, "ZOOMAPP_HOME": str(home)}
    if "stdout" not in kwargs:
        kwargs.setdefault("capture_output", True)
    return subprocess.run([*prefix, str(ZOOMAPP), *args], env=env, timeout=30, **kwargs)


def one_clear_line(result: subprocess.CompletedProcess) -> str:
    err = result.stderr.decode()
    assert "Traceback" not in err and "Error" not in err, err
    return err


def day_file(home: Path, day: date) -> Path:
    path = home / "journal" / f"{day.year:04d}" / f"{day.isoformat()}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def home(zoomapp_home: Path) -> Path:
    """A journal with one good day, yesterday, beside whatever a test puts on disk."""
    day_file(zoomapp_home, TODAY - timedelta(days=1)).write_text('[[wins]]\ntext = "A good day"\n')
    return zoomapp_home


def still_works(home: Path) -> None:
    """The good day is still listed, and a win for another day still saves."""
    listed = zoomapp(home, "journal", "list")
    assert listed.returncode == 0 and b"A good day" in listed.stdout
    two_days_ago = (TODAY - timedelta(days=2)).isoformat()
    saved = zoomapp(home, "win", "Still here", "--date", two_days_ago)
    assert saved.returncode == 0, saved.stderr


# --- the journal folder ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '[[wins]]\nat = 9999-12-31T23:59:59-12:00\ntext = "Far away"\n',
        '[[sessions]]\nkind = "pattern"\nid = "box"\nseconds = inf\n[[wins]]\ntext = "Far away"\n',
        '[[sessions]]\nkind = "pattern"\nid = "box"\nseconds = 1e300\n[[wins]]\ntext = "Far away"\n',
        'date = "yesterday"\n[[wins]]\ntext = "Far away"\n',
        '[[wins]]\ntext = "Far away\\u001b]0;owned\\u0007"\n',
    ],
    ids=["overflowing-time", "infinite-seconds", "huge-seconds", "date-as-a-word", "escapes"],
)
def test_odd_values_in_a_day_are_read_safely(home: Path, body: str) -> None:
    day_file(home, TODAY).write_text(body)
    listed = zoomapp(home, "journal", "list")
    assert listed.returncode == 0, listed.stderr
    assert b"Far away" in listed.stdout and b"\x1b" not in listed.stdout
    one_clear_line(listed)
    still_works(home)


def test_a_day_nested_2000_deep_is_skipped_and_reported(home: Path) -> None:
    day_file(home, TODAY).write_text("x = " + "[" * 2000 + "]" * 2000 + "\n")
    listed = zoomapp(home, "journal", "list")
    err = one_clear_line(listed)
    assert listed.returncode == 0 and "nested too deeply" in err and err.count("\n") == 1
    still_works(home)


@pytest.mark.parametrize(
    "kind", ["folder", "fifo", "link-to-dev-zero", "link-outside", "link-to-itself"]
)
def test_what_is_not_a_day_file_is_skipped_without_hanging(home: Path, kind: str) -> None:
    path = day_file(home, TODAY)
    if kind == "link-to-itself":  # Python's resolve() raises "Symlink loop"
        path.symlink_to(path.name)
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "link-to-dev-zero":
        path.symlink_to("/dev/zero")
    else:
        outside = home / "elsewhere.toml"
        outside.write_text('[[wins]]\ntext = "not in the journal"\n')
        path.symlink_to(outside)
    listed = zoomapp(home, "journal", "list")  # a FIFO or /dev/zero would hang or fill memory
    err = one_clear_line(listed)
    assert listed.returncode == 0 and f"Skipped {path}" in err
    assert b"not in the journal" not in listed.stdout
    still_works(home)
    searched = zoomapp(home, "journal", "search", "good")
    assert searched.returncode == 0 and b"A good day" in searched.stdout
    if kind == "link-to-itself":  # every command that reads the journal goes on
        for args in (
            ["journal", "progress"],
            ["journal", "export", "--format", "json"],
            ["steps"],
            ["plan"],
        ):
            result = zoomapp(home, *args)
            assert result.returncode == 0 and f"Skipped {path}" in one_clear_line(result), args
        evening = zoomapp(home, "checkin", stdin=subprocess.DEVNULL)
        assert evening.returncode == 0, evening.stderr


def test_a_year_folder_that_links_out_of_the_journal_is_never_read_or_written(
    home: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "2025-06-02.toml").write_text('[[wins]]\ntext = "not in the journal"\n')
    (home / "journal" / "2025").symlink_to(outside)
    listed = zoomapp(home, "journal", "list")
    assert listed.returncode == 0 and b"not in the journal" not in listed.stdout
    assert "2025 is a link to" in one_clear_line(listed)
    saved = zoomapp(home, "win", "Through the link", "--date", "2025-06-01")
    assert saved.returncode == 1 and "outside" in one_clear_line(saved)
    assert sorted(p.name for p in outside.iterdir()) == ["2025-06-02.toml"]
    still_works(home)


def test_strange_folder_names_in_the_journal_are_not_years(home: Path) -> None:
    (home / "journal" / "²³").mkdir()
    (home / "journal" / "notes").mkdir()
    (home / "journal" / "2025").write_text("a file named like a year")
    still_works(home)


async def test_a_day_with_a_stray_date_can_be_edited_in_the_app(
    paths: Paths, clock: FakeClock
) -> None:
    path = paths.journal_dir / "2026" / "2026-11-22.toml"
    path.parent.mkdir(parents=True)
    path.write_text('date = "yesterday"\n[[wins]]\ntext = "Park"\n')
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "tab", "x", "down", "enter")  # rewriting the day: no crash
        assert app.journal.read_day(FIXED_NOW.date()).wins == []
        await pilot.press("u")
    assert [w.text for w in Journal(paths.journal_dir).read_day(FIXED_NOW.date()).wins] == ["Park"]


async def test_the_journal_reaches_the_first_and_last_days_a_calendar_has(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.ui.widgets.month import MonthGrid

    journal = Journal(paths.journal_dir)
    journal.add("wins", "Long ago", day=date(1, 1, 1))
    journal.add("wins", "Far ahead", day=date(9999, 12, 31))
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j")
        grid = app.screen.query_one(MonthGrid)
        grid.chosen = date(9999, 12, 31)
        await pilot.press("right", "down", "pagedown", "right_square_bracket")
        assert grid.chosen == date(9999, 12, 31)
        assert "w" not in [k for k, _, _ in app.screen.query_one("KeyBar")._shown()]
        grid.chosen = date(1, 1, 1)
        await pilot.press("left", "up", "pageup", "left_square_bracket")
        assert grid.chosen == date(1, 1, 1)
        assert "Long ago" in str(app.screen.query_one("#day-entries").render_line(0).text)


# --- files the user may not read: a real process as another user ----------------------------


# Tests run as root, who may read anything: these run zoomapp as root without the power
# to pass over file permissions, so a file made unreadable really is unreadable to it.
LOCKED_OUT = ("setpriv", "--bounding-set", "-dac_override,-dac_read_search")


@pytest.fixture
def locked_out() -> tuple[str, ...]:
    if os.getuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("needs setpriv (util-linux) to run without root's file powers")
        return LOCKED_OUT
    return ()


def test_a_day_file_or_year_the_user_cannot_read_is_reported_and_left_alone(
    home: Path, locked_out: tuple[str, ...]
) -> None:
    day_file(home, TODAY - timedelta(days=1)).write_text('[[wins]]\ntext = "A good day"\n')
    locked = day_file(home, TODAY)
    locked.write_text('[[wins]]\ntext = "mine"\n')
    locked_year = day_file(home, date(2020, 5, 1))
    locked_year.write_text('[[wins]]\ntext = "old"\n')
    locked.chmod(0o000)
    locked_year.parent.chmod(0o000)
    listed = zoomapp(home, "journal", "list", prefix=locked_out)
    err = one_clear_line(listed)
    assert listed.returncode == 0 and b"A good day" in listed.stdout
    assert f"Skipped {locked}" in err and "permission was refused" in err
    assert f"Skipped {locked_year.parent}" in err
    added = zoomapp(home, "win", "today too", prefix=locked_out)  # unreadable: left alone
    assert added.returncode == 1 and "cannot be read (permission was refused)" in one_clear_line(
        added
    )
    os.chmod(locked, 0o600)
    assert locked.read_text() == '[[wins]]\ntext = "mine"\n'
    again = zoomapp(home, "win", "yesterday too", "--date", "yesterday", prefix=locked_out)
    assert again.returncode == 0
    locked_year.parent.chmod(0o700)


def test_settings_the_user_cannot_read_are_left_alone_and_reported(
    zoomapp_home: Path, locked_out: tuple[str, ...]
) -> None:
    home = zoomapp_home
    save_settings(home / "settings.toml", Settings(theme="gruvbox", intro_seen=True))
    before = (home / "settings.toml").read_bytes()
    (home / "settings.toml").chmod(0o000)
    exported = zoomapp(home, "journal", "export", "--format", "markdown", prefix=locked_out)
    err = one_clear_line(exported)
    assert exported.returncode == 0
    assert "Your settings file could not be read (permission was refused)" in err
    listed = zoomapp(home, "pack", "list", prefix=locked_out)
    assert "could not be read (permission was refused)" in one_clear_line(listed)
    os.chmod(home / "settings.toml", 0o600)
    assert (home / "settings.toml").read_bytes() == before


# --- settings ---------------------------------------------------------------------------------


def test_settings_nested_2000_deep_are_set_aside(zoomapp_home: Path) -> None:
    path = zoomapp_home / "settings.toml"
    body = "theme = " + "[" * 2000 + "]" * 2000 + "\n"
    path.write_text(body)
    loaded = load_settings(path)
    assert loaded.settings == Settings() and loaded.set_aside_as.read_text() == body


def test_settings_that_are_a_fifo_are_left_alone_without_hanging(zoomapp_home: Path) -> None:
    path = zoomapp_home / "settings.toml"
    os.mkfifo(path)
    loaded = load_settings(path)
    assert loaded.settings == Settings() and "not a regular file" in loaded.left_alone
    listed = zoomapp(zoomapp_home, "pack", "list")
    assert "could not be read" in one_clear_line(listed)
    assert zoomapp(zoomapp_home, "pack", "disable", "x").returncode == 2  # no such pack
    assert path.is_fifo()


async def test_the_app_never_saves_over_settings_it_could_not_read(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.core.workspace import open_workspace
    from zoomapp.ui.app import ZoomApp

    os.mkfifo(paths.settings_file)
    app = ZoomApp(open_workspace(paths), clock=clock, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "could not be read" in str(app.screen.query_one("#problems").render())
        await pilot.press("s", "space")  # a change: it lasts for this run only
    assert paths.settings_file.is_fifo()


@pytest.mark.parametrize("kind", ["newer-format", "dangling-link", "unknown-keys"])
async def test_the_app_keeps_a_settings_file_it_does_not_wholly_understand(
    paths: Paths, clock: FakeClock, kind: str
) -> None:
    from zoomapp.core.workspace import open_workspace
    from zoomapp.ui.app import ZoomApp

    path = paths.settings_file
    path.parent.mkdir(parents=True, exist_ok=True)
    body = 'intro_seen = true\ncountry_asked = true\nmood = "calm"\n[coach]\nname = "Ana"\n'
    if kind == "newer-format":
        path.write_text("format = 99\n" + body)
    elif kind == "dangling-link":
        path.symlink_to(paths.data_dir / "dotfiles" / "settings.toml")
    else:
        path.write_text(body)
    app = ZoomApp(open_workspace(paths), clock=clock, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        if kind != "unknown-keys":
            assert "left exactly as it is" in str(app.screen.query_one("#problems").render())
        await pilot.press("s", "down", "space")  # a change
    if kind == "newer-format":
        assert path.read_text() == "format = 99\n" + body  # never downgraded
    elif kind == "dangling-link":
        assert path.is_symlink() and not path.exists()
    else:
        kept = path.read_text()
        assert 'mood = "calm"' in kept and 'name = "Ana"' in kept
        assert load_settings(path).settings.reduced_motion is True


async def test_lang_is_for_this_run_only(paths: Paths, clock: FakeClock) -> None:
    from zoomapp.core.workspace import open_workspace
    from zoomapp.ui.app import ZoomApp

    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True))
    app = ZoomApp(open_workspace(paths, language="es"), clock=clock, cursor_blink=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.content.language == "es"
        await pilot.press("s", "down", "space")  # another setting saved while in Spanish
    saved = load_settings(paths.settings_file).settings
    assert saved.language == "en" and saved.reduced_motion is True


# --- every command, whatever it meets ---------------------------------------------------------


def test_a_reader_that_stops_reading_gets_silence(home: Path) -> None:
    for n in range(30):
        zoomapp(home, "win", f"win {n}")
    result = subprocess.run(
        f"'{ZOOMAPP}' journal list -n 30 | head -0",
        shell=True,
        env={**os.environ, "ZOOMAPP_HOME": str(home)},
        capture_output=True,
        timeout=30,
    )
    assert result.returncode == 0 and result.stderr == b""


def test_help_to_a_closed_or_full_output_is_one_line_and_exit_1(home: Path) -> None:
    for redirect, said in ((">/dev/full", "the disk is full"), (">&-", "output is closed")):
        result = subprocess.run(
            f"'{ZOOMAPP}' --help {redirect}",
            shell=True,
            env={**os.environ, "ZOOMAPP_HOME": str(home)},
            capture_output=True,
            timeout=30,
        )
        assert result.returncode == 1 and said in one_clear_line(result), redirect
        assert result.stderr.count(b"\n") == 1  # not the help itself, on stderr


def test_a_check_in_fed_from_dev_zero_stops_at_once(home: Path) -> None:
    with open("/dev/zero", "rb") as zero:
        result = zoomapp(home, "checkin", stdin=zero)
    assert result.returncode == 2 and "longer than any answer" in one_clear_line(result)


def test_a_closed_or_full_output_is_one_line(home: Path) -> None:
    closed = subprocess.run(
        f"'{ZOOMAPP}' journal export --format json >&-",
        shell=True,
        env={**os.environ, "ZOOMAPP_HOME": str(home)},
        capture_output=True,
        timeout=30,
    )
    assert closed.returncode == 1
    assert (
        one_clear_line(closed)
        == "zoomapp: standard output is closed - send it to a file with -o FILE, or to a pipe\n"
    )
    with open("/dev/full", "w") as full:
        result = zoomapp(home, "journal", "list", stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 1
    assert one_clear_line(result) == "zoomapp: could not write the output: the disk is full\n"


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["win", "x", "--tag", "bad\udcff"], "holds bytes that are not UTF-8 text"),
        (["journal", "search", "--tag", "a b"], "A tag is one word"),
        (["win", "x", "--tag", ""], "A tag needs a word"),
        (["win", "x", "--tag", "t" * 10_000], "is over 40 letters"),
        (["win", "x", "--date", ""], "The date is empty"),
        (["win", "x", "--date", "9999-12-31"], "9999-12-31 has not come yet"),
        (["strength", "x", "--date", "0001-01-01"], "0001-01-01 is very long ago"),
        (["win", "x", "--date", "tomorrow"], "'tomorrow' is not a date I know"),
        (["breathe", "--minutes", "0.0001"], "--minutes must be from 0.1 to 180"),
        (["breathe", "--minutes", "nan"], "--minutes must be from 0.1 to 180"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(zoomapp_home: Path, args: list[str], said: str) -> None:
    raw = [a.encode("utf-8", "surrogateescape") for a in args]
    result = subprocess.run(
        [bytes(ZOOMAPP).decode() if isinstance(ZOOMAPP, bytes) else str(ZOOMAPP), *raw],
        env={**os.environ, "ZOOMAPP_HOME": str(zoomapp_home)},
        capture_output=True,
        timeout=30,
    )
    err = one_clear_line(result)
    assert result.returncode == 2 and said in err and err.count("\n") == 1, err
    assert not (zoomapp_home / "journal").exists()


@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_pack_check_of_what_is_not_a_file_answers_at_once(tmp_path: Path, kind: str) -> None:
    target = Path("/dev/zero")
    if kind == "fifo":
        target = tmp_path / "pack.toml"
        os.mkfifo(target)
    result = zoomapp(tmp_path, "pack", "check", str(target))
    assert result.returncode == 1
    assert b"cannot be read: pack.toml is not a regular file" in result.stdout or (
        b"zero is not a regular file" in result.stdout
    )
    one_clear_line(result)


def test_without_a_terminal_the_app_says_it_needs_one(zoomapp_home: Path, tmp_path: Path) -> None:
    out = tmp_path / "screen.txt"
    with open(os.devnull) as nothing, out.open("w") as file:
        result = zoomapp(zoomapp_home, stdin=nothing, stdout=file, stderr=subprocess.PIPE)
    assert result.returncode == 1 and out.read_text() == ""
    assert "zoomapp opens in a terminal window, and this is not one" in one_clear_line(result)


# --- a full disk ------------------------------------------------------------------------------


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, small file system, filled up once the test has written what it needs."""
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)])
    if made.returncode != 0:
        pytest.skip("needs to mount a small tmpfs (root) to fill a disk for real")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)])


def fill(disk: Path) -> None:
    with open(disk / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 512)
        except OSError:
            pass


def test_a_full_disk_keeps_the_old_day_and_says_so(full_disk: Path) -> None:
    assert zoomapp(full_disk, "win", "First").returncode == 0
    [path] = (full_disk / "journal").rglob("*.toml")
    before = path.read_bytes()
    fill(full_disk)
    result = zoomapp(full_disk, "win", "Second")
    assert result.returncode == 1
    assert "(the disk is full) - nothing was changed" in one_clear_line(result)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no half-written file


async def test_a_full_disk_in_the_app_keeps_the_words_in_the_box(full_disk: Path) -> None:

    from tests.test_journal_ui import type_text

    paths = Paths(config_dir=full_disk, data_dir=full_disk)
    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True))
    settings_before = paths.settings_file.read_bytes()
    app = make_app(paths, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        fill(full_disk)
        await pilot.press("w")
        await type_text(pilot, "Shoes on")
        await pilot.pause(0.5)  # the draft cannot be kept either: it says so
        status = str(app.screen.query_one("#note-status").render())
        assert "could not be kept as a draft (the disk is full)" in status
        await pilot.press("enter")
        assert app.screen.query_one(NoteBox).value == "Shoes on"
        status = str(app.screen.query_one("#note-status").render())
        assert "(the disk is full) - nothing was changed" in status
        await pilot.press("escape", "s", "space")  # a setting: said, and the old file kept
        await pilot.pause()
        shown = [str(n.message) for n in app._notifications]
        assert any("Your settings could not be saved (the disk is full)" in m for m in shown)
    assert paths.settings_file.read_bytes() == settings_before


def test_import_of_a_strange_jrnl_file_is_one_line_and_never_a_traceback(
    home: Path, tmp_path: Path
) -> None:
    import json

    deep = tmp_path / "deep.json"
    deep.write_text('{"entries": [' + "[" * 5000 + "]" * 5000 + "]}")
    refused = zoomapp(home, "journal", "import", str(deep))
    assert refused.returncode == 2 and "is not jrnl's JSON export" in one_clear_line(refused)
    later = (TODAY + timedelta(days=3)).isoformat()
    entries = [
        {"title": "From jrnl", "body": "", "date": "2024-03-05", "time": "08:10", "tags": []},
        {"title": "Not yet", "body": "", "date": later, "time": "08:10", "tags": []},
    ]
    marked = tmp_path / "bom.json"
    marked.write_bytes(b"\xef\xbb\xbf" + json.dumps({"entries": entries}).encode())
    brought = zoomapp(home, "journal", "import", str(marked))
    assert brought.returncode == 0 and b": 1. Already" in brought.stdout
    assert "dated after today: 1" in one_clear_line(brought)
    listed = zoomapp(home, "journal", "list")
    assert b"From jrnl" in listed.stdout and b"Not yet" not in listed.stdout
