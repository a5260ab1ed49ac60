"""The journal as one printable HTML page, to take to a therapist or a school meeting.

Self-contained: the styles are inline, the chart is inline SVG, and there are no scripts,
fonts, images or links to anywhere else, so it opens and prints the same on any machine,
offline, and tells no one it was opened. Pages are sized by the printer (A4 or Letter).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from html import escape

from zoomapp.core.content.model import Content
from zoomapp.core.journal.dates import Text, span, written_date
from zoomapp.core.journal.day import Day
from zoomapp.core.journal.progress import Progress, Week, helps_words, what_helps
from zoomapp.core.journal.selection import (
    STRENGTHS,
    only,
    school_part,
    summary_of,
    with_entries,
)

STYLE = """
:root { color-scheme: light; }
body { font: 11pt/1.5 Georgia, "Times New Roman", serif; color: #1a1a1a; background: #fff;
       max-width: 44em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin: 0 0 .2em; }
h2 { font-size: 1.2em; margin: 1.6em 0 .4em; border-bottom: 1px solid #bbb; }
h3 { font-size: 1em; margin: 1.2em 0 .2em; }
p.range { color: #444; margin-top: 0; }
ul { margin: .2em 0 .6em; padding-left: 1.4em; }
li { white-space: pre-line; }
.time, .tags, .note { color: #555; }
figure { margin: 1em 0; }
figcaption { font-size: .9em; color: #444; }
svg { width: 100%; height: auto; }
section.day { break-inside: avoid; page-break-inside: avoid; }
p.write { margin: 1.2em 0; }
section#school { break-inside: avoid; page-break-inside: avoid; }
h2, h3 { break-after: avoid; page-break-after: avoid; }
@page { margin: 16mm 15mm; }
@media print { body { margin: 0; max-width: none; padding: 0; } }
"""


def to_html(
    days: Iterable[Day],
    content: Content,
    start: date | None,
    end: date | None,
    kinds: tuple[str, ...],
) -> str:
    text = content.text
    every = list(days)
    found, sentences = summary_of(every, content, start, end)
    weeks = span(found.start, found.end, text)
    title = text("export_title")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(content.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)} - {escape(weeks)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="range">{escape(weeks)}</p>',
        '<section id="summary">',
        f"<h2>{escape(text('export_summary_title'))}</h2>",
        *(f"<p>{escape(sentence)}</p>" for sentence in sentences),
        chart_svg(found, content),
        "</section>",
        *_for_the_meeting(every, kinds, found, content),
    ]
    helps = helps_words(what_helps(s for d in every for s in d.sessions), content)
    if helps:
        parts += ['<section id="helps">', f"<h2>{escape(text('helps_title'))}</h2>", "<ul>"]
        parts += [f"<li><strong>{escape(n)}</strong>: {escape(d)}</li>" for n, d, _ in helps]
        parts += ["</ul>", "</section>"]
    chosen = with_entries(only(every, kinds))
    if chosen:
        parts += ['<section id="entries">', f"<h2>{escape(text('export_entries'))}</h2>"]
        parts += [_day(day, content) for day in chosen]
        if any(s.rating_after is not None for d in chosen for s in d.sessions):
            parts.append(f'<p class="note">{escape(text("export_scale"))}</p>')
        parts.append("</section>")
    parts += ["</body>", "</html>"]
    return "\n".join(parts) + "\n"


def _for_the_meeting(
    every: list[Day], kinds: tuple[str, ...], found: Progress, content: Content
) -> list[str]:
    """The way back to school, the strengths seen in the child, and room to write what the
    meeting agrees - on the first page, when the school part is chosen."""
    text = content.text
    lines = school_part(every, kinds, found.start, found.end, text)
    if not lines:
        return []
    parts = ['<section id="school">', f"<h2>{escape(text('export_school_title'))}</h2>"]
    parts += [f"<p>{escape(line)}</p>" for line in lines]
    if STRENGTHS in kinds:
        seen = list(dict.fromkeys(e.text for d in every for e in d.strengths))
        if seen:
            parts.append(f"<p><strong>{escape(text('export_strengths_seen'))}</strong></p>")
            parts += ['<ul class="strengths-seen">', *(f"<li>{escape(t)}</li>" for t in seen)]
            parts.append("</ul>")
    for key in ("export_agreed", "export_review"):
        parts.append(f'<p class="write">{escape(text(key))} {"_" * 40}</p>')
    parts.append("</section>")
    return parts


def _day(day: Day, content: Content) -> str:
    text = content.text
    wins = []
    for entry in day.wins:
        tags = ", ".join(entry.tags_not_in_text)
        shown = f' <span class="tags">({escape(tags)})</span>' if tags else ""
        when = f'<span class="time">{entry.at:%H:%M}</span> ' if entry.timed else ""
        wins.append(f"{when}{escape(entry.text)}{shown}")
    lists = (
        ("export_wins", "wins", wins),
        ("export_strengths", "strengths", [escape(e.text) for e in day.strengths]),
        ("export_feeling", "feelings", [escape(day.feeling)] if day.feeling else []),
        ("journal_sessions", "sessions", [escape(content.session_line(s)) for s in day.sessions]),
    )
    out = ['<section class="day">', f"<h3>{escape(content.day_heading(day.day))}</h3>"]
    for title, kind, items in lists:
        if items:
            out.append(f"<p><strong>{escape(text(title))}</strong></p>")
            out += [f'<ul class="{kind}">', *(f"<li>{item}</li>" for item in items), "</ul>"]
    out.append("</section>")
    return "\n".join(out)


def chart_svg(found: Progress, content: Content) -> str:
    """Wins per week as bars, and tension before and after as two lines (0-10, right)."""
    text = content.text
    weeks = found.weeks
    width, height = 640, 220
    left, right, top, bottom = 34, 34, 14, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(weeks))
    most = max([w.wins for w in weeks] + [1])
    bar_w = min(step * 0.7, 40)
    parts = [
        f'<figure><svg viewBox="0 0 {width} {height}"'
        f' role="img" aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(text("progress_chart_title"))}</title>',
        f'<desc id="chart-desc">{escape(_described(found, content))}</desc>',
        f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}"'
        ' stroke="#888" stroke-width="1"/>',
        f'<text x="{left - 6}" y="{top + 8}" font-size="10" text-anchor="end"'
        f' fill="#333">{most}</text>',
        f'<text x="{left - 6}" y="{top + plot_h}" font-size="10" text-anchor="end"'
        ' fill="#333">0</text>',
        f'<text x="{left + plot_w + 6}" y="{top + 8}" font-size="10" fill="#333">10</text>',
        f'<text x="{left + plot_w + 6}" y="{top + plot_h}" font-size="10" fill="#333">0</text>',
    ]
    label_every = max(1, round(len(weeks) / 12))
    for index, week in enumerate(weeks):
        x = left + index * step
        bar = plot_h * week.wins / most
        if week.wins:
            parts.append(
                f'<rect x="{x + (step - bar_w) / 2:.1f}" y="{top + plot_h - bar:.1f}"'
                f' width="{bar_w:.1f}" height="{bar:.1f}" fill="#7fa7b5">'
                f"<title>{escape(written_date(week.start, text))}: {week.wins}</title></rect>"
            )
        if index % label_every == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - bottom + 14}" font-size="9"'
                f' text-anchor="middle" fill="#333">{week.start.day}/{week.start.month}</text>'
            )
    parts += _tension_lines(weeks, left, top, plot_h, step)
    parts += _legend(left, height - 8, text)
    parts += [
        "</svg>",
        f"<figcaption>{escape(text('progress_chart_caption'))}</figcaption></figure>",
    ]
    return "\n".join(parts)


def _tension_lines(
    weeks: list[Week], left: float, top: float, plot_h: float, step: float
) -> list[str]:
    """Tension before (dashed) and after, 0-10: a line through the weeks rated, and a dot
    for each, so a single rated week still shows."""
    parts = []
    for attribute, colour, dash in (
        ("before", "#b5562b", ' stroke-dasharray="5 3"'),
        ("after", "#2b5fb5", ""),
    ):
        points = [
            f"{left + (i + 0.5) * step:.1f},{top + plot_h * (1 - value / 10):.1f}"
            for i, w in enumerate(weeks)
            if (value := getattr(w, attribute)) is not None
        ]
        if points:
            parts.append(
                f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}"'
                f' stroke-width="2"{dash}/>'
            )
            for point in points:  # a dot for each week, so one rated week still shows
                cx, cy = point.split(",")
                parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{colour}"/>')
    return parts


def _legend(left: int, legend_y: int, text: Text) -> list[str]:
    """What the bars and the two lines are, under the chart."""
    return [
        f'<rect x="{left}" y="{legend_y - 9}" width="10" height="10" fill="#7fa7b5"/>',
        f'<text x="{left + 14}" y="{legend_y}" font-size="10" fill="#333">'
        f"{escape(text('progress_row_wins'))}</text>",
        f'<line x1="{left + 170}" y1="{legend_y - 4}" x2="{left + 190}" y2="{legend_y - 4}"'
        ' stroke="#b5562b" stroke-width="2" stroke-dasharray="5 3"/>',
        f'<text x="{left + 194}" y="{legend_y}" font-size="10" fill="#333">'
        f"{escape(text('progress_row_before'))}</text>",
        f'<line x1="{left + 340}" y1="{legend_y - 4}" x2="{left + 360}" y2="{legend_y - 4}"'
        ' stroke="#2b5fb5" stroke-width="2"/>',
        f'<text x="{left + 364}" y="{legend_y}" font-size="10" fill="#333">'
        f"{escape(text('progress_row_after'))}</text>",
    ]


def _described(found: Progress, content: Content) -> str:
    """The chart's figures in words, for a screen reader."""
    text = content.text
    said = []
    for week in found.weeks:
        line = f"{written_date(week.start, text)}: {text('progress_row_wins')} {week.wins}"
        if week.before is not None and week.after is not None:
            line += f", {text('progress_row_before')} {week.before:.0f}"
            line += f", {text('progress_row_after')} {week.after:.0f}"
        said.append(line)
    return "; ".join(said)
