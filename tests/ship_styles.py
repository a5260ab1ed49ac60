"""Work out the default theme's styles on home and keep them beside the app, in
zoomapp/ui/shipped-styles.pickle, as zoomapp ships them (see zoomapp/ui/remembered_styles.py):
the very first launch then parses no CSS either.

    .venv/bin/python tests/ship_styles.py

Run again after changing any CSS home uses, or the Textual version the tests pin.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zoomapp.core.paths import Paths  # noqa: E402
from zoomapp.core.workspace import open_workspace  # noqa: E402
from zoomapp.ui.app import ZoomApp  # noqa: E402
from zoomapp.ui.opening import showing  # noqa: E402
from zoomapp.ui.remembered_styles import SHIPPED, write_shipped  # noqa: E402
from zoomapp.ui.textual_private import parsed_sheets  # noqa: E402


async def first_launch_styles(home: Path) -> tuple[str, Any, dict[str, str], dict[Any, Any]]:
    """What a first launch in an empty `home` works out: theme, colour mode, variables, sheets."""
    app = ZoomApp(open_workspace(Paths(config_dir=home, data_dir=home)))
    # with tooltips and notifications, as in a terminal (tests leave them out)
    async with app.run_test(size=(80, 24), tooltips=True, notifications=True) as pilot:
        for _ in range(50):  # until the country is asked, over home, as a first launch does
            await pilot.pause()
            if showing(app, "country"):
                break
        await pilot.pause()
        return app.theme, app.ansi_color, dict(app.theme_variables), parsed_sheets(app.stylesheet)


def write(file: Path = SHIPPED) -> Path:
    with tempfile.TemporaryDirectory() as home:
        theme, ansi, variables, sheets = asyncio.run(first_launch_styles(Path(home)))
    write_shipped(file, theme, ansi, variables, sheets)
    return file


if __name__ == "__main__":
    print(f"wrote {write()}")
