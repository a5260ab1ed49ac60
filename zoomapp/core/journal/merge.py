"""One day from the several files that may hold it, with nothing lost and nothing doubled.

A day can be in more than one file: a locked journal adds each entry as a sealed part of
its own, and a sync tool that saw two devices change the same day keeps a conflict copy.
Read together, every win and strength (and each note of the way back to school) is kept
once (the same words at the same time are the same entry); a session saved twice (as it
ended, then with its after-rating) is one session with everything either file knew; the
day's feeling keeps every paragraph once.
So an entry edited on one device and deleted on the other survives, as its edit.
"""

from __future__ import annotations

from typing import Any

from zoomapp.core.journal.day import FEELING, KINDS, SCHOOL_KINDS, SESSIONS

# Kept in a sealed part only: when it was written, and which parts it took the place of.
WRITTEN, REPLACES = "written", "replaces"


def _same(item: Any) -> str:
    return repr(sorted(item.items())) if isinstance(item, dict) else repr(item)


def _session_key(item: Any) -> tuple[Any, ...] | str:
    if isinstance(item, dict):
        return (item.get("kind"), item.get("id"), item.get("started"))
    return repr(item)


def merge(docs: list[dict[str, Any]]) -> dict[str, Any]:
    """The day all of `docs` hold, in their order (an older file first)."""
    if len(docs) == 1 and not (set(docs[0]) & {WRITTEN, REPLACES}):
        return docs[0]
    merged: dict[str, Any] = {}
    paragraphs: list[str] = []
    sessions: dict[Any, dict[str, Any]] = {}
    for doc in docs:
        for key, value in doc.items():
            if key in KINDS or key in SCHOOL_KINDS:
                there = merged.setdefault(key, [])
                seen = {_same(item) for item in there}
                there.extend(item for item in value if _same(item) not in seen)
            elif key == SESSIONS:
                for item in value:
                    found = sessions.get(_session_key(item))
                    if isinstance(found, dict) and isinstance(item, dict):
                        found.update(item)
                    else:
                        sessions[_session_key(item)] = (
                            dict(item) if isinstance(item, dict) else item
                        )
            elif key == FEELING and isinstance(value, str):
                paragraphs += [p for p in value.split("\n\n") if p.strip() and p not in paragraphs]
            elif key not in (WRITTEN, REPLACES):
                merged.setdefault(key, value)
    if paragraphs:
        merged[FEELING] = "\n\n".join(paragraphs)
    if sessions:
        merged[SESSIONS] = list(sessions.values())
    return {k: v for k, v in merged.items() if v != []}
