"""Text from packs and files is only ever text: no terminal codes, no format tricks.

A coach's words may hold `{placeholders}`; they are filled here by name only, never by
`str.format` (whose format specs, indexes and attributes can raise, hang or allocate
without bound). Control characters - terminal escapes, the bell, bidi overrides - are
found for `pack check` and stripped wherever words are shown.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any

# C0 controls but newline and tab, DEL, C1 controls, and the bidi embeddings, overrides
# and isolates that can make text read differently from what it holds.
_CONTROL_RANGES = ((0x00, 0x08), (0x0B, 0x1F), (0x7F, 0x9F), (0x202A, 0x202E), (0x2066, 0x2069))
_CONTROL = "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in _CONTROL_RANGES)
_CONTROL_POINTS = [code for low, high in _CONTROL_RANGES for code in range(low, high + 1)]
# What `printable` does, as one str.translate table: controls go, a tab becomes a space.
_SHOWN = {**dict.fromkeys(_CONTROL_POINTS), 0x09: " "}
# Characters that take no room: with only these, a text looks empty.
_ZERO_WIDTH = "\u00ad\u180e\u200b-\u200f\u2060-\u2064\ufeff"


@functools.cache
def _pattern(name: str) -> re.Pattern[str]:
    """Compiled on first use: a launch that shows home needs none of them."""
    return re.compile(
        {
            "controls": f"[{_CONTROL}]",
            "invisible": f"[\\s{_CONTROL}{_ZERO_WIDTH}]*",
            "odd": f"[{_CONTROL}{_ZERO_WIDTH}]",
            # {name}, {{ and }}; anything else between braces is what `fields` reports.
            "field": r"\{\{|\}\}|\{([^{}]*)\}",
            "name": r"[A-Za-z_][A-Za-z0-9_]*",
        }[name]
    )


_CONTROL_NAMES = {
    "\x07": "BEL, the terminal bell",
    "\x08": "backspace",
    "\x1b": "ESC, which starts a terminal command",
    "\x7f": "DEL",
    "\u202e": "right-to-left override",
    "\u202d": "left-to-right override",
}


def printable(text: str) -> str:
    """`text` without control characters (a tab becomes a space): safe in any terminal."""
    if text.isprintable():
        return text  # the usual case, kept quick: timed screens redraw often
    return text.translate(_SHOWN)


def ordinary(text: str) -> bool:
    """True for text with something visible and nothing odd in it: no control character,
    no zero-width character (which is what nearly every text is)."""
    return _pattern("odd").search(text) is None and not text.isspace() and text != ""


def controls(text: str) -> list[tuple[int, str]]:
    """(index, character) of each control character in `text`."""
    return [(m.start(), m.group()) for m in _pattern("controls").finditer(text)]


def control_name(char: str) -> str:
    """'U+001B (ESC, which starts a terminal command)' for a message to a coach."""
    name = _CONTROL_NAMES.get(char)
    code = f"U+{ord(char):04X}"
    return f"{code} ({name})" if name else code


def is_invisible(text: str) -> bool:
    """True when nothing in `text` would show: spaces, zero-width and control characters."""
    return _pattern("invisible").fullmatch(text) is not None


def fields(template: str) -> list[tuple[str, str, bool]]:
    """Every placeholder written in `template` ({{ and }} are braces, not placeholders),
    as (written, name, plain): the whole {…} as written; the placeholder's name, or ''
    when it is not a plain name; True for {name}, False for a spec, index, attribute or
    conversion. (A tuple, not a NamedTuple: making that class cost every launch 0.08 %.)"""
    found = []
    for match in _pattern("field").finditer(template):
        inner = match.group(1)
        if inner is None:
            continue  # {{ or }}
        name = _pattern("name").match(inner)
        head = name.group() if name else ""
        found.append((match.group(), head, name is not None and head == inner))
    return found


def lone_braces(template: str) -> list[int]:
    """Where a `{` or `}` stands alone - not {{, }} or part of a {placeholder} - in
    `template`: shown as it is, but most likely a mistake (see docs/packs.md)."""
    paired: set[int] = set()
    for match in _pattern("field").finditer(template):
        paired.update(range(match.start(), match.end()))
    return [i for i, c in enumerate(template) if c in "{}" and i not in paired]


def fill(template: str, values: Mapping[str, Any]) -> str:
    """`template` with each {name} given in `values` replaced; {{ and }} become braces.

    Anything else between braces stays exactly as written. Linear in the template's
    length, and it never raises.
    """
    if "{" not in template and "}" not in template:
        return template

    def replace(match: re.Match[str]) -> str:
        whole = match.group()
        if whole == "{{":
            return "{"
        if whole == "}}":
            return "}"
        name = match.group(1)
        return str(values[name]) if name in values else whole

    return _pattern("field").sub(replace, template)
