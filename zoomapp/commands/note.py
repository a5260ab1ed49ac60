"""`zoomapp win`, `strength` and `feeling`: a small win, a strength seen in the child, how I
feel - noted in one line, or typed, piped or written in $EDITOR so the words stay out of
the shell's history.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from zoomapp.commands import DATES
from zoomapp.commands.journal import read_date, with_journal
from zoomapp.core.content.model import Content
from zoomapp.core.journal.dates import not_in_the_future, spoken_day
from zoomapp.core.journal.day import FEELING, STRENGTHS, WINS
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.shell import UsageError, say, warn

KIND_OF_COMMAND = {"win": WINS, "strength": STRENGTHS, FEELING: FEELING}
EXAMPLES = {
    "win": ("note a small win", "We got dressed"),
    "strength": ("note a strength you saw in your child", "She was patient"),
    "feeling": ("note how you feel today (added to the day's feeling)", "Tired, hopeful"),
}


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    helped, example = EXAMPLES[name]
    entry = commands.add_parser(name, help=f'{helped}: zoomapp {name} "{example}"')
    entry.add_argument(
        "text",
        nargs="*",
        help="your words (#words become tags); leave out to type them, pipe them, or"
        " use $EDITOR, so they stay out of your shell history",
    )
    if name != "feeling":
        entry.add_argument("--tag", action="append", default=[], metavar="T", help="a tag")
    entry.add_argument("--date", metavar="DATE", help=DATES)


def run(args: argparse.Namespace, paths: Paths) -> int:
    return with_journal(
        args, paths, lambda journal, content, today: _add(journal, args, today, content, paths)
    )


def _add(
    journal: Journal, args: argparse.Namespace, today: date, content: Content, paths: Paths
) -> int:
    kind = KIND_OF_COMMAND[args.command]
    day = today if args.date is None else read_date(args.date, today, content)
    not_in_the_future(day, today)
    words = " ".join(args.text)
    read = not args.text  # no words given: read them, so they stay out of shell history
    if read:
        from zoomapp.shell_text import forget_words, read_words

        found = read_words(kind, content, paths)  # from stdin or $EDITOR: not in history
        if found is None and sys.stdin is not None and sys.stdin.isatty():
            say(content.text("cli_nothing_written"))  # a person who changed their mind
            return 0
        if found is None:  # a script whose pipe brought nothing: it must be able to tell
            raise UsageError(content.text("cli_nothing_piped", command=args.command))
        words = found
    if kind == FEELING:
        saved = journal.add_feeling(day, words)
    else:
        saved = journal.add(kind, words, args.tag, day)
    if read:
        forget_words(kind, paths)
    if saved.set_aside_as is not None:
        warn(content.text("cli_set_aside", file=saved.path.name, moved=saved.set_aside_as))
    from zoomapp.core.journal.day import tidy

    shown = tidy(words)
    say(content.text(f"cli_saved_{kind}", day=spoken_day(day, today, content.text), text=shown))
    from zoomapp.commands.whatif import help_after_writing

    help_after_writing(words, content, paths)
    return 0
