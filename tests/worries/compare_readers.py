"""Would another kind of reader catch as much for fewer false alarms? (Not part of the suite.)

    python3 -m venv /tmp/sk && /tmp/sk/bin/pip install -e . scikit-learn   # not a dependency
    /tmp/sk/bin/python tests/worries/compare_readers.py      # about 80 minutes on 2 cores

Every reader is judged as the shipped one is chosen (learn_weights.py --cross): each
new-voice set (h to y) read by a reader learned without it, with the packs' phrases read
first, and the threshold the lowest false alarms at which 98 % of the harmful worries still
get help, per language. The held-back sets take no part. The readers:

- `shipped`: the regression with Bayes's vote over the app's own features, learned by
  scikit-learn instead of learn_weights.py (the same model: it reads the sets as closely);
- `regression`: the same regression without Bayes's vote;
- `tf-idf`: the usual text classifier, word pairs and 2-5 letter pieces weighted by TF-IDF;
- `with phrases`: `shipped` that also sees which phrases matched, and alone decides (a
  phrase no longer sends help by itself: its weight is learned);
- `per language`: `shipped` learned on each language's sets alone;
- `network`, against `tf-idf` on the same six folds (sets h to y in six groups, with
  fewer rare features): a hidden layer of 64 (not something the app could ship or
  explain: asked only whether words read in combination do better).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import scipy.sparse as sparse
from sklearn.feature_extraction import DictVectorizer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier
from sklearn.pipeline import make_union

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))

from learn_weights import BAYES_SHARE, BAYES_SMOOTHING, NEW_VOICES, labelled  # noqa: E402

from zoomapp.core.content.packs import load_content  # noqa: E402
from zoomapp.core.practice.plain import plain  # noqa: E402
from zoomapp.core.practice.word_weights import features  # noqa: E402
from zoomapp.core.practice.worries import recogniser  # noqa: E402

RECALL = 0.98


def read_sets() -> tuple[list[str], np.ndarray, list[str], list[list[str]]]:
    """Each worry's set, label, text with everyday phrases set aside, and every phrase
    that matched it (by deck and place), as the app reads them."""
    phrases = recogniser(load_content())
    place = {id(p): f"{c}:{n}" for c, ps in phrases.categories.items() for n, p in enumerate(ps)}
    sets, labels, masked, matched = [], [], [], []
    for name, text, y in labelled():
        said = plain(text)
        everyday = phrases._everyday_in(said)
        found = sorted(
            {
                place[id(p)]
                for p in phrases._dangers.candidates(said)
                for m in p.finditer(said)
                if not any(e.covers(*m.span(1)) for e in everyday)
            }
        )
        sets.append(name)
        labels.append(y)
        masked.append(phrases.set_aside(said, everyday))
        matched.append(found)
    return sets, np.array(labels), masked, matched


def int32(matrix):  # type: ignore[no-untyped-def]
    matrix = sparse.csr_matrix(matrix)
    matrix.indices = matrix.indices.astype(np.int32)
    matrix.indptr = matrix.indptr.astype(np.int32)
    return matrix


def shipped_model(x, y, share: float = BAYES_SHARE):  # type: ignore[no-untyped-def]
    """The regression (C=1: learn_weights.py's PENALTY) plus a share of Bayes's log-ratio."""
    model = LogisticRegression(C=1.0, solver="liblinear", max_iter=300).fit(x, y)
    harm = np.asarray(x[y == 1].sum(0)).ravel()
    ordinary = np.asarray(x[y == 0].sum(0)).ravel()
    seen = harm + ordinary > 0
    totals = [c.sum() + BAYES_SMOOTHING * seen.sum() for c in (ordinary, harm)]
    ratio = np.log((harm + BAYES_SMOOTHING) / totals[1]) - np.log(
        (ordinary + BAYES_SMOOTHING) / totals[0]
    )
    ratio[~seen] = 0
    weights = model.coef_.ravel() + share * ratio
    bias = model.intercept_[0] + share * math.log((y == 1).sum() / (y == 0).sum())
    return lambda rows: rows @ weights + bias


def figures(name: str, scores: dict[int, float], sets, labels, forced) -> None:  # type: ignore[no-untyped-def]
    said = []
    for language in ("en", "es"):
        rows = [(forced[i], s, labels[i]) for i, s in scores.items() if sets[i][:2] == language]
        harmful = sum(1 for _, _, y in rows if y)
        need = math.ceil(RECALL * harmful) - sum(1 for f, _, y in rows if y and f)
        weighed = sorted(s for f, s, y in rows if y and not f)
        line = weighed[-need] if need > 0 else math.inf
        helped = [f or s >= line for f, s, y in rows if not y]
        said.append(f"{language} {100 * sum(helped) / len(helped):4.1f} %")
    print(f"{name:14} false alarms at {RECALL:.0%} recall: {', '.join(said)}", flush=True)


def main() -> None:
    sets, labels, masked, matched = read_sets()
    print(f"read {len(sets)} worries", flush=True)
    phrase = [bool(m) for m in matched]
    nobody = [False] * len(sets)
    words = int32(DictVectorizer().fit_transform([dict.fromkeys(features(t), 1) for t in masked]))
    found = [set(m) | {"C:" + p.split(":")[0] for p in m} for m in matched]
    with_phrases = int32(
        sparse.hstack([words, DictVectorizer().fit_transform([dict.fromkeys(f, 1) for f in found])])
    )
    tfidf = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2),
    )
    texts = np.array(masked, dtype=object)

    def left_out(groups, learn, rows=None) -> dict[int, float]:  # type: ignore[no-untyped-def]
        scores: dict[int, float] = {}
        for group in groups:
            test = [i for i, s in enumerate(sets) if s in group]
            train = [
                i for i, s in enumerate(sets) if s not in group and (rows is None or rows(s, group))
            ]
            scores.update(zip(test, learn(train, test), strict=True))
        return scores

    def linear(x, **kw):  # type: ignore[no-untyped-def]
        return lambda train, test: shipped_model(x[train], labels[train], **kw)(x[test])

    def text_model(make, vectorizer=tfidf):  # type: ignore[no-untyped-def]
        def learn(train, test):  # type: ignore[no-untyped-def]
            vectors = vectorizer.fit(texts[train])
            model = make().fit(int32(vectors.transform(texts[train])), labels[train])
            return model.predict_proba(int32(vectors.transform(texts[test])))[:, 1]

        return learn

    each = [{name} for name in NEW_VOICES]
    figures("shipped", left_out(each, linear(words)), sets, labels, phrase)
    figures("regression", left_out(each, linear(words, share=0.0)), sets, labels, phrase)
    same_language = lambda s, group: s[:2] == next(iter(group))[:2]  # noqa: E731
    figures("per language", left_out(each, linear(words), same_language), sets, labels, phrase)
    figures("with phrases", left_out(each, linear(with_phrases)), sets, labels, nobody)
    regression = lambda: LogisticRegression(C=10, solver="liblinear")  # noqa: E731
    figures("tf-idf", left_out(each, text_model(regression)), sets, labels, phrase)
    letters = "hijklmnoprstuvwxy"
    six = [{f"{lang}-{s}.tsv" for lang in ("en", "es") for s in letters[n::6]} for n in range(6)]
    fewer = make_union(  # rarer words and pieces left out: a network learns in minutes
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=3),
    )
    figures("tf-idf, 6", left_out(six, text_model(regression, fewer)), sets, labels, phrase)
    network = lambda: MLPClassifier((64,), early_stopping=True, max_iter=30, random_state=0)  # noqa: E731
    figures("network, 6", left_out(six, text_model(network, fewer)), sets, labels, phrase)


if __name__ == "__main__":
    main()
