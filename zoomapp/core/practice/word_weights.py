"""The second reading of a worry: words weighed, for what the phrases did not catch.

The phrases in the packs say plainly what counts as danger; people say it in more ways than
any list holds. So a worry no phrase matched is read once more against weights learned
from the labelled worries in tests/worries (words and pairs of words; and each plain
word - I, he, my, no, de - with the word beside it, which says who does what to whom):
`learn_weights.py` there writes content/word-weights.sqlite, shipped with the app: a
SQLite file (the standard library reads it), so a weight is looked up when a worry holds
its word - opening it costs nothing, where reading 300,000 weights took 0.3 s. A worry
that weighs over the line is near it: help first, then kind words. Its heaviest words say
why. Words inside an everyday phrase (`danger-except`) are set aside first, as the
phrases do.
"""

from __future__ import annotations

import json
import math
import threading
from collections.abc import Iterator, Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    import sqlite3

WEIGHTS_FILE = "word-weights.sqlite"


# Words that say who and how, not what: left out, so what is weighed is what happened
# ("my son is tired" must weigh like "tired", not like the many worries about sons).
_PLAIN_WORDS = frozenset(
    """i im ive id ill me my mine myself he hes hed him his himself she shes hed her hers
    herself they theyre them their we us our you your it its the a an and or but so is am
    are was were be been being to of in on at for with that this these those just really
    very son sons daughter daughters kid kids child children boy girl baby teen teenager
    mum mom dad mother father husband wife partner family yo mi mis el ella ellos ellas la
    lo le les los las de del que y o en un una unos unas es esta estan son hijo hija hijos
    hijas nino nina ninos ninas se su sus por con para al mama papa muy""".split()
)


def features(said: str) -> set[str]:
    """What is weighed in plain text (see plain.plain): its words but the plainest, each
    pair of them next to each other, and each plain word with its neighbour ('+':
    "i+hit", "hit+him", "he+hit", "hit+me"): who does it to whom, which the words alone
    cannot tell. (Pieces of words, which were to forgive a misspelling, are not weighed:
    read on the new voices, they cost false alarms - most in Spanish - and caught no
    more; the phrases' `~` forgives a misspelled danger word.)"""
    said_words = [w for w in said.split() if "#" not in w]
    words = [w for w in said_words if w not in _PLAIN_WORDS]
    found = set(words)
    found.update(f"{a}_{b}" for a, b in zip(words, words[1:], strict=False))
    found.update(
        f"{a}+{b}"
        for a, b in zip(said_words, said_words[1:], strict=False)
        if a in _PLAIN_WORDS or b in _PLAIN_WORDS
    )
    return found


# A few of the commonest words of each language: enough to tell which one a worry is
# written in, so that each is read against its own threshold (the weights are shared).
_SPANISH = frozenset(
    """que de la el y en no me mi se lo le por con una un los las es esta del para pero ya
    muy mas porque cuando hijo hija tengo miedo si""".split()
)
_ENGLISH = frozenset(
    """the and i to my he she is of in it a that her his me with but on was for im at so
    what if have not dont""".split()
)


def language(said: str) -> str:
    """'es' or 'en', whichever has more of the worry's words among its commonest; '' when
    neither has more (a tie, another language): then the default threshold, the lowest."""
    words = said.split()
    spanish = sum(w in _SPANISH for w in words)
    english = sum(w in _ENGLISH for w in words)
    return "es" if spanish > english else "en" if english > spanish else ""


class Weighed(NamedTuple):
    likely: float  # 0 to 1: how much the worry reads like the harmful ones
    why: tuple[str, ...]  # the words that weighed most toward help


