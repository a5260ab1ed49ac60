"""Journal exports: Markdown to print for a therapist, JSON with everything, jrnl's text format."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from zoomapp.core.journal import Day

FORMATS = ("markdown", "json", "jrnl")


def _when(started_seconds: int) -> str:
    minutes, seconds = divmod(started_seconds, 60)
    return f"{minutes} min {seconds:02d} s" if minutes else f"{seconds} s"


def to_markdown(days: Iterable[Day], title: str = "Journal of small wins") -> str:
    """Grouped by day, newest last, plain enough to print and read aloud in a meeting."""
    lines = [f"# {title}", ""]
    count_days = count_wins = 0
    body: list[str] = []
    for day in days:
        if day.is_empty:
            continue
        count_days += 1
        count_wins += len(day.wins)
        body += [f"## {day.day.strftime('%A')} {day.day.day} {day.day.strftime('%B %Y')}", ""]
        if day.wins:
            body.append("**Small wins**")
            body.append("")
            for entry in day.wins:
                extra = entry.tags_not_in_text
                tags = f" _({', '.join(extra)})_" if extra else ""
                body.append(f"- {entry.at.strftime('%H:%M')} {entry.text}{tags}")
            body.append("")
        if day.strengths:
            body.append("**Strengths noticed**")
            body.append("")
            body += [f"- {entry.text}" for entry in day.strengths]
            body.append("")
        if day.feeling:
            body += [f"**How I felt:** {day.feeling}", ""]
        if day.sessions:
            body.append("**Calming sessions**")
            body.append("")
            for s in day.sessions:
                ratings = ""
                if s.rating_before is not None and s.rating_after is not None:
                    ratings = f", tension {s.rating_before} → {s.rating_after} (0-9)"
                early = ", ended early" if s.ended_early else ""
                body.append(
                    f"- {s.started.strftime('%H:%M')} {s.item_id}, {_when(s.seconds)}"
                    f"{early}{ratings}"
                )
            body.append("")
    lines += [f"{count_days} days, {count_wins} small wins.", ""] + body
    return "\n".join(lines).rstrip() + "\n"


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
                    }
                    for s in day.sessions
                ],
            }
        )
    return json.dumps({"format": 1, "days": out}, ensure_ascii=False, indent=2) + "\n"


def _entry_json(entry) -> dict:  # type: ignore[no-untyped-def]
    return {"at": entry.at.isoformat(), "text": entry.text, "tags": list(entry.tags)}


def to_jrnl(days: Iterable[Day]) -> str:
    """jrnl's plain-text format, one entry per win or strength, so `jrnl --import` reads it."""
    blocks = []
    for day in days:
        entries = sorted(day.wins + day.strengths, key=lambda e: e.at)
        for entry in entries:
            stamp = entry.at.strftime("%Y-%m-%d %I:%M:%S %p")
            tags = [*entry.tags]
            if entry.kind == "strengths" and "strength" not in tags:
                tags.append("strength")
            words = entry.text
            missing = [f"@{t}" for t in tags if f"#{t}" not in words.lower()]
            text = " ".join([words.replace("#", "@"), *missing]).strip()
            blocks.append(f"[{stamp}] {text}")
    return "\n\n".join(blocks) + ("\n" if blocks else "")


EXPORTERS: dict[str, Callable[[Iterable[Day]], str]] = {
    "markdown": to_markdown,
    "json": to_json,
    "jrnl": to_jrnl,
}
