"""The journal: one human-readable TOML file per day, saved so that nothing is ever lost.

journal/2026/2026-11-22.toml holds that day's wins, strengths noticed, a feeling note and
the sessions done. Every change takes an OS lock (released by the kernel if the process
dies), re-reads the day, and replaces the file atomically. Adding an entry appends text to
the day's file, so comments written by hand survive. A day file that cannot be read is
moved aside, never overwritten. See docs/journal-format.md for the format.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from zoomapp.core.errors import EntryError, JournalError
from zoomapp.core.files import (
    plain_reason,
    set_aside,
)
from zoomapp.core.journal.bring_in import Unchanged
from zoomapp.core.journal.day import (
    FEELING,
    MAX_TEXT,
    SESSIONS,
    Day,
    Entry,
    Unreadable,
    clean_tags,
    clean_text,
    same_session,
    session_item,
    stored_item,
    tidy,
    to_day,
    utf8,
    with_defaults,
)
from zoomapp.core.journal.day_files import DayFiles, Read, combine, one_writer, only_day_file
from zoomapp.core.journal.dayfile import entry_block, parse_day
from zoomapp.core.journal.folder import day_names, files_of, is_copy
from zoomapp.core.practice.session_result import SessionResult

if TYPE_CHECKING:
    from zoomapp.core.sealing import Keys


class Saved(NamedTuple):
    """Where an entry went, and where an unreadable file was moved to make room, if so."""

    path: Path
    set_aside_as: Path | None = None


# --- the journal ------------------------------------------------------------------------


class Journal:
    """All days under one folder; sealed when `keys` are given (a locked data folder).
    `now` is injectable so tests control the clock."""

    def __init__(
        self, folder: Path, now: Callable[[], datetime] = datetime.now, keys: Keys | None = None
    ) -> None:
        self.folder = folder
        self.now = now
        self.files = DayFiles(folder, keys, lambda: self.now())
        self.skipped: list[Unreadable] = []  # files found unreadable while reading
        self.folded: list[str] = []  # a sync tool's conflict copies, folded into their day

    def path_for(self, day: date) -> Path:
        return self.folder / f"{day.year:04d}" / f"{day.isoformat()}.toml"

    def _not_saved(self, day: date, error: OSError) -> JournalError:
        return JournalError("error_save", file=self.path_for(day), reason=plain_reason(error))

    def _change(
        self,
        day: date,
        change: Callable[[dict[str, Any]], str | None],
        added: dict[str, Any] | None = None,
    ) -> Saved:
        """Apply `change` to the day's document under the lock and save it atomically.

        `change` edits the document; it may return a block of text to append to the file
        as it is (keeping comments), which is used when the result parses to the same thing.
        In a locked journal, what is `added` is sealed as a part of its own, unread.
        """
        with one_writer(self.folder):
            self.files.refresh()  # locked or unlocked elsewhere since: as it is now
            if added is not None and self.files.locked:
                try:
                    return Saved(self.files.add(day, added))
                except OSError as exc:
                    raise self._not_saved(day, exc) from None
            try:
                year = self.files.clear_stale(day)
            except OSError as exc:  # the year folder is a link out of the journal
                raise self._not_saved(day, exc) from None
            moved: list[Path] = []

            def aside(path: Path) -> None:
                try:
                    moved.append(set_aside(path, self.now()))
                except OSError as exc:
                    raise JournalError(
                        "error_day_stuck", file=path, reason=plain_reason(exc)
                    ) from None

            try:
                doc, found = self.files.gather(day, aside)
            except OSError as exc:  # there, but not ours to read: leave it exactly as it is
                raise JournalError(
                    "error_day_unreadable",
                    file=getattr(exc, "filename", year),
                    reason=plain_reason(exc),
                ) from None
            old_text = only_day_file(found, self.files.locked)
            try:
                appended = change(doc)
            except Unchanged:  # nothing new for the day: the file stays as it is
                return Saved(self.path_for(day), moved[-1] if moved else None)
            new_text = None
            if appended is not None and old_text:
                candidate = old_text.rstrip("\n") + "\n\n" + appended
                with contextlib.suppress(ValueError, RecursionError):  # TOMLDecodeError
                    if with_defaults(parse_day(candidate), day) == doc:
                        new_text = candidate
            try:
                path = self.files.write(day, doc, found, new_text or "")
            except OSError as exc:
                raise self._not_saved(day, exc) from None
            self.folded += [str(read.path) for read in found if is_copy(read.path)]
            return Saved(path, moved[-1] if moved else None)

    # --- adding ---------------------------------------------------------------------------

    def add(
        self,
        kind: str,
        text: str,
        tags: list[str] | tuple[str, ...] = (),
        day: date | None = None,
    ) -> Saved:
        """Add a win or a strength. Its time is now; noted for another day, it has that
        day and no time (none is invented)."""
        text = clean_text(text)
        tags = clean_tags(tags, text)
        now = self.now().replace(microsecond=0)
        day = day or now.date()
        at: date = now if day == now.date() else day
        item: dict[str, Any] = {"at": at, "text": text}
        if tags:
            item["tags"] = list(tags)

        def change(doc: dict[str, Any]) -> str:
            doc.setdefault(kind, []).append(item)
            return entry_block(kind, item)

        return self._change(day, change, {kind: [item]})

    def record_session(self, record: SessionResult) -> Saved:
        """Keep a session: added the first time, updated in place after that.

        A session is the same one when its kind, id and start time match, so saving it
        as it ends and again when the after-rating comes leaves one entry, not two.
        """
        item = session_item(record)

        def change(doc: dict[str, Any]) -> str | None:
            sessions = doc.setdefault(SESSIONS, [])
            for index, other in enumerate(sessions):
                if same_session(other, record):
                    sessions[index] = {**other, **item}
                    if record.rating_after is None:
                        sessions[index].pop("rating_after", None)
                    return None
            sessions.append(item)
            return entry_block(SESSIONS, item)

        return self._change(item["started"].date(), change, {SESSIONS: [item]})

    def note(self, day: date, items: dict[str, list[dict[str, Any]]]) -> Saved:
        """Add tables of any kind to a day as they are (the notes of core/school, with a
        win when a step is done): appended to its file, or sealed as one part."""

        def change(doc: dict[str, Any]) -> str:
            for kind, new in items.items():
                doc.setdefault(kind, []).extend(new)
            return "\n".join(entry_block(kind, i) for kind, new in items.items() for i in new)

        return self._change(day, change, items)

    def set_feeling(self, day: date, text: str) -> Saved:
        text = utf8(tidy(text))
        if len(text) > MAX_TEXT:
            raise EntryError("error_text_long", length=len(text), limit=MAX_TEXT)

        def change(doc: dict[str, Any]) -> None:
            if text:
                doc[FEELING] = text
            else:
                doc.pop(FEELING, None)

        return self._change(day, change)

    def add_feeling(self, day: date, text: str) -> Saved:
        """Add to the day's feeling as a new paragraph, so nothing written before is lost."""
        text = clean_text(text)

        def change(doc: dict[str, Any]) -> None:
            before = doc.get(FEELING, "")
            joined = f"{before}\n\n{text}" if before else text
            if len(joined) > MAX_TEXT:
                raise EntryError("error_text_long", length=len(joined), limit=MAX_TEXT)
            doc[FEELING] = joined

        return self._change(day, change, {FEELING: text})

    # --- editing --------------------------------------------------------------------------

    def edit(
        self, entry: Entry, text: str, tags: list[str] | tuple[str, ...] | None = None
    ) -> Saved:
        """New words for a win, a strength or the feeling (a session is not written)."""
        if entry.kind == FEELING:
            return self.set_feeling(entry.day, text)
        text = clean_text(text)
        if tags is None:  # kept as they were, with any new #tag in the words
            new_tags = tuple(dict.fromkeys(entry.tags + clean_tags((), text)))
        else:
            new_tags = clean_tags(tags, text)

        def change(doc: dict[str, Any]) -> None:
            item = stored_item(doc, entry)
            item["text"] = text
            if new_tags:
                item["tags"] = list(new_tags)
            else:
                item.pop("tags", None)

        return self._change(entry.day, change)

    def delete(self, entry: Entry) -> Saved:
        def change(doc: dict[str, Any]) -> None:
            if entry.kind == FEELING:
                if doc.get(FEELING) != entry.text:
                    raise JournalError("error_changed")
                del doc[FEELING]
                return
            doc[entry.kind].remove(stored_item(doc, entry))
            if not doc[entry.kind]:
                del doc[entry.kind]

        return self._change(entry.day, change)

    def restore(self, entry: Entry) -> Saved:
        """Put a deleted entry back exactly as it was: its text, time, tags and place."""
        if entry.kind == FEELING:
            return self.set_feeling(entry.day, entry.text)
        if entry.session is not None:
            item = session_item(entry.session)
        else:
            item = {"at": entry.at if entry.timed else entry.day, "text": entry.text}
            if entry.tags:
                item["tags"] = list(entry.tags)

        def change(doc: dict[str, Any]) -> None:
            items = doc.setdefault(entry.kind, [])
            items.insert(min(entry.position, len(items)), item)

        return self._change(entry.day, change)

    # --- reading --------------------------------------------------------------------------

    def read_day(self, day: date) -> Day:
        found = [str(path) for path in files_of(self.folder, day)]
        return next(self._read_days([(day, tuple(found))]), Day(day, [], [], "", []))

    def _note_skipped(self, exc: Unreadable) -> None:
        if all(s.path != exc.path for s in self.skipped):
            self.skipped.append(exc)

    def day_files(
        self, start: date | None = None, end: date | None = None, newest_first: bool = False
    ) -> Iterator[tuple[date, tuple[str, ...]]]:
        """(day, its files) for every day in range, from folder and file names alone.

        A year folder is listed only when reached, so the newest days come without
        touching ten years of history.
        """
        return day_names(self.folder, start, end, newest_first, self._note_skipped)

    def _read_days(
        self,
        files: Iterable[tuple[date, tuple[str, ...]]],
        keep: Callable[[bytes], bool] | None = None,
        skip: frozenset[str] = frozenset(),
    ) -> Iterator[Day]:
        """Each day's files read once; with `keep`, a day kept in one file is parsed only
        when its bytes pass it. A file that cannot be opened or read is noted in `skipped`
        and passed over (the rest of the day is still read)."""
        self.files.refresh()
        for day, paths in files:
            doc, _ = self._read_doc(day, paths, skip, keep)
            if doc is not None:
                yield to_day(doc, day)

    def _read_doc(
        self,
        day: date,
        paths: tuple[str, ...],
        skip: frozenset[str] = frozenset(),
        keep: Callable[[bytes], bool] | None = None,
    ) -> tuple[dict[str, Any] | None, bool]:
        """What a day's files hold together (None if none could be read, or its one file
        did not pass `keep`), and whether every file was read. One that cannot be is
        noted in `skipped`."""
        single = len(paths) == 1
        found: list[Read] = []
        whole = True
        for path in paths:
            try:
                read = self.files.read(path, day, skip, keep if single else None, not single)
            except FileNotFoundError:
                whole = False
                continue
            except Unreadable as exc:
                self._note_skipped(exc)
                whole = False
                continue
            except OSError as exc:
                self._note_skipped(Unreadable(path, plain_reason(exc)))
                whole = False
                continue
            if read is not None:
                found.append(read)
        if not found:
            return None, whole
        return (combine(found, day) if len(found) > 1 else found[0].doc), whole

    def days(
        self, start: date | None = None, end: date | None = None, newest_first: bool = False
    ) -> Iterator[Day]:
        return self._read_days(self.day_files(start, end, newest_first))

    def entries(
        self, start: date | None = None, end: date | None = None, newest_first: bool = True
    ) -> Iterator[Entry]:
        """What was written (wins, strengths, feelings), by time; a day's feeling last."""
        for day in self.days(start, end, newest_first):
            items = sorted(day.wins + day.strengths, key=lambda e: e.at, reverse=newest_first)
            feeling = day.written[len(items) :]
            yield from (items + feeling) if newest_first else (feeling + items)

    def search(
        self,
        text: str = "",
        tags: list[str] | tuple[str, ...] = (),
        names: Mapping[str, str] | None = None,
    ) -> list[Entry]:
        """Everything whose words contain `text` (any case) and carry every tag, newest
        first (see core/journal/search.py)."""
        from zoomapp.core.journal.search import search

        return search(self, text, tags, names)

    def month(self, year: int, month: int) -> dict[int, int]:
        """Day of month -> number of wins, for each day this month with anything written
        (a day with only a strength, a feeling, a session or a school note: 0)."""
        import calendar

        start = date(year, month, 1)
        end = start.replace(day=calendar.monthrange(year, month)[1])
        return {d.day.day: len(d.wins) for d in self.days(start, end) if not d.is_empty}

    def strengths(self, limit: int = 50) -> list[str]:
        """The child's strengths the parent has written down, newest first, each once."""
        seen: list[str] = []
        files = self.day_files(newest_first=True)
        for day in self._read_days(files, lambda raw: b"strengths" in raw):
            for entry in reversed(day.strengths):
                if entry.text not in seen:
                    seen.append(entry.text)
                    if len(seen) >= limit:
                        return seen
        return seen

    def sessions(self) -> Iterator[SessionResult]:
        for day in self._read_days(self.day_files(), lambda raw: b"sessions" in raw):
            yield from day.sessions
