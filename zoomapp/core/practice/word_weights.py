"""The second reading of a worry: words weighed, for what the phrases did not catch.

The phrases in the packs say plainly what counts as danger; people say it in more ways than
any list holds. So a worry no phrase matched is read once more against weights learned
from the labelled worries in tests/worries (words and pairs of words; and each plain
word - I, he, my, no, de - with the word beside it, which says who does what to whom):
`learn_weights.py` there writes content/word-weights.json, shipped with the app. A worry
that weighs over the line is near it: help first, then kind words. Its heaviest words say
why. Words inside an everyday phrase (`danger-except`) are set aside first, as the
phrases do.
"""

from __future__ import annotations

import json
import math
from importlib.resources import files
from typing import NamedTuple

WEIGHTS_FILE = "word-weights.json"


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
        weights: dict[str, float],
        thresholds: dict[str, float] | None = None,
    ) -> None:
        self.bias = bias
        self.threshold = threshold  # for a language with none of its own
        self.weights = weights
        self.thresholds = thresholds or {}  # by language ("en", "es")

    def weigh(self, said: str) -> Weighed:
        found = [(self.weights[f], f) for f in features(said) if f in self.weights]
        total = max(-30.0, min(30.0, self.bias + sum(w for w, _ in found)))
        # Why, in words: the heaviest words and pairs toward help.
        toward = sorted((pair for pair in found if pair[0] > 0), reverse=True)
        words = [  # a pair of two plain words ("y que") says little on its own
            f for _, f in toward if not _PLAIN_WORDS.issuperset(f.split("+"))
        ] or [f for _, f in toward]
        why = tuple(dict.fromkeys(f.replace("_", " ").replace("+", " ") for f in words))[:3]
        return Weighed(1 / (1 + math.exp(-total)), why)

    def over_the_line(self, said: str) -> Weighed | None:
        weighed = self.weigh(said)
        line = self.thresholds.get(language(said), self.threshold)
        return weighed if weighed.likely >= line else None


def load_weights() -> WordWeights | None:
    """The shipped weights; None if the file is missing or damaged (the phrases still work)."""
    try:
        doc = json.loads(files("zoomapp.content").joinpath(WEIGHTS_FILE).read_bytes())
        found = doc.get("thresholds", {})  # one damaged: the default, never no reading at all
        thresholds = {
            str(k): float(v)
            for k, v in (found.items() if isinstance(found, dict) else ())
            if isinstance(v, (int, float)) and not isinstance(v, bool)
        }
        return WordWeights(
            float(doc["bias"]), float(doc["threshold"]), dict(doc["weights"]), thresholds
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None
