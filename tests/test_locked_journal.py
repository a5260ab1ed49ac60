"""A locked journal, as a parent uses it from the shell (real subprocesses): sealed in
place, added to without the passphrase, read with it, opened by Debian's `age` with the
recovery key, and never losing an entry when `lock` or `unlock` is killed at any point."""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.test_whatever_is_on_disk import ZOOMAPP, zoomapp
from zoomapp.core.journal.store import Journal
from zoomapp.core.practice.session_result import SessionResult

TODAY = date.today()
PASSPHRASE = "a long walk to the school gate"
AGE = shutil.which("age")
needs_age = pytest.mark.skipif(
    AGE is None and not os.environ.get("ZOOMAPP_REQUIRE_AGE"), reason="Debian's age is missing"
)


def ten_days(home: Path, days: int = 10) -> None:
    """A journal of `days` days before today: wins, strengths, feelings and sessions."""
    journal = Journal(home / "journal")
    for back in range(1, days + 1):
        day = TODAY - timedelta(days=back)
        journal.add("wins", f"Win number {back}", ["school"] if back % 3 == 0 else [], day)
        if back % 2 == 0:
            journal.add("strengths", f"Strength number {back}", day=day)
        if back % 4 == 0:
            journal.add_feeling(day, f"Feeling number {back}")
        if back % 5 == 0:
            started = datetime.combine(day, datetime.min.time()).replace(hour=8)
            journal.record_session(SessionResult("recipe", "school-morning", started, 120, False))


def secret_file(home: Path, words: str = PASSPHRASE) -> str:
    path = home.parent / f"pass-{abs(hash(words))}.txt"
    path.write_text(words + "\n")
    return str(path)


RECOVERY = re.compile(r"AGE-SECRET-KEY-1[0-9A-Z]+")


def locked_by_shell(home: Path) -> str:
    """`zoomapp lock` run as a parent runs it; the recovery key it showed."""
    locked = zoomapp(home, "lock", "--passphrase-file", secret_file(home))
    shown = RECOVERY.search(locked.stdout.decode())
    assert locked.returncode == 0 and shown is not None, locked.stderr.decode()
    return shown.group()


def recovery_file(home: Path, recovery: str) -> str:
    path = home.parent / "key.txt"
    path.write_text(recovery + "\n")
    return str(path)


