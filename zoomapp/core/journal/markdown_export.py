"""The journal as Markdown: a summary, then the days, plain enough to print for a meeting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from zoomapp.core.content.model import Content
from zoomapp.core.journal.dates import span
from zoomapp.core.journal.day import Day
from zoomapp.core.journal.progress import helps_words, what_helps
from zoomapp.core.journal.selection import KINDS, only, school_part, summary_of, with_entries


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
    school = school_part(every, tuple(kinds), found.start, found.end, text)
    if school:
        lines += [f"## {text('export_school_title')}", "", *school, ""]
    helps = helps_words(what_helps(s for d in every for s in d.sessions), content)
    if helps:
        lines += [f"## {text('helps_title')}", ""]
        lines += [f"- {name}: {detail}" for name, detail, _ in helps]
        lines.append("")
    rated = False
    for day in with_entries(only(every, kinds)):
        lines += [f"## {content.day_heading(day.day)}", ""]
        if day.wins:
            lines += [f"**{text('export_wins')}**", ""]
            for entry in day.wins:
                extra = entry.tags_not_in_text
                tags = f" _({', '.join(extra)})_" if extra else ""
                when = f"{entry.at:%H:%M} " if entry.timed else ""
                lines.append(f"- {when}" + _indented(entry.text) + tags)
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
