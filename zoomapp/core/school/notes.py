"""What each note of the way back to school may say, checked before anything is saved.

The words a parent sees are the packs' (`school_went_full`, ...); these are the values
kept in the day file, and the checks that turn bad input into an EntryError.
"""

from __future__ import annotations

import re
from typing import Any

from zoomapp.core.errors import EntryError
from zoomapp.core.journal.day import clean_text, tidy, utf8

# A school day: there all day, part of it, not today, or no school (weekend, holiday, ill).
DAY_WENT = ("full", "part", "none", "off")
OFF_WHY = ("weekend", "holiday", "ill", "other")
# A step tried: done, part of it, or not today.
TRIED_WENT = ("done", "part", "not")
# An evening's note on the one thing being changed: held, partly, or not yet.
HELD_WENT = ("held", "partly", "notyet")
TOP = 10  # how hard a morning or a step seems, how upset the child was: 0 to 10
MAX_STEP = 200  # "one hour in the library, with Ms Khan, before break"
MAX_SAID = 1000
_CLOCK = re.compile(r"([01]?\d|2[0-3])[:.h]([0-5]\d)")


def choice(value: str, allowed: tuple[str, ...]) -> str:
    word = value.strip().casefold().replace("-", "").replace(" ", "")
    if word not in allowed:
        raise EntryError("error_school_choice", given=value, allowed=", ".join(allowed))
    return word


def score(value: Any) -> int | None:
    """0 to 10, from a number or its digits; None for nothing given."""
    if value is None or value == "":
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        raise EntryError("error_school_score", given=value, top=TOP) from None
    if not 0 <= number <= TOP:
        raise EntryError("error_school_score", given=value, top=TOP)
    return number


def clock(value: str | None) -> str | None:
    """'9:05' -> '09:05' (also 9.05 and 9h05); None for nothing given."""
    if value is None or not value.strip():
        return None
    match = _CLOCK.fullmatch(value.strip())
    if not match:
        raise EntryError("error_school_clock", given=value)
    return f"{int(match.group(1)):02d}:{match.group(2)}"


def step_text(text: str) -> str:
    text = " ".join(clean_text(text).split())
    if len(text) > MAX_STEP:
        raise EntryError("error_text_long", length=len(text), limit=MAX_STEP)
    return text


def said(text: str | None) -> str:
    """Words the parent said or will say; may be empty."""
    text = utf8(tidy(text or ""))
    if len(text) > MAX_SAID:
        raise EntryError("error_text_long", length=len(text), limit=MAX_SAID)
    return text


def valid(item: Any, key: str, allowed: tuple[str, ...]) -> str | None:
    """A stored choice, or None when a hand edit left something else there."""
    value = item.get(key) if isinstance(item, dict) else None
    return value if isinstance(value, str) and value in allowed else None


def stored_score(item: dict[str, Any], key: str) -> int | None:
    value = item.get(key)
    ok = isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= TOP
    return value if ok else None
