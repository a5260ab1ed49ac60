"""More help, put together: the parent's own numbers, the lines for their country, advice.

The country comes from `--country`, then Settings, then the locale (`locale_guess`). The
parent's own numbers ("my sister", "our therapist") live in numbers.toml beside the
journal, private like it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from zoomapp.core.content.model import Content, HelpItem
from zoomapp.core.files import atomic_write, read_file
from zoomapp.core.safe_text import printable

NUMBER = re.compile(r"\+?[0-9*#][0-9 ()*#.-]{0,24}")
MAX_NAME = 60


class OwnNumber(NamedTuple):
    name: str
    number: str


FIRST = "danger"  # the advice shown before anything else: call the emergency number


class Help(NamedTuple):
    """Everything More help shows, in the order it is shown."""

    country: str  # the code the lines are for, or "" when none is known
    first: list[HelpItem]  # what to do when anyone is in danger
    emergency: list[HelpItem]  # the country's emergency number, shown right after `first`
    own: list[OwnNumber]
    lines: list[HelpItem]  # its other numbers (none when the country is not known)
    advice: list[HelpItem]  # the rest, for every country

    @property
    def has_numbers(self) -> bool:
        """Whether the packs have any line for the country, its emergency number included."""
        return bool(self.emergency or self.lines)


def countries(content: Content) -> list[str]:
    """The countries the packs have numbers for, sorted."""
    return sorted({item.country for item in content.help.values() if item.country})


def country_name(content: Content, code: str) -> str:
    key = f"country_{code.lower()}"
    return content.texts.get(key, code) if code else content.text("country_none")


def gather(content: Content, country: str, own: list[OwnNumber]) -> Help:
    country = country.upper()
    lines = [item for item in content.help.values() if item.country and item.country == country]
    everywhere = [item for item in content.help.values() if not item.country]
    first = [item for item in everywhere if item.id == FIRST]
    emergency = [item for item in lines if item.emergency]
    others = [item for item in lines if not item.emergency]
    return Help(country, first, emergency, own, others, [i for i in everywhere if i.id != FIRST])


def heading(item: HelpItem) -> str:
    """The item's title, with its number when the title does not already say it."""
    if not item.number or item.number in item.title:
        return item.title
    return f"{item.title}: {item.number}"


def details(content: Content, item: HelpItem) -> str:
    """'24 hours, every day · free' - what is known about when and how it answers."""
    parts = [item.hours] if item.hours else []
    if item.free is True:
        parts.append(content.text("help_free"))
    return " · ".join(parts)


def source_line(content: Content, item: HelpItem) -> str:
    if not item.source:
        return ""
    return content.text("help_source", source=item.source, checked=item.checked)


# --- the parent's own numbers ---------------------------------------------------------------


def numbers_file(data_dir: Path) -> Path:
    return data_dir / "numbers.toml"


def load_numbers(path: Path) -> list[OwnNumber]:
    """The parent's own numbers; a file that cannot be read gives none (and is left alone)."""
    import tomllib

    try:
        doc = tomllib.loads(read_file(path, 1_000_000).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return []
    found = []
    for item in doc.get("numbers", []) if isinstance(doc.get("numbers"), list) else []:
        name, number = (item.get("name"), item.get("number")) if isinstance(item, dict) else (0, 0)
        if isinstance(name, str) and isinstance(number, str):
            found.append(OwnNumber(printable(name), printable(number)))
    return found


class NumberError(ValueError):
    """A name or number that cannot be kept; the message says what to write."""


def add_number(path: Path, name: str, number: str) -> OwnNumber:
    """Keep one more number (atomically, privately); the list keeps the order added."""
    name = " ".join(printable(name).split())
    number = " ".join(printable(number).split())
    if not name:
        raise NumberError('the name is empty - write who it is, like "My sister"')
    if len(name) > MAX_NAME:
        raise NumberError(f"the name is {len(name)} characters; keep it under {MAX_NAME}")
    if not NUMBER.fullmatch(number):
        raise NumberError(f"'{number[:30]}' is not a phone number - use digits, like 0800 1111")
    import tomli_w

    numbers = [*load_numbers(path), OwnNumber(name, number)]
    doc = {"numbers": [{"name": n.name, "number": n.number} for n in numbers]}
    atomic_write(path, tomli_w.dumps(doc))
    return numbers[-1]
