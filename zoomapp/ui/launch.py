"""Where the app opens, and opening it: the one door from the command line into the UI.

Light on purpose: `zoomapp.cli` imports this for every command, and Textual is loaded
only once `run_app` is called.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, NamedTuple

from zoomapp.shell import EXIT_FAILED, warn

if TYPE_CHECKING:
    from zoomapp.core.workspace import Workspace


class Start(NamedTuple):
    """Which screen the app opens on, and with what."""

    screen: str = "home"  # home, ground, breathe, zoom-in, zoom-out
    recipe: str = ""
    pattern: str = ""
    minutes: float | None = None
    preview: str = ""  # a pack file to watch and reload (zoomapp pack preview)
    country: str = ""  # help numbers for this country, this run only (--country)


def run_app(workspace: Workspace, start: Start) -> int:
    """Open the app on `start`; its exit code. Refuses, in one line, where there is no
    terminal to draw in."""
    served = "web_driver" in os.environ.get("TEXTUAL_DRIVER", "")  # a tab of zoomapp serve
    if not served and (
        not (sys.stdin is not None and sys.stdin.isatty())
        or not (sys.stdout is not None and sys.stdout.isatty())
    ):
        warn(
            "zoomapp opens in a terminal window, and this is not one - run it in a terminal"
            " (commands like zoomapp win or zoomapp journal list work anywhere)"
        )
        return EXIT_FAILED
    if served or start != Start(screen="home", country=start.country):
        from zoomapp.ui.app import ZoomApp

        app = ZoomApp(workspace, start=start)
        app.run()
        return app.return_code or 0
    from zoomapp.ui.remembered_frame import RememberedFrame

    frame = RememberedFrame(workspace)  # home, before Textual has loaded
    frame.show()
    try:
        from zoomapp.ui.app import ZoomApp

        app = ZoomApp(workspace, start=start)
        app.driver_class = frame.driver()  # which keeps the frame it draws for next time
        app.run()
    finally:
        frame.done()
    return app.return_code or 0
