"""The journal from the shell: `zoomapp win`, `strength`, `feeling`, `checkin`, `journal …`.

Imports only the core, so a win is noted in a few tens of milliseconds. Every message is
the packs' words, in the language of the settings or of `--lang`.
"""

from __future__ import annotations

import argparse
from datetime import date

from zoomapp.core.content.model import Content
from zoomapp.core.errors import EntryError, JournalError
from zoomapp.core.journal.dates import not_in_the_future, parse_date, spoken_day
from zoomapp.core.journal.day import FEELING, STRENGTHS, WINS, Entry
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.shell import EXIT_FAILED, UsageError, read_workspace, say, warn

KIND_OF_COMMAND = {"win": WINS, "strength": STRENGTHS, FEELING: FEELING}


def run_journal_command(args: argparse.Namespace, paths: Paths) -> int:
    content = read_workspace(paths, language=args.lang, check_language=True).content
    journal = Journal(paths.journal_dir)
    today = journal.now().date()
    try:
        if args.command in KIND_OF_COMMAND:
            return _add(journal, args, today, content, paths)
        if args.command == "checkin":
            from zoomapp.checkin_cli import run_checkin

            return run_checkin(journal, content, paths)
        start = _date(args.start, today, content) if getattr(args, "start", None) else None
        end = _date(args.end, today, content) if getattr(args, "end", None) else None
        if start and end and start > end:
            raise UsageError(content.text("error_range", start=start, end=end))
        if args.action == "list":
            entries = journal.entries(start, end)
            shown = [entry for _, entry in zip(range(args.n), entries, strict=False)]
            _print_entries(shown, content, content.text("cli_no_entries"))
        elif args.action == "search":
            if not args.text.strip() and not args.tag:
                raise UsageError(content.text("error_search_empty"))
            found = journal.search(args.text, args.tag, content.session_names())
            _print_entries(found, content, content.text("search_none"))
        elif args.action == "progress":
            from zoomapp.progress_cli import run_progress

            run_progress(journal, content, args, start, end)
        elif args.action == "import":
            from zoomapp.import_cli import run_import

            return run_import(journal, content, args)
        else:
            from zoomapp.export_cli import run_export

            run_export(journal, content, args, start, end)
    except EntryError as exc:  # bad input: exit 2, nothing tried
        raise UsageError(content.explain(exc)) from None
    except JournalError as exc:  # a save that could not be done: exit 1
        warn(content.explain(exc))
        return EXIT_FAILED
    finally:
        for problem in journal.skipped:
            warn(content.text("cli_skipped", file=problem.path, reason=problem.reason))
    return 0


def _date(text: str, today: date, content: Content) -> date:
    return parse_date(text, today, content.text)


def _add(
    journal: Journal, args: argparse.Namespace, today: date, content: Content, paths: Paths
) -> int:
    kind = KIND_OF_COMMAND[args.command]
    day = today if args.date is None else _date(args.date, today, content)
    not_in_the_future(day, today)
    words = " ".join(args.text)
    read = not args.text  # no words given: read them, so they stay out of shell history
    if read:
        from zoomapp.shell_text import forget_words, read_words

        found = read_words(kind, content, paths)  # from stdin or $EDITOR: not in history
        if found is None:
            say(content.text("cli_nothing_written"))
            return 0
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
    return 0


def entry_line(entry: Entry, content: Content, marks: dict[str, str] | None = None) -> str:
    """'2026-11-03 08:14  win       We got dressed  #school', later lines indented."""
    marks = {} if marks is None else marks
    marker = marks.get(entry.kind) or marks.setdefault(
        entry.kind, content.text(f"cli_mark_{entry.kind}")
    )
    when = f"{entry.at:%Y-%m-%d}" + ("      " if entry.kind == "feeling" else f" {entry.at:%H:%M}")
    if entry.session is not None:
        words = content.session_line(entry.session).split("  ", 1)[-1]
    else:
        tags = " ".join(f"#{t}" for t in entry.tags_not_in_text)
        words = entry.text + (f"  {tags}" if tags else "")
    head = f"{when}  {marker:<9} "
    lines = words.split("\n")
    later = [(" " * len(head) + line).rstrip() for line in lines[1:]]
    return "\n".join([head + lines[0], *later])


def _print_entries(entries: list[Entry], content: Content, empty: str) -> None:
    if not entries:
        say(empty)
        return
    from zoomapp.shell import write

    marks: dict[str, str] = {}
    write("".join(entry_line(entry, content, marks) + "\n" for entry in entries))
