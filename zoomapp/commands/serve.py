"""`zoomapp serve`: zoomapp in a browser tab on this computer - loopback only, behind a token.

The web server itself is zoomapp/serve.py, loaded only here.
"""

from __future__ import annotations

import argparse

from zoomapp.commands import values
from zoomapp.core.paths import Paths


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    serve = commands.add_parser(
        name,
        help="open zoomapp in a browser tab on this computer (loopback only, with a token)",
        description="Serve zoomapp to a browser tab on this computer. It listens on"
        " 127.0.0.1 only - nothing on the network can reach it - and every request needs"
        " the random token in the printed address; a page from any other site cannot"
        " drive it. Each tab is a full zoomapp on your own data.",
    )
    serve.add_argument("--port", type=values.port, default=0, metavar="N", help="default: any free")
    serve.add_argument("--open", action="store_true", help="open it in your web browser")
    serve.add_argument(
        "--host", default="127.0.0.1", metavar="HOST", help="127.0.0.1 (or localhost) only"
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    from zoomapp.shell import EXIT_FAILED, UsageError, warn

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
