"""Journal exports: HTML and Markdown to take to a meeting, JSON with everything, jrnl's format.

HTML and Markdown open with a summary of the range - the progress sentences and what
helps - and the parent chooses which kinds of entry follow (`only`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from zoomapp.core.content.model import Content
from zoomapp.core.journal.dates import span
from zoomapp.core.journal.progress import Progress, helps_words, progress, summary
from zoomapp.core.journal.store import SESSIONS, STRENGTHS, WINS, Day, Entry, what_helps

FORMATS = ("html", "markdown", "json", "jrnl")
KINDS = (WINS, STRENGTHS, "feelings", SESSIONS)  # what --only can choose from


def only(days: Iterable[Day], kinds: Iterable[str]) -> Iterator[Day]:
    """The days with just the chosen kinds of entry in them (a day left empty is left out)."""
    keep = set(kinds)
    for day in days:
        chosen = Day(
            day.day,
            day.wins if WINS in keep else [],
            day.strengths if STRENGTHS in keep else [],
            day.feeling if "feelings" in keep else "",
            day.sessions if SESSIONS in keep else [],
        )
        if not chosen.is_empty:
            yield chosen


def summary_of(
    days: list[Day], content: Content, start: date | None, end: date | None
) -> tuple[Progress, list[str]]:
    """The progress and the sentences for the exported range (all of the journal if open)."""
    first = start or (days[0].day if days else date.today())
    last = end or (days[-1].day if days else first)
    found = progress(days, first, last)
    return found, summary(found, content.text)


def to_markdown(
    days: Iterable[Day],
    content: Content,
    start: date | None = None,
    end: date | None = None,
    kinds: Iterable[str] = KINDS,
) -> str:
    """A summary, then the days oldest first: plain enough to print and read in a meeting.

    The headings, dates and session names are in the content's language.
    """
    text = content.text
    every = list(days)
    found, sentences = summary_of(every, content, start, end)
    lines = [f"# {text('export_title')}", ""]
    lines += [
        span(found.start, found.end, text),
        "",
    ]
    lines += [f"## {text('export_summary_title')}", "", *sentences, ""]
    helps = helps_words(what_helps(s for d in every for s in d.sessions), content)
    if helps:
        lines += [f"## {text('helps_title')}", ""]
        lines += [f"- {name}: {detail}" for name, detail, _ in helps]
        lines.append("")
    rated = False
    for day in only(every, kinds):
        lines += [f"## {content.day_heading(day.day)}", ""]
        if day.wins:
            lines += [f"**{text('export_wins')}**", ""]
            for entry in day.wins:
                extra = entry.tags_not_in_text
                tags = f" _({', '.join(extra)})_" if extra else ""
                lines.append(f"- {entry.at:%H:%M} " + _indented(entry.text) + tags)
            lines.append("")
        if day.strengths:
            lines += [f"**{text('export_strengths')}**", ""]
            lines += [f"- {_indented(entry.text)}" for entry in day.strengths]
            lines.append("")
        if day.feeling:
            lines += [f"**{text('export_feeling')}:** " + _indented(day.feeling, "  "), ""]
        if day.sessions:
            rated = rated or any(s.rating_after is not None for s in day.sessions)
            lines += [f"**{text('journal_sessions')}**", ""]
            lines += [f"- {content.session_line(s)}" for s in day.sessions]
            lines.append("")
    if rated:
        lines += [f"_{text('export_scale')}_", ""]
    return "\n".join(lines).rstrip() + "\n"


def _indented(text: str, indent: str = "  ") -> str:
    """Later lines of a several-line entry, indented to stay in their list item."""
    return ("\n" + indent).join(text.split("\n")).replace(indent + "\n", "\n")


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


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {"at": entry.at.isoformat(), "text": entry.text, "tags": list(entry.tags)}


def to_jrnl(days: Iterable[Day]) -> str:
    """jrnl's plain-text format, one entry per win or strength, so `jrnl --import` reads it."""
    blocks = []
    for day in days:
        entries = sorted(day.wins + day.strengths, key=lambda e: e.at)
        for entry in entries:
            stamp = entry.at.strftime("%Y-%m-%d %I:%M:%S %p")
            tags = [*entry.tags]
            if entry.kind == STRENGTHS and "strength" not in tags:
                tags.append("strength")
            words = entry.text
            missing = [f"@{t}" for t in tags if f"#{t}" not in words.lower()]
            text = " ".join([words.replace("#", "@"), *missing]).strip()
            blocks.append(f"[{stamp}] {text}")
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def export(
    fmt: str,
    days: Iterable[Day],
    content: Content,
    start: date | None = None,
    end: date | None = None,
    kinds: Iterable[str] = KINDS,
) -> str:
    """The days in one of FORMATS, holding only the chosen kinds of entry."""
    kinds = tuple(kinds)
    if fmt == "html":
        from zoomapp.core.journal.html_export import to_html

        return to_html(days, content, start, end, kinds)
    if fmt == "markdown":
        return to_markdown(days, content, start, end, kinds)
    return {"json": to_json, "jrnl": to_jrnl}[fmt](only(days, kinds))