def listed(home: Path, *extra: str) -> list[str]:
    result = zoomapp(home, "journal", "list", "-n", "1000", *extra, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr.decode()
    return sorted(result.stdout.decode().splitlines())


def every_byte(home: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(home.rglob("*")) if p.is_file())


def test_a_locked_journal_is_added_to_freely_and_read_with_its_passphrase(
    zoomapp_home: Path,
) -> None:
    home = zoomapp_home
    ten_days(home)
    before = listed(home)
    assert len(before) == 10 + 5 + 2  # wins, strengths, feelings (sessions are not listed)
    key = secret_file(home)
    page = home.parent / "recovery-page.txt"
    locked = zoomapp(home, "lock", "--passphrase-file", key, "--recovery-page", str(page))
    assert locked.returncode == 0, locked.stderr.decode()
    recovery = RECOVERY.search(locked.stdout.decode())
    assert recovery and recovery.group() in page.read_text()
    assert re.search(rb"(Win|Strength|Feeling) number", every_byte(home)) is None  # none readable
    for path in (home / "journal").rglob("*"):
        assert path.stat().st_mode & 0o777 == (0o700 if path.is_dir() else 0o600), path

    added = zoomapp(home, "win", "Breakfast together", stdin=subprocess.DEVNULL)
    assert added.returncode == 0 and b"Breakfast together" not in every_byte(home)

    refused = zoomapp(home, "journal", "list", stdin=subprocess.DEVNULL)
    assert refused.returncode == 2 and not refused.stdout
    assert (
        refused.stderr.decode().count("\n") == 1 and "--passphrase-file" in refused.stderr.decode()
    )

    now = listed(home, "--passphrase-file", key)
    assert [line for line in now if line not in before] == [
        line for line in now if "Breakfast together" in line
    ]
    assert len(now) == len(before) + 1

    wrong = zoomapp(home, "journal", "list", "--passphrase-file", secret_file(home, "a short walk"))
    assert wrong.returncode == 2 and "not the right one" in wrong.stderr.decode()

    by_key = ("--recovery-key-file", recovery_file(home, recovery.group()))
    found = zoomapp(home, "journal", "search", "number 3", *by_key)
    assert found.returncode == 0 and "Win number 3" in found.stdout.decode()
    progress = zoomapp(home, "journal", "progress", *by_key)
    assert progress.returncode == 0 and progress.stdout
    out = home.parent / "export.md"
    exported = zoomapp(home, "journal", "export", "--format", "markdown", "-o", str(out), *by_key)
    assert exported.returncode == 0, exported.stderr.decode()
    assert "Win number 10" in out.read_text() and "Breakfast together" in out.read_text()

    typed = home.parent / "typed.txt"
    typed.write_text(recovery.group().lower() + "\n")  # typed in any case
    assert listed(home, "--recovery-key-file", str(typed)) == now

    changed = zoomapp(
        home,
        "lock",
        "--change-passphrase",
        "--passphrase-file",
        key,
        "--new-passphrase-file",
        secret_file(home, "a new path"),
    )
    journal_bytes = {p: p.read_bytes() for p in (home / "journal").rglob("*.age")}
    assert changed.returncode == 0, changed.stderr.decode()
    assert {p: p.read_bytes() for p in (home / "journal").rglob("*.age")} == journal_bytes
    assert listed(home, "--passphrase-file", secret_file(home, "a new path")) == now
    old = zoomapp(home, "journal", "list", "--passphrase-file", key)  # the old one: no more
    assert old.returncode == 2 and "not the right one" in old.stderr.decode()

    opened = zoomapp(home, "unlock", "--decrypt", *by_key)
    assert opened.returncode == 0, opened.stderr.decode()
    assert not list(home.rglob("*.age")) and not (home / "lock").exists()
    assert listed(home) == now


@needs_age
def test_debians_age_opens_a_day_with_the_recovery_key(zoomapp_home: Path) -> None:
    home = zoomapp_home
    ten_days(home, 2)
    key = recovery_file(home, locked_by_shell(home))
    zoomapp(home, "win", "Breakfast together", stdin=subprocess.DEVNULL)
    opened = b""
    for part in sorted((home / "journal").rglob("*.age")):
        result = subprocess.run([str(AGE), "-d", "-i", str(key), str(part)], capture_output=True)
        assert result.returncode == 0, result.stderr.decode()
        opened += result.stdout
    assert b"Win number 1" in opened and b"Win number 2" in opened
    assert b'text = "Breakfast together"' in opened  # the same TOML as an unlocked day


def kill_at_random(command: list[str], home: Path, rng: random.Random) -> str:
    """Start a command and SIGKILL it at a random moment once it is under way (lock: its
    recovery key shown; unlock: one more plain day written); the recovery key shown, if any."""
    env = {**os.environ, "ZOOMAPP_HOME": str(home)}
    process = subprocess.Popen(
        [str(ZOOMAPP), *command], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    assert process.stdout is not None
    shown = ""
    deadline = time.monotonic() + 20
    if command[0] == "lock":
        for line in process.stdout:
            if found := RECOVERY.search(line.decode()):
                shown = found.group()
                break
    else:
        plain = len(list((home / "journal").rglob("*.toml")))
        while (
            len(list((home / "journal").rglob("*.toml"))) == plain and time.monotonic() < deadline
        ):
            if process.poll() is not None:
                break
            time.sleep(0.002)
    time.sleep(rng.uniform(0, 0.06))
    process.send_signal(signal.SIGKILL)
    process.wait()
    return shown


def test_lock_and_unlock_killed_at_any_point_lose_nothing(zoomapp_home: Path) -> None:
    home = zoomapp_home
    ten_days(home, 400)
    before = listed(home)
    rng = random.Random(20)
    recovery = ""
    while not recovery:  # killed before it counted as locked, it is not: a new key next time
        shown = kill_at_random(["lock", "--passphrase-file", secret_file(home)], home, rng)
        if (home / "lock" / "recipients.txt").exists():
            recovery = shown
        else:
            assert listed(home) == before and not list(home.rglob("*.age"))
    by_key = ("--recovery-key-file", recovery_file(home, recovery))
    assert listed(home, *by_key) == before
    for _ in range(2):
        zoomapp(home, "lock")  # finishes what was cut short: needs no passphrase
    assert not list((home / "journal").rglob("*.toml"))
    assert listed(home, *by_key) == before
    for _ in range(4):
        kill_at_random(["unlock", "--decrypt", *by_key], home, rng)
        locked = (home / "lock" / "recipients.txt").exists()
        assert listed(home, *(by_key if locked else ())) == before
    finished = zoomapp(home, "unlock", "--decrypt", *by_key)
    assert finished.returncode == 0
    assert not list(home.rglob("*.age")) and listed(home) == before


def test_a_tampered_sealed_day_is_named_and_the_rest_still_reads(zoomapp_home: Path) -> None:
    home = zoomapp_home
    ten_days(home, 3)
    key = recovery_file(home, locked_by_shell(home))
    day = TODAY - timedelta(days=2)
    (part,) = (home / "journal").rglob(f"{day.isoformat()}.*.age")
    damaged = bytearray(part.read_bytes())
    damaged[-5] ^= 0xFF
    part.write_bytes(bytes(damaged))
    result = zoomapp(home, "journal", "list", "--recovery-key-file", key)
    err = result.stderr.decode()
    assert result.returncode == 0 and part.name in err and "damaged" in err
    assert "Win number 1" in result.stdout.decode() and "Win number 3" in result.stdout.decode()
    assert "Win number 2" not in result.stdout.decode()
    assert part.read_bytes() == bytes(damaged)  # left exactly as it was
    # Adding to that day never needs it; the next change of the day sets it aside.
    added = zoomapp(home, "win", "Still here", "--date", day.isoformat(), stdin=subprocess.DEVNULL)
    assert added.returncode == 0 and part.read_bytes() == bytes(damaged)
