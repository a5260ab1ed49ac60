"""The What-if box's answer: help first for a frightening worry, else kind words that fit.

A worry that may mean someone is in danger (`danger`: the packs' `danger-` decks, in every
language loaded) is answered with the help card: what to do now, the country's numbers,
the parent's own, their safety plan. Despair without a named harm is near the line, and
gets the same help first with kind words after it. Otherwise a worry about the future gets
an answer about the future, and one about now ("what if I'm failing him") an answer about
now. Every answer ends pointing to help. Nothing typed is kept.
"""

from __future__ import annotations

import functools
import random
import threading
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from zoomapp.core.content.model import Content
from zoomapp.core.practice.danger import (
    DESPAIR,
    GROUP_PREFIX,
    PREFIX,
    UNSURE,
    Finding,
    Recogniser,
    plain,
)
from zoomapp.core.practice.helplines import OwnNumber, gather, heading, load_numbers, numbers_file
from zoomapp.core.practice.safety_plan import load_plan, plan_lines
from zoomapp.core.practice.shipped_needs import Decks, shipped_needs

MAX_WORRY = 5_000  # characters: a worry, even a long one, never a book (read in about 0.3 s)
FUTURE_DECK = "worry-future"
NOW_DECK = "worry-now"


class Answer(NamedTuple):
    kind: str  # "danger", "future" or "now"
    lines: tuple[str, ...]
    found: Finding | None = None  # for "danger": the category, and the phrase or words why


_recognisers: weakref.WeakKeyDictionary[Content, Recogniser] = weakref.WeakKeyDictionary()
_building = threading.RLock()


def recogniser(content: Content) -> Recogniser:
    """The danger phrases of every language the packs speak, compiled once per content -
    and once per process for the same phrases (content read again, in another language)."""
    with _building:  # the journal reads ahead in a thread: one reader is built, not two
        found = _recognisers.get(content)
        if found is None:
            found = _recognisers[content] = _compiled(danger_decks(content))
    return found


def danger_decks(content: Content) -> Decks:
    """The `danger-` and `words-` decks of every language, each phrase once, in one order
    whatever the language in use."""
    from zoomapp.core.content.packs import in_every_language

    decks: dict[str, list[str]] = {}
    for merged in sorted(in_every_language(content), key=lambda m: m.language):
        for deck in merged.decks.values():
            if deck.id.startswith((PREFIX, GROUP_PREFIX)):
                decks.setdefault(deck.id, []).extend(deck.prompts)
    # Each phrase once: a translation's merge carries the English phrases again. Despair,
    # the one category near the line, is read last: a harm named in the same worry
    # ("I can't cope and I'm scared I'll hit him") is what the answer must speak to.
    ordered = sorted(decks.items(), key=lambda deck: (deck[0] == DESPAIR, deck[0]))
    return tuple((deck_id, tuple(dict.fromkeys(phrases))) for deck_id, phrases in ordered)


@functools.lru_cache(maxsize=4)
def _compiled(decks: Decks) -> Recogniser:
    from zoomapp.core.practice.word_weights import load_weights

    return Recogniser(dict(decks), load_weights(), shipped_needs(decks))


def unmatchable(content: Content, pack_id: str) -> list[tuple[int, int, str]]:
    """(deck's place in the pack, prompt's place, why) for each danger phrase of the pack
    that cannot work - read with every language's words, as the What-if box reads it. A
    deck switched off is one too (place -1): the safety net's words are only added to."""
    found = recogniser(content)
    pack = next((p for p in content.packs if p.id == pack_id), None)
    problems = []
    for d, deck in enumerate(pack.items.get("decks", []) if pack else []):
        if not str(deck.get("id", "")).startswith((PREFIX, GROUP_PREFIX)):
            continue
        if deck.get("enabled") is False:
            problems.append((d, -1, "enabled = false is ignored: these words are only added to"))
        for i, phrase in enumerate(deck.get("prompts", [])):
            why = found.why_not(phrase) if isinstance(phrase, str) else ""
            if why:
                problems.append((d, i, why))
    return problems


