"""Dates in words, both ways, in the packs' language: "2 days ago" to a date, a date to "Monday".

The words are texts of the packs (`date_today`, `date_days_ago`, `weekdays`, …), so a
coach's Spanish pack makes `hace 2 días` and `el lunes pasado` work, and shows dates as
`ayer`. Accents and case do not matter when reading ("miercoles" is Wednesday).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from datetime import date, timedelta

from zoomapp.core.errors import EntryError

EARLIEST = date(1900, 1, 1)  # a date before this is a typo in the year

Text = Callable[..., str]  # Content.text: a key and its values to words


def _plain(text: str) -> str:
    """Lowercase, without accents, single spaces: how typed dates are compared."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _names(text: Text, key: str) -> list[str]:
    return [_plain(name) for name in text(key).split(",") if name.strip()]


_WORDS = {"count": r"\d{1,5}", "weekday": r"\w+"}


@functools.lru_cache(maxsize=16)
def _template(written: str, wanted: str) -> re.Pattern[str]:
    """'hace {count} días' -> a pattern that reads the {wanted} value out of typed text.

    Everything else a coach wrote is matched as written: other braces, repeats of the
    placeholder, characters that mean something in a pattern.
    """
    parts = re.split(r"(\{(?:count|weekday)\})", _plain(written))
    pattern, captured = "", False
    for part in parts:
        name = part[1:-1]
        if name == wanted and not captured:
            pattern += f"(?P<{wanted}>{_WORDS[wanted]})"
            captured = True
        elif name in _WORDS:
            pattern += f"(?:{_WORDS[name]})"
        else:
            pattern += re.escape(part)
    return re.compile(pattern)


def _values(text: Text, key: str, typed: str, wanted: str) -> list[str]:
    """The {wanted} value read by each of the key's comma-separated forms that matches all
    of `typed`; a form without that placeholder reads nothing."""
    found = []
    for form in text(key).split(","):
        match = _template(form.strip(), wanted).fullmatch(typed) if form.strip() else None
        if match and match.groupdict().get(wanted) is not None:
            found.append(match.group(wanted))
    return found


def _weekday(text: Text, name: str) -> int | None:
    for key in ("weekdays", "weekdays_short"):
        names = _names(text, key)
        if len(names) == 7 and name in names:
            return names.index(name)
    names = _names(text, "weekdays")
    if len(names) == 7 and len(name) >= 3:
        for number, full in enumerate(names):  # "wed", "mié": the start of a name
            if full.startswith(name):
                return number
    return None


def parse_date(typed: str, today: date, text: Text) -> date:
    """YYYY-MM-DD, or words: today, yesterday, Monday, last Monday, 2 days ago, 3 weeks ago.

    A weekday alone is the most recent one, today included; "last Monday" is the one
    before today. Raises EntryError saying what to write instead.
    """
    word = _plain(typed)
    example = today.isoformat()
    if not word:
        raise EntryError("error_date_empty", example=example)
    try:
        return _iso(word)
    except ValueError:
        pass
    if word in _names(text, "date_today"):
        return today
    if word in _names(text, "date_yesterday"):
        return today - timedelta(days=1)
    number = _weekday(text, word)
    if number is not None:
        return today - timedelta(days=(today.weekday() - number) % 7)
    for name in _values(text, "date_last_weekday", word, "weekday"):
        number = _weekday(text, name)
        if number is not None:
            return today - timedelta(days=(today.weekday() - number - 1) % 7 + 1)
    for key, days in (("date_days_ago", 1), ("date_weeks_ago", 7)):
        for count in _values(text, key, word, "count"):
            return _back(today, int(count) * days)
    raise EntryError("error_date_unknown", text=typed.strip()[:40], example=example)


def _iso(word: str) -> date:
    """A YYYY-MM-DD date; ValueError when it is not written that way."""
    try:
        found = date.fromisoformat(word)
    except ValueError:
        parts = word.split("-")
        if (
            len(parts) == 3
            and all(p.isascii() and p.isdigit() for p in parts)
            and len(parts[0]) == 4
        ):
            raise EntryError("error_date_unreal", text=word) from None
        raise
    if found < EARLIEST:
        raise EntryError("error_date_long_ago", date=found.isoformat())
    return found


def _back(today: date, days: int) -> date:
    try:
        found = today - timedelta(days=days)
    except OverflowError:
        found = date.min
    if found < EARLIEST:
        raise EntryError("error_date_long_ago", date=found.isoformat())
    return found


def not_in_the_future(day: date, today: date) -> date:
    """`day`, or EntryError: a win or a strength is written about what has happened."""
    if day > today:
        raise EntryError("error_date_future", date=day.isoformat())
    return day


def spoken_day(day: date, today: date, text: Text) -> str:
    """A date as a person says it: today, yesterday, Monday, 3 November, 3 November 2024."""
    if day == today:
        return text("date_today").split(",")[0].strip()
    if day == today - timedelta(days=1):
        return text("date_yesterday").split(",")[0].strip()
    weekdays = text("weekdays").split(",")
    if today - timedelta(days=6) <= day < today and len(weekdays) == 7:
        return weekdays[day.weekday()]
    return written_date(day, text, with_year=day.year != today.year)


def written_date(day: date, text: Text, with_year: bool = True) -> str:
    """'3 November 2026' (or '3 November'), in the packs' words."""
    months = text("months").split(",")
    month = months[day.month - 1] if len(months) == 12 else f"{day.month:02d}"
    if not with_year:
        return text("date_in_year", day=day.day, month=month)
    return text("date_with_year", day=day.day, month=month, year=day.year)


def span(start: date, end: date, text: Text) -> str:
    """'From 31 August 2026 to 22 November 2026'."""
    return text("progress_range", start=written_date(start, text), end=written_date(end, text))
