"""The command line: parse arguments, check them against the content, then start the app.

Only commands that open the app import Textual, so shell commands start fast.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    import argparse


from zoomapp import __version__
from zoomapp.shell import (
    EXIT_FAILED,
    EXIT_USAGE,
    OutputClosed,
    UsageError,
    not_utf8,
    spoken,
    unknown_choice,
    warn,
)
from zoomapp.ui.launch import Start, run_app


def build_parser() -> argparse.ArgumentParser:
    import argparse

    class _Parser(argparse.ArgumentParser):
        """argparse that reports mistakes in one line instead of a usage block."""

        def error(self, message: str) -> NoReturn:
            raise UsageError(f"{message} (see `zoomapp --help`)")

    parser = _Parser(
        prog="zoomapp",
        description="A calm companion for stressed parents: ground yourself in two minutes.",
        epilog="With no command, zoomapp opens on 'What do you need right now?'.",
    )
    parser.add_argument("--version", action="version", version=f"zoomapp {__version__}")
    parser.add_argument(
        "--lang", metavar="CODE", help="language for this run, e.g. en or es (default: settings)"
    )
    parser.add_argument(
        "--country",
        metavar="CC",
        type=_country,
        help="help numbers for this country, this run only, e.g. GB (default: settings, locale)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    help_ = commands.add_parser("help", help="more help in plain text: numbers, what to do")
    help_.add_argument("action", nargs="?", metavar="add", help="add one of your own numbers")
    help_.add_argument("name", nargs="?", metavar="NAME", help='who it is, e.g. "My sister"')
    help_.add_argument("number", nargs="?", metavar="NUMBER", help="their number")
    help_.add_argument(
        "--country", dest="help_country", metavar="CC", type=_country, help="e.g. GB, US, ES"
    )
    help_.add_argument(
        "--countries", action="store_true", help="list the countries zoomapp has numbers for"
    )
    whatif = commands.add_parser(
        "whatif", help='the What-if answer in plain text: zoomapp whatif "what if he..."'
    )
    whatif.add_argument(
        "text", nargs="*", help="the worry; leave out to type it or pipe it (nothing is kept)"
    )
    whatif.add_argument("--json", action="store_true", help='{"kind": ..., "lines": [...]}')
    whatif.add_argument(
        "--country", dest="whatif_country", metavar="CC", type=_country, help="e.g. GB, US, ES"
    )
    ground = commands.add_parser("ground", help="start a grounding session right away")
    ground.add_argument("--recipe", metavar="ID", help="which session to run (default: settings)")
    breathe = commands.add_parser("breathe", help="timed breathing")
    breathe.add_argument("pattern", nargs="?", metavar="PATTERN", help="e.g. box, 4-7-8")
    breathe.add_argument("--minutes", type=_minutes, metavar="N", help="stop after N minutes")
    zoom = commands.add_parser("zoom", help="zoom in or zoom out on their own")
    zoom.add_argument("direction", choices=["in", "out"], help="in: back to now; out: step back")

    dates = "YYYY-MM-DD or words: today, yesterday, monday, last monday, 2 days ago"
    for name, helped, example in (
        ("win", "note a small win", "We got dressed"),
        ("strength", "note a strength you saw in your child", "She was patient"),
        ("feeling", "note how you feel today (added to the day's feeling)", "Tired, hopeful"),
    ):
        entry = commands.add_parser(name, help=f'{helped}: zoomapp {name} "{example}"')
        entry.add_argument(
            "text",
            nargs="*",
            help="your words (#words become tags); leave out to type them, pipe them, or"
            " use $EDITOR, so they stay out of your shell history",
        )
        if name != "feeling":
            entry.add_argument("--tag", action="append", default=[], metavar="T", help="a tag")
        entry.add_argument("--date", metavar="DATE", help=dates)
    commands.add_parser("checkin", help="the evening check-in: a win, a strength, a feeling")

    journal = commands.add_parser("journal", help="look back: list, search, progress, export")
    actions = journal.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="recent entries, newest first")
    listing.add_argument("--from", dest="start", metavar="DATE", help=dates)
    listing.add_argument("--to", dest="end", metavar="DATE")
    listing.add_argument("-n", type=_count, default=20, metavar="N", help="how many (default 20)")
    search = actions.add_parser("search", help="entries, feelings and sessions containing TEXT")
    search.add_argument("text", nargs="?", default="", help="words to look for (any case)")
    search.add_argument("--tag", action="append", default=[], metavar="T", help="only this tag")
    progress = actions.add_parser("progress", help="the last 12 weeks as a picture")
    progress.add_argument("--from", dest="start", metavar="DATE", help=dates)
    progress.add_argument("--to", dest="end", metavar="DATE")
    progress.add_argument("--weeks", type=_weeks, metavar="N", help="how many weeks (default 12)")
    export = actions.add_parser("export", help="write the journal as HTML, Markdown, JSON or jrnl")
    export.add_argument(
        "--format", required=True, metavar="FORMAT", help="html, markdown, json or jrnl"
    )
    export.add_argument("--from", dest="start", metavar="DATE", help=dates)
    export.add_argument("--to", dest="end", metavar="DATE")
    export.add_argument(
        "--only",
        metavar="KINDS",
        help="the entries to include, e.g. wins,strengths (of wins, strengths, feelings)",
    )
    export.add_argument("-o", dest="output", metavar="FILE", help="write here (default: print)")
    export.add_argument("--force", action="store_true", help="replace FILE if it exists")
    importing = actions.add_parser("import", help="bring in entries from jrnl's JSON export")
    importing.add_argument("file", metavar="FILE", help="made with: jrnl --export json -o FILE")
    serve = commands.add_parser(
        "serve",
        help="open zoomapp in a browser tab on this computer (loopback only, with a token)",
        description="Serve zoomapp to a browser tab on this computer. It listens on"
        " 127.0.0.1 only - nothing on the network can reach it - and every request needs"
        " the random token in the printed address; a page from any other site cannot"
        " drive it. Each tab is a full zoomapp on your own data.",
    )
    serve.add_argument("--port", type=_port, default=0, metavar="N", help="default: any free")
    serve.add_argument("--open", action="store_true", help="open it in your web browser")
    serve.add_argument(
        "--host", default="127.0.0.1", metavar="HOST", help="127.0.0.1 (or localhost) only"
    )
    from zoomapp.pack_args import add_pack_parser

    add_pack_parser(commands)
    return parser


def _country(value: str) -> str:
    import argparse

    if len(value) != 2 or not value.isascii() or not value.isalpha():
        raise argparse.ArgumentTypeError(
            f"--country needs a two-letter country code like GB or US, got '{value}'"
        )
    return value.upper()


def _count(value: str) -> int:
    import argparse

    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"-n needs a whole number of entries, got '{value}'")
    return int(value)


def _port(value: str) -> int:
    import argparse

    if not value.isdigit() or not 0 <= int(value) <= 65535:
        raise argparse.ArgumentTypeError(f"--port needs a number from 1 to 65535, got '{value}'")
    return int(value)


def _weeks(value: str) -> int:
    import argparse

    if not value.isdigit() or not 1 <= int(value) <= 520:
        raise argparse.ArgumentTypeError(f"--weeks needs a number from 1 to 520, got '{value}'")
    return int(value)


def _minutes(value: str) -> float:
    import argparse

    try:
        minutes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--minutes needs a number, got '{value}'") from None
    if not 0.1 <= minutes <= 180:
        raise argparse.ArgumentTypeError(f"--minutes must be from 0.1 to 180, got {value}")
    return minutes


def main(argv: Sequence[str] | None = None) -> int:
    # Starting up builds a few hundred thousand objects that live for the whole run
    # (Textual's modules, the content) and next to no garbage, so the garbage collector
    # would only walk them again and again: about 15 ms of launch for nothing. The app
    # turns it back on once home is on screen (ZoomApp._started); a command, on return.
    collecting = gc.isenabled()
    gc.disable()
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        bad = not_utf8(args)
        if bad is not None:
            raise UsageError(
                f"'{bad}' holds bytes that are not UTF-8 text - retype it, or check your"
                " terminal's encoding"
            )
        code = _run(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, so a full disk is reported rather than a traceback
        return code
    except UsageError as exc:
        warn(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:
        _quiet_stdout()  # the reader stopped reading (| head): nothing more to say
        return 0
    except OutputClosed:
        warn("standard output is closed - send it to a file with -o FILE, or to a pipe")
        return EXIT_FAILED
    except OSError as exc:
        from zoomapp.core.files import plain_reason

        if exc.filename is not None:
            warn(f"could not use {exc.filename}: {plain_reason(exc)}")
        else:
            _quiet_stdout()
            warn(f"could not write the output: {plain_reason(exc)}")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a person never sees a traceback
        warn(f"met an unexpected problem and stopped; nothing saved was changed. {_logged(exc)}")
        return EXIT_FAILED
    finally:
        if collecting:
            gc.enable()


def _logged(error: BaseException) -> str:
    from zoomapp.core.files import log_error
    from zoomapp.core.paths import default_paths

    where = log_error(default_paths().data_dir, error)
    return f"Details: {where}" if where else "(The details could not be saved.)"


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python's own flush at exit has nothing to complain of."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError):
        pass


def _run(argv: list[str]) -> int:
    from zoomapp.core.paths import default_paths

    if argv:
        args = build_parser().parse_args(argv)
        if args.command in ("win", "strength", "feeling", "checkin", "journal"):
            from zoomapp.journal_cli import run_journal_command  # no content, no Textual

            return run_journal_command(args, default_paths())
        if args.command == "pack":
            from zoomapp.pack_cli import run_pack_command

            return run_pack_command(args, default_paths())
        if args.command == "serve":
            return _serve(args)
        if args.command == "whatif":
            from zoomapp.whatif_cli import run_whatif_command

            return run_whatif_command(args, default_paths())
        if args.command == "help":
            from zoomapp.help_cli import run_help_command

            return run_help_command(args, default_paths())
    from zoomapp.core.workspace import open_workspace

    if not argv:  # the common case, kept fast: straight to "What do you need right now?"
        return run_app(open_workspace(default_paths()), Start())
    workspace = open_workspace(default_paths(), language=args.lang)
    content = workspace.content
    spoken(content.languages, args.lang)
    from zoomapp.help_cli import known_country

    start = Start(country=known_country(content, args.country, strict=False))
    if args.command == "ground":
        if args.recipe and args.recipe not in content.recipes:
            raise unknown_choice("session recipe", args.recipe, list(content.recipes))
        start = start._replace(screen="ground", recipe=args.recipe or "")  # "": the setting
    elif args.command == "breathe":
        if args.pattern and args.pattern not in content.patterns:
            raise unknown_choice("breathing pattern", args.pattern, list(content.patterns))
        start = start._replace(screen="breathe", pattern=args.pattern or "", minutes=args.minutes)
    elif args.command == "zoom":
        start = start._replace(screen=f"zoom-{args.direction}")
    return run_app(workspace, start)


def _serve(args: argparse.Namespace) -> int:
    if args.host not in ("127.0.0.1", "localhost"):
        raise UsageError(
            f"zoomapp serve listens on 127.0.0.1 only, not '{args.host}': anything else"
            " would open your journal to the network"
        )
    try:
        from zoomapp.serve import run_server
    except ImportError:
        raise UsageError(
            "zoomapp serve needs textual-serve - install it with: .venv/bin/pip install"
            " textual-serve (or reinstall zoomapp, which brings it)"
        ) from None
    try:
        return run_server(args.port, args.open)
    except OSError as exc:
        from zoomapp.core.files import plain_reason

        warn(f"could not listen on 127.0.0.1:{args.port}: {plain_reason(exc)} - try another --port")
        return EXIT_FAILED