def danger_in(worry: str, content: Content) -> Finding | None:
    """Which kind of danger the worry may speak of, and the phrase that says so; or None."""
    return recogniser(content).find(worry)


def danger_in_written(words: str, content: Content) -> Finding | None:
    """What danger words kept in the journal (a win, a feeling, a check-in answer) may
    speak of: the same phrases, and the weights at the line for what is written, not
    asked ("found his shoes" must not weigh over it). UNSURE: the weights alone."""
    return recogniser(content).find(words[:MAX_WORRY], True) if words.strip() else None


def is_about_the_future(worry: str, content: Content) -> bool:
    said = plain(worry)
    words = [plain(w.rstrip("*")) for w in content.text("worry_future_words").split(",")]
    return any(w.strip() and w in said for w in words)


def answer(
    worry: str,
    content: Content,
    rng: random.Random,
    country: str,
    own: Sequence[OwnNumber] = (),
    plan: Sequence[str] = (),
    shell: bool = False,
) -> Answer:
    """What the app says back. A worry that may mean danger gets what to do now, the
    country's numbers, the parent's own and their safety plan, before anything else.

    `shell`: said by `zoomapp whatif`, so the way on is a command, not a key."""

    found = danger_in(worry, content)
    if found is not None:
        first = {UNSURE: "worry_unsure", "despair": "worry_despair"}.get(found.category)
        lines = [content.text(first or "worry_danger")]
        lines += help_lines(content, country, own, plan, shell)
        if found.unsure:  # near the line: help first, and kind words after it
            lines.append(_kind(content, NOW_DECK, rng))
        return Answer("danger", tuple(lines), found)
    kind = "future" if is_about_the_future(worry, content) else "now"
    said = _kind(content, FUTURE_DECK if kind == "future" else NOW_DECK, rng)
    way_on = (_said(content, "worry_offer", shell), _said(content, "worry_help_line", shell))
    return Answer(kind, (said, *way_on))


def help_lines(
    content: Content,
    country: str,
    own: Sequence[OwnNumber],
    plan: Sequence[str],
    shell: bool = False,
) -> list[str]:
    """Help as the danger answer gives it, after its first line: what to do now, the
    numbers, how to choose a country when this one has none, the safety plan, and where
    more help is (a key in the app, a command in the shell)."""
    lines = danger_help(content, country, own)
    if not gather(content, country, []).has_numbers:
        lines.append(_said(content, "worry_choose_country", shell))
    lines += plan
    lines.append(_said(content, "worry_danger_more", shell))
    return lines


def _said(content: Content, key: str, shell: bool) -> str:
    """A line that shows a way on: in the shell, its `_shell` form names a command."""
    return content.text(f"{key}_shell" if shell else key)


def own_help(content: Content, data_dir: Path) -> tuple[list[OwnNumber], list[str]]:
    """The parent's own numbers and their safety plan's lines, as every danger answer
    gives them (read each time: either may have changed since)."""
    return load_numbers(numbers_file(data_dir)), plan_lines(load_plan(data_dir), content)


def danger_help(content: Content, country: str, own: Sequence[OwnNumber]) -> list[str]:
    """What to do now, then the numbers to call: the emergency number, the parent's own,
    the crisis lines."""
    found = gather(content, country, list(own))
    lines = [item.text for item in found.first]
    lines += [heading(item) for item in found.emergency]
    lines += [f"{number.name}: {number.number}" for number in found.own]
    lines += [heading(item) for item in found.lines]
    return lines


def _kind(content: Content, deck_id: str, rng: random.Random) -> str:
    deck = content.decks.get(deck_id)
    return rng.choice(deck.prompts) if deck and deck.prompts else content.text("worry_ack")
