"""A day's files, read together and written back as one - plain, or sealed when locked.

Unlocked, a day is `YYYY-MM-DD.toml`. Locked, each addition is sealed as a part of its own
(`YYYY-MM-DD.<token>.age`, see core/sealing.py): adding needs only the public keys, never
the passphrase, and two devices never write the same file. A change to what is there
(an edit, a delete) reads every file of the day, writes the whole day as one new file
that names what it takes the place of, and only then removes those files: killed in
between, the files it named are passed over when read, so nothing shows twice. A sync
tool's conflict copies are read with the day (core/journal/merge.py) and folded into it
at the next change.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from zoomapp.core.errors import JournalError
from zoomapp.core.files import (
    NotAFile,
    atomic_write,
    ensure_private_dir,
    name_of,
    plain_reason,
    read_file,
)
from zoomapp.core.journal.day import FORMAT, MAX_DAY_BYTES, Unreadable, load_day
from zoomapp.core.journal.dayfile import render_day
from zoomapp.core.journal.folder import PLAIN, SEALED, files_of, part_name, year_folder
from zoomapp.core.journal.merge import REPLACES, WRITTEN, merge

if TYPE_CHECKING:
    from zoomapp.core.sealing import Keys

_NO_KEY = getattr(errno, "ENOKEY", errno.EIO)
MAX_SEALED_BYTES = MAX_DAY_BYTES + MAX_DAY_BYTES // 8  # age adds 16 bytes per 64 KiB


class Read(NamedTuple):
    """One file of a day, as read: its document, its text, and its name with a digest of
    its bytes (how a part that takes its place names it; '' for a day in one file)."""

    path: Path | str
    doc: dict[str, Any]
    text: str
    mark: str


def _digest(raw: bytes) -> str:
    import hashlib  # here: only a day held in more than one file needs it

    return hashlib.sha256(raw).hexdigest()[:16]


@contextlib.contextmanager
def one_writer(folder: Path) -> Iterator[None]:
    """One writer of the journal at a time, across processes (adding, changing, locking
    and unlocking alike). The kernel drops the lock if the process dies."""
    import fcntl

    try:
        ensure_private_dir(folder)
        fd = os.open(folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise JournalError(
            "error_journal_folder", folder=folder, reason=plain_reason(exc)
        ) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


class DayFiles:
    def __init__(self, folder: Path, keys: Keys | None, now: Callable[[], datetime]) -> None:
        self.folder = folder
        self.keys = keys
        self.now = now

    @property
    def locked(self) -> bool:
        return self.keys is not None

    def refresh(self) -> Keys | None:
        """The keys, as the folder is now: another process (another app, a synced device)
        may have locked or unlocked it since. Opened keys stay open while it is locked."""
        from zoomapp.core.sealing import LOCK_FOLDER, RECIPIENTS_FILE, Keys

        locked = (self.folder.parent / LOCK_FOLDER / RECIPIENTS_FILE).is_file()
        if locked and self.keys is None:
            self.keys = Keys(self.folder.parent)
        elif not locked:
            self.keys = None
        return self.keys

    def clear_stale(self, day: date) -> Path:
        """Clear the day's temporary files (the writer lock is held, so one seen now was
        left by a save killed midway); the day's year folder."""
        year = year_folder(self.folder, day.year)
        for stale in year.glob(f".{day.isoformat()}*.tmp"):
            with contextlib.suppress(OSError):
                stale.unlink()
        return year

    def read(
        self,
        path: Path | str,
        day: date,
        skip: frozenset[str] = frozenset(),
        keep: Callable[[bytes], bool] | None = None,
        marked: bool = True,
    ) -> Read | None:
        """One file of the day; None when its bytes do not pass `keep` (then it is not
        parsed). `marked`: with the digest a part replacing it would name (needed only
        when a day has more than one file). Raises Unreadable for what cannot be a day,
        SealError when the journal's key is not open, and OSError as it comes."""
        sealed = str(path).endswith(SEALED)
        try:
            raw = read_file(path, MAX_SEALED_BYTES if sealed else MAX_DAY_BYTES, self.folder)
        except NotAFile as exc:
            raise Unreadable(path, str(exc)) from None
        mark = f"{name_of(path)}#{_digest(raw)}" if marked else ""
        if sealed:
            from zoomapp.core.sealing import SealError, is_sealed

            if self.keys is None:  # sealed, in a folder not locked (any more): left alone
                raise OSError(_NO_KEY, "it is sealed, and this journal is not locked")
            if not is_sealed(raw):
                raise Unreadable(path, "it is not a file this journal sealed")
            try:
                raw = self.keys.unseal(raw, name_of(path))
            except SealError as exc:
                if exc.key == "error_seal_closed":
                    raise
                why = "it was sealed with another key" if exc.key == "error_seal_other" else ""
                raise Unreadable(path, why or "it is damaged or cut short") from None
        if keep is not None and not keep(raw):
            return None
        doc, text = load_day(path, day, raw, skip)
        return Read(path, doc, text, mark)

    def write(self, day: date, doc: dict[str, Any], replaces: list[Read], text: str = "") -> Path:
        """Save the day (or, locked, a part of it): atomically, then remove what it replaces."""
        if self.keys is None:
            path = year_folder(self.folder, day.year) / f"{day.isoformat()}.toml"
            atomic_write(path, text or render_day(doc))
        else:
            stamp = self.now()
            whole = {**doc, WRITTEN: stamp, REPLACES: [r.mark for r in replaces]}
            if not replaces:
                del whole[REPLACES]
            from zoomapp.core.drafts import new_token

            path = year_folder(self.folder, day.year) / part_name(day, new_token())
            atomic_write(path, self.keys.seal(render_day(whole).encode("utf-8")))
        for old in replaces:
            if Path(old.path) != path:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(old.path)
        return path

    def add(self, day: date, fragment: dict[str, Any]) -> Path:
        """Locked: seal what is added as a part of its own - nothing is read."""
        return self.write(day, {"format": FORMAT, "date": day, **fragment}, [])

    def gather(
        self, day: date, set_aside_as: Callable[[Path], Path | None]
    ) -> tuple[dict[str, Any], list[Read]]:
        """Every readable file of the day, for a change: what they hold together, and the
        files a save replaces. An unreadable one is handed to `set_aside_as` first."""
        found: list[Read] = []
        for path in files_of(self.folder, day):
            try:
                read = self.read(path, day)
                if read is not None:
                    found.append(read)
            except Unreadable:
                set_aside_as(path)
            except FileNotFoundError:
                continue
        return combine(found, day), found


def combine(found: list[Read], day: date) -> dict[str, Any]:
    """The day all these files hold: a part another one replaced is passed over; the rest
    are merged oldest first (the day file and copies, then parts as they were written)."""
    if not found:
        return {"format": FORMAT, "date": day}
    replaced = {mark for read in found for mark in read.doc.get(REPLACES, ())}
    kept = [read for read in found if read.mark not in replaced]
    kept.sort(key=lambda read: str(read.doc.get(WRITTEN, "")))
    merged = merge([read.doc for read in kept])
    merged["date"] = day
    return merged


def only_day_file(found: list[Read], locked: bool) -> str:
    """The day file's text when it alone holds the day (a change may append to it)."""
    if locked or len(found) != 1 or not str(found[0].path).endswith(PLAIN):
        return ""
    return found[0].text if len(os.path.basename(found[0].path)) == 15 else ""
