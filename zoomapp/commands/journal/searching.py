"""`zoomapp journal search TEXT [--tag T]`: entries, feelings and sessions that hold TEXT."""

from __future__ import annotations

import argparse
from datetime import date

from zoomapp.commands.journal import print_entries
from zoomapp.core.content.model import Content
from zoomapp.core.journal.store import Journal
from zoomapp.shell import UsageError


def arguments(actions: argparse._SubParsersAction, name: str) -> None:
    search = actions.add_parser(name, help="entries, feelings and sessions containing TEXT")
    search.add_argument("text", nargs="?", default="", help="words to look for (any case)")
    search.add_argument("--tag", action="append", default=[], metavar="T", help="only this tag")


def run(
    journal: Journal,
    content: Content,
    args: argparse.Namespace,
    start: date | None,
    end: date | None,
) -> int:
    if not args.text.strip() and not args.tag:
        raise UsageError(content.text("error_search_empty"))
    found = journal.search(args.text, args.tag, content.session_names())
    print_entries(found, content, content.text("search_none"))
    return 0
