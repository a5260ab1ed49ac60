"""Whether a worry may mean someone is in danger: phrases from the packs, read first.

Each category is a deck whose id starts `danger-` (`danger-suicide`, `danger-missing`, ...);
its prompts are phrases in a small pattern language a coach can read and extend:

    hurt* {self}      `*` ends a word that may go on (hurt, hurts, hurting)
    hit|slap {child}  `|` gives words that may stand in the same place
    {self}            any phrase of the deck `words-self` (himself, herself, him self ...)
    want* ... die     `...` lets up to four words come between
    ~suicid*          `~` forgives one letter wrong, missing, extra or swapped (sucide)
    = help            `=` first: the phrase must be the whole worry ("help!", not "help him")

Matching ignores case, accents and apostrophes ("don't" is "dont"), and anything that is
not a letter or a digit (self-harm, self harm); a few texting shortenings are read as the
word they stand for ("q" is "que", "xq" is "porque"). The deck `danger-except` holds everyday
phrases (dead tired, missing school): a danger phrase wholly inside one never counts (but the
words an everyday phrase's gap lets in are still weighed: the gap is not what made it
everyday). The decks of every language loaded are used together, whatever language the app
speaks, so a parent who writes in another language is understood too. `danger-despair` is
the one category near the line: it is answered with help first and kind words after - as
is a worry no phrase matched whose words weigh over the line (`word_weights`).
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, NamedTuple

from zoomapp.core.practice.phrase_lookup import (
    GROUP,
    TOKEN,
    ByWord,
    first_words,
    later_words,
    rarest_first,
)
from zoomapp.core.practice.plain import plain, words_of

if TYPE_CHECKING:
    from zoomapp.core.practice.word_weights import WordWeights

PREFIX = "danger-"
EXCEPT = "danger-except"
DESPAIR = "danger-despair"
GROUP_PREFIX = "words-"
GAP_WORDS = 4
MAX_GROUP_DEPTH = 10  # {groups} inside groups, as deep as any pack needs
FUZZY_MIN = 5  # shorter words are too easily another word with one letter changed

_MASK = re.compile(r"\w")  # an everyday phrase's letters: never part of a danger word
UNSURE = "unsure"  # no phrase matched, but the words weigh over the line


class Finding(NamedTuple):
    category: str  # the deck's id without "danger-", e.g. "suicide"; or UNSURE
    phrase: str  # the pack's phrase that matched, as written there; or the heaviest words

    @property
    def unsure(self) -> bool:
        """Near the line: help first, and kind words after it."""
        return self.category == UNSURE or f"{PREFIX}{self.category}" == DESPAIR


def _fuzzy(word: str) -> str:
    """A regex for `word` with at most one letter wrong, missing, extra or swapped."""
    forms = {re.escape(word)}
    for i in range(len(word)):
        head, tail = re.escape(word[:i]), re.escape(word[i + 1 :])
        forms.add(f"{head}{tail}")  # missing
        forms.add(f"{head}\\w{tail}")  # wrong
        if i + 1 < len(word):
            forms.add(f"{head}{re.escape(word[i + 1] + word[i])}{re.escape(word[i + 2 :])}")
    for i in range(len(word) + 1):
        forms.add(f"{re.escape(word[:i])}\\w{re.escape(word[i:])}")  # extra
    return "(?:" + "|".join(sorted(forms, key=len, reverse=True)) + ")"


def _word(token: str) -> str:
    """One word of a phrase, with its `*`, `~` and `|`, as a regex (its space before it).
    phrase_lookup.later_words reads the words a phrase must hold the same way: change
    both together."""
    forms = []
    for form in token.split("|"):
        fuzzy = form.startswith("~")
        words = words_of(form)
        if len(words) == 1:
            word = words[0]
            body = _fuzzy(word) if fuzzy and len(word) >= FUZZY_MIN else re.escape(word)
            forms.append(body + (r"\w*" if form.endswith("*") else ""))
    return " (?:" + "|".join(forms) + ")" if forms else ""


_WHOLE = "="  # first, alone: the phrase is all the worry says


def _whole(phrase: str) -> tuple[bool, str]:
    """Whether the phrase must be the whole worry, and the phrase without its `=`."""
    stripped = phrase.lstrip()
    if stripped.startswith(_WHOLE):
        return True, stripped.removeprefix(_WHOLE)
    return False, phrase


# A gap is a group of its own, so an everyday phrase can tell its own words from the words
# it let come between them (see `_Everyday`).
_GAP = f"((?: \\w+){{0,{GAP_WORDS}}})"


class _Phrase:
    """One phrase of a deck, compiled the first time a worry could hold it: a phrase that
    begins with plain words can only match where one of them is, so most are never
    compiled at all (thousands of them took seconds to compile on every start)."""

    __slots__ = ("_owner", "_pattern", "needs", "text")

    def __init__(
        self, text: str, owner: Recogniser, needs: tuple[frozenset[str], ...] | None = None
    ) -> None:
        """`needs`: what the phrase needs, if worked out before (shipped_needs)."""
        self.text = text
        self._owner: Recogniser | None = owner
        self._pattern: re.Pattern[str] | None = None
        self.needs = needs if needs is not None else self._needed(text, owner)

    @staticmethod
    def _needed(text: str, owner: Recogniser) -> tuple[frozenset[str], ...]:
        phrase = _whole(text)[1]
        begins = first_words(phrase, owner._groups, owner._starts)
        return rarest_first(((frozenset(begins),) if begins else ()) + later_words(phrase))

    def finditer(self, said: str) -> Iterator[re.Match[str]]:
        """Where the phrase is in `said` (asked only of candidates: see phrase_lookup.ByWord)."""
        pattern = self.compiled() if self._owner is not None else self._pattern
        return pattern.finditer(said) if pattern is not None else iter(())

    def compiled(self) -> re.Pattern[str] | None:
        """Compiled once, then the owner is let go; one phrase at a time in the whole
        recogniser, as a thread may be compiling them all ahead (see `compile_all`)."""
        owner = self._owner
        if owner is not None:
            with owner._compiling:
                if self._owner is not None:
                    self._pattern = owner._compile(self.text)
                    self._owner = None
        return self._pattern


class Recogniser:
    """Phrases compiled when first needed; `find` says which category (and phrase) a
    worry matches."""

    def __init__(
        self,
        decks: Mapping[str, Iterable[str]],
        weights: WordWeights | None = None,
        needs: Mapping[str, tuple[frozenset[str], ...]] | None = None,
    ) -> None:
        """`needs`: what each phrase needs, worked out before for these very decks
        (shipped_needs); a phrase not in it is worked out here."""
        self.weights = weights
        known = needs or {}
        self._groups = {
            deck_id.removeprefix(GROUP_PREFIX): list(phrases)
            for deck_id, phrases in decks.items()
            if deck_id.startswith(GROUP_PREFIX)
        }
        self._compiled_groups: dict[str, str] = {}
        self._depth = 0  # groups inside groups, while one is being read
        self._compiling = threading.Lock()  # held while a phrase or groups are read
        self._starts: dict[str, tuple[str, ...] | None] = {}  # each group's first words
        self.exceptions = [_Phrase(p, self, known.get(p)) for p in decks.get(EXCEPT, ())]
        self.categories: dict[str, list[_Phrase]] = {}
        for deck_id, phrases in decks.items():
            if deck_id.startswith(PREFIX) and deck_id != EXCEPT:
                read = [_Phrase(p, self, known.get(p)) for p in phrases]
                self.categories[deck_id.removeprefix(PREFIX)] = read
        self._category = {id(p): c for c, phrases in self.categories.items() for p in phrases}
        self._dangers = ByWord([p for phrases in self.categories.values() for p in phrases])
        self._everyday = ByWord(self.exceptions)

    def compile_all(self, stop: Callable[[], bool] = lambda: False) -> None:
        """Compile every phrase now - a second or more of work, which the What-if box does
        in a thread while the parent types, so that no answer waits for it - until `stop`."""
        for phrase in (*self._dangers.phrases, *self.exceptions):
            if stop():
                return
            phrase.compiled()
            time.sleep(0)  # let an answer being read have the lock next, not wait behind us

    def _group(self, name: str) -> str:
        """Any phrase of the deck `words-NAME`, as one regex. A group that names itself,
        or lies deeper than MAX_GROUP_DEPTH groups inside groups, matches nothing: a
        pack's words can never make reading a worry fail."""
        if name not in self._compiled_groups:
            if self._depth >= MAX_GROUP_DEPTH:
                return ""
            self._compiled_groups[name] = ""
            self._depth += 1
            try:
                self._compiled_groups[name] = _either(
                    self._regex(p) for p in self._groups.get(name, ())
                )
            finally:
                self._depth -= 1
        return self._compiled_groups[name]

    def _regex(self, phrase: str) -> str:
        """The phrase as a regex over plain text; "" if it can never match."""
        parts = []
        for token in TOKEN.findall(phrase):
            if token in ("...", "…"):
                parts.append(_GAP)
                continue
            group = GROUP.fullmatch(token.casefold())
            if group:
                body = self._group(group.group(1))
            elif token.startswith("("):
                optional = token.endswith("?")
                body = _either(self._regex(p) for p in token.strip("()?").split("|"))
                body += "?" if optional and body else ""
            else:
                body = _word(token)
            if not body:
                return ""
            parts.append(body)
        if all(part == _GAP for part in parts):
            return ""
        return "".join(parts)

    def _compile(self, phrase: str) -> re.Pattern[str] | None:
        # A lookahead with a group finds every place the phrase starts, overlapping or not,
        # and the group says how far each reaches (a whole-worry phrase has one place: all
        # of it). Every place is a space (each part of a phrase begins with one), so the
        # pattern steps onto a space and then looks from just before it: the regex engine
        # skips from space to space, several times faster than trying at every letter.
        # A phrase that could match nothing at all (every part optional) is never used: it
        # would match, or excuse, every worry.
        whole, phrase = _whole(phrase)
        body = self._regex(phrase)
        if not body:
            return None
        compiled = re.compile(f"^({body}) $" if whole else f" (?<=(?=({body})(?= )) )")
        # Every part of a phrase starts with a space and a word, so one that matches the
        # lone space of an empty text has matched nothing: compiled once, checked here.
        return None if compiled.match(" ") else compiled

    def why_not(self, phrase: str) -> str:
        """Why a phrase can never match ("" when it can): said so a coach can fix it."""
        with self._compiling:  # it reads groups as compiling does (see `compile_all`)
            return self._why_not(phrase)

    def _why_not(self, phrase: str) -> str:
        phrase = _whole(phrase)[1]
        if phrase.count("(") != phrase.count(")") or re.search(r"\([^()]*\(", phrase):
            return "its brackets do not pair up (brackets inside brackets are not read)"
        for token in TOKEN.findall(phrase.casefold()):  # as _regex reads them
            group = GROUP.fullmatch(token)
            if group and not self._group(group.group(1)):
                return (
                    f"there is no deck 'words-{group.group(1)}' for {token}"
                    f" (or its groups lie more than {MAX_GROUP_DEPTH} deep)"
                )
        body = self._regex(phrase)
        if not body:
            return "it holds no words to look for"
        if re.fullmatch(body, ""):
            return "every part of it may be left out, so it would match anything"
        return ""

    def find(self, worry: str, written: bool = False) -> Finding | None:
        """The first category (in deck order) with a phrase the worry holds that no
        everyday phrase wholly covers; None when nothing in it points to danger.
        `written`: words kept in the journal, weighed against their own line.

        An everyday phrase sets aside only what lies inside it: "the pills the doctor gave
        him" is everyday, "took all the pills the doctor gave him" is not."""
        said = plain(worry)
        everyday = self._everyday_in(said)  # read once, for the phrases and the weighing
        if found := self.find_phrase(said, everyday):
            return found
        if not self.weights:
            return None
        weighed = self.weights.over_the_line(self.set_aside(said, everyday), written)
        return Finding(UNSURE, ", ".join(weighed.why)) if weighed else None

    def find_phrase(self, said: str, everyday: list[_Everyday] | None = None) -> Finding | None:
        """The phrases' reading alone, of text already made plain (see `find`); the
        everyday phrases in it are found when first needed, unless given."""
        for phrase in self._dangers.candidates(said):  # in deck order, as the packs say
            for match in phrase.finditer(said):
                if everyday is None:
                    everyday = self._everyday_in(said)
                start, end = match.span(1)
                if not any(e.covers(start, end) for e in everyday):
                    return Finding(self._category[id(phrase)], phrase.text)
        return None

    def set_aside(self, said: str, everyday: list[_Everyday] | None = None) -> str:
        """Plain text with the letters of every everyday phrase in it masked ('#'), but
        not the words its gaps let in: those are still read."""
        # Every everyday phrase is looked for in what was said, not in what one left: the
        # order must not matter.
        masked = said
        for phrase in self._everyday_in(said) if everyday is None else everyday:
            for start, end in phrase.own_words():
                masked = masked[:start] + _MASK.sub("#", masked[start:end]) + masked[end:]
        return masked

    def _everyday_in(self, said: str) -> list[_Everyday]:
        return [
            _Everyday.of(match)
            for phrase in self._everyday.candidates(said)
            for match in phrase.finditer(said)
        ]


class _Everyday(NamedTuple):
    """Where an everyday phrase lies in a worry, and where the words its gaps let in are."""

    start: int
    end: int
    gaps: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, match: re.Match[str]) -> _Everyday:
        start, end = match.span(1)
        spans = (match.span(g) for g in range(2, match.re.groups + 1))  # 1 is the phrase
        return cls(start, end, tuple((low, high) for low, high in spans if high > low))

    def covers(self, start: int, end: int) -> bool:
        """Whether a danger match from `start` to `end` lies wholly inside the phrase."""
        return self.start <= start and end <= self.end

    def own_words(self) -> Iterator[tuple[int, int]]:
        """The spans of the phrase that are its own words, not its gaps."""
        at = self.start
        for low, high in sorted(self.gaps):
            if low > at:
                yield at, low
            at = max(at, high)
        if self.end > at:
            yield at, self.end


def _either(forms: Iterable[str]) -> str:
    found = [f for f in forms if f]
    return "(?:" + "|".join(found) + ")" if found else ""
