"""The What-if box's answer: help first for a frightening worry, else kind words that fit.

A worry naming harm, danger or not wanting to live (the pack's `danger-words` deck, which
coaches can extend) is answered with the help card: the danger advice and the country's
numbers. Otherwise a worry about the future gets an answer about the future, and one
about now ("what if I'm failing him") an answer about now. Every answer ends pointing to
help. Nothing typed is kept.
"""

from __future__ import annotations

import random
import re
import unicodedata
from typing import NamedTuple

from zoomapp.core.content import Content
from zoomapp.core.helplines import gather, heading

DANGER_DECK = "danger-words"
FUTURE_DECK = "worry-future"
NOW_DECK = "worry-now"


class Answer(NamedTuple):
    kind: str  # "danger", "future" or "now"
    lines: tuple[str, ...]


def _plain(text: str) -> str:
    """Lower case, straight apostrophes, no accents: 'Qué' and 'que' are the same word."""
    text = text.casefold().replace("’", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _mentions(worry: str, phrases: list[str]) -> bool:
    """Whether the worry holds one of the phrases as whole words ("dead", not "deadline");
    a phrase ending in * matches the start of a word ("suicid*": suicide, suicidal)."""
    said = _plain(worry)
    for phrase in phrases:
        phrase = _plain(phrase).strip()
        if not phrase.strip("*"):
            continue
        stem = phrase.endswith("*")
        pattern = r"(?<!\w)" + re.escape(phrase.rstrip("*")) + ("" if stem else r"(?!\w)")
        if re.search(pattern, said):
            return True
    return False


def is_frightening(worry: str, content: Content) -> bool:
    deck = content.decks.get(DANGER_DECK)
    return deck is not None and _mentions(worry, list(deck.prompts))


def is_about_the_future(worry: str, content: Content) -> bool:
    words = [w for w in content.text("worry_future_words").split(",") if w.strip()]
    return _mentions(worry, words)


def answer(worry: str, content: Content, rng: random.Random, country: str) -> Answer:
    """What the app says back; a frightening worry gets `country`'s numbers first."""
    text = content.text
    if is_frightening(worry, content):
        found = gather(content, country, [])
        lines = [text("worry_danger"), *(item.text for item in found.first)]
        lines += [heading(item) for item in (*found.emergency, *found.lines)]
        lines.append(text("worry_danger_more"))
        return Answer("danger", tuple(lines))
    kind = "future" if is_about_the_future(worry, content) else "now"
    deck = content.decks.get(FUTURE_DECK if kind == "future" else NOW_DECK)
    said = rng.choice(deck.prompts) if deck and deck.prompts else text("worry_ack")
    return Answer(kind, (said, text("worry_offer"), text("worry_help_line")))
