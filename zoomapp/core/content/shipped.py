"""The built-in packs as shipped: parsed and checked when zoomapp was built, so even a
first launch reads them in milliseconds instead of parsing TOML (tests/bench: instructions).

content/checked.pickle holds, for each built-in file, the sha256 of its bytes and what
checking them gave. A file whose bytes differ (edited since) is parsed and checked as
usual: the TOML stays the only truth. Written by tests/ship_checked.py;
tests/test_shipped_content.py says when it must be run again.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path
from typing import Any

SHIPPED_FILE = "checked.pickle"


@cache
def _shipped() -> dict[str, tuple[str, Any]]:
    folder = content_folder()
    try:
        if folder is not None:
            data = (folder / SHIPPED_FILE).read_bytes()
        else:  # installed inside a zip
            from importlib import resources

            data = resources.files("zoomapp.content").joinpath(SHIPPED_FILE).read_bytes()
        found = pickle.loads(data)
        return found if isinstance(found, dict) else {}
    except Exception:  # missing, damaged or from another version: the TOML is read
        return {}


def checked(name: str, data: bytes) -> Any | None:
    """What checking the built-in file `name` gave when it held `data`; None if unknown."""
    entry = _shipped().get(name)
    if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == digest(data)):
        return None
    return entry[1]


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def content_folder() -> Path | None:
    """Where the built-in packs are, when they are plain files."""
    from zoomapp.core.paths import builtin_paths

    found = builtin_paths()
    return found[0].parent if found else None
