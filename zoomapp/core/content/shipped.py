"""The built-in packs as shipped: parsed and checked when zoomapp was built, so even a
first launch reads them in milliseconds instead of parsing TOML (tests/bench: instructions).

content/checked.pickle holds, for each built-in file, what checking it gave (pickled on its
own, so a launch unpickles only the files it reads: English alone, most often), under a digest
of all that result depends on: the file's bytes, the English pack's (its text keys are what
the others are checked against) and the code that checks. If any differs (a file edited
since, a change to the checking), the file is parsed and checked as usual: the TOML stays
the only truth. Written by tests/ship_checked.py;
tests/test_shipped_content.py says when it must be run again.

The digest tells an edited file from the one shipped, nothing more, so it is a checksum
(CRC-32 and the length) rather than a cryptographic hash: importing hashlib starts OpenSSL,
which cost a first launch 2 % (tests/bench: instructions).
"""

from __future__ import annotations

import os
import pickle
import zlib
from functools import cache
from pathlib import Path
from typing import Any

SHIPPED_FILE = "checked.pickle"


@cache
def _shipped() -> dict[str, tuple[str, bytes]]:
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
    if not (isinstance(entry, tuple) and len(entry) == 2 and entry[0] == digest(name, data)):
        return None
    try:
        return pickle.loads(entry[1])
    except Exception:  # damaged: the TOML is read
        return None


def ship(name: str, data: bytes, result: Any) -> tuple[str, bytes]:
    """The entry for one built-in file in SHIPPED_FILE (see tests/ship_checked.py)."""
    return digest(name, data), pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def digest(name: str, data: bytes) -> str:
    """What a built-in file's check depends on, as one digest (see the module's text): its
    bytes and the checking code's, and for a translation the English pack's too (the
    English pack's own are its bytes: read once, not twice)."""
    context = _code() if name == ENGLISH else _english_and_code()
    return f"{zlib.crc32(data, context):08x}-{len(data)}"


ENGLISH = "en.toml"


@cache
def _code() -> int:
    """The checksum of the checking code, made once per process."""
    from zoomapp.core import content as package
    from zoomapp.core import safe_text

    here = os.path.dirname(package.__file__ or "")
    code = sorted(os.path.join(here, name) for name in os.listdir(here) if name.endswith(".py"))
    return zlib.crc32(b"\0".join(Path(p).read_bytes() for p in [*code, safe_text.__file__ or ""]))


@cache
def _english_and_code() -> int:
    folder = content_folder()
    english = (folder / ENGLISH).read_bytes() if folder is not None else b""
    return zlib.crc32(english + b"\0", _code())


def content_folder() -> Path | None:
    """Where the built-in packs are, when they are plain files."""
    from zoomapp.core.paths import builtin_paths

    found = builtin_paths()
    return found[0].parent if found else None
