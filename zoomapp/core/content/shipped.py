"""The built-in packs as shipped: parsed and checked when zoomapp was built, so even a
first launch reads them in milliseconds instead of parsing TOML (tests/bench: instructions).

content/checked.pickle holds, for each built-in file, what checking it gave (pickled on its
own, so a launch unpickles only the files it reads: English alone, most often), beside all
that result depends on, byte for byte: the file itself, the English pack (its text keys are
what the others are checked against) and the code that checks. If any differs (a file
edited since, a change to the checking), the file is parsed and checked as usual: the TOML
stays the only truth. Written by tests/ship_checked.py; tests/test_shipped_content.py says
when it must be run again.

The bytes are compared whole rather than through a digest: comparing is all but free,
where a checksum of them cost a first launch 0.2 % (tests/bench: instructions), and no two
different files can ever compare equal.
"""

from __future__ import annotations

import os
import pickle
from functools import cache
from pathlib import Path
from typing import Any

SHIPPED_FILE = "checked.pickle"
ENGLISH = "en.toml"
_CODE = "code"  # the entry holding the checking code's bytes


@cache
def _shipped() -> dict[str, Any]:
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


def _file_as_shipped(name: str) -> bytes | None:
    """The bytes `name` held when it was checked for shipping; None if unknown."""
    entry = _shipped().get(name)
    if isinstance(entry, tuple) and len(entry) == 2 and isinstance(entry[0], bytes):
        return entry[0]
    return None


def checked(name: str, data: bytes) -> Any | None:
    """What checking the built-in file `name` gave when it held `data`; None if unknown."""
    if _file_as_shipped(name) != data or _shipped().get(_CODE) != _code():
        return None
    english = _english()
    if name != ENGLISH and (english is None or _file_as_shipped(ENGLISH) != english):
        return None
    try:
        return pickle.loads(_shipped()[name][1])
    except Exception:  # damaged: the TOML is read
        return None


def shelf(files: list[tuple[str, bytes]], check: Any) -> dict[str, Any]:
    """All SHIPPED_FILE holds: each built-in (name, bytes) in `files` beside what
    `check(name, bytes)` gives for it, and the checking code (see tests/ship_checked.py)."""
    found: dict[str, Any] = {_CODE: _code()}
    for name, data in files:
        found[name] = (data, pickle.dumps(check(name, data), protocol=pickle.HIGHEST_PROTOCOL))
    return found


@cache
def _code() -> bytes:
    """The checking code's bytes: every module of core/content and safe_text.py."""
    from zoomapp.core import content as package
    from zoomapp.core import safe_text

    here = os.path.dirname(package.__file__ or "")
    code = sorted(os.path.join(here, name) for name in os.listdir(here) if name.endswith(".py"))
    return b"\0".join(Path(p).read_bytes() for p in [*code, safe_text.__file__ or ""])


@cache
def _english() -> bytes | None:
    folder = content_folder()
    return (folder / ENGLISH).read_bytes() if folder is not None else None


def content_folder() -> Path | None:
    """Where the built-in packs are, when they are plain files."""
    from zoomapp.core.paths import builtin_paths

    found = builtin_paths()
    return found[0].parent if found else None
