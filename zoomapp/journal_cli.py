"""The journal from the shell: `zoomapp win`, `zoomapp strength`, `zoomapp journal …`.

Imports only the core, so a win is noted in a few tens of milliseconds.
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from zoomapp.core.export import FORMATS, export
from zoomapp.core.journal import (
    Entry,
    EntryError,
    Journal,
    JournalError,
    not_in_the_future,
    parse_date,
)
from zoomapp.paths import Paths
from zoomapp.shell import EXIT_FAILED, UsageError, read_workspace, say, unknown_choice, warn, write


def run_journal_command(args: argparse.Namespace, paths: Paths) -> int:
    journal = Journal(paths.journal_dir)
    today = journal.now().date()
    try:
        if args.command in ("win", "strength"):
            return _add(journal, args, today)
        start = _date(args.start, today) if getattr(args, "start", None) is not None else None
        end = _date(args.end, today) if getattr(args, "end", None) is not None else None
        if start and end and start > end:
            raise UsageError(f"--from {start} is after --to {end} - swap them")
        if args.action == "list":
            entries = journal.entries(start, end)
            shown = [entry for _, entry in zip(range(args.n), entries, strict=False)]
            _print_entries(shown, 'No entries yet. Note one with: zoomapp win "…"')
        elif args.action == "search":
            if not args.text.strip() and not args.tag:
                raise UsageError("say what to look for: zoomapp journal search WORDS [--tag T]")
            try:
                found = journal.search(args.text, args.tag)
            except EntryError as exc:  # a tag that cannot be one: bad input, nothing tried
                raise UsageError(str(exc)) from None
            _print_entries(found, "Nothing found.")
        else:
            _export(journal, args, start, end, paths)
    except JournalError as exc:
        warn(str(exc))
        return EXIT_FAILED
    finally:
        for problem in journal.skipped:
            warn(f"skipped {problem.path} - it could not be read ({problem.reason})")
    return 0


def _date(text: str, today: date) -> date:
    try:
        return parse_date(text, today)
    except EntryError as exc:
        raise UsageError(str(exc)) from None


def _add(journal: Journal, args: argparse.Namespace, today: date) -> int:
    text = " ".join(args.text)
    kind = "wins" if args.command == "win" else "strengths"
    try:
        day = today if args.date is None else not_in_the_future(_date(args.date, today), today)
        saved = journal.add(kind, text, args.tag, day)
    except EntryError as exc:  # bad input: exit 2; a save that failed stays exit 1
        raise UsageError(str(exc)) from None
    if saved.set_aside_as is not None:
        warn(
            f"{saved.path.name} could not be read, so it was moved to {saved.set_aside_as}"
            " (nothing in it was changed); this entry starts a fresh file."
        )
    when = "today" if day == today else day.strftime("%A %-d %B %Y")
    what = "win" if kind == "wins" else "strength"
    say(f"Saved your {what} for {when}: {' '.join(text.split())}")
    return 0


def _print_entries(entries: list[Entry], empty: str) -> None:
    if not entries:
        say(empty)
        return
    for entry in entries:
        marker = "win     " if entry.kind == "wins" else "strength"
        tags = "  " + " ".join(f"#{t}" for t in entry.tags_not_in_text)
        say(f"{entry.at:%Y-%m-%d %H:%M}  {marker}  {entry.text}{tags.rstrip()}")


def _export(
    journal: Journal, args: argparse.Namespace, start: date | None, end: date | None, paths: Paths
) -> None:
    fmt = args.format.lower()
    if fmt == "md":
        fmt = "markdown"
    if fmt not in FORMATS:
        raise unknown_choice("export format", args.format, FORMATS)
    target = Path(args.output).expanduser() if args.output else None
    if target is not None:
        _check_target(target, args.force)
    content = read_workspace(paths).content  # for the words of a Markdown export
    text = export(fmt, journal.days(start, end), content)
    if target is None:
        write(text)
        return
    from zoomapp.core.files import atomic_write, plain_reason

    try:
        # The folder is the parent's choice: it is used as it is, never made private.
        atomic_write(target, text, private_folder=False)
    except OSError as exc:
        raise JournalError(f"could not write {target}: {plain_reason(exc)}") from None
    say(f"Wrote {target} ({datetime.now():%Y-%m-%d %H:%M}), readable by you alone.")


def _check_target(target: Path, force: bool) -> None:
    if target.is_dir():
        raise UsageError(f"{target} is a folder - give a file name, like {target / 'journal.md'}")
    if not target.parent.is_dir():
        raise UsageError(f"there is no folder {target.parent} - create it first, or pick another")
    if target.exists() and not force:
        raise UsageError(f"{target} already exists - add --force to replace it, or pick a new name")
