"""Find where a key path (`patterns[2].phases[1].seconds`) is written in a TOML text.

tomllib gives positions only for syntax errors. For every other problem a coach still
deserves FILE:LINE:COL, so this walks the text: the N-th [[table]] header, then the key
inside it, then the K-th element of an inline array, then a key in that inline table.
When the exact spot cannot be found it returns the nearest enclosing one.
"""

from __future__ import annotations

import functools
import re

_PART = re.compile(r"([^.\[\]]+)(?:\[(\d+)\])?")
_HEADER = re.compile(r"^[ \t]*\[", re.MULTILINE)


def _parts(path: str) -> list[tuple[str, int | None]]:
    return [(name, int(index) if index else None) for name, index in _PART.findall(path)]


def _position(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    column = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _skip_string(source: str, i: int) -> int:
    """Index just past the string starting at i (any of TOML's four kinds)."""
    for quote in ('"""', "'''"):
        if source.startswith(quote, i):
            end = source.find(quote, i + 3)
            return len(source) if end < 0 else end + 3
    quote = source[i]
    i += 1
    while i < len(source) and source[i] not in (quote, "\n"):
        i += 2 if quote == '"' and source[i] == "\\" else 1
    return i + 1


def _element(source: str, start: int, end: int, wanted: int) -> int | None:
    """Offset of the `wanted`-th element of the array that opens at or after `start`."""
    i = source.find("[", start, end)
    if i < 0:
        return None
    depth, count, i = 0, 0, i + 1
    at_element = True
    while i < end:
        c = source[i]
        if c in "\"'":
            if depth == 0 and at_element:
                if count == wanted:
                    return i
                at_element = False
            i = _skip_string(source, i)
            continue
        if c == "#":
            newline = source.find("\n", i)
            i = end if newline < 0 else newline
            continue
        if c in "[{":
            if depth == 0 and at_element:
                if count == wanted:
                    return i
                at_element = False
            depth += 1
        elif c in "]}":
            if depth == 0:
                return None
            depth -= 1
        elif c == "," and depth == 0:
            count += 1
            at_element = True
        elif not c.isspace() and depth == 0 and at_element:
            if count == wanted:
                return i
            at_element = False
        i += 1
    return None


def _closing(source: str, i: int, end: int) -> int:
    """Index just past the bracket or brace that opens at i (or i+1 for a scalar)."""
    if source[i] not in "[{":
        return i + 1
    depth = 0
    while i < end:
        c = source[i]
        if c in "\"'":
            i = _skip_string(source, i)
            continue
        if c in "[{":
            depth += 1
        elif c in "]}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return end


def _key(source: str, start: int, end: int, name: str, inline: bool) -> int | None:
    """Offset of `name =` between start and end (in an inline table, at its own depth)."""
    pattern = re.compile(
        (r"[{,\s]" if inline else r"(?:^|\n)[ \t]*") + r"(\"?)" + re.escape(name) + r"\1[ \t]*="
    )
    match = pattern.search(source, start, end)
    if not match:
        return None
    return match.start(1) if match.group(1) else match.start() + match.group(0).index(name)


@functools.lru_cache(maxsize=16)
def _headers(source: str, name: str, array: bool) -> tuple[tuple[int, int], ...]:
    """(start, end) of every [name] (or [[name]]) header: found once per text, so a file
    with thousands of problems is still read through once, not once per problem."""
    header = (
        re.compile(r"^[ \t]*\[\[[ \t]*" + re.escape(name) + r"[ \t]*\]\]", re.MULTILINE)
        if array
        else re.compile(r"^[ \t]*\[[ \t]*" + re.escape(name) + r"[ \t]*\]", re.MULTILINE)
    )
    return tuple((m.start(), m.end()) for m in header.finditer(source))


def _block(source: str, name: str, index: int | None) -> tuple[int, int] | None:
    """(start, end) of the [name] table or the index-th [[name]] table."""
    matches = _headers(source, name, index is not None)
    position = index or 0
    if position >= len(matches):
        return None
    start, end = matches[position]
    following = _HEADER.search(source, end)
    return start, following.start() if following else len(source)


def locate(source: str, path: str) -> tuple[int, int] | None:
    """(line, column) of `path` in `source`, or of its nearest enclosing part, or None."""
    parts = _parts(path)
    if not parts:
        return None
    first_end = _HEADER.search(source)
    name, index = parts[0]
    block = _block(source, name, index)
    if block is None:
        # A top-level key (format = 1), or a table written inline: look before any header.
        start, end = 0, first_end.start() if first_end else len(source)
        found = _key(source, start, end, name, inline=False)
        if found is None:
            return None
        best = found
        if index is not None:
            element = _element(source, found, len(source), index)
            if element is None:
                return _position(source, best)
            best = start = element
            end = len(source)
        rest = parts[1:]
        inline = True
    else:
        start, end = block
        best = start
        rest = parts[1:]
        inline = False
    for name, index in rest:
        found = _key(source, start, end, name, inline)
        if found is None:
            break
        best = start = found
        if index is not None:
            element = _element(source, found, end, index)
            if element is None:
                break
            best = start = element
            end = _closing(source, element, end)  # later keys live inside this element
            inline = True
    return _position(source, best)


def too_deep(source: str, limit: int) -> int | None:
    """Offset of the first [ or { nested more than `limit` deep (outside strings and
    comments), or None. Finds what would make a parser recurse without end."""
    depth = 0
    i = 0
    end = len(source)
    opener = re.compile(r"[\[\]{}\"'#]")
    while True:
        found = opener.search(source, i)
        if found is None:
            return None
        i = found.start()
        c = source[i]
        if c in "\"'":
            i = _skip_string(source, i)
            continue
        if c == "#":
            newline = source.find("\n", i)
            if newline < 0:
                return None
            i = newline
            continue
        if c in "[{":
            depth += 1
            if depth > limit:
                return i
        elif depth:
            depth -= 1
        i += 1
        if i >= end:
            return None
