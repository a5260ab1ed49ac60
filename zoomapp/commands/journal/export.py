"""`zoomapp journal export` and `zoomapp journal import`: the journal out to a file, and in
from jrnl."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from zoomapp.commands.journal import date_range
from zoomapp.core.content.model import Content
from zoomapp.core.errors import JournalError
from zoomapp.core.files import atomic_write, plain_reason
from zoomapp.core.journal.day import FEELING, SESSIONS, STRENGTHS, WINS
from zoomapp.core.journal.export import FORMATS, KINDS, export
from zoomapp.core.journal.selection import FOR_A_MEETING
from zoomapp.core.journal.store import Journal
from zoomapp.shell import UsageError, say, unknown_choice, write


def arguments(actions: argparse._SubParsersAction, name: str) -> None:
    export = actions.add_parser(name, help="write the journal as HTML, Markdown, JSON or jrnl")
    export.add_argument(
        "--format", required=True, metavar="FORMAT", help="html, markdown, json or jrnl"
    )
    date_range(export)
    export.add_argument(
        "--only",
        metavar="KINDS",
        help="what to include, of wins, strengths, feelings, sessions, school (HTML leaves"
        " out feelings and sessions unless named here)",
    )
    export.add_argument("-o", dest="output", metavar="FILE", help="write here (default: print)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")


def run(
    journal: Journal,
    content: Content,
    args: argparse.Namespace,
    start: date | None,
    end: date | None,
) -> int:
    fmt = {"md": "markdown", "htm": "html"}.get(args.format.lower(), args.format.lower())
    if fmt not in FORMATS:
        raise unknown_choice("export format", args.format, FORMATS)
    kinds = chosen_kinds(args.only, FOR_A_MEETING if fmt == "html" else KINDS)
    target = Path(args.output).expanduser() if args.output else None
    if target is not None:
        check_target(target, args.force, content)
    text = export(fmt, journal.days(start, end), content, start, end, kinds)
    if target is None:
        write(text)
        return 0
    try:
        # The folder is the parent's choice: it is used as it is, never made private.
        atomic_write(target, text, private_folder=False)
    except OSError as exc:
        raise JournalError("cli_export_failed", file=target, reason=plain_reason(exc)) from None
    say(content.text("cli_export_wrote", file=target))
    return 0


def chosen_kinds(written: str | None, default: tuple[str, ...] = KINDS) -> tuple[str, ...]:
    """--only wins,strengths -> ('wins', 'strengths'); each must be one of KINDS. Without
    it, a page for a meeting (HTML) holds no feelings or sessions; the rest hold all."""
    if written is None:
        return default
    kinds = []
    for word in written.replace(" ", ",").split(","):
        word = word.strip().lower()
        if not word:
            continue
        word = {"win": WINS, "strength": STRENGTHS, FEELING: "feelings"}.get(word, word)
        word = {"session": SESSIONS}.get(word, word)
        if word not in KINDS:
            raise unknown_choice("kind of entry", word, KINDS)
        kinds.append(word)
    if not kinds:
        raise UsageError(f"--only needs one or more of: {', '.join(KINDS)}")
    return tuple(kinds)


def check_target(target: Path, force: bool, content: Content) -> None:
    """A file the parent named for an export: not a folder, in a folder, not replaced unasked."""
    if target.is_dir():
        example = target / "journal.html"
        raise UsageError(content.text("cli_export_folder", file=target, example=example))
    if not target.parent.is_dir():
        raise UsageError(content.text("cli_export_no_folder", folder=target.parent))
    if target.exists() and not force:
        raise UsageError(content.text("cli_export_exists", file=target))
