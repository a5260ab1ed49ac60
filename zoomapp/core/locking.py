"""Turning the lock on and off: what zoomapp keeps about the family, sealed or opened in
place - one file at a time, each step atomic, so a run killed at any point loses nothing
and the next run finishes the work.

Locking seals every file of the journal (a day file becomes a sealed part of its day,
any other file `NAME.age`) and the drafts. A plain file left by a killed run, or brought
by a sync from a device that was not locked yet, is read with its day meanwhile and
sealed by the next `lock` (which also takes back an unlock that was cut short). Unlocking
writes each day back as one plain file before its sealed parts go, and only when every
file is open does the folder stop being locked.

The parent's own numbers and safety plan stay readable: they are shown in the danger
answer, which must never wait for a passphrase (the README says so plainly).
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from zoomapp.core.drafts import clear_draft, load_draft, new_token, save_draft, sealed_names
from zoomapp.core.files import NotAFile, atomic_write, read_file, set_aside
from zoomapp.core.journal.day import MAX_DAY_BYTES
from zoomapp.core.journal.day_files import DayFiles, one_writer
from zoomapp.core.journal.folder import PLAIN, SEALED, kind_of, part_name
from zoomapp.core.journal.merge import WRITTEN
from zoomapp.core.paths import Paths

if TYPE_CHECKING:
    from zoomapp.core.content.model import Content
from zoomapp.core.sealing import JOURNAL_KEY_FILE, RECIPIENTS_FILE, Keys, SealError

MAX_OTHER_BYTES = 64 * MAX_DAY_BYTES  # a set-aside file or a stranger: sealed as it is


def _files(folder: Path, depth: int = 1) -> Iterator[Path]:
    """The regular files in `folder` and (depth 1) its year folders; no links followed,
    no hidden files (the writers' lock, a save's temporary file)."""
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return
    for name in names:
        if name.startswith("."):
            continue
        path = folder / name
        try:
            mode = os.lstat(path).st_mode
        except OSError:
            continue
        if stat.S_ISREG(mode):
            yield path
        elif stat.S_ISDIR(mode) and depth > 0:
            yield from _files(path, depth - 1)


def recovery_page(content: Content, key: str) -> str:
    """The page that shows the recovery key, in the packs' words - with the key on it
    whatever a pack's page says (one that left `{recovery}` out must not hide it)."""
    page = content.text("lock_recovery_page", recovery=key)
    return page if key in page else f"{page}\n\n    {key}"


def lock(
    paths: Paths, passphrase: str, show: Callable[[str], None], keys: Keys | None = None
) -> tuple[bool, int]:
    """Lock the folder (or finish a lock, or roll back an unlock, that was cut short):
    (whether it was locked just now, how many files were sealed). Made just now, `keys`
    are left open."""
    keys = keys or Keys(paths.data_dir)
    made = not keys.locked
    if made:
        keys.create(passphrase, show)
    return made, seal_remaining(paths, keys)


def seal_remaining(paths: Paths, keys: Keys) -> int:
    """Seal every plain file left in the journal and the drafts; needs no passphrase.
    Holds the journal's writer lock throughout: nothing is added to a file being sealed."""
    with one_writer(paths.journal_dir):
        _clear_copies(paths.journal_dir)
        return _seal(paths, keys)


def _clear_copies(journal: Path) -> None:
    """What holds the journal's words in plain text and is not the journal: the search
    index (and a sync tool's copies of it), and temporary files of saves that were killed
    (no save is under way: the writer lock is held)."""
    for folder in (journal, *(p for p in journal.glob("[0-9][0-9][0-9][0-9]") if p.is_dir())):
        for path in folder.glob(".*"):
            if path.name.startswith(".index") or path.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    path.unlink()


def _seal(paths: Paths, keys: Keys) -> int:
    count = 0
    for folder in (paths.journal_dir, paths.drafts_dir):
        for path in _files(folder):
            if path.name.endswith(SEALED):
                continue
            kind = kind_of(path.name)
            if folder == paths.drafts_dir:  # a box's draft (an $EDITOR's file stays its own)
                if not path.name.endswith(PLAIN):
                    continue
                target = path.with_name(f"{path.stem}.{new_token()}{SEALED}")
            elif kind is not None and kind[1] == PLAIN:
                target = path.with_name(part_name(kind[0], new_token()))
            else:
                target = path.with_name(path.name + SEALED)
            raw = read_file(path, MAX_OTHER_BYTES, inside=folder)
            atomic_write(target, keys.seal(raw))
            os.unlink(path)  # killed before this, the day is read from both: the same
            count += 1
    return count


def unlock(paths: Paths, keys: Keys, now: Callable[[], datetime]) -> tuple[int, list[Path]]:
    """Open every sealed file in place (the keys must be open), then stop being locked:
    (how many files were opened, those that could not be - set aside, still sealed, for
    the recovery key and `age`). Killed midway, run it again: it goes on from there."""
    with one_writer(paths.journal_dir):
        _clear_copies(paths.journal_dir)
        return _unlock(paths, keys, now)


def _unlock(paths: Paths, keys: Keys, now: Callable[[], datetime]) -> tuple[int, list[Path]]:
    reading = DayFiles(paths.journal_dir, keys, now)
    plain = DayFiles(paths.journal_dir, None, now)
    count, bad = 0, []
    done: set[Path] = set()

    def aside(path: Path) -> None:
        bad.append(set_aside(path, now()))
        done.add(path)

    for name in sealed_names(paths.drafts_dir):  # each box's drafts, joined into one
        token = new_token()
        words = load_draft(paths.drafts_dir, name, keys, token)
        if words:
            save_draft(paths.drafts_dir, name, words)
        clear_draft(paths.drafts_dir, name, keys, token)
        count += 1
    folder = paths.journal_dir
    for path in _files(folder):
        if not path.name.endswith(SEALED) or path in done:
            continue
        kind = kind_of(path.name)
        if kind is not None:
            doc, found = reading.gather(kind[0], aside)
            whole = found[0].text if len(found) == 1 and WRITTEN not in found[0].doc else ""
            plain.write(kind[0], doc, found, whole)  # a day sealed whole: back as it was
            done.update(Path(read.path) for read in found)
            count += sum(str(read.path).endswith(SEALED) for read in found)
            continue
        try:
            opened = keys.unseal(read_file(path, MAX_OTHER_BYTES, inside=folder), path.name)
        except (SealError, NotAFile):
            aside(path)
            continue
        atomic_write(path.with_name(path.name.removesuffix(SEALED)), opened)
        os.unlink(path)
        count += 1
    for name in (RECIPIENTS_FILE, JOURNAL_KEY_FILE):
        with contextlib.suppress(FileNotFoundError):
            (keys.folder / name).unlink()  # recipients first: from here it is not locked
    with contextlib.suppress(OSError):
        keys.folder.rmdir()
    return count, bad
