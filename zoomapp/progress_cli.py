"""`zoomapp journal progress`: the weeks as Unicode bars and a few plain sentences."""

from __future__ import annotations

import argparse
import shutil
from datetime import date

from zoomapp.core.content.model import Content
from zoomapp.core.journal.dates import span
from zoomapp.core.journal.progress import (
    chart_rows,
    chart_text,
    choose_range,
    read_progress,
    summary,
)
from zoomapp.core.journal.store import Journal
from zoomapp.shell import say


def run_progress(
    journal: Journal,
    content: Content,
    args: argparse.Namespace,
    start: date | None,
    end: date | None,
) -> None:
    text = content.text
    first, last = choose_range(journal.now().date(), start, end, args.weeks)
    found = read_progress(journal, first, last)
    width = min(shutil.get_terminal_size((100, 24)).columns, 160)
    say(span(first, last, text))
    say()
    for line in chart_text(chart_rows(found, text, width), width):
        say(line)
    say()
    for sentence in summary(found, text):
        say(sentence)
