"""Entries brought in from elsewhere (jrnl's JSON export): each day opened once, an entry
already there never added twice, and a day with nothing new never rewritten - so a
hundred thousand entries take a hundred times what a thousand do, and bringing in the
same file again writes nothing."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from zoomapp.core.journal.day import KINDS, moment

if TYPE_CHECKING:
    from zoomapp.core.journal.store import Journal

Item = tuple[str, datetime, str, tuple[str, ...]]  # kind, time, text, tags
Added = tuple[str, dict[str, Any]]  # kind, the entry as a day file holds it


def _key(entry: dict[str, Any], day: date) -> tuple[datetime, Any]:
    """What makes an entry the same one: its minute and its text."""
    return moment(entry.get("at"), day).replace(second=0, microsecond=0), entry.get("text")


class Unchanged(Exception):
    """Raised by a change to a day that found nothing to change: nothing is written."""


class Brought(NamedTuple):
    added: int  # entries that were new
    set_aside: list[Path]  # unreadable day files moved aside to make room (never lost)


def bring_in(
    journal: Journal, items: Iterable[Item], progress: Callable[[int, int], None] | None = None
) -> Brought:
    """Add the entries; says how many were new. One is already there when the same kind,
    minute and text are. `progress(days done, days)` is told after each day."""
    by_day: dict[date, list[Added]] = {}
    for kind, at, text, tags in items:
        item: dict[str, Any] = {"at": at.replace(second=0, microsecond=0), "text": text}
        if tags:
            item["tags"] = list(tags)
        by_day.setdefault(at.date(), []).append((kind, item))
    added = 0
    set_aside: list[Path] = []
    days = sorted(by_day.items())
    for done, (day, new) in enumerate(days, 1):

        def change(doc: dict[str, Any], new: list[Added] = new, day: date = day) -> None:
            nonlocal added
            there = {kind: {_key(old, day) for old in doc.get(kind, ())} for kind in KINDS}
            fresh = 0
            for kind, item in new:
                if _key(item, day) in there[kind]:
                    continue
                there[kind].add(_key(item, day))
                doc.setdefault(kind, []).append(item)
                fresh += 1
            if not fresh:
                raise Unchanged
            added += fresh
            for kind in KINDS:
                if kind in doc and not doc[kind]:
                    del doc[kind]

        saved = journal._change(day, change)
        if saved.set_aside_as is not None:
            set_aside.append(saved.set_aside_as)
        if progress is not None:
            progress(done, len(days))
    return Brought(added, set_aside)
