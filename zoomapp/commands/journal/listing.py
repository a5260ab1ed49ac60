"""`zoomapp journal list`: recent entries, newest first."""

from __future__ import annotations

import argparse
from datetime import date

from zoomapp.commands import values
from zoomapp.commands.journal import date_range, print_entries
from zoomapp.core.content.model import Content
from zoomapp.core.journal.store import Journal


def arguments(actions: argparse._SubParsersAction, name: str) -> None:
    listing = actions.add_parser(name, help="recent entries, newest first")
    date_range(listing)
    listing.add_argument(
        "-n", type=values.count, default=20, metavar="N", help="how many (default 20)"
    )


def run(
    journal: Journal,
    content: Content,
    args: argparse.Namespace,
    start: date | None,
    end: date | None,
) -> int:
    entries = journal.entries(start, end)
    shown = [entry for _, entry in zip(range(args.n), entries, strict=False)]
    print_entries(shown, content, content.text("cli_no_entries"))
    return 0
