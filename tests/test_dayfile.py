"""The day file reader agrees with tomllib on every document, written by us or not."""

from __future__ import annotations

import tomllib
from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from zoomapp.core.journal.dayfile import parse_day, render_day

texts = st.text(st.characters(codec="utf-8"), max_size=40)
moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1)).map(
    lambda d: d.replace(microsecond=0)
)
entries = st.fixed_dictionaries(
    {"at": moments, "text": texts}, optional={"tags": st.lists(texts, max_size=3)}
)
sessions = st.fixed_dictionaries(
    {
        "kind": st.sampled_from(["recipe", "pattern"]),
        "id": texts,
        "started": moments,
        "seconds": st.integers(0, 10**6),
        "ended_early": st.booleans(),
    },
    optional={"rating_before": st.integers(0, 9), "rating_after": st.integers(0, 9)},
)
days = st.fixed_dictionaries(
    {"format": st.just(1), "date": st.dates(date(1990, 1, 1), date(2100, 1, 1))},
    optional={
        "feeling": texts.filter(bool),
        "wins": st.lists(entries, min_size=1, max_size=4),
        "strengths": st.lists(entries, min_size=1, max_size=3),
        "sessions": st.lists(sessions, min_size=1, max_size=3),
    },
)


@settings(max_examples=300, deadline=None)
@given(days)
def test_what_we_write_reads_back_the_same_both_ways(doc) -> None:
    text = render_day(doc)
    assert tomllib.loads(text) == doc
    assert parse_day(text) == doc


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=200))
def test_any_text_reads_as_tomllib_reads_it(text: str) -> None:
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        try:
            parse_day(text)
        except tomllib.TOMLDecodeError:
            return
        raise AssertionError(f"fast reader accepted what tomllib refuses: {text!r}") from None
    assert parse_day(text) == expected


@settings(max_examples=300, deadline=None)
@given(days, st.sampled_from(["\r\n", "  ", "# note\n", "'lit'", "\\/", "\\ud800", "1.5"]))
def test_near_misses_of_our_layout_still_agree(doc, noise: str) -> None:
    text = render_day(doc).replace("\n", noise + "\n", 1)
    try:
        expected = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    assert parse_day(text) == expected


def test_the_documented_example_reads_fast_and_right() -> None:
    text = (
        "format = 1\ndate = 2026-11-22\n\n[[wins]]\nat = 2026-11-22T08:14:00\n"
        'text = "He looked at the school gate from the car"\ntags = ["school"]\n'
    )
    assert parse_day(text) == tomllib.loads(text)
