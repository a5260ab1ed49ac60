"""The day file's text: written in one fixed, friendly layout, and read back quickly.

`render_day` writes the layout documented in docs/journal-format.md. `parse_day` reads
that exact layout several times faster than a general TOML parser, which matters when a
search opens thousands of days; anything else (a comment, a hand-edited line, a literal
string) goes to tomllib, so every valid TOML file still reads the same.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

LISTS: tuple[str, ...] = ("wins", "strengths", "sessions")
LISTS += ("school", "ladder", "tried", "helps", "change", "held", "tomorrow")  # core/school
KNOWN_TOP = {"format", "date", "written", "replaces", "feeling", *LISTS}

_LINE = re.compile(r"([A-Za-z0-9_-]+) = (.+)")
_TABLE = re.compile(r"\[\[(" + "|".join(LISTS) + r")\]\]")
_INT = re.compile(r"-?(0|[1-9][0-9]*)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
_SAFE_STRING = re.compile(r'"(?:[^"\\\x00-\x1f\x7f]|\\["\\bfnrt]|\\u[0-9A-Fa-f]{4})*"')
_STRING_LIST = re.compile(
    r'\[(?:"(?:[^"\\\x00-\x1f\x7f]|\\["\\bfnrt]|\\u[0-9A-Fa-f]{4})*"'
    r'(?:, "(?:[^"\\\x00-\x1f\x7f]|\\["\\bfnrt]|\\u[0-9A-Fa-f]{4})*")*)?\]'
)


_SURROGATE = re.compile(r"\\u[dD][89a-fA-F]")


def _has_surrogate(value: Any) -> bool:
    texts = value if isinstance(value, list) else [value]
    return any("\ud800" <= c <= "\udfff" for t in texts for c in t)


class _NotSimple(Exception):
    """The text is not in our own layout: let tomllib read it."""


def _value(raw: str) -> Any:
    # Only forms whose meaning is the same in JSON and TOML are read here.
    if raw[0] == '"' and raw[-1] == '"' and "\\" not in raw and raw.isprintable():
        inner = raw[1:-1]
        if '"' not in inner and len(raw) > 1:
            return inner  # no escapes at all: the text is exactly what is between the quotes
    if raw[0] == "[" and raw[-1] == "]" and "\\" not in raw and raw.isprintable():
        inner = raw[2:-2]  # ["school", "morning"], as our own layout writes a list of tags
        items = inner.split('", "')
        if raw[1] == '"' and raw[-2] == '"' and len(raw) > 3 and all('"' not in i for i in items):
            return items
    if raw[0] in '"[':
        if not (_SAFE_STRING if raw[0] == '"' else _STRING_LIST).fullmatch(raw):
            raise _NotSimple
        import json  # here: text with escapes is rare, and most commands read none

        value = json.loads(raw)
        if _SURROGATE.search(raw) and _has_surrogate(value):
            raise _NotSimple  # JSON allows lone surrogates; TOML does not
        return value
    if raw == "true":
        return True
    if raw == "false":
        return False
    if len(raw) == 19 and _DATETIME.fullmatch(raw):
        return datetime.fromisoformat(raw)
    if len(raw) == 10 and _DATE.fullmatch(raw):
        return date.fromisoformat(raw)
    if _INT.fullmatch(raw):
        return int(raw)
    raise _NotSimple


# The keys our own layout writes: a line that starts with one needs no pattern to split.
_OUR_KEYS = frozenset(
    "format date written replaces feeling at text tags kind id started seconds ended_early"
    " rating_before rating_after rating_scale went arrived left hard why step order retired"
    " help doing say start said upset".split()
)


def _fast(text: str, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    doc: dict[str, Any] = {}
    table: dict[str, Any] | None = doc
    for line in text.split("\n"):
        if not line:
            continue
        if line[0] == "[":
            header = _TABLE.fullmatch(line)
            if not header:
                raise _NotSimple
            name = header.group(1)
            if not isinstance(doc.setdefault(name, []), list):
                raise _NotSimple
            table = None if name in skip else {}
            if table is not None:
                doc[name].append(table)
            continue
        if table is None:
            continue  # a table the reader does not want: not even read
        key, _, raw = line.partition(" = ")
        if not (raw and key in _OUR_KEYS):
            match = _LINE.fullmatch(line)
            if not match:
                raise _NotSimple
            key, raw = match.groups()
        if key in table or (table is doc and key in LISTS):
            raise _NotSimple  # duplicates and mixed forms are tomllib's to judge
        table[key] = _value(raw)
    return doc


def parse_day(text: str, skip: frozenset[str] = frozenset()) -> dict[str, Any]:
    """The TOML document in `text`. Raises tomllib.TOMLDecodeError like tomllib does.

    Tables named in `skip` may be left out, unread (a search that wants no sessions).
    """
    try:
        return _fast(text, skip)
    except (_NotSimple, ValueError):
        import tomllib  # here: only a file edited by hand needs the general parser

        return tomllib.loads(text)


# --- writing ------------------------------------------------------------------------------


def toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string, except that TOML also escapes DEL.
    import json

    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.replace(microsecond=0, tzinfo=None).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(toml_string(v) for v in value) + "]"
    return toml_string(str(value))


def entry_block(kind: str, item: dict[str, Any]) -> str:
    """One [[kind]] table, ready to append to a day file."""
    lines = [f"[[{kind}]]"] + [f"{key} = {_shown(value)}" for key, value in item.items()]
    return "\n".join(lines) + "\n"


def _simple(doc: dict[str, Any]) -> bool:
    if not set(doc) <= KNOWN_TOP:
        return False
    for kind in LISTS:
        for item in doc.get(kind, []):
            if not isinstance(item, dict):
                return False
            for value in item.values():
                if isinstance(value, list) and not all(isinstance(v, str) for v in value):
                    return False
                if not isinstance(value, (str, int, float, bool, date, list)):
                    return False
    return True


def render_day(doc: dict[str, Any]) -> str:
    """The whole day file. Keys this version does not know are kept, via a generic writer."""
    if not _simple(doc):
        import tomli_w

        return tomli_w.dumps(doc)
    head = [f"format = {doc.get('format', 1)}", f"date = {doc['date'].isoformat()}"]
    if "written" in doc:  # to the microsecond: parts written in the same second stay in order
        head.append(f"written = {doc['written'].isoformat()}")
    if "replaces" in doc:
        head.append(f"replaces = {_shown(doc['replaces'])}")
    if doc.get("feeling"):
        head.append(f"feeling = {toml_string(doc['feeling'])}")
    blocks = ["\n".join(head) + "\n"]
    for kind in LISTS:
        blocks += [entry_block(kind, item) for item in doc.get(kind, [])]
    return "\n".join(blocks)
