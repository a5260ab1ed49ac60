"""The journal as data: JSON with everything (lossless), and jrnl's plain-text format."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from zoomapp.core.journal.day import STRENGTHS, WINS, Day, Entry


def to_json(days: Iterable[Day]) -> str:
    """Everything in the journal, with ISO dates and times: lossless."""
    out = []
    for day in days:
        out.append(
            {
                "date": day.day.isoformat(),
                "feeling": day.feeling,
                "wins": [_entry_json(e) for e in day.wins],
                "strengths": [_entry_json(e) for e in day.strengths],
                "sessions": [
                    {
                        "kind": s.kind,
                        "id": s.item_id,
                        "started": s.started.isoformat(),
                        "seconds": s.seconds,
                        "ended_early": s.ended_early,
                        "rating_before": s.rating_before,
                        "rating_after": s.rating_after,
                        "rating_scale": s.scale,
                    }
                    for s in day.sessions
                ],
                "school": [{"kind": kind, **_plain(item)} for kind, item in day.school],
            }
        )
    return json.dumps({"format": 1, "days": out}, ensure_ascii=False, indent=2) + "\n"


def _plain(item: dict[str, Any]) -> dict[str, Any]:
    """A note of the way back to school as JSON holds it: dates and times in ISO form."""
    return {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in item.items()}


def _entry_json(entry: Entry) -> dict[str, Any]:
    at = entry.at.isoformat() if entry.timed else entry.day.isoformat()  # no time invented
    return {"at": at, "text": entry.text, "tags": list(entry.tags)}


def to_jrnl(days: Iterable[Day]) -> str:
    """jrnl's plain-text format, so `jrnl --import` reads it: one entry per win or
    strength, and per note of the way back to school in the parent's own words (tagged
    @step, @plan or @evening)."""
    from zoomapp.core.school.day_notes import first_written, searchable

    every: list[Entry] = []
    for day in days:
        every += day.wins + day.strengths + (searchable(day) if day.school else [])
    blocks = []
    for entry in sorted(first_written(every), key=lambda e: (e.day, e.at)):
        stamp = entry.at.strftime("%Y-%m-%d %I:%M:%S %p")
        tags = [*entry.tags]
        if entry.kind == STRENGTHS and "strength" not in tags:
            tags.append("strength")
        elif entry.kind not in (WINS, STRENGTHS):
            tags.append(entry.kind)
        words = entry.text
        missing = [f"@{t}" for t in tags if f"#{t}" not in words.lower()]
        text = " ".join([words.replace("#", "@"), *missing]).strip()
        blocks.append(f"[{stamp}] {text}")
    return "\n\n".join(blocks) + ("\n" if blocks else "")
