"""`zoomapp zoom in|out`: zoom in or zoom out on their own."""

from __future__ import annotations

import argparse

from zoomapp.core.paths import Paths


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    zoom = commands.add_parser(name, help="zoom in or zoom out on their own")
    zoom.add_argument("direction", choices=["in", "out"], help="in: back to now; out: step back")


def run(args: argparse.Namespace, paths: Paths) -> int:
    from zoomapp.commands.app import open_app

    return open_app(
        args, paths, lambda content, start: start._replace(screen=f"zoom-{args.direction}")
    )
