"""Which phrases a worry could hold, found by their words before any regex is run.

Each phrase of the safety net (see danger) lists the words any text it matches must hold:
the words it can begin with, worked out through brackets and {groups} (`first_words`),
and its later plain words (`later_words`). `ByWord` files each phrase under the rarest of
them and hands a worry only the phrases whose every need it meets: with thousands of
phrases and first words such as "i" and "my", this is most of the reading saved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Generic, Protocol, TypeVar

from zoomapp.core.practice.plain import words_of

TOKEN = re.compile(r"\([^()]*\)\??|[^\s()]+")  # a word, or a bracket of options
GROUP = re.compile(r"\{([a-z0-9_.-]+)\}")


def first_words(
    phrase: str,
    groups: Mapping[str, list[str]],
    starts: dict[str, tuple[str, ...] | None],
    depth: int = 0,
) -> tuple[str, ...] | None:
    """'word' for each word a phrase can begin with - through brackets and {groups} - so
    that one of them is in any text the phrase matches ('*begin': a word beginning so);
    None when it could begin some other way (an optional part, a gap, a typo allowed)."""
    tokens = TOKEN.findall(phrase)
    first = tokens[0] if tokens else ""
    if not first or first in ("...", "…") or "~" in first:
        return None
    optional = first.startswith("(") and first.endswith("?")
    if first.endswith("?") and (not optional or len(tokens) == 1):
        return None
    group = GROUP.fullmatch(first.casefold())
    if first.startswith("(") or group:
        if group and group.group(1) in starts:
            return starts[group.group(1)]
        if group:
            options = groups.get(group.group(1), [])
        else:
            options = first.strip("()?").split("|")
        if optional:  # "(in )? danger": it begins with "in" or with what follows
            options = [*options, " ".join(tokens[1:])]
        if depth > 8 or not options:
            return None
        found: list[str] | None = []
        for option in options:
            words = first_words(option, groups, starts, depth + 1)
            if words is None or found is None:
                found = None
                break
            found += words
        result = tuple(dict.fromkeys(found)) or None if found is not None else None
        if group:
            starts[group.group(1)] = result  # each group worked out once
        return result
    needs = []
    for form in first.split("|"):
        split = words_of(form)
        if len(split) == 1:
            needs.append(("*" if form.endswith("*") else "") + split[0])
    return tuple(needs) or None


def later_words(phrase: str) -> tuple[frozenset[str], ...]:
    """For each word of a phrase after its first (see first_words) that is plain words
    or brackets of them - not optional, not a {group}, a gap or a typo allowed - the forms
    one of which any text the phrase matches holds: 'word', or '*begin' for a word that
    begins so (of a bracket, the first word of each option). danger._word reads a
    phrase's words the same way: change both together."""
    needed = []
    for token in TOKEN.findall(phrase)[1:]:  # the first is what the phrase is found by
        options = token[1:-1].split("|") if token.startswith("(") else token.split("|")
        firsts = [option.split()[0] if option.split() else "" for option in options]
        if token.endswith("?") or any(not f or f[0] in "{~.…" or "?" in f for f in firsts):
            continue
        forms = set()
        for first in firsts:
            words = words_of(first)
            if len(words) == 1:  # as _word reads it: any other form is never matched
                forms.add(("*" if first.endswith("*") else "") + words[0])
        if forms:
            needed.append(frozenset(forms))
    return tuple(needed)


def rarest_first(needs: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """A phrase's needs with the rarest first - the one whose shortest form is longest
    ("strangle", not "i") - and the rest in their order: what ByWord files it under."""
    return tuple(sorted(needs, key=lambda need: -min(len(f.lstrip("*")) for f in need)))


class Needing(Protocol):
    @property
    def needs(self) -> tuple[frozenset[str], ...]: ...


P = TypeVar("P", bound=Needing)


class ByWord(Generic[P]):
    """Which of some phrases a text could hold: those whose every need (the words it
    begins with, then its later plain words) the text's words or their beginnings meet,
    in the phrases' order. Each phrase is looked up by its rarest need, its first (see
    rarest_first), so the regex of a phrase that cannot be there is never run (a phrase
    with no need is always a candidate)."""

    def __init__(self, phrases: Sequence[P]) -> None:
        self.phrases = phrases
        self.always = [i for i, phrase in enumerate(phrases) if not phrase.needs]
        self.by_form: dict[str, list[int]] = {}  # 'word', or '*begin' for a beginning
        forms = {form for phrase in phrases for need in phrase.needs for form in need}
        self.longest = max((len(f) - 1 for f in forms if f.startswith("*")), default=0)
        for i, phrase in enumerate(phrases):
            if phrase.needs:
                for form in phrase.needs[0]:  # the rarest (see rarest_first)
                    self.by_form.setdefault(form, []).append(i)

    def candidates(self, said: str) -> list[P]:
        words = set(said.split())
        held = words | {
            "*" + w[:end] for w in words for end in range(1, min(len(w), self.longest) + 1)
        }
        found = set(self.always)
        for form in held:
            found.update(self.by_form.get(form, ()))
        phrases = (self.phrases[i] for i in sorted(found))
        return [p for p in phrases if not any(map(held.isdisjoint, p.needs))]
