"""The search index: a search reads one file, and never answers from a day that changed."""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.conftest import locked_keys
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths

NOW = datetime(2026, 11, 22, 21, 0)


def texts(journal: Journal, word: str) -> list[str]:
    return [entry.text for entry in journal.search(word)]


def test_a_search_is_answered_from_the_index_until_a_day_changes(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal", lambda: NOW)
    for back in range(40):
        journal.add("wins", f"Walked to the gate {back}", day=NOW.date() - timedelta(days=back))
    first = texts(journal, "gate 3")
    index = tmp_path / "journal" / ".index"
    assert first == [f"Walked to the gate {n}" for n in (3, *range(30, 40))]  # newest first
    assert index.stat().st_mode & 0o777 == 0o600
    assert texts(Journal(tmp_path / "journal", lambda: NOW), "gate 3") == first  # from it
    # A day changed by hand (same size, a moment later) is read again, not answered stale.
    day = tmp_path / "journal" / "2026" / "2026-11-19.toml"
    day.write_text(day.read_text().replace("gate 3", "park 3"))
    stat = day.stat()
    os.utime(day, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert "Walked to the park 3" in texts(Journal(tmp_path / "journal", lambda: NOW), "park")
    # A damaged or missing index is simply made again.
    index.write_bytes(b"\x00not json")
    assert texts(Journal(tmp_path / "journal", lambda: NOW), "gate 3") == first[1:]
    index.unlink()
    assert texts(Journal(tmp_path / "journal", lambda: NOW), "gate 39") == ["Walked to the gate 39"]


def test_locked_the_index_is_sealed_and_lock_and_unlock_leave_no_stale_one(
    tmp_path: Path, lock_template
) -> None:
    from zoomapp.core import locking

    paths = Paths(tmp_path, tmp_path)
    Journal(paths.journal_dir, lambda: NOW).add("wins", "Shoes on", day=date(2026, 11, 21))
    assert texts(Journal(paths.journal_dir, lambda: NOW), "shoes") == ["Shoes on"]
    keys = locked_keys(lock_template, tmp_path)  # as `zoomapp lock` makes them
    assert locking.lock(paths, "", lambda key: None, keys) == (False, 1)
    assert not (paths.journal_dir / ".index").exists()
    assert texts(Journal(paths.journal_dir, lambda: NOW, keys), "shoes") == ["Shoes on"]
    sealed = paths.journal_dir / ".index.age"
    assert sealed.exists() and b"Shoes on" not in sealed.read_bytes()
    locking.unlock(paths, keys, lambda: NOW)
    assert not sealed.exists()
    assert texts(Journal(paths.journal_dir, lambda: NOW), "shoes") == ["Shoes on"]
