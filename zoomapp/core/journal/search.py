"""Searching the journal: every entry whose words hold the text and carry every tag.

Each day's text is checked first, so only the days that can match are parsed; what each
day holds is kept in an index (search_index.py), so a search reads one file, not thousands.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from zoomapp.core.journal.day import Entry, clean_tags

if TYPE_CHECKING:
    from zoomapp.core.journal.store import Journal


def search(
    journal: Journal,
    text: str = "",
    tags: list[str] | tuple[str, ...] = (),
    names: Mapping[str, str] | None = None,
) -> list[Entry]:
    """Everything whose words contain `text` (any case) and carry every tag, newest first.

    Wins, strengths and feelings are matched on their text; a session on its name
    (`names`: id -> the name the content gives it); the way back to school on the
    parent's own words in it (core/school/day_notes.py). Each file's raw bytes are checked
    first, so only files that can match are parsed.
    """
    needle = text.casefold()
    wanted = clean_tags(tags)
    names = names or {}
    sessions = {i for i, name in names.items() if needle and needle in name.casefold()}
    word = needle.encode("utf-8") if needle.isascii() else b""
    ids = [f'"{i}"'.encode() for i in sessions if i.isascii()]
    quoted = [(f'"{t}"'.encode(), f"'{t}'".encode()) for t in wanted if t.isascii()]
    every_session = len(ids) != len(sessions)

    def could_match(raw: bytes) -> bool:
        # Cheap tests every match passes: the word somewhere (any case) or the id of a
        # session it names; and each tag as a quoted string unless the file uses escapes.
        named = every_session or any(i in raw for i in ids)
        if word and word not in raw.lower() and not named:
            return False
        return not quoted or b"\\" in raw or all(d in raw or s in raw for d, s in quoted)

    def matches(entry: Entry) -> bool:
        if wanted and not all(tag in entry.tags for tag in wanted):
            return False
        if entry.session is not None:
            return not wanted and entry.session.item_id in sessions
        return needle in entry.text.casefold()

    from zoomapp.core.journal.search_index import SearchIndex
    from zoomapp.core.school.day_notes import first_written, searchable

    found = []
    index = SearchIndex(journal)
    for parsed in index.days(journal.day_files(newest_first=True), could_match):
        chosen = [e for e in (parsed.everything if sessions else parsed.written) if matches(e)]
        if parsed.school and not wanted:  # the way back to school: the parent's words
            chosen += [e for e in searchable(parsed) if matches(e)]
        if len(chosen) > 1:
            chosen.sort(key=lambda e: e.at, reverse=True)
        found += chosen
    index.save()
    return first_written(found)
