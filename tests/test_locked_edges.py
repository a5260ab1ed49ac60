"""The lock's edges: a process that opened the journal before it was locked (another app
tab, a synced device) or before it was unlocked; lock and unlock waiting for a writer;
nothing left in plain text; a hand-written value only TOML has; a damaged lock."""

from __future__ import annotations

import re
import subprocess
import threading
import time
from datetime import date, datetime
from pathlib import Path

from tests.conftest import locked_keys
from tests.test_whatever_is_on_disk import zoomapp
from zoomapp.core import locking
from zoomapp.core.journal.day_files import one_writer
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths

NOW = datetime(2026, 11, 22, 21, 0)
DAY = date(2026, 11, 22)


def texts(journal: Journal) -> list[str]:
    return sorted(entry.text for entry in journal.entries())


def test_a_journal_opened_before_the_lock_seals_what_it_adds_and_moves_nothing(
    tmp_path: Path, lock_template
) -> None:
    paths = Paths(tmp_path, tmp_path)
    earlier = Journal(paths.journal_dir, lambda: NOW)  # an app opened before the lock
    earlier.add("wins", "Shoes on", day=DAY)
    keys = locked_keys(lock_template, tmp_path)
    locking.lock(paths, "", lambda key: None, keys)
    sealed = sorted((paths.journal_dir / "2026").iterdir())
    earlier.add("wins", "Breakfast together", day=DAY)
    after = sorted((paths.journal_dir / "2026").iterdir())
    assert set(sealed) < set(after) and all(p.suffix == ".age" for p in after)
    assert texts(Journal(paths.journal_dir, lambda: NOW, keys)) == [
        "Breakfast together",
        "Shoes on",
    ]
    # Unlocked meanwhile, a journal that was open while locked writes plain files again.
    opened_while_locked = Journal(paths.journal_dir, lambda: NOW, keys)
    locking.unlock(paths, keys, lambda: NOW)
    opened_while_locked.add("wins", "Read a story", day=DAY)
    assert not list(paths.journal_dir.rglob("*.age"))
    assert texts(Journal(paths.journal_dir, lambda: NOW)) == [
        "Breakfast together",
        "Read a story",
        "Shoes on",
    ]


def test_lock_waits_for_a_writer_and_leaves_no_plain_words_behind(
    tmp_path: Path, lock_template
) -> None:
    paths = Paths(tmp_path, tmp_path)
    journal = Journal(paths.journal_dir, lambda: NOW)
    journal.add("wins", "Shoes on", day=DAY)
    journal.search("shoes")  # makes the plain search index
    year = paths.journal_dir / "2026"
    (year / ".2026-11-22.toml.x1y2z3.tmp").write_text('[[wins]]\ntext = "Half saved"\n')
    (paths.journal_dir / ".index.sync-conflict-20261122-101500-ABCDEF7.json").write_text(
        '{"days": "Shoes on"}'
    )
    keys = locked_keys(lock_template, tmp_path)
    done = threading.Event()
    with one_writer(paths.journal_dir):  # a save under way in another process
        worker = threading.Thread(target=lambda: (locking.seal_remaining(paths, keys), done.set()))
        worker.start()
        time.sleep(0.3)
        assert not done.is_set() and (year / "2026-11-22.toml").exists()  # it waits
    worker.join(10)
    assert done.is_set()
    everything = b"".join(p.read_bytes() for p in tmp_path.rglob("*") if p.is_file())
    assert b"Shoes on" not in everything and b"Half saved" not in everything


def test_a_value_only_toml_has_does_not_stop_a_search(tmp_path: Path) -> None:
    day = tmp_path / "journal" / "2026" / "2026-11-22.toml"
    day.parent.mkdir(parents=True)
    day.write_text('woke = 07:30:00\n\n[[wins]]\ntext = "Up early"\n')
    journal = Journal(tmp_path / "journal", lambda: NOW)
    assert [e.text for e in journal.search("early")] == ["Up early"]
    assert [e.text for e in Journal(tmp_path / "journal", lambda: NOW).search("up")] == ["Up early"]


def test_a_damaged_lock_is_one_line_and_nothing_is_written(
    zoomapp_home: Path, lock_template
) -> None:
    locked_keys(lock_template, zoomapp_home)
    (zoomapp_home / "lock" / "recipients.txt").write_text("")
    result = zoomapp(zoomapp_home, "win", "Shoes on", stdin=subprocess.DEVNULL)
    err = result.stderr.decode()
    assert result.returncode == 1 and err.count("\n") == 1 and "recipients.txt" in err
    assert "unexpected" not in err and not list(zoomapp_home.rglob("2026-*"))


def test_a_coachs_page_without_the_key_still_shows_the_key(zoomapp_home: Path) -> None:
    (zoomapp_home / "my.toml").write_text(
        'format = 1\n[pack]\nid = "mine"\nname = "Mine"\nversion = "1"\nlanguage = "en"\n'
        '[text]\nlock_recovery_page = "Keep this safe {{not a key}} [b]."\n'
    )
    secret = zoomapp_home.parent / "passphrase.txt"
    secret.write_text("a long walk\n")
    locked = zoomapp(zoomapp_home, "lock", "--passphrase-file", str(secret))
    out = locked.stdout.decode()
    assert locked.returncode == 0 and "Keep this safe {not a key} [b]." in out
    assert re.search(r"^    AGE-SECRET-KEY-1[0-9A-Z]+$", out, re.M)
