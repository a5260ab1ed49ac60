"""`zoomapp breathe [PATTERN] [--minutes N] [--plain]`: timed breathing, started right away."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from zoomapp.commands import values
from zoomapp.core.paths import Paths

if TYPE_CHECKING:
    from zoomapp.core.content.model import Content
    from zoomapp.ui.launch import Start


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    breathe = commands.add_parser(name, help="timed breathing")
    breathe.add_argument("pattern", nargs="?", metavar="PATTERN", help="e.g. box, 4-7-8")
    breathe.add_argument("--minutes", type=values.minutes, metavar="N", help="stop after N minutes")
    breathe.add_argument(
        "--plain", action="store_true", help="line by line, for a screen reader (no full screen)"
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    if args.plain:
        from zoomapp.commands.plain import breathe

        return breathe(args, paths)
    from zoomapp.commands.app import open_app
    from zoomapp.shell import unknown_choice

    def where(content: Content, start: Start) -> Start:
        if args.pattern and args.pattern not in content.patterns:
            raise unknown_choice("breathing pattern", args.pattern, list(content.patterns))
        return start._replace(screen="breathe", pattern=args.pattern or "", minutes=args.minutes)

    return open_app(args, paths, where)
