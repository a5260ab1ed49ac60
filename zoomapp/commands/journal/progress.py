"""`zoomapp journal progress`: the weeks as Unicode bars and a few plain sentences."""

from __future__ import annotations

import argparse
import shutil
from datetime import date

from zoomapp.commands import values
from zoomapp.commands.journal import date_range
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


def arguments(actions: argparse._SubParsersAction, name: str) -> None:
    progress = actions.add_parser(name, help="the last 12 weeks as a picture")
    date_range(progress)
    progress.add_argument(
        "--weeks", type=values.weeks, metavar="N", help="how many weeks (default 12)"
    )


def run(
    journal: Journal,
    content: Content,
    args: argparse.Namespace,
    start: date | None,
    end: date | None,
) -> int:
    text = content.text
    first, last = choose_range(journal.now().date(), start, end, args.weeks)
    found = read_progress(journal, first, last)
    width = min(shutil.get_terminal_size((100, 24)).columns, 160)
    from zoomapp.core.school.plan import plan_of
    from zoomapp.core.school.weeks import school_lines, school_rows

    plan = plan_of(journal)
    more = school_rows(plan, [w.start for w in found.weeks], text)
    say(span(first, last, text))
    say()
    for line in chart_text(chart_rows(found, text, width, more), width):
        say(line)
    say()
    for sentence in summary(found, text) + school_lines(plan, first, last, text):
        say(sentence)
    return 0
