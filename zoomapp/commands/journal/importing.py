"""`zoomapp journal import FILE`: entries from jrnl's JSON export become wins.

jrnl writes {"entries": [{"date": "2024-03-05", "time": "08:10", "title": ..., "body": ...,
"tags": ["@school"]}, ...]} (`jrnl --export json -o FILE`). Each entry becomes a win with
its tags and time; one tagged `strength` (as zoomapp's own jrnl export marks them) becomes
a strength again. An entry already in the journal is never added twice or changed; one
that cannot be kept (no words, too long, a date that cannot be read or is still to come,
a tag that is not one short word) is left out and counted by why.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from zoomapp.core.content.model import Content
from zoomapp.core.errors import EntryError
from zoomapp.core.files import NotAFile, plain_reason, read_file
from zoomapp.core.journal.bring_in import Item, bring_in
from zoomapp.core.journal.dates import EARLIEST
from zoomapp.core.journal.day import MAX_TEXT, STRENGTHS, WINS, clean_tags, clean_text
from zoomapp.core.journal.store import Journal
from zoomapp.shell import EXIT_FAILED, UsageError, say, warn

MAX_FILE = 200_000_000  # decades of daily entries are a few tens of megabytes
WHY = ("entry", "empty", "long", "date", "future")  # why an entry was left out: import_why_*


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
        data = json.loads(raw.decode("utf-8-sig"))  # a byte-order mark, as some editors save
        entries = data["entries"]
        if not isinstance(entries, list):
            raise TypeError
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError):
        raise UsageError(text("import_not_jrnl", file=source)) from None
    today = journal.now().date()
    items, left_out, untagged = [], Counter[str](), 0
    for entry in entries:
        found = _entry(entry, today)
        if isinstance(found, str):
            left_out[found] += 1
        else:
            items.append(found[0])
            untagged += found[1]
    brought = bring_in(journal, items, _progress(text))
    added = brought.added
    say(text("import_done", added=added, already=len(items) - added, file=source))
    for moved in brought.set_aside:  # an unreadable day file, moved aside: never lost
        warn(text("cli_set_aside", file=moved.name.split(".")[0] + ".toml", moved=moved))
    if untagged:
        warn(text("import_tags_dropped", count=untagged))
    if left_out:
        why = [text(f"import_why_{w}", count=n, limit=MAX_TEXT) for w, n in left_out.items()]
        warn(text("import_unusable", reasons="; ".join(why)))
    return EXIT_FAILED if left_out and not items else 0


def _progress(text: Callable[..., str]) -> Callable[[int, int], None] | None:
    """On a terminal, 'Bringing in: day 1,200 of 9,000' in place, a few times a second."""
    if not sys.stderr.isatty():
        return None
    shown = [0.0]

    def told(done: int, days: int) -> None:
        now = time.monotonic()
        if done == days:
            sys.stderr.write("\r\033[K")
        elif now - shown[0] >= 0.2:
            shown[0] = now
            sys.stderr.write("\r" + text("import_progress", done=done, days=days))
        sys.stderr.flush()

    return told


def _entry(entry: object, today: date) -> tuple[Item, bool] | str:
    """(kind, time, text, tags) from one of jrnl's entries, and whether a tag that cannot
    be one was left out (its words stay in the text); or why it cannot be one (WHY)."""
    if not isinstance(entry, dict):
        return "entry"
    title, body = entry.get("title", ""), entry.get("body", "")
    if not isinstance(title, str) or not isinstance(body, str):
        return "entry"
    try:
        at = datetime.fromisoformat(f"{entry.get('date')}T{entry.get('time') or '09:00'}")
    except ValueError:
        return "date"
    if at.date() < EARLIEST:
        return "date"
    if at.date() > today:  # `win --date` refuses the future too
        return "future"
    words = "\n".join(part for part in (title.strip(), body.strip()) if part)
    raw_tags = entry.get("tags", [])
    if not isinstance(raw_tags, list) or not all(isinstance(t, str) for t in raw_tags):
        raw_tags = []
    tags, dropped = _tags(raw_tags)
    kind = WINS
    if "strength" in tags:  # zoomapp's own jrnl export marks a strength so
        kind, tags = STRENGTHS, tuple(t for t in tags if t != "strength")
        words = re.sub(r"\s*@strength\b", "", words, flags=re.IGNORECASE)
    for tag in tags:  # jrnl's @school is zoomapp's #school
        words = re.sub(rf"@({re.escape(tag)})\b", r"#\1", words, flags=re.IGNORECASE)
    try:
        words = clean_text(words)
    except EntryError as exc:
        return "long" if exc.key == "error_text_long" else "empty"
    return (kind, at.replace(tzinfo=None), words, tags), dropped


def _tags(raw: list[str]) -> tuple[tuple[str, ...], bool]:
    """jrnl's tags that can be zoomapp's (one short word each), and whether any could not."""
    kept: list[str] = []
    dropped = False
    for tag in raw:
        try:
            kept += clean_tags([tag.lstrip("@#")])
        except EntryError:
            dropped = True
    return tuple(dict.fromkeys(kept)), dropped
