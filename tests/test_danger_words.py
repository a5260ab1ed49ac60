"""Whether a worry may mean danger, judged on worries people write (tests/worries/).

Each line of a set is `label<TAB>category<TAB>text`: `harm` (help must come first) or `ok`
(kind words are right). Every set was written apart from the phrases in the packs, by
someone who never saw them, the way frightened and tired parents type.

- `en*.tsv` and `es*.tsv` are what the word weights learn from (the first few, what the
  phrases were first tuned on): together they must meet the goal - at least 98 % of harmful worries
  answered with help, at most 5 % of ordinary ones - in the interface's own language and
  in the other (a parent using Spanish who writes in English, and the other way round).
- `held-back*/` are never learned from: each is printed and held to what was last measured
  (`HELD_BACK_FLOOR`). tests/worries/README.md tells how each was written and read.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from zoomapp.core.content.packs import load_content
from zoomapp.core.practice.plain import plain
from zoomapp.core.practice.worries import danger_in, recogniser

SETS = Path(__file__).parent / "worries"
RECALL_GOAL = 0.98
FALSE_ALARM_GOAL = 0.05
HELD_BACK_FLOOR = {  # (recall, false alarms) as last measured: a change may not make them worse
    ("held-back", "en"): (1.0, 0.049),
    ("held-back", "es"): (0.991, 0.025),
    ("held-back-2", "en"): (1.0, 0.135),
    ("held-back-2", "es"): (0.993, 0.054),
    ("held-back-3", "en"): (0.99, 0.075),
    ("held-back-3", "es"): (1.0, 0.08),
    ("held-back-4", "en"): (0.995, 0.107),
    ("held-back-4", "es"): (0.983, 0.078),
    ("held-back-5", "en"): (0.983, 0.046),
    ("held-back-5", "es"): (0.988, 0.064),
    ("held-back-6", "en"): (1.0, 0.123),
    ("held-back-6", "es"): (1.0, 0.078),
    ("held-back-7", "en"): (0.988, 0.06),
    ("held-back-7", "es"): (1.0, 0.064),
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


@pytest.mark.parametrize("written_in", ["en", "es"])
def test_frightening_worries_get_help_and_ordinary_ones_do_not(
    written_in: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """In the interface's own language and in the other: a parent using Spanish who writes
    in English, and the other way round. One test reads both, so that the worries are
    weighed once (the same phrases read them, whatever the interface)."""
    assert len(worries(written_in)) >= (400 if written_in == "en" else 200)
    for interface in (written_in, "es" if written_in == "en" else "en"):
        recall, false_alarms, lines = measure(written_in, interface)
        with capsys.disabled():
            print(
                f"\n{written_in} worries, {interface} interface: recall {100 * recall:.1f} %,"
                f" false alarms {100 * false_alarms:.1f} %"
            )
            for line in lines:
                print(f"    {line}")
        assert recall >= RECALL_GOAL, interface
        assert false_alarms <= FALSE_ALARM_GOAL, interface


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
    """content/word-weights.sqlite is what tests/worries/learn_weights.py makes of the sets,
    the packs' everyday phrases and its code now: change any, and it must be learned again
    (a digest of them all is kept in the file; learning is the same every run)."""
    from tests.worries.learn_weights import learned_from, shipped_about

    assert shipped_about().get("learned_from") == learned_from(), (
        "learn again: .venv/bin/python tests/worries/learn_weights.py"
    )


def test_a_phrase_is_read_only_where_its_first_word_could_be() -> None:
    """Phrases are compiled when a worry could hold them; what one can begin with is
    worked out through brackets and groups, and anything unsure is always read."""
    from zoomapp.core.practice.danger import Recogniser
    from zoomapp.core.practice.phrase_lookup import first_words

    groups = {"i": ["i", "(im|i am)"], "loop": ["{loop} x"]}
    assert first_words("{i} ... want to die", groups, {}) == ("i", "im")
    assert first_words("(took|swallow*) pills", groups, {}) == ("took", "*swallow")
    # An optional beginning: the phrase begins with it or with what follows it.
    assert first_words("(really)? want to die", groups, {}) == ("really", "want")
    assert first_words("(really)? ... die", groups, {}) is None
    assert first_words("~suicide", groups, {}) is None
    assert first_words("{loop}", groups, {}) is None
    found = Recogniser({"danger-suicide": ["{i} ... want to die"], "words-i": groups["i"]})
    assert found.find("honestly im so tired i want to die") is not None
    assert found.find("he wants to dye his hair") is None
    # A word without `*` is a whole word: "i" is not the start of "if" or "it".
    starting = Recogniser({"danger-suicide": ["(took|swallow*) pills"]})
    assert starting.find("she swallowed pills") is not None
    assert starting._dangers.candidates(" tooken pills ") == []


def test_a_phrase_is_read_only_where_all_its_plain_words_could_be() -> None:
    """A phrase is looked up by its rarest word and run only on a worry that holds every
    word it must: its plain words and the first word of each option of its brackets -
    never an optional one, a group, a gap or a word with a typo allowed."""
    from zoomapp.core.practice.danger import Recogniser
    from zoomapp.core.practice.phrase_lookup import later_words

    phrase = "no (le|les) da (medicacion|insulin*) ~diaria (hoy)? {child} ... (now|ya)"
    needs = [{"le", "les"}, {"da"}, {"medicacion", "*insulin"}, {"now", "ya"}]
    assert later_words(phrase) == tuple(map(frozenset, needs))
    reader = Recogniser({"danger-harm-to-child": [phrase], "words-child": ["a mi hija"]})
    assert reader.find("no le da insulina diaria a mi hija ya") is not None
    assert reader.find("no le da medicacion diarai hoy a mi hija de 6 ya") is not None
    assert reader._dangers.candidates(" no le da insulina diaria a mi hija ") == []
    assert reader._dangers.by_form == {"*insulin": [0], "medicacion": [0]}  # the rarest


def test_every_phrase_that_matches_a_worry_is_among_its_candidates() -> None:
    """Looking phrases up by their words only saves work: read by every phrase of the
    packs, 500 worries of a training set (the same strong words said both ways) are
    matched by the same phrases either way."""
    reader = recogniser(load_content([], "en"))
    every = [*reader._dangers.phrases, *reader.exceptions]
    texts = []
    for language in ("en", "es"):
        lines = (SETS / f"{language}-r.tsv").read_text(encoding="utf-8").splitlines()[::4]
        texts += [line.split("\t")[2] for line in lines if line.strip()][:250]
    for text in texts:
        said = plain(text)
        looked_up = {*reader._dangers.candidates(said), *reader._everyday.candidates(said)}
        for phrase in every:
            if next(phrase.finditer(said), None) is not None:
                assert phrase in looked_up, (phrase.text, text)


def test_phrases_compiled_ahead_leave_nothing_for_the_answer_to_wait_for() -> None:
    """The What-if box compiles every phrase in a thread while the parent types: after
    that, reading a worry compiles nothing - and a stop asked for stops it at once."""
    from zoomapp.core.practice.danger import Recogniser

    decks = {"danger-suicide": ["{i} ... want to die", "~suicid*"], "words-i": ["i", "im"]}
    decks["danger-except"] = ["(dying|die) (of|from) (boredom|embarrassment)"]
    stopped = Recogniser(decks)
    stopped.compile_all(stop=lambda: True)
    assert all(p._pattern is None for p in stopped._dangers.phrases)
    ahead = Recogniser(decks)
    ahead.compile_all()

    def no_more(phrase: str) -> None:
        raise AssertionError(f"compiled while answering: {phrase}")

    ahead._compile = no_more  # type: ignore[method-assign,assignment]
    assert ahead.find("honestly im so tired i want to die") is not None
    assert ahead.find("my sucide note") is not None
    assert ahead.find("i could die of embarrassment") is None


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
