"""Dates in words, typed and shown, in English and in Spanish: the words come from the packs."""

from __future__ import annotations

from datetime import date

import pytest

from zoomapp.core.content.packs import load_content
from zoomapp.core.errors import EntryError
from zoomapp.core.journal.dates import not_in_the_future, parse_date, spoken_day

TODAY = date(2026, 11, 22)  # a Sunday
ENGLISH = load_content().text
SPANISH = load_content(language="es").text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-11-01", date(2026, 11, 1)),
        ("today", TODAY),
        ("Yesterday", date(2026, 11, 21)),
        ("sunday", TODAY),  # today is a Sunday: the most recent one is today
        ("monday", date(2026, 11, 16)),
        ("fri", date(2026, 11, 20)),
        ("last sunday", date(2026, 11, 15)),  # "last": before today
        ("last  Monday", date(2026, 11, 16)),
        ("2 days ago", date(2026, 11, 20)),
        ("1 day ago", date(2026, 11, 21)),
        ("3 weeks ago", date(2026, 11, 1)),
    ],
)
def test_english_dates(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY, ENGLISH) == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("hoy", TODAY),
        ("Ayer", date(2026, 11, 21)),
        ("lunes", date(2026, 11, 16)),
        ("miércoles", date(2026, 11, 18)),
        ("miercoles", date(2026, 11, 18)),  # without the accent, as it is often typed
        ("el domingo pasado", date(2026, 11, 15)),
        ("hace 2 días", date(2026, 11, 20)),
        ("hace 2 dias", date(2026, 11, 20)),
        ("hace 1 semana", date(2026, 11, 15)),
        ("2026-11-01", date(2026, 11, 1)),
    ],
)
def test_spanish_dates(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY, SPANISH) == expected


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("2026-02-30", "error_date_unreal"),
        ("soon", "error_date_unknown"),
        ("", "error_date_empty"),
        ("1850-01-01", "error_date_long_ago"),
        ("99999 weeks ago", "error_date_long_ago"),
        ("last someday", "error_date_unknown"),
    ],
)
def test_dates_that_cannot_be_read_say_what_to_write(typed: str, key: str) -> None:
    with pytest.raises(EntryError) as caught:
        parse_date(typed, TODAY, ENGLISH)
    assert caught.value.key == key
    assert "YYYY-MM-DD" in load_content().explain(caught.value)


def test_a_future_day_is_refused() -> None:
    with pytest.raises(EntryError):
        not_in_the_future(date(2026, 11, 23), TODAY)
    assert not_in_the_future(TODAY, TODAY) == TODAY


@pytest.mark.parametrize(
    ("day", "english", "spanish"),
    [
        (TODAY, "today", "hoy"),
        (date(2026, 11, 21), "yesterday", "ayer"),
        (date(2026, 11, 17), "Tuesday", "martes"),
        (date(2026, 11, 3), "3 November", "3 de noviembre"),
        (date(2025, 1, 9), "9 January 2025", "9 de enero de 2025"),
    ],
)
def test_dates_are_shown_as_people_say_them(day: date, english: str, spanish: str) -> None:
    assert spoken_day(day, TODAY, ENGLISH) == english
    assert spoken_day(day, TODAY, SPANISH) == spanish


def test_a_coachs_odd_date_words_never_break_reading_a_date() -> None:
    """Repeated placeholders, the other one, braces and pattern characters are only text."""
    texts = {
        "date_days_ago": "{count} days ago ({count}),{weekday} days back,a [few] days (*) ago",
        "date_weeks_ago": "{count}+ weeks ago",
        "date_last_weekday": "last {weekday},{count} {weekday}s back,{{weekday}}",
    }

    def text(key: str, **values: object) -> str:
        return texts.get(key) or ENGLISH(key, **values)

    assert parse_date("2 days ago (9)", TODAY, text) == date(2026, 11, 20)
    assert parse_date("1+ weeks ago", TODAY, text) == date(2026, 11, 15)
    assert parse_date("3 mondays back", TODAY, text) == date(2026, 11, 16)
    assert parse_date("{monday}", TODAY, text) == date(2026, 11, 16)  # braces as written
    for typed in ("monday days back", "x+ weeks ago", "a [few] days (*) ago"):
        with pytest.raises(EntryError):
            parse_date(typed, TODAY, text)
