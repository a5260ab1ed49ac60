"""A TOML syntax error in a coach's words: what is wrong on which line, and what to write
instead - "this text has no closing quote on line 26", never "Illegal character '\\n'"."""

from __future__ import annotations

import re

from zoomapp.core.content.problem import Problem
from zoomapp.core.content.quoting import shorten

_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")
_KEY_TUPLE = re.compile(r"\((?:'[^'\\]*(?:\\.[^'\\]*)*',? ?)+\)")
_CHAR_REPR = re.compile(r"'\\x([0-9a-f]{2})'|'\\u([0-9a-f]{4})'")
CURLY_QUOTES = "“”„‘’‚«»"  # what a word processor or phone writes for " and '


def line_column(source: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of a character of `source`."""
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def syntax_problem(file: str, source: str, message: str) -> Problem:
    """tomllib's message in a coach's words, always with a line and a column.

    The common mistakes (a quote not closed, a curly quote, a list not closed ...) are said
    plainly with their line. The rest keep tomllib's sense, tidied: `Cannot declare ('a',
    'c') twice` becomes `a.c is declared twice`; a character shown as a Python escape
    becomes U+001B.
    """
    match = _POSITION.search(message)
    at_end = match is None
    if match:
        line, column = int(match.group(1)), int(match.group(2))
    else:
        line, column = line_column(source, len(source.rstrip("\n")))
    text = _POSITION.sub("", message).replace("(at end of document)", "").strip().rstrip(".")
    plain = _plainly(text, source, line, column, at_end)
    if plain is not None:
        said, said_line = plain
        return Problem(file, "", said, said_line, column if said_line == line else 1)
    text = _KEY_TUPLE.sub(_dotted, text)
    text = _CHAR_REPR.sub(lambda m: f"U+{(m.group(1) or m.group(2)).upper():0>4}", text)
    for pattern, replaced in _SAID_PLAINLY:
        text = re.sub(pattern, replaced, text)
    return Problem(file, "", f"TOML syntax: {text[:1].lower()}{text[1:]}", line, column)


def _dotted(found: re.Match[str]) -> str:
    import ast

    try:
        parts = ast.literal_eval(found.group())
    except (ValueError, SyntaxError):
        return found.group()
    parts = parts if isinstance(parts, tuple) else (parts,)
    return shorten(".".join(str(p) for p in parts), 60)


def _curly(text: str) -> str:
    """The first curly quote in `text` outside straight quotes, or ""."""
    quote = ""
    for char in text:
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in CURLY_QUOTES:
            return char
        elif char == "#":
            return ""
    return ""


def _curly_said(line: int, char: str) -> str:
    return f'line {line} uses a curly quote {char} - write a straight quote " instead'


def _plainly(
    text: str, source: str, line: int, column: int, at_end: bool
) -> tuple[str, int] | None:
    """(what to say, the line it is on) for a message a coach meets often; None otherwise."""
    lines = source.split("\n")
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    char = here[column - 1 : column]
    curly = char if char and char in CURLY_QUOTES else ""
    if not curly and text.startswith(_AT_A_QUOTE):
        curly = _curly(here)
    if curly:
        return _curly_said(line, curly), line
    if text == "Illegal character '\\n'":
        return _no_closing_quote(here, line), line
    if text in ("Unterminated string", 'Expected "\'"', 'Expected "\\""'):
        start = _opening_line(source)
        return f"this text has no closing quote - it starts on line {start}", start
    if text == "Expected newline or end of document after a statement":
        if here[column - 2 : column - 1] in ('"', "'"):
            return (
                f"the text on line {line} ends at column {column - 1}, but more follows"
                ' - to put a quote inside a text, write \\" (or use curly quotes there)',
                line,
            )
        return f"line {line} has more after its value - put each key = value on its own line", line
    if text == "Invalid value":
        if at_end:
            return f"line {line} ends without a value - write one after =", line
        if char.isalpha():
            return (
                f'the value on line {line} is not in quotes - write text as "like this"'
                " (numbers, true and false need none)",
                line,
            )
        return (
            f'line {line} has no value there - write text in quotes "...", a number or a list',
            line,
        )
    said = _SIMPLE.get(text)
    return (said.replace("{line}", str(line)), line) if said else None


_AT_A_QUOTE = ("Invalid", "Expected '='", "Unclosed", "Expected newline")


def _no_closing_quote(here: str, line: int) -> str:
    """A text that runs to the end of its line: its closing quote is missing, or curly."""
    opened = max(here.find('"'), 0)
    curly = next((c for c in here[opened + 1 :] if c in CURLY_QUOTES), "")
    if curly and here.rstrip().endswith(curly):
        return (
            f"this text has no closing quote on line {line} - it ends with a curly quote"
            f' {curly}: write a straight quote " instead'
        )
    return f'this text has no closing quote on line {line} - end it with " before the line ends'


def _opening_line(source: str) -> int:
    """The line of the quote that opens the text left open at the end of the file."""
    found = max(source.rfind('"""'), source.rfind("'''"))
    if found < 0:
        found = max(source.rfind('"'), source.rfind("'"))
    return line_column(source, max(found, 0))[0]


_SIMPLE = {
    "Unclosed array": "a list on line {line} is missing a comma or its closing ]"
    " - put , between the texts and ] at the end",
    "Unclosed inline table": "a { ... } on line {line} is missing a comma or its closing }"
    " - keep it on one line",
    "Expected '=' after a key in a key/value pair": "line {line} has a name without = after it"
    " - write key = value",
    "Invalid statement": "line {line} is not key = value, a [table] or a # comment"
    " - check it for a missing key or extra characters",
    "Invalid initial character for a key part": "a key on line {line} starts with a character"
    " keys cannot have - use letters, digits, _ and -",
    "Expected ']' at the end of a table declaration": "the table name on line {line}"
    " has no closing ] - write [name]",
    "Expected ']]' at the end of an array declaration": "the table name on line {line}"
    " has no closing ]] - write [[name]]",
    "Unescaped '\\' in a string": "a backslash on line {line} starts no escape"
    " - write \\\\ for one backslash, or use ' around the text",
    "Invalid hex value": "the \\u escape on line {line} is not a character"
    " - write \\u and four hex digits, like \\u00e9",
    "Escaped character is not a Unicode scalar value": "the \\u escape on line {line}"
    " is not a character - write \\u and four hex digits, like \\u00e9",
    "Invalid date or datetime": "the date on line {line} does not exist"
    " - write a real date, like 2026-12-02",
}

_SAID_PLAINLY = (
    (r"^Cannot declare (.+) twice$", r"\1 is declared twice - keep one of them"),
    (
        r"^Cannot mutate immutable namespace (.+)$",
        r"\1 was written inline ({ ... }) or as an array, so it cannot be added to here",
    ),
    (r"^Cannot redefine namespace (.+)$", r"\1 is already a table - it cannot be set again"),
    (r"^Duplicate inline table key '(.+)'$", r"\1 is written twice in the same { ... }"),
    (r"^Cannot overwrite a value$", "this key already has a value - keep one of them"),
    (
        r"^Illegal character (U\+[0-9A-F]{4})$",
        r"a text holds a control character, \1 - remove it",
    ),
)
