"""What each day of the journal held when it was last read, kept in one file beside it, so
a search of thirty years reads one file instead of thousands (and, locked, opens one).

`journal/.index` - or `.index.age`, sealed like the journal, when it is locked - holds a
line for each day: its date, the size and modification time of every file it came from,
and its document as JSON (parsed only for a day that may match). A day whose files have
changed since is read again; a day that could not be read whole is never kept. It is
only ever a copy: damaged, from an older zoomapp, or deleted, it is made again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from zoomapp.core.files import atomic_write, read_file
from zoomapp.core.journal.day import Day, to_day

if TYPE_CHECKING:
    from zoomapp.core.journal.store import Journal

HEADER = b"zoomapp search index 2"  # then a line for each day: day, stamp, JSON (tabs)
PLAIN_NAME, SEALED_NAME = ".index", ".index.age"
MAX_INDEX = 512 * 1024 * 1024


def _encode(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$t": value.isoformat()}
    if isinstance(value, date):
        return {"$d": value.isoformat()}
    raise TypeError(type(value).__name__)  # a time of day written by hand: not kept


def _decode(found: dict[str, Any]) -> Any:
    if len(found) == 1:
        if "$t" in found:
            return datetime.fromisoformat(found["$t"])
        if "$d" in found:
            return date.fromisoformat(found["$d"])
    return found


def _stamp(paths: tuple[str, ...]) -> bytes | None:
    """Each file's name, size and modification time, as the index keeps them."""
    try:
        if len(paths) == 1:  # most days: one file, said without a list
            one = os.stat(paths[0])
            name = paths[0].rpartition(os.sep)[2]
            return f"{name}:{one.st_size}:{one.st_mtime_ns}".encode()
        found = [(p, os.stat(p)) for p in paths]
    except OSError:
        return None
    return ";".join(
        f"{p.rpartition(os.sep)[2]}:{s.st_size}:{s.st_mtime_ns}" for p, s in found
    ).encode()


_DECODER = json.JSONDecoder(object_hook=_decode)  # made once: ten years decode thousands


class SearchIndex:
    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.keys = journal.files.refresh()
        self.path = journal.folder / (SEALED_NAME if self.keys else PLAIN_NAME)
        self.kept = self._load()
        self.changed = False

    def _load(self) -> dict[bytes, tuple[bytes, bytes]]:
        """Day -> (stamp, document as JSON): one line each, read without parsing them."""
        from zoomapp.core.sealing import SealError

        try:
            raw = read_file(self.path, MAX_INDEX, inside=self.journal.folder)
            if self.keys is not None:
                if not self.keys.is_open:
                    return {}
                raw = self.keys.unseal(raw)
        except (OSError, SealError):
            return {}  # an index that will not open is made again
        head, _, body = raw.partition(b"\n")
        if head != HEADER:
            return {}
        kept = {}
        for line in body.split(b"\n"):
            key, _, rest = line.partition(b"\t")
            stamp, _, text = rest.partition(b"\t")
            if text:
                kept[key] = (stamp, text)
        return kept

    def days(
        self, files: Iterable[tuple[date, tuple[str, ...]]], keep: Callable[[bytes], bool]
    ) -> Iterator[Day]:
        """Every day of `files` whose document passes `keep` (given its JSON text), from
        this index where it is still what the files hold; the rest is read and kept."""
        seen: dict[bytes, tuple[bytes, bytes]] = {}
        for day, paths in files:
            key = day.isoformat().encode()
            stamp = _stamp(paths)
            cached = self.kept.get(key)
            if stamp is not None and cached is not None and cached[0] == stamp:
                text = cached[1]
            else:
                doc, whole = self.journal._read_doc(day, paths)
                if doc is None:
                    continue
                self.changed = True
                try:  # ASCII, so no line holds a line break or a tab of its own
                    text = json.dumps(doc, default=_encode).encode()
                except (TypeError, ValueError):  # something only TOML can say: read each time
                    whole, text = False, b""
                if not (whole and stamp is not None):
                    if not text or keep(text):
                        yield to_day(doc, day)
                    continue
                cached = (stamp, text)
            seen[key] = cached
            if keep(text):
                yield to_day(_DECODER.decode(text.decode()), day)
        self.changed = self.changed or len(seen) != len(self.kept)
        self.kept = seen

    def save(self) -> None:
        """Keep the index (when it changed); a failure costs only speed next time. Never
        in plain text once the folder is locked (by another process, meanwhile)."""
        if not self.changed or self.journal.files.refresh() is not self.keys:
            return
        lines = [HEADER, *(b"%s\t%s\t%s" % (k, s, t) for k, (s, t) in self.kept.items())]
        data = b"\n".join(lines)
        try:
            if self.keys is not None:
                data = self.keys.seal(data)
            atomic_write(self.path, data, durable=False)
        except OSError:
            return
        self.changed = False
