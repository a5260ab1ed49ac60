"""`zoomapp ground [--recipe ID] [--plain]`: a grounding session started right away."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from zoomapp.core.paths import Paths

if TYPE_CHECKING:
    from zoomapp.core.content.model import Content
    from zoomapp.ui.launch import Start


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    ground = commands.add_parser(name, help="start a grounding session right away")
    ground.add_argument("--recipe", metavar="ID", help="which session to run (default: settings)")
    ground.add_argument(
        "--plain", action="store_true", help="line by line, for a screen reader (no full screen)"
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    if args.plain:
        from zoomapp.commands.plain import ground

        return ground(args, paths)
    from zoomapp.commands.app import open_app
    from zoomapp.shell import unknown_choice

    def where(content: Content, start: Start) -> Start:
        if args.recipe and args.recipe not in content.recipes:
            raise unknown_choice("session recipe", args.recipe, list(content.recipes))
        return start._replace(screen="ground", recipe=args.recipe or "")  # "": the setting

    return open_app(args, paths, where)
