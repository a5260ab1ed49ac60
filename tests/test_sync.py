"""A journal folder shared by a sync tool between the family's devices: two devices that
write while apart, and the conflict copies each tool really makes, come together with
every entry once - plain or locked - and the parent is told once."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import locked_keys
from zoomapp.core.journal.store import Journal
from zoomapp.core.sealing import Keys

DAY = date(2026, 11, 22)


class Ticking:
    """A clock that moves on a little each time it is read, as a real one does."""

    def __init__(self) -> None:
        self.at = datetime(2026, 11, 22, 21, 0)

    def __call__(self) -> datetime:
        self.at += timedelta(milliseconds=1)
        return self.at


NOW = Ticking()
# What each tool names the copy it keeps when both devices changed the same file.
COPIES = {
    "syncthing": "{stem}.sync-conflict-20261122-101500-ABCDEF7{ext}",
    "nextcloud": "{stem} (conflicted copy 2026-11-22 101500){ext}",
    "owncloud": "{stem}_conflict-20261122-101500{ext}",
    "dropbox": "{stem} (Sam's conflicted copy 2026-11-22){ext}",
}


def texts(journal: Journal) -> list[str]:
    return sorted(f"{e.kind}:{e.text}" for e in journal.entries())


def diverge(tmp_path: Path, keys_of: dict[str, Keys] | None = None) -> tuple[Path, Path]:
    """One journal, copied to two devices, each then changed while apart."""
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    start = Journal(laptop / "journal", NOW, keys_of and keys_of["laptop"])
    start.add("wins", "Got dressed", day=DAY)
    start.add("wins", "Ate breakfast", day=DAY)
    start.add_feeling(DAY, "Tired")
    shutil.copytree(laptop, desktop)
    one = Journal(laptop / "journal", NOW, keys_of and keys_of["laptop"])
    two = Journal(desktop / "journal", NOW, keys_of and keys_of["desktop"])
    one.add("wins", "Walked to the gate", day=DAY)
    one.add_feeling(DAY, "Hopeful by noon")
    breakfast = next(e for e in one.entries() if e.text == "Ate breakfast")
    one.edit(breakfast, "Ate breakfast together")
    two.add("strengths", "She was patient", day=DAY)
    two.delete(next(e for e in two.entries() if e.text == "Ate breakfast"))
    return laptop, desktop


def sync(source: Path, into: Path, copy_name: str) -> None:
    """What a sync tool does: files only one side has are copied; a file both changed is
    kept from one side, and the other side's version saved as a conflict copy."""
    for path in sorted((source / "journal").rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        target = into / path.relative_to(source)
        if not target.exists():
            shutil.copy2(path, target)
        elif target.read_bytes() != path.read_bytes():
            stem, ext = path.name.rsplit(".", 1)
            shutil.copy2(path, target.with_name(copy_name.format(stem=stem, ext="." + ext)))


EXPECTED = [
    "feeling:Tired\n\nHopeful by noon",
    "strengths:She was patient",
    "wins:Ate breakfast together",  # edited on one device, deleted on the other: the edit
    "wins:Got dressed",
    "wins:Walked to the gate",
]


@pytest.mark.parametrize("tool", sorted(COPIES))
def test_two_devices_apart_come_together_with_every_entry_once(tmp_path: Path, tool: str) -> None:
    laptop, desktop = diverge(tmp_path)
    sync(desktop, laptop, COPIES[tool])
    (copy,) = [p for p in (laptop / "journal" / "2026").iterdir() if p.name != "2026-11-22.toml"]
    journal = Journal(laptop / "journal", NOW)
    assert texts(journal) == EXPECTED and not journal.skipped
    # The next change folds the copy into the day, and says so once.
    journal.add("wins", "Read a story", day=DAY)
    assert journal.folded == [str(copy)] and not copy.exists()
    again = Journal(laptop / "journal", NOW)
    assert texts(again) == sorted([*EXPECTED, "wins:Read a story"])
    again.add("wins", "Bedtime was calm", day=DAY)
    assert again.folded == []


def test_two_locked_devices_never_write_the_same_file(tmp_path: Path, lock_template) -> None:
    keys = locked_keys(lock_template, tmp_path / "laptop")
    opened = {"laptop": keys, "desktop": keys}
    laptop, desktop = diverge(tmp_path, opened)
    on_laptop = {p.name: p.read_bytes() for p in (laptop / "journal").rglob("*.age")}
    on_desktop = {p.name: p.read_bytes() for p in (desktop / "journal").rglob("*.age")}
    assert all(on_laptop[name] == on_desktop[name] for name in on_laptop.keys() & on_desktop)
    sync(desktop, laptop, COPIES["syncthing"])
    assert not [p for p in (laptop / "journal").rglob("*") if "conflict" in p.name]
    journal = Journal(laptop / "journal", NOW, keys)
    assert texts(journal) == EXPECTED and not journal.skipped
    # Adding on a device that never opened the journal's key writes a part of its own.
    closed = Keys(laptop)
    Journal(laptop / "journal", NOW, closed).add("wins", "Read a story", day=DAY)
    assert texts(Journal(laptop / "journal", NOW, keys)) == sorted([*EXPECTED, "wins:Read a story"])
