"""`zoomapp journal ACTION`: look back - list, search, progress, export, import - one module
per action; and what every command that uses the journal shares (`with_journal`).

Imports only the core, so the journal is read in a few tens of milliseconds. Every message
is the packs' words, in the language of the settings or of `--lang`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from importlib import import_module

from zoomapp.commands import DATES
from zoomapp.core.content.model import Content
from zoomapp.core.errors import EntryError, JournalError
from zoomapp.core.journal.dates import parse_date
from zoomapp.core.journal.day import Entry
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.shell import EXIT_FAILED, UsageError, read_workspace, say, warn

# The actions, in the order `zoomapp journal --help` lists them: name -> module here.
ACTIONS = {
    "list": "listing",
    "search": "searching",
    "progress": "progress",
    "export": "export",
    "import": "importing",
}


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    journal = commands.add_parser(name, help="look back: list, search, progress, export")
    actions = journal.add_subparsers(dest="action", metavar="ACTION", required=True)
    from zoomapp.commands import passphrase

    for action, module in ACTIONS.items():
        import_module(f"{__name__}.{module}").arguments(actions, action)
        passphrase.options(actions.choices[action])


def date_range(action: argparse.ArgumentParser) -> None:
    """--from and --to, read (and checked in order) by `run` before the action runs."""
    action.add_argument("--from", dest="start", metavar="DATE", help=DATES)
    action.add_argument("--to", dest="end", metavar="DATE")


def run(args: argparse.Namespace, paths: Paths) -> int:
    def act(journal: Journal, content: Content, today: date) -> int:
        start = read_date(args.start, today, content) if getattr(args, "start", None) else None
        end = read_date(args.end, today, content) if getattr(args, "end", None) else None
        if start and end and start > end:
            raise UsageError(content.text("error_range", start=start, end=end))
        action = import_module(f"{__name__}.{ACTIONS[args.action]}")
        return int(action.run(journal, content, args, start, end))

    return with_journal(args, paths, act, reads=True)


def with_journal(
    args: argparse.Namespace,
    paths: Paths,
    work: Callable[[Journal, Content, date], int],
    reads: bool = False,
) -> int:
    """`work` done on the journal, in the words of the packs: bad input exits 2 with nothing
    tried, a save that could not be done exits 1, and every day file set aside is named.
    A locked journal is opened first for `work` that `reads` it (adding never asks)."""
    content = read_workspace(paths, language=args.lang, check_language=True).content
    journal = Journal(paths.journal_dir)
    keys = journal.files.refresh()  # the folder's keys, when it is locked
    if keys is not None and reads:
        from zoomapp.commands.passphrase import open_keys

        open_keys(args, keys, content)
    try:
        return work(journal, content, journal.now().date())
    except EntryError as exc:  # bad input: exit 2, nothing tried
        raise UsageError(content.explain(exc)) from None
    except JournalError as exc:  # a save that could not be done: exit 1
        warn(content.explain(exc))
        return EXIT_FAILED
    finally:
        for problem in journal.skipped:
            warn(content.text("cli_skipped", file=problem.path, reason=problem.reason))
        for copy in journal.folded:
            warn(content.text("cli_folded", file=copy))


def read_date(text: str, today: date, content: Content) -> date:
    return parse_date(text, today, content.text)


def entry_line(entry: Entry, content: Content, marks: dict[str, str] | None = None) -> str:
    """'2026-11-03 08:14  win       We got dressed  #school', later lines indented."""
    marks = {} if marks is None else marks
    marker = marks.get(entry.kind) or marks.setdefault(
        entry.kind, content.text(f"cli_mark_{entry.kind}")
    )
    timeless = entry.kind == "feeling" or not entry.timed
    when = f"{entry.at:%Y-%m-%d}" + ("      " if timeless else f" {entry.at:%H:%M}")
    if entry.session is not None:
        words = content.session_line(entry.session).split("  ", 1)[-1]
    else:
        tags = " ".join(f"#{t}" for t in entry.tags_not_in_text)
        words = entry.text + (f"  {tags}" if tags else "")
    head = f"{when}  {marker:<9} "
    lines = words.split("\n")
    later = [(" " * len(head) + line).rstrip() for line in lines[1:]]
    return "\n".join([head + lines[0], *later])


def print_entries(entries: list[Entry], content: Content, empty: str) -> None:
    if not entries:
        say(empty)
        return
    from zoomapp.shell import write

    marks: dict[str, str] = {}
    write("".join(entry_line(entry, content, marks) + "\n" for entry in entries))
