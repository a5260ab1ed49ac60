"""The words each built-in danger phrase needs (see phrase_lookup), worked out when zoomapp
was built, so that the first worry read - or the first journal line - does not wait a
quarter of a second for them.

content/danger-needs.pickle holds the decks as `worries.recogniser` puts them together from
the built-in packs, what each phrase needs, and the code that works needs out, byte for
byte. A reader whose decks differ (a coach's pack adds phrases) or whose code differs works
them out itself: the packs stay the only truth. Written by tests/ship_checked.py;
tests/test_shipped_content.py says when it must be run again.
"""

from __future__ import annotations

import pickle
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

NEEDS_FILE = "danger-needs.pickle"
Decks = tuple[tuple[str, tuple[str, ...]], ...]
Needs = dict[str, tuple[frozenset[str], ...]]


def shipped_needs(decks: Decks) -> Needs | None:
    """What each phrase of `decks` needs, if these are the decks and the code it was
    worked out for; else None."""
    found = _shipped()
    if not _code() or found.get("decks") != decks or found.get("code") != _code():
        return None
    needs = found.get("needs")
    return needs if isinstance(needs, dict) else None


def shelf(decks: Decks, needs: Needs) -> bytes:
    """All NEEDS_FILE holds (see tests/ship_checked.py)."""
    return pickle.dumps(
        {"code": _code(), "decks": decks, "needs": needs}, protocol=pickle.HIGHEST_PROTOCOL
    )


@cache
def _shipped() -> dict[str, Any]:
    try:
        found = pickle.loads(files("zoomapp.content").joinpath(NEEDS_FILE).read_bytes())
        return found if isinstance(found, dict) else {}
    except Exception:  # missing, damaged or from another version: worked out afresh
        return {}


@cache
def _code() -> bytes:
    """The bytes of the code that works out what a phrase needs, and the Unicode tables
    plain() reads with; b"" where the code is no plain file (a zip): worked out afresh."""
    import unicodedata

    from zoomapp.core.practice import danger, phrase_lookup, plain

    try:
        code = b"".join(Path(str(m.__file__)).read_bytes() for m in (danger, phrase_lookup, plain))
    except OSError:
        return b""
    return code + unicodedata.unidata_version.encode()
