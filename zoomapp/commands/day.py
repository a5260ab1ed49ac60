"""`zoomapp day full|part|none|off`: how the school day went, in a few seconds. Adding
only, so a locked journal never asks for its passphrase here."""

from __future__ import annotations

import argparse
from datetime import date

from zoomapp.commands import DATES
from zoomapp.commands.journal import read_date, with_journal
from zoomapp.core.content.model import Content
from zoomapp.core.journal.dates import not_in_the_future, spoken_day
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.school.notes import DAY_WENT, OFF_WHY, choice
from zoomapp.shell import say


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    day = commands.add_parser(
        name,
        help="note the school day: all day (full), part of it, not today (none), no school (off)",
    )
    day.add_argument("went", metavar="|".join(DAY_WENT), help="how the school day went")
    day.add_argument("--at", metavar="HH:MM", help="with part: the time they arrived")
    day.add_argument("--left", metavar="HH:MM", help="with part: the time they left")
    day.add_argument("--hard", metavar="N", help="how hard the morning was, 0 to 10")
    day.add_argument("--why", metavar="|".join(OFF_WHY), help="with off: why there was none")
    day.add_argument("--date", metavar="DATE", help=DATES)


def run(args: argparse.Namespace, paths: Paths) -> int:
    def work(journal: Journal, content: Content, today: date) -> int:
        from zoomapp.core.school.record import note_day

        day = today if args.date is None else read_date(args.date, today, content)
        not_in_the_future(day, today)
        note_day(journal, day, args.went, args.at, args.left, args.hard, args.why)
        say(
            content.text(
                "cli_day_saved",
                day=spoken_day(day, today, content.text),
                went=went(args, content, day),
            )
        )
        return 0

    return with_journal(args, paths, work)


def went(args: argparse.Namespace, content: Content, day: date) -> str:
    """'part of the day, arrived 10:15, morning 7/10', in the pack's words."""
    from zoomapp.core.school.notes import clock, score
    from zoomapp.core.school.plan import SchoolDay

    why = choice(args.why, OFF_WHY) if args.why else None
    went = choice(args.went, DAY_WENT)
    noted = SchoolDay(day, went, clock(args.at), clock(args.left), score(args.hard), why)
    return noted.words(content.text)
