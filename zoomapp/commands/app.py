"""What the commands that open the app share: the workspace read with --lang, the country
checked, and the app started where the command asks (through ui.launch, the one door)."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from zoomapp.core.content.model import Content
from zoomapp.core.paths import Paths
from zoomapp.ui.launch import Start, run_app


def open_app(
    args: argparse.Namespace, paths: Paths, where: Callable[[Content, Start], Start]
) -> int:
    """The app, opened where `where` says: it checks the command's arguments against the
    content (a UsageError names what is known) and returns where to start."""
    from zoomapp.commands.help import known_country
    from zoomapp.core.workspace import open_workspace
    from zoomapp.shell import spoken

    workspace = open_workspace(paths, language=args.lang, keep_now=False)
    content = workspace.content
    spoken(content.languages, args.lang)
    start = Start(country=known_country(content, args.country, strict=False))
    return run_app(workspace, where(content, start))
