"""`zoomapp journal import FILE`: entries from jrnl's JSON export become wins.

jrnl writes {"entries": [{"date": "2024-03-05", "time": "08:10", "title": ..., "body": ...,
"tags": ["@school"]}, ...]} (`jrnl --export json -o FILE`). Each entry becomes a win with
its tags and time; one tagged `strength` (as zoomapp's own jrnl export marks them) becomes
a strength again. An entry already in the journal is never added twice or changed.
"""

from __future__ import annotations

import argparse
import json
import re
from datetime import date, datetime
from pathlib import Path

from zoomapp.core.content.model import Content
from zoomapp.core.errors import EntryError
from zoomapp.core.files import NotAFile, plain_reason, read_file
from zoomapp.core.journal.dates import EARLIEST
from zoomapp.core.journal.day import STRENGTHS, WINS, clean_tags, clean_text
from zoomapp.core.journal.store import Journal
from zoomapp.shell import EXIT_FAILED, UsageError, say, warn

MAX_FILE = 200_000_000  # decades of daily entries are a few tens of megabytes


def arguments(actions: argparse._SubParsersAction, name: str) -> None:
    importing = actions.add_parser(name, help="bring in entries from jrnl's JSON export")
    importing.add_argument("file", metavar="FILE", help="made with: jrnl --export json -o FILE")


def run(
    journal: Journal,
    content: Content,
    args: argparse.Namespace,
    start: date | None = None,
    end: date | None = None,
) -> int:
    text = content.text
    source = Path(args.file).expanduser()
    try:
        raw = read_file(source, MAX_FILE)
    except (NotAFile, OSError) as exc:
        reason = str(exc) if isinstance(exc, NotAFile) else plain_reason(exc)
        raise UsageError(text("import_unreadable", file=source, reason=reason)) from None
    try:
        data = json.loads(raw.decode("utf-8"))
        entries = data["entries"]
        if not isinstance(entries, list):
            raise TypeError
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        raise UsageError(text("import_not_jrnl", file=source)) from None
    items, unusable = [], 0
    for entry in entries:
        found = _entry(entry)
        if found is None:
            unusable += 1
        else:
            items.append(found)
    added = journal.add_many(items)
    say(text("import_done", added=added, already=len(items) - added, file=source))
    if unusable:
        warn(text("import_unusable", count=unusable))
    return EXIT_FAILED if unusable and not items else 0


def _entry(entry: object) -> tuple[str, datetime, str, tuple[str, ...]] | None:
    """(kind, time, text, tags) from one of jrnl's entries, or None if it cannot be one."""
    if not isinstance(entry, dict):
        return None
    title, body = entry.get("title", ""), entry.get("body", "")
    if not isinstance(title, str) or not isinstance(body, str):
        return None
    try:
        at = datetime.fromisoformat(f"{entry.get('date')}T{entry.get('time') or '09:00'}")
        if at.date() < EARLIEST:
            return None
        words = "\n".join(part for part in (title.strip(), body.strip()) if part)
        raw_tags = entry.get("tags", [])
        if not isinstance(raw_tags, list) or not all(isinstance(t, str) for t in raw_tags):
            raw_tags = []
        tags = clean_tags([t.lstrip("@#") for t in raw_tags])
    except (ValueError, EntryError):
        return None
    kind = WINS
    if "strength" in tags:  # zoomapp's own jrnl export marks a strength so
        kind, tags = STRENGTHS, tuple(t for t in tags if t != "strength")
        words = re.sub(r"\s*@strength\b", "", words, flags=re.IGNORECASE)
    for tag in tags:  # jrnl's @school is zoomapp's #school
        words = re.sub(rf"@({re.escape(tag)})\b", r"#\1", words, flags=re.IGNORECASE)
    try:
        words = clean_text(words)
    except EntryError:
        return None
    return kind, at.replace(tzinfo=None), words, tags
