"""Safe file writing: atomic replace, fsync, private permissions, setting unreadable files aside."""

from __future__ import annotations

import contextlib
import errno
import os
from datetime import datetime
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def ensure_private_dir(path: Path) -> Path:
    """Create `path` and any missing parents as 0700 folders; tighten `path` itself if it exists."""
    missing = []
    current = path
    while not current.exists():
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        with contextlib.suppress(FileExistsError):
            folder.mkdir(mode=DIR_MODE)
    try:
        if path.stat().st_uid == os.getuid() and (path.stat().st_mode & 0o777) != DIR_MODE:
            os.chmod(path, DIR_MODE)
    except OSError:
        pass
    return path


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def atomic_write(
    path: Path, data: bytes | str, *, durable: bool = True, private_folder: bool = True
) -> None:
    """Write `data` to `path` so that readers see either the old file or the new one, never half.

    The bytes go to a temporary file in the same folder, are flushed and fsynced, then
    `os.replace` swaps it in and the folder is fsynced so the rename itself survives a crash.
    `durable=False` skips both fsyncs, for a cache: losing its newest version costs nothing.
    The file is always private (0600); with `private_folder=False` the folder is used as it
    is (one the parent chose for an export), never created or tightened.
    """
    import tempfile  # here: commands that only read need not load it

    if isinstance(data, str):
        data = data.encode("utf-8")
    folder = ensure_private_dir(path.parent) if private_folder else path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        os.fchmod(fd, FILE_MODE)
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            if durable:
                tmp.flush()
                os.fsync(tmp.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if durable:
        _fsync_dir(folder)


def set_aside(path: Path, now: datetime | None = None) -> Path:
    """Move an unreadable file out of the way, keeping every byte; return where it went.

    `diary.toml` becomes `diary.unreadable-20261122-081400.toml` beside it.
    """
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.unreadable-{stamp}-{counter}{path.suffix}")
    os.replace(path, target)
    _fsync_dir(path.parent)
    return target


def plain_reason(error: OSError) -> str:
    """Why a file could not be used, in plain words for a parent rather than an errno."""

    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: "the disk can only be read, not written",
        errno.EACCES: "permission was refused",
        errno.EPERM: "permission was refused",
        errno.EISDIR: "a folder is in the way",
        errno.ENOTDIR: "a file is in the way where a folder should be",
    }
    if isinstance(error, NotAFile) or not error.strerror:
        return reasons.get(error.errno or 0) or str(error)
    return reasons.get(error.errno or 0) or error.strerror[:1].lower() + error.strerror[1:]


class NotAFile(OSError):
    """What is at a path is not a regular file we may read (a folder, a device, a FIFO,
    a link out of bounds) or is far larger than it could honestly be."""


def link_inside(path: Path | str, inside: Path) -> None:
    """Raise NotAFile unless the link at `path` leads to somewhere inside `inside`."""
    try:
        target = Path(path).resolve()
    except RuntimeError:  # a link that leads back to itself, in a loop
        raise NotAFile(f"{name_of(path)} is a link that leads back to itself") from None
    if not target.is_relative_to(inside.resolve()):
        raise NotAFile(f"{name_of(path)} is a link to {target}, outside {inside}") from None


def read_file(path: Path | str, limit: int, inside: Path | None = None) -> bytes:
    """The bytes of a regular file of at most `limit` bytes - never blocking, never endless.

    A FIFO, a device (/dev/zero) or a folder raises NotAFile instead of hanging or reading
    without end; with `inside`, so does a symbolic link that leads out of that folder.
    FileNotFoundError and other OSErrors pass through as they are.
    """
    import stat

    flags = os.O_RDONLY | os.O_NONBLOCK  # a FIFO opens at once, unread
    try:
        # With `inside`, a link is refused by the kernel first (no lstat for every file).
        fd = os.open(path, flags | (os.O_NOFOLLOW if inside is not None else 0))
    except OSError as exc:
        if inside is None or exc.errno != errno.ELOOP:
            raise
        link_inside(path, inside)
        fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise NotAFile(f"{name_of(path)} is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise NotAFile(f"{name_of(path)} is not a regular file (a device or a pipe)")
        if info.st_size > limit:
            raise NotAFile(f"{name_of(path)} is {info.st_size:,} bytes, far more than it could be")
        chunks = []
        size = 0
        asked = info.st_size + 1  # one read for the usual file; more if it grew meanwhile
        while size <= limit:
            asked = min(asked, limit + 1 - size)
            chunk = os.read(fd, asked)
            chunks.append(chunk)
            size += len(chunk)
            if len(chunk) < asked:
                break  # a regular file gives less than asked only at its end
            asked = 1 << 20
        if size > limit:
            raise NotAFile(f"{name_of(path)} is more than {limit:,} bytes, more than it could be")
        return b"".join(chunks)
    finally:
        os.close(fd)


def name_of(path: Path | str) -> str:
    return os.path.basename(path)


def log_error(folder: Path, error: BaseException, now: datetime | None = None) -> str:
    """Keep an unexpected error's details in folder/error.log (never shown to a person);
    return where, or '' when even that could not be written."""
    import traceback

    log = folder / "error.log"
    details = "".join(traceback.format_exception(error))
    try:
        atomic_write(log, f"{(now or datetime.now()):%Y-%m-%d %H:%M:%S}\n{details}")
    except OSError:
        return ""
    return str(log)
