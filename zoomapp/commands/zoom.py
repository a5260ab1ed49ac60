"""`zoomapp zoom in|out [--plain]`: zoom in or zoom out on their own."""

from __future__ import annotations

import argparse

from zoomapp.core.paths import Paths


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    zoom = commands.add_parser(name, help="zoom in or zoom out on their own")
    zoom.add_argument("direction", choices=["in", "out"], help="in: back to now; out: step back")
    zoom.add_argument(
        "--plain", action="store_true", help="line by line, for a screen reader (no full screen)"
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    if args.plain:
        from zoomapp.commands.plain import zoom

        return zoom(args, paths)
    from zoomapp.commands.app import open_app

    return open_app(
        args, paths, lambda content, start: start._replace(screen=f"zoom-{args.direction}")
    )