class WordWeights:
    def __init__(
        self,
        bias: float,
        threshold: float,
        weights: Mapping[str, float],
        thresholds: Mapping[str, float] | None = None,
        written_line: float | None = None,
    ) -> None:
        self.bias = bias
        self.threshold = threshold  # for a language with none of its own
        self.weights = weights
        self.thresholds = dict(thresholds or {})  # by language ("en", "es")
        # Words kept in the journal, not a worry put to the app: read at a higher line
        # (see learn_weights.WRITTEN_LINE); never lower than a worry's.
        self.written_line = max(written_line or 0.0, threshold, *self.thresholds.values())

    def weigh(self, said: str) -> Weighed:
        looked_up = ((self.weights.get(f), f) for f in features(said))
        found = [(w, f) for w, f in looked_up if w is not None]
        total = max(-30.0, min(30.0, self.bias + sum(w for w, _ in found)))
        # Why, in words: the heaviest words and pairs toward help.
        toward = sorted((pair for pair in found if pair[0] > 0), reverse=True)
        words = [  # a pair of two plain words ("y que") says little on its own
            f for _, f in toward if not _PLAIN_WORDS.issuperset(f.split("+"))
        ] or [f for _, f in toward]
        why = tuple(dict.fromkeys(f.replace("_", " ").replace("+", " ") for f in words))[:3]
        return Weighed(1 / (1 + math.exp(-total)), why)

    def over_the_line(self, said: str, written: bool = False) -> Weighed | None:
        """The weighing, when it is over the worry's language's line (`written`: the
        line for words kept in the journal); else None."""
        weighed = self.weigh(said)
        line = self.thresholds.get(language(said), self.threshold)
        return weighed if weighed.likely >= (self.written_line if written else line) else None


class _SqliteWeights(Mapping[str, float]):
    """The weights in the shipped SQLite file, each read when a worry holds its word."""

    def __init__(self, db: sqlite3.Connection) -> None:
        import sqlite3

        self._db = db
        self._damaged = sqlite3.Error
        self._lock = threading.Lock()  # the What-if box reads in a thread, then answers in another

    def _rows(self, query: str, *args: str) -> list[tuple[str | float, ...]]:
        """The rows a query gives; none from a file damaged where it was not read at
        first (the phrases still read the worry: a damaged file never stops that)."""
        with self._lock:
            try:
                return self._db.execute(query, args).fetchall()
            except self._damaged:
                return []

    def __getitem__(self, feature: str) -> float:
        found = self._rows("SELECT weight FROM weights WHERE feature = ?", feature)
        if not found:
            raise KeyError(feature)
        return float(found[0][0])

    def __iter__(self) -> Iterator[str]:
        return (str(row[0]) for row in self._rows("SELECT feature FROM weights"))

    def __len__(self) -> int:
        return int(self._rows("SELECT count(*) FROM weights")[0][0])


@cache
def load_weights() -> WordWeights | None:
    """The shipped weights, opened once a run; None if the file is missing or damaged
    (the phrases still work)."""
    try:
        import sqlite3
    except ImportError:  # a Python built without it
        return None
    try:
        path = files("zoomapp.content").joinpath(WEIGHTS_FILE)
        if isinstance(path, Path):
            uri = f"{path.as_uri()}?mode=ro&immutable=1"
            db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        else:  # inside a zip: SQLite cannot open it in place, so it is read whole
            db = sqlite3.connect(":memory:", check_same_thread=False)
            db.deserialize(path.read_bytes())
        about = {str(k): json.loads(v) for k, v in db.execute("SELECT key, value FROM about")}
        found = about.get("thresholds", {})  # one damaged: the default, never no reading at all
        thresholds = {
            str(k): float(v)
            for k, v in (found.items() if isinstance(found, dict) else ())
            if isinstance(v, (int, float)) and not isinstance(v, bool)
        }
        line = about.get("written_line")
        return WordWeights(
            float(about["bias"]),
            float(about["threshold"]),
            _SqliteWeights(db),
            thresholds,
            float(line) if isinstance(line, (int, float)) else None,
        )
    except (OSError, ValueError, KeyError, TypeError, sqlite3.Error):
        return None
