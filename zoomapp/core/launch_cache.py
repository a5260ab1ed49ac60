"""Settings and packs as last read, remembered between runs so home opens at once.

Parsing and checking TOML is most of what zoomapp itself adds to launch. So the result is
kept in a private file under a key holding the app's version and a stamp (inode, size,
change times) of every file it came from. If anything in the key differs, the cache is
ignored and written again. The TOML files stay the only truth: the cache can be deleted
at any time, and a damaged one is simply not used.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from zoomapp.core.files import atomic_write

Stamps = tuple[tuple[str, tuple[int, int, int, int] | None], ...]

# A file changed this recently might change again within the same timestamp tick and
# keep its size, so its stamp could not tell the two versions apart.
SETTLED_SECONDS = 2.0


def _stamp(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def stamps(files: Iterable[Path | str]) -> Stamps:
    """What identifies each file's current content, without reading it (None: no file)."""
    found: list[tuple[str, tuple[int, int, int, int] | None]] = []
    for path in files:
        try:
            found.append((str(path), _stamp(os.stat(path))))
        except OSError:
            found.append((str(path), None))
    return tuple(found)


def stamps_under(folder: Path | str, suffixes: tuple[str, ...]) -> Stamps:
    """The stamp of every file ending in one of `suffixes` in `folder` and the folders in
    it, sorted by path: a file added, moved or removed changes the whole.

    Read with os.scandir rather than Path.rglob or os.walk: the launch checks about a
    hundred files, and those cost more than all the rest of the launch cache's check."""
    found: list[tuple[str, tuple[int, int, int, int] | None]] = []
    folders = [folder]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue
        for entry in entries:
            if entry.name.endswith(suffixes):
                try:
                    found.append((entry.path, _stamp(entry.stat())))
                except OSError:
                    found.append((entry.path, None))
            elif entry.name != "__pycache__" and _is_folder(entry):
                folders.append(entry.path)
    return tuple(sorted(found))


def _is_folder(entry: os.DirEntry[str]) -> bool:
    """A real folder, not a link to one (as os.walk): a link looping back stops nothing."""
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def settled(found: Stamps, now: float | None = None) -> bool:
    """True when no file changed so recently that a later change could share its stamp."""
    newest = max((max(s[2], s[3]) for _, s in found if s is not None), default=0)
    return newest / 1e9 < (time.time() if now is None else now) - SETTLED_SECONDS


def recall(cache: Path, key: Any) -> Any | None:
    """What was remembered under `key`, or None if nothing current was."""
    try:
        saved_key, value = pickle.loads(cache.read_bytes())
    except Exception:  # missing, damaged, or written by another version: read the files
        return None
    return value if saved_key == key else None


def remember(cache: Path, key: Any, value: Any) -> None:
    """Keep `value` under `key`. Failing to is harmless: the next launch reads the files."""
    try:
        data = pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL)
        atomic_write(cache, data, durable=False)
    except Exception:  # a folder that can't be written, or a value that can't be kept
        pass
