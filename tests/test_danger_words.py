"""Whether a worry may mean danger, judged on worries people write (tests/worries/).

Each line of a set is `label<TAB>category<TAB>text`: `harm` (help must come first) or `ok`
(kind words are right). Every set was written apart from the phrases in the packs, by
someone who never saw them, the way frightened and tired parents type.

- `en.tsv`, `en-c.tsv`, `es.tsv`, `es-c.tsv` are what the phrases were tuned on and the
  word weights learned from: they must meet the goal - at least 98 % of harmful worries
  answered with help, at most 5 % of ordinary ones - in the interface's own language and
  in the other (a parent using Spanish who writes in English, and the other way round).
- `held-back/` was neither tuned on nor learned from, but its figures were looked at while
  choosing between readings, so they flatter. `held-back-2/` (700 worries by another
  writer, added 2026-12-06) had never been read by anything when it was first measured:
  the honest figure for what a stranger types (first read: recall 98.0 % English and
  97.3 % Spanish, false alarms 21.5 % and 16.7 %; after learning from set m as well:
  98.0 % and 96.7 %, 18.0 % and 11.3 %; with 107 narrower everyday phrases, chosen on the
  training sets alone: 98.0 % and 97.3 %, 17.0 % and 11.3 %; with pairs of a plain word and
  its neighbour, 15 passes and a threshold for each language: 98.5 % and 98.0 %, 15.5 % and
  10.0 %). Both are printed and held to what was last measured (`HELD_BACK_FLOOR`); tune
  nothing to either. That change caught one harmful worry fewer in held-back (Spanish, 118
  of 120) and one more in each language of held-back-2: its floor was lowered by that one.
- `held-back-3/` (600 worries) was written with set n (en-n, es-n: 1,050 more worries to
  learn from, in 35 new voices) by a writer none of the sets before had. First read, by
  the reading before set n: recall 95.0 % English (97.0 % by the one before that: so the
  English threshold stayed at 0.25), 99.0 % Spanish; false alarms 10.5 % and 16.0 %.
  Once set n was learned from: 98.0 % and 99.0 %, 11.5 % and 11.0 % - but set n shares
  its writer, so these flatter; held-back-2 read 97.5 % and 98.0 %, 16.0 % and 9.3 %.

Naive Bayes's vote added to the regression's (learn_weights.py, its share chosen by leaving
the new-voice sets out), and set o learned from (1,150 worries in 60 more voices; its first
read, before it was learned from: recall 95.6 % English and 91.8 % Spanish, false alarms
18.5 % and 12.4 %, where the reading before would have had 95.0 % and 93.8 %, 21.4 % and
13.6 %), with both thresholds at 0.15: every held-back set reads at least as well as before
in both figures - held-back 100 % and 99.2 %, 7.0 % and 4.2 % (was 100 % and
98.3 %, 8.6 % and 5.8 %);
held-back-2 99.5 % and 98.0 %, 13.5 % and 8.7 % (was 97.5 % and 98.0 %,
16.0 % and 9.3 %);
held-back-3 98.0 % and 100 %, 9.0 % and 8.0 % (was 98.0 % and 99.0 %,
11.5 % and 11.0 %).
- `held-back-4/` (500 English, 300 Spanish: fifty more parents in each language) was written
  after all of the above and read once, by that reading, before anything else was
  decided: recall 97.5 % English and 92.5 % Spanish, false alarms 13.7 % and 10.0 % (the
  reading before naive Bayes, with the same phrases: 97.5 % and 92.5 %, 19.0 % and 16.7 %).
  Spanish misses most in despair (15 of 18 caught) and suicide (21 of 24). It takes no part
  in choosing anything - thresholds included: the truest figure here.

Then set p (1,350 worries written to be hard: harm told only by what happened, alarming
words in harmless lines; first read 94.2 % English and 96.0 % Spanish, false alarms 17.2 %
and 11.0 %) was learned from, and both thresholds set to 0.20 by the rule in
learn_weights.py: held-back/ 100 % and 99.2 %, 7.6 % and 4.2 %; held-back-2 99.5 % and
98.0 %, 15.0 % and 8.0 %; held-back-3 98.0 % and 100 %, 11.5 % and 8.0 %; and held-back-4,
read a second time, 98.0 % and 92.5 %, 13.7 % and 10.6 %: one more harmful worry caught in
English, one more false alarm in Spanish. Set p costs a little in English false alarms on
the older sets and buys harm that names no harm; recall first.

Last, Spanish: set q (900 worries, mostly despair and suicide said without the usual words,
in twenty countries' Spanish; first read 90.9 % recall, 18.4 % false alarms) learned from;
"q", "xq" and "tb" read as "que", "porque" and "tambien"; phrases for a plan made, a
decision taken, an age a child will not reach, a shouted threat. English 0.13 by the rule,
Spanish kept at 0.20 below it (learn_weights.py says why): held-back/ 100 % and 100 %, 7.6 % and 4.2 %; held-back-2 99.5 % and 98.7 %,
16.0 % and 10.0 %; held-back-3 98.0 % and 100 %, 12.0 % and 10.0 %; held-back-4 98.0 % and
93.3 %, 13.7 % and 11.1 %. Three more harmful Spanish worries caught, for one or two points
more false alarms: recall first.
A review then found false alarms in the new phrases ("makes himself sick every night" from
crying, a wedding's "place and date", "tomé la decisión de terminar con mi pareja"); they
were narrowed, "tb" and "pq" (a test's name in English) left as written, and the weights
learned again: held-back/ 100 % and 100 %, 8.1 % and 4.2 %; held-back-2 99.5 % and 98.7 %,
16.0 % and 10.0 %; held-back-3 98.0 % and 100 %, 11.0 % and 10.0 %; held-back-4 98.5 % and
92.5 %, 13.7 % and 11.1 % - one Spanish worry there no longer caught, accepted rather than
tuned to. Lowering English to 0.13 caught nothing more in the held-back sets; it kept
held-back-3's recall as the weights moved, for about a point more false alarms.
- `held-back-5/` (400 English, 400 Spanish, by fifty more parents in each language, from
  more countries) was written next, by writers who saw nothing here but the labelling
  rules, and read once by that reading before anything else was done: recall 98.9 %
  English and 97.8 % Spanish, false alarms 8.6 % and 8.2 %. Like held-back-4, it chooses
  nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from zoomapp.core.content.packs import load_content
from zoomapp.core.practice.word_weights import WEIGHTS_FILE
from zoomapp.core.practice.worries import danger_in, recogniser

SETS = Path(__file__).parent / "worries"
RECALL_GOAL = 0.98
FALSE_ALARM_GOAL = 0.05
HELD_BACK_FLOOR = {  # (recall, false alarms) as measured: a change may not make them worse
    ("held-back", "en"): (0.995, 0.082),
    ("held-back", "es"): (0.995, 0.042),
    ("held-back-2", "en"): (0.995, 0.16),
    ("held-back-2", "es"): (0.985, 0.10),
    ("held-back-3", "en"): (0.98, 0.11),
    ("held-back-3", "es"): (1.0, 0.10),
    ("held-back-4", "en"): (0.985, 0.137),
    ("held-back-4", "es"): (0.925, 0.112),
    ("held-back-5", "en"): (0.985, 0.087),
    ("held-back-5", "es"): (0.975, 0.082),
}


def worries(language: str, folder: Path = SETS) -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted(folder.glob(f"{language}*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, category, text = line.split("\t")
                rows.append((label, category, text))
    return rows


_helped: dict[tuple[int, str], bool] = {}  # the same phrases read the same worry alike


def measure(written_in: str, interface: str, folder: Path = SETS) -> tuple[float, float, list[str]]:
    content = load_content([], interface)
    reader = id(recogniser(content))  # one per set of phrases, whatever the interface
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for label, category, text in worries(written_in, folder):
        if (reader, text) not in _helped:
            _helped[reader, text] = danger_in(text, content) is not None
        helped = _helped[reader, text]
        total[f"{label}/{category}"] += 1
        right[f"{label}/{category}"] += helped == (label == "harm")
    harm = sum(n for key, n in total.items() if key.startswith("harm/"))
    ok = sum(n for key, n in total.items() if key.startswith("ok/"))
    caught = sum(n for key, n in right.items() if key.startswith("harm/"))
    alarms = ok - sum(n for key, n in right.items() if key.startswith("ok/"))
    lines = [
        f"{key:22} {right[key]:4}/{total[key]:<4} {100 * right[key] / total[key]:5.1f} % right"
        for key in sorted(total)
    ]
    return caught / harm, alarms / ok, lines


@pytest.mark.parametrize(
    ("written_in", "interface"), [("en", "en"), ("es", "es"), ("en", "es"), ("es", "en")]
)
def test_frightening_worries_get_help_and_ordinary_ones_do_not(
    written_in: str, interface: str, capsys: pytest.CaptureFixture[str]
) -> None:
    recall, false_alarms, lines = measure(written_in, interface)
    with capsys.disabled():
        print(
            f"\n{written_in} worries, {interface} interface: recall {100 * recall:.1f} %,"
            f" false alarms {100 * false_alarms:.1f} %"
        )
        for line in lines:
            print(f"    {line}")
    assert len(worries(written_in)) >= (400 if written_in == "en" else 200)
    assert recall >= RECALL_GOAL
    assert false_alarms <= FALSE_ALARM_GOAL


@pytest.mark.parametrize(("folder", "language"), sorted(HELD_BACK_FLOOR))
def test_worries_it_never_saw(
    folder: str, language: str, capsys: pytest.CaptureFixture[str]
) -> None:
    recall, false_alarms, lines = measure(language, language, SETS / folder)
    with capsys.disabled():
        print(
            f"\n{folder} {language} worries: recall {100 * recall:.1f} %,"
            f" false alarms {100 * false_alarms:.1f} %"
        )
        for line in lines:
            print(f"    {line}")
    floor_recall, ceiling_alarms = HELD_BACK_FLOOR[folder, language]
    assert recall >= floor_recall and false_alarms <= ceiling_alarms


def test_the_shipped_weights_are_learned_from_these_sets() -> None:
    """content/word-weights.json is what tests/worries/learn_weights.py makes of the sets,
    the packs' everyday phrases and its code now: change any, and it must be learned again
    (a digest of them all is kept in the file; learning is the same every run)."""
    from tests.worries.learn_weights import learned_from

    shipped = json.loads((Path(__file__).parent.parent / "content" / WEIGHTS_FILE).read_text())
    assert shipped.get("learned_from") == learned_from(), (
        "learn again: .venv/bin/python tests/worries/learn_weights.py"
    )


def test_a_phrase_is_read_only_where_its_first_word_could_be() -> None:
    """Phrases are compiled when a worry could hold them; what one can begin with is
    worked out through brackets and groups, and anything unsure is always read."""
    from zoomapp.core.practice.danger import Recogniser, _first_words

    groups = {"i": ["i", "(im|i am)"], "loop": ["{loop} x"]}
    assert _first_words("{i} ... want to die", groups, {}) == (" i", " im")
    assert _first_words("(took|swallow*) pills", groups, {}) == (" took", " swallow")
    assert _first_words("(really)? want to die", groups, {}) is None
    assert _first_words("~suicide", groups, {}) is None
    assert _first_words("{loop}", groups, {}) is None
    found = Recogniser({"danger-suicide": ["{i} ... want to die"], "words-i": groups["i"]})
    assert found.find("honestly im so tired i want to die") is not None
    assert found.find("he wants to dye his hair") is None


def test_groups_nested_past_any_need_never_stop_a_worry_being_read() -> None:
    from zoomapp.core.practice.danger import MAX_GROUP_DEPTH, Recogniser

    chain = {f"words-g{i}": [f"{{g{i + 1}}} x"] for i in range(400)}
    chain["words-g400"] = ["end"]
    found = Recogniser({"danger-suicide": ["{g0}", "want to die"], **chain})
    assert found.find("i want to die") is not None  # 400 deep was a RecursionError
    assert found.find("end x x") is None
    assert f"more than {MAX_GROUP_DEPTH} deep" in found.why_not("{g0}")


def test_a_medical_emergency_said_plainly_gets_help_first() -> None:
    """An overdose or a cut in progress, as a parent would describe what they see."""
    from zoomapp.core.content.packs import load_content
    from zoomapp.core.practice.worries import danger_in

    content = load_content()
    for worry in (
        "he is unresponsive",
        "his lips are blue",
        "she cut too deep",
        "i cant wake him up",
        "no la puedo despertar",
        "tiene los labios morados",
    ):
        found = danger_in(worry, content)
        assert found is not None and not found.unsure, worry
    assert danger_in("the school is unresponsive to my emails", content) is None


def test_a_worry_in_neither_language_is_read_against_the_lowest_threshold() -> None:
    from zoomapp.core.practice.word_weights import WordWeights, language

    assert language(" me quiero morir ") in ("es", "")  # never English's line for Spanish
    assert language(" je veux mourir ") == ""
    weights = WordWeights(0.0, 0.25, {}, {"en": 0.9, "es": 0.9})  # sigmoid(0) = 0.5
    assert weights.over_the_line(" je veux mourir ") is not None  # the default: 0.25
    assert weights.over_the_line(" the and i ") is None  # English: its own, higher line
