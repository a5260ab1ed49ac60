"""The validator: a parsed pack walked against the format in schema.py, every problem said
plainly with its key path - what is wrong, and what to write instead.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from zoomapp.core.content.problem import Problem
from zoomapp.core.content.quoting import as_id, closest, counted, shorten
from zoomapp.core.content.schema import (
    ID_PATTERN,
    PLACEHOLDERS,
    SHAPES,
    TEXT_MAX_LENGTH,
    TEXT_WARN_LENGTH,
    Field,
)
from zoomapp.core.safe_text import (
    control_name,
    controls,
    fields,
    is_invisible,
    lone_braces,
    ordinary,
    printable,
)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{shorten(value, 30)}"'
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    return _number(value)


def _number(value: Any) -> str:
    """A number as a message shows it; TOML integers may have thousands of digits."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:
            return "nan"
        if abs(value) > 1e15:
            return "a number far too large" if value > 0 else "a number far too small"
        if isinstance(value, float) and value.is_integer():
            return f"{value:.1f}"  # as it was written: 1.0, not 1
        return f"{value:g}"
    return printable(str(value))[:40]


def _number_range(spec: Field) -> str:
    return f"from {spec.low:g} to {spec.high:g}"


MAX_PROBLEMS = 50  # per file: beyond this a coach needs the first ones, not ten thousand
MAX_SUGGESTIONS = 20  # "did you mean" is worked out for this many unknown keys at most


