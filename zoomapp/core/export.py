"""Journal exports: Markdown to print for a therapist, JSON with everything, jrnl's text format."""

from __future__ import annotations

import json
from collections.abc import Iterable

from zoomapp.core.content import Content
from zoomapp.core.journal import Day

FORMATS = ("markdown", "json", "jrnl")


def to_markdown(days: Iterable[Day], content: Content) -> str:
    """Grouped by day, oldest first, plain enough to print and read aloud in a meeting.

    The headings, dates and session names are in the content's language.
    """
    text = content.text
    count_days = count_wins = 0
    rated = False
    body: list[str] = []
    for day in days:
        if day.is_empty:
            continue
        count_days += 1
        count_wins += len(day.wins)
        body += [f"## {content.day_heading(day.day)}", ""]
        if day.wins:
            body += [f"**{text('export_wins')}**", ""]
            for entry in day.wins:
                extra = entry.tags_not_in_text
                tags = f" _({', '.join(extra)})_" if extra else ""
                body.append(f"- {entry.at:%H:%M} {entry.text}{tags}")
            body.append("")
        if day.strengths:
            body += [f"**{text('export_strengths')}**", ""]
            body += [f"- {entry.text}" for entry in day.strengths]
            body.append("")
        if day.feeling:
            body += [f"**{text('export_feeling')}:** {day.feeling}", ""]
        if day.sessions:
            rated = rated or any(s.rating_after is not None for s in day.sessions)
            body += [f"**{text('journal_sessions')}**", ""]
            body += [f"- {content.session_line(s)}" for s in day.sessions]
            body.append("")
    summary = text("export_summary", days=count_days, wins=count_wins)
    if rated:
        summary += f" {text('export_scale')}"
    lines = [f"# {text('export_title')}", "", summary, "", *body]
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
                        "rating_scale": s.scale,
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


def export(fmt: str, days: Iterable[Day], content: Content) -> str:
    """The days in one of FORMATS; only Markdown has words of its own to translate."""
    if fmt == "markdown":
        return to_markdown(days, content)
    return {"json": to_json, "jrnl": to_jrnl}[fmt](days)
