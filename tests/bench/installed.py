"""The zoomapp command as a parent runs it: the console script beside this Python.

Not `python -m zoomapp`: run from the repository folder, that loads the source tree rather
than the installed copy (and, with PYTHONDONTWRITEBYTECODE set, compiles it every time).
"""

from __future__ import annotations

import sys
from pathlib import Path


def zoomapp_command() -> list[str]:
    script = Path(sys.executable).parent / "zoomapp"
    return [str(script)] if script.exists() else [sys.executable, "-m", "zoomapp"]