class Checker:
    """Walks a parsed document against the spec, collecting problems for one file.

    It stays linear in the size of the document however broken it is: after
    MAX_PROBLEMS problems the rest are only counted (`more`).
    """

    def __init__(self, file: str, known_texts: tuple[str, ...] = ()) -> None:
        self.file = file
        self.known_texts = known_texts
        self._known = frozenset(known_texts)
        self.problems: list[Problem] = []
        self.more = 0  # problems found beyond MAX_PROBLEMS
        self.more_errors = False
        self._suggested = 0

    def _add(self, problem: Problem) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem)
        else:
            self.more += 1
            self.more_errors = self.more_errors or not problem.warning

    @property
    def full(self) -> bool:
        """True once MAX_PROBLEMS are kept: further errors need only be counted."""
        return len(self.problems) >= MAX_PROBLEMS

    def count_error(self) -> None:
        self.more += 1
        self.more_errors = True

    def error(self, key: str, message: str) -> None:
        self._add(Problem(self.file, key, message))

    def warn(self, key: str, message: str) -> None:
        self._add(Problem(self.file, key, message, warning=True))

    @property
    def has_errors(self) -> bool:
        return self.more_errors or any(not p.warning for p in self.problems)

    def summary(self) -> Problem | None:
        """'... and 9,950 more problems', when some were only counted."""
        if not self.more:
            return None
        return Problem(
            self.file,
            "",
            f"... and {counted(self.more, 'more problem')} like these - fix the ones above first",
            warning=not self.more_errors,
        )

    def _suggest(self, word: str, options: tuple[str, ...] | list[str]) -> str | None:
        if self._suggested >= MAX_SUGGESTIONS:
            return None
        self._suggested += 1
        return closest(word, options)

    def table(self, data: dict[str, Any], spec: dict[str, Field], path: str) -> None:
        for key, value in data.items():
            where = f"{path}.{key}" if path else key
            if key not in spec:
                if self.full:
                    self.count_error()
                    continue
                hint = self._suggest(key, tuple(spec))
                known = ", ".join(spec)
                suggestion = f"did you mean '{hint}'?" if hint else f"known keys: {known}"
                self.error(where, f"unknown key '{shorten(key)}' - {suggestion}")
                continue
            self.value(value, spec[key], where)
        for key, rule in spec.items():
            if rule.required and key not in data:
                where = f"{path}.{key}" if path else key
                if rule.kind == "table":
                    self.error(where, f"[{key}] is missing - add a [{key}] table ({rule.doc})")
                elif key == "format":
                    self.error(where, "'format' is missing - add format = 1 at the top")
                else:
                    self.error(where, f"'{key}' is missing - add {key} = ... ({rule.doc})")

    def value(self, value: Any, spec: Field, path: str) -> None:
        """Check one value against its field: which check runs is the field's kind."""
        name = path.rsplit(".", 1)[-1].split("[")[0]
        _CHECK_BY_KIND[spec.kind](self, value, spec, path, name)

    def _text(self, value: Any, spec: Field, path: str, name: str) -> None:
        if not isinstance(value, str):
            self.error(path, f"{name} must be text in quotes, got {_describe(value)}")
        elif not value.strip():
            self.error(path, f"{name} is empty - write some words or remove the key")
        elif spec.kind == "id" and not ID_PATTERN.match(value):
            meant = as_id(value)
            hint = f" - did you mean '{meant}'?" if meant else ""
            self.error(
                path,
                f"{name} must be lowercase letters, digits and dashes, "
                f"like 'calm-mornings', got {_describe(value)}{hint}",
            )
        elif spec.choices and value not in spec.choices:
            options = ", ".join(f'"{c}"' for c in spec.choices)
            self.error(path, f"{name} must be one of {options}, got {_describe(value)}")
        else:
            self.words(path, name, value)

    def _shaped(self, value: Any, spec: Field, path: str, name: str) -> None:
        rule, example = SHAPES[spec.kind]
        if not isinstance(value, str):
            self.error(path, f"{name} must be text in quotes, like {example}")
        elif not rule.fullmatch(value):
            self.error(path, f"{name} must look like {example}, got {_describe(value)}")
        else:
            self.words(path, name, value)  # a link is shown too: only text in it

    def _ids(self, value: Any, spec: Field, path: str, name: str) -> None:
        ids = value if isinstance(value, list) else [value]
        if not ids or not all(isinstance(i, str) and ID_PATTERN.match(i) for i in ids):
            wrong = next((i for i in ids if isinstance(i, str) and not ID_PATTERN.match(i)), "")
            meant = as_id(wrong) if wrong else None
            hint = f" - did you mean '{meant}'?" if meant else ""
            self.error(
                path,
                f'{name} must be an id like "box", or a list like ["box", "coherent"],'
                f" got {_describe(value)}{hint}",
            )

    def _date(self, value: Any, spec: Field, path: str, name: str) -> None:
        import datetime

        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            quoted = ""
            if isinstance(value, str):
                with contextlib.suppress(ValueError):
                    datetime.date.fromisoformat(value)
                    quoted = f" - take the quotes away: {name} = {value}"
            self.error(
                path,
                f"{name} must be a date like 2026-12-02, got {_describe(value)}{quoted}",
            )

    def _amount(self, value: Any, spec: Field, path: str, name: str) -> None:
        whole = spec.kind == "int"
        what = "a whole number" if whole else "a number of seconds"
        bounds = f" {_number_range(spec)}" if spec.low is not None else ""
        right_type = isinstance(value, int if whole else (int, float))
        if isinstance(value, bool) or not right_type:
            said = f"{name} must be {what}{bounds}, got {_describe(value)}"
            if whole and isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
                said += f" - write it without the point: {name} = {int(value)}"
            self.error(path, said)
        elif (
            spec.low is not None and spec.high is not None and not (spec.low <= value <= spec.high)
        ):
            self.error(path, f"{name} must be {what}{bounds}, got {_number(value)}")

    def _bool(self, value: Any, spec: Field, path: str, name: str) -> None:
        if not isinstance(value, bool):
            self.error(path, f"{name} must be true or false, got {_describe(value)}")

    def _strings(self, value: Any, spec: Field, path: str, name: str) -> None:
        if not isinstance(value, list):
            self.error(
                path,
                f'{name} must be a list of texts like ["...", "..."], got {_describe(value)}',
            )
            return
        for index, item in enumerate(value):
            if not isinstance(item, str):
                self.error(
                    f"{path}[{index}]",
                    f"each of {name} must be text in quotes, got {_describe(item)}",
                )
            elif not item.strip():
                self.error(f"{path}[{index}]", f"{name} has an empty entry - remove it")
            else:
                self.words(f"{path}[{index}]", f"{name}[{index}]", item)

    def _table(self, value: Any, spec: Field, path: str, name: str) -> None:
        if not isinstance(value, dict):
            self.error(path, f"{name} must be a table [{name}], got {_describe(value)}")
            return
        self.table(value, spec.fields, path)

    def _tables(self, value: Any, spec: Field, path: str, name: str) -> None:
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.error(
                path,
                f"{name} must be a list of tables ([[{name}]] or {{ ... }}), "
                f"got {_describe(value)}",
            )
            return
        for index, item in enumerate(value):
            self.table(item, spec.fields, f"{path}[{index}]")

    def _texts(self, value: Any, spec: Field, path: str, name: str) -> None:
        if not isinstance(value, dict):
            self.error(path, f"[{name}] must be a table of texts, got {_describe(value)}")
            return
        for key, text in value.items():
            where = f"{path}.{key}"
            if self._known and key not in self._known:
                if self.full:
                    self.count_error()
                    continue
                hint = self._suggest(key, self.known_texts)
                tail = f" - did you mean '{hint}'?" if hint else ""
                self.error(where, f"unknown text key '{shorten(key)}'{tail}")
            elif not isinstance(text, str):
                self.error(where, f"{key} must be text in quotes, got {_describe(text)}")
            elif not text.strip():
                self.error(where, f"{key} is empty - write some words or remove the key")
            elif self.words(where, key, text):
                self.placeholders(where, key, text)

    def words(self, path: str, name: str, text: str) -> bool:
        """What every text a pack shows must be: text only, visible, of a size that fits.

        Returns False when the text was refused.
        """
        if len(text) <= TEXT_WARN_LENGTH and ordinary(text):
            return True  # nearly every text: one quick look
        found = controls(text)
        if found:
            index, char = found[0]
            more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
            self.error(
                path,
                f"{name} holds a control character, {control_name(char)}, at character"
                f" {index + 1}{more} - remove it: a pack holds only words",
            )
            return False
        if is_invisible(text):
            self.error(
                path, f"{name} has only invisible characters - write some words or remove it"
            )
            return False
        if len(text) > TEXT_MAX_LENGTH:
            self.error(
                path,
                f"{name} is {len(text):,} characters long - keep it under {TEXT_MAX_LENGTH:,}"
                " (a screen shows far less)",
            )
            return False
        if len(text) > TEXT_WARN_LENGTH:
            self.warn(
                path,
                f"{name} is {len(text):,} characters long - a screen at 80x24 shows about"
                f" {TEXT_WARN_LENGTH}; shorter reads better in a hard moment",
            )
        return True

    def placeholders(self, path: str, key: str, text: str) -> None:
        """Only the {placeholders} this text key declares, each written plainly."""
        allowed = PLACEHOLDERS.get(key, ())
        can_use = (
            "this text can use " + ", ".join(f"{{{n}}}" for n in allowed)
            if allowed
            else "this text has no placeholders; to show a brace, write {{ or }}"
        )
        used = set()
        for whole, name, plain in fields(text):
            written = shorten(whole)
            if name in allowed:
                used.add(name)
                if not plain:
                    self.error(path, f"{written} cannot be formatted - write just {{{name}}}")
            else:
                self.error(path, f"{written} is not a placeholder here - {can_use}")
        for name in allowed:
            if name not in used:
                self.warn(path, f"{key} leaves out {{{name}}}, so that value will not show")
        for place in lone_braces(text)[:3]:
            brace = text[place]
            self.warn(
                path,
                f"a lone '{brace}' at character {place + 1} of {key} - to show a brace,"
                f" write it twice: '{brace * 2}'",
            )


# Which check a value gets, by the kind of its field.
_CHECK_BY_KIND: dict[str, Callable[[Checker, Any, Field, str, str], None]] = {
    "str": Checker._text,
    "id": Checker._text,
    "country": Checker._shaped,
    "phone": Checker._shaped,
    "url": Checker._shaped,
    "ids": Checker._ids,
    "date": Checker._date,
    "int": Checker._amount,
    "number": Checker._amount,
    "bool": Checker._bool,
    "strings": Checker._strings,
    "table": Checker._table,
    "tables": Checker._tables,
    "texts": Checker._texts,
}
