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
    warn,
)
from zoomapp.ui.launch import Start, run_app


def build_parser(names: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with the commands `names` (every command when None)."""
    import argparse

    from zoomapp.commands import COMMANDS, add_commands, values

    class _Parser(argparse.ArgumentParser):
        """argparse that reports mistakes in one line instead of a usage block."""

        def error(self, message: str) -> NoReturn:
            raise UsageError(f"{message} (see `zoomapp --help`)")

        def print_help(self, file: object = None) -> None:
            """Help on standard output, written now: a closed or full output is said in one
            line with exit 1 (see main), never lost quietly with exit 0."""
            from zoomapp.shell import write

            write(self.format_help())
            sys.stdout.flush()

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
        type=values.country,
        help="help numbers for this country, this run only, e.g. GB (default: settings, locale)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    add_commands(commands, list(COMMANDS) if names is None else names)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """The arguments, read with only the named command's module loaded (every command's
    when none is named, or when that reading fails: the message must know them all)."""
    from zoomapp.commands import COMMANDS

    named = next((word for word in argv if word in COMMANDS), None)
    if named is not None:
        try:
            return build_parser([named]).parse_args(argv)
        except UsageError:
            pass
    return build_parser().parse_args(argv)


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

    if not argv:  # the common case, kept fast: straight to "What do you need right now?"
        from zoomapp.core.workspace import open_workspace

        return run_app(open_workspace(default_paths(), keep_now=False), Start())
    args = parse(argv)
    if args.command is None:  # only options, like --lang es: open the app with them
        from zoomapp.commands.app import open_app

        return open_app(args, default_paths(), lambda content, start: start)
    from zoomapp.commands import command

    return int(command(args.command).run(args, default_paths()))
