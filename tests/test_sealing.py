"""Sealing (core/sealing.py): the age format through pyrage, opened by the passphrase or
the recovery key - and by the standard `age` tool, Debian's, with zoomapp nowhere."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import LOCK_PASSPHRASE
from zoomapp.core.sealing import (
    JOURNAL_KEY_FILE,
    RECIPIENTS_FILE,
    Keys,
    SealError,
    is_sealed,
)

WORDS = b"He walked to the gate today.\nSmall, but ours."


@pytest.fixture(scope="module")
def locked(
    tmp_path_factory: pytest.TempPathFactory, lock_template: tuple[Path, str]
) -> tuple[Path, str, bytes, Keys]:
    """A folder locked (the session's lock, made by Keys.create), its recovery key, some
    words sealed in it, and its keys opened with the passphrase (about a second: the key
    stretching is slow on purpose)."""
    home = tmp_path_factory.mktemp("locked")
    shutil.copytree(lock_template[0], home / "lock")
    recovery = lock_template[1]
    sealed = Keys(home).seal(WORDS)
    opened = Keys(home)
    with pytest.raises(SealError, match="error_seal_closed"):
        opened.unseal(sealed)
    opened.open(LOCK_PASSPHRASE)
    return home, recovery, sealed, opened


def test_sealing_needs_no_passphrase_and_reading_needs_it(locked) -> None:
    home, _, sealed, opened = locked
    assert is_sealed(sealed) and WORDS not in sealed
    assert opened.unseal(sealed) == WORDS
    folder = home / "lock"
    assert folder.stat().st_mode & 0o777 == 0o700
    for name in (RECIPIENTS_FILE, JOURNAL_KEY_FILE):
        assert (folder / name).stat().st_mode & 0o777 == 0o600


def test_a_wrong_passphrase_says_so_and_changes_nothing(locked) -> None:
    home, *_ = locked
    before = {p.name: p.read_bytes() for p in (home / "lock").iterdir()}
    with pytest.raises(SealError, match="^error_seal_wrong"):
        Keys(home).open("correct hose")
    assert {p.name: p.read_bytes() for p in (home / "lock").iterdir()} == before


def test_the_recovery_key_opens_everything_however_it_is_typed(locked) -> None:
    home, recovery, sealed, _ = locked
    assert recovery.startswith("AGE-SECRET-KEY-1")
    typed = " ".join(recovery[i : i + 8] for i in range(0, len(recovery), 8)).lower()
    keys = Keys(home)
    keys.open_with_recovery_key(typed)
    assert keys.unseal(sealed) == WORDS


def test_a_recovery_key_typed_wrongly_says_what_to_check(locked) -> None:
    _, recovery, *_ = locked
    wrong = recovery[:-3] + ("Q" if recovery[-3] != "Q" else "P") + recovery[-2:]
    with pytest.raises(SealError, match="error_seal_recovery_typo"):
        Keys(Path("/nonexistent")).open_with_recovery_key(wrong)
    with pytest.raises(SealError, match="error_seal_recovery_start"):
        Keys(Path("/nonexistent")).open_with_recovery_key("my dog's name")


def test_damaged_cut_short_or_foreign_files_are_named_and_left_alone(locked) -> None:
    import pyrage
    from pyrage.x25519 import Identity

    _, _, sealed, keys = locked
    damaged = bytearray(sealed)
    damaged[-5] ^= 1
    with pytest.raises(SealError, match="^error_seal_damaged .file=2026-12-06"):
        keys.unseal(bytes(damaged), "2026-12-06")
    with pytest.raises(SealError, match="error_seal_damaged"):
        keys.unseal(sealed[: len(sealed) // 2], "2026-12-06")
    another_family = pyrage.encrypt(WORDS, [Identity.generate().to_public()])
    with pytest.raises(SealError, match="error_seal_other"):
        keys.unseal(another_family, "2026-12-06")


def test_an_empty_passphrase_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SealError, match="error_seal_empty"):
        Keys(tmp_path).create("", lambda key: None)
    assert not Keys(tmp_path).locked


AGE = shutil.which("age")


@pytest.mark.skipif(
    AGE is None and not os.environ.get("ZOOMAPP_REQUIRE_AGE"), reason="Debian's age is missing"
)
def test_the_standard_age_tool_reads_and_writes_what_zoomapp_does(locked, tmp_path: Path) -> None:
    """With zoomapp gone, the recovery key and `age` open a sealed file - and a file `age`
    sealed to the folder's recipients opens in zoomapp."""
    assert AGE is not None, "install Debian's age (apt-get install age)"
    home, recovery, sealed, keys = locked
    key_file = tmp_path / "recovery-key.txt"
    key_file.write_text(recovery + "\n")
    (tmp_path / "day.age").write_bytes(sealed)
    opened = subprocess.run(
        [AGE, "--decrypt", "-i", str(key_file), str(tmp_path / "day.age")],
        capture_output=True,
        check=True,
    )
    assert opened.stdout == WORDS
    by_age = subprocess.run(
        [AGE, "--encrypt", "-R", str(home / "lock" / RECIPIENTS_FILE)],
        input=WORDS,
        capture_output=True,
        check=True,
    ).stdout
    assert keys.unseal(by_age) == WORDS


def test_the_recovery_key_typed_where_the_passphrase_goes_opens_too(locked) -> None:
    home, recovery, sealed, _ = locked
    keys = Keys(home)
    keys.open_typed(" " + " ".join(recovery[i : i + 4] for i in range(0, len(recovery), 4)))
    assert keys.unseal(sealed) == WORDS
