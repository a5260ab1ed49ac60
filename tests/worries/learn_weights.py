"""Learn content/word-weights.sqlite from the labelled worries here (not part of the suite).

    .venv/bin/python tests/worries/learn_weights.py            # learn, write the file
    .venv/bin/python tests/worries/learn_weights.py --cross    # how well it reads new sets

Logistic regression with an L2 penalty (no dependency), learned by stochastic gradient
descent whose step shrinks each pass and whose weights are averaged over the later passes,
so they settle near the penalised optimum; over both languages at once, on every set in
this folder except held-back/ - which is kept to measure how well the result reads
worries it never saw. To each weight is added a share of what naive Bayes makes of the
same feature (the log of how much more often it comes in harmful worries than in ordinary
ones): the regression weighs the features it has seen often, and Bayes gives a vote
to the many seen once or twice, which the penalty keeps near zero. Both are sums over
the features, so their sum is still one weight for each: the app reads it unchanged.
Words inside the packs' everyday phrases are set aside first, exactly as the app does
before weighing.

`--cross` learns once per set with that set left out and reads it, so every worry is read
by weights that never saw it: the recall and false alarms it prints, at each threshold,
are what the threshold below was chosen from (the phrases are read as the app reads them).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sqlite3
import sys
from collections import defaultdict
from contextlib import closing
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from zoomapp.core.content.packs import load_content  # noqa: E402
from zoomapp.core.practice import danger, phrase_lookup, word_weights  # noqa: E402
from zoomapp.core.practice import plain as plain_text  # noqa: E402
from zoomapp.core.practice.plain import plain  # noqa: E402
from zoomapp.core.practice.word_weights import WEIGHTS_FILE, WordWeights, features  # noqa: E402
from zoomapp.core.practice.worries import recogniser  # noqa: E402

# Recall first: a worry near the line gets help, then kind words. Chosen on the sets written
# in new voices (h to y), each read by weights learned without it - the nearest thing to a
# stranger's worries; no held-back set chooses anything. The most the thresholds may be is
# the highest at which the new voices keep at least 98 % recall: 0.35 in English (8.9 %
# false alarms) and 0.43 in Spanish (8.4 %), sets h to y read with z, zb and zc learned. They
# are kept lower, because every set written since by someone new has read with less recall
# than this cross-reading promised (Spanish despair and suicide said without the usual
# words most of all: set q, left out, 92.9 % at 0.20; set x, first read, 95.3 %; set zb,
# first read, 95.8 % English and 96.2 % Spanish). Until they stop doing so, a margin is
# worth a few false alarms: the margin is the new voices' recall the weights with pieces of
# words had at 0.13 and 0.20 (98.7 % and 98.1 %), kept when they went. Learning set z
# alone took it away (at 0.17 and 0.37, h to y read 98.7 % and 97.9 %); with zb and zc and
# their phrases, 0.17 and 0.37 keep it again (98.8 % for 11.1 % false alarms, 98.3 % for
# 8.8 %). The margin would allow 0.19 and 0.39; the lines stay where they were, since zb
# read below its promise once more. With zd to zh learned too, h to y read 98.9 % for 11.2 %
# and 98.5 % for 9.0 % at 0.17 and 0.37 (the 98 % line: 0.39 and 0.56); they stay, as the
# new sets' first reads say they must: zf and zg read 97.3 % and 97.5 % in Spanish at 0.37,
# and ze fell to 97.3 % in English had the line been 0.30. With zi to zl learned as well,
# h to y read 98.9 % for 11.0 % and 98.4 % for 8.8 % (the 98 % line: 0.43 and 0.45); they
# stay, since the first reads of zi to zm at 0.17 and 0.37 were 98.0 % to 99.3 % in English
# (zi: 98.0 %, on the line) and 99.0 % to 100 % in Spanish - no margin to spare. With zn to
# zr learned (violence and control at home), h to zr read 99.0 % for 10.0 % and 98.6 % for
# 8.3 % (the 98 % line: 0.60 and 0.55); they stay, since those sets' first reads were the
# lowest yet (zo: 92.0 % and 77.0 %; zq: 94.0 % and 87.0 %; zr: 92.0 % and 88.0 %). With zs to
# zzg learned as well, h to zzg read 99.1 % for 9.3 % and 98.5 % for 7.7 % (the 98 % line: 0.65
# and 0.55); with zzh to zzn too, h to zzn read 99.1 % for 9.4 % and 98.7 % for 7.8 % (the 98 %
# line: 0.65 and 0.65). They stay, since zzc read 97.6 % in both languages at first, zzn 97.6 %
# in Spanish, zzi 95.0 % in Spanish and zzp 92.0 % in Spanish.
# A worry is read against its own language's threshold (word_weights.language).
THRESHOLDS = {"en": 0.17, "es": 0.37}
# THRESHOLD is for a worry whose language cannot be told (a word or two, or another
# language): the lower of the two. (A lower line for those was tried and left: "help" alone
# weighs 0.127 and "hi" 0.130, and a worry with nothing left to weigh 0.107 - words alone
# cannot tell a one-word cry for help from a greeting.)
THRESHOLD = min(THRESHOLDS.values())
# Words kept in the journal (a win, a feeling, a check-in answer) are not a worry put to the
# app, and a short everyday line ("found his shoes", "long ago") weighs over the low lines
# above: they are read at the 98 % line of the new voices' last cross-reading instead (h to
# zzn, session 15: 0.65 in both languages), with the phrases as before.
WRITTEN_LINE = 0.65
# PENALTY is 1/C of an L2-penalised logistic regression (summed loss + |w|^2 / 2C); the
# step is RATE / (1 + pass) and the weights kept are the mean over passes AVERAGE_FROM on.
# Fewer passes (15, not 40) stop short of fitting each set's own way of putting things:
# fewer false alarms on the sets left out, at the same recall.
EPOCHS, RATE, PENALTY, AVERAGE_FROM, KEEP = 15, 1.0, 1.0, 7, 0.02
# The share of naive Bayes's vote, and the count it adds to every feature in both kinds of
# worry (its smoothing). Chosen by leaving each new-voice set out in turn, when those were
# h to n: with Bayes's vote, a threshold that kept recall at 98 % there left 7.4 % false
# alarms in English and 4.2 % in Spanish, where the regression alone left 12.0 % and 6.6 %.
# (Sets o and p, written to be harder, have since raised both.) The vote is not small: a
# feature seen once, in one kind of worry only, moves a worry by about 0.7 either way, and a
# word counts again through its pairs - which is why it reads new voices better.
BAYES_SHARE, BAYES_SMOOTHING = 0.3, 0.1

NEW_VOICES = tuple(
    f"{lang}-{s}.tsv"
    for lang in ("en", "es")
    for s in [
        *"hijklmnoprstuvwxyz",
        "zb",
        "zc",
        "zd",
        "ze",
        "zf",
        "zg",
        "zh",
        "zi",
        "zj",
        "zk",
        "zl",
        "zm",
        "zn",
        "zo",
        "zp",
        "zq",
        "zr",
        "zs",
        "zt",
        "zu",
        "zv",
        "zw",
        "zx",
        "zy",
        "zz",
        "zza",
        "zzb",
        "zzc",
        "zzd",
        "zze",
        "zzf",
        "zzg",
        "zzh",
        "zzi",
        "zzj",
        "zzk",
        "zzl",
        "zzm",
        "zzn",
        "zzo",
        "zzp",
        "zzq",
        "zzr",
        "zzs",
        "zzt",
        "zzu",
        "zzv",
        "zzw",
        "zzx",
        "zzy",
        "zzz",
        "zzza",
        "zzzb",
        "zzzc",
        "zzzd",
        "zzze",
        "zzzf",
        "zzzg",
        "zzzh",
        "zzzi",
        "zzzj",
        "zzzk",
        "zzzl",
    ]
)
Example = tuple[str, list[str], int]  # the set it comes from, its features, 1 if harmful


def labelled() -> list[tuple[str, str, int]]:
    rows = []
    for path in sorted(HERE.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, _, text = line.split("\t")
                rows.append((path.name, text, 1 if label == "harm" else 0))
    return rows


def examples() -> list[Example]:
    masker = recogniser(load_content())
    found = [(name, sorted(features(masker.set_aside(plain(t)))), y) for name, t, y in labelled()]
    random.Random(7).shuffle(found)
    return found


def fit(examples: list[Example], threshold: float = THRESHOLD) -> dict:
    """The weights, as the file holds them; the same every run (a fixed order throughout).

    Each step shrinks every weight a little (the L2 penalty, spread over the examples): the
    weights are held as `scale * raw`, so shrinking them all is one multiplication."""
    raw: dict[str, float] = defaultdict(float)
    scale, bias = 1.0, 0.0
    shrink = PENALTY / max(1, len(examples))
    summed: dict[str, float] = defaultdict(float)
    summed_bias, passes = 0.0, 0
    for epoch in range(EPOCHS):
        rate = RATE / (1 + epoch)
        for _, found, y in examples:
            total = max(-30.0, min(30.0, bias + scale * sum(raw[f] for f in found)))
            error = 1 / (1 + math.exp(-total)) - y
            scale *= 1 - rate * shrink
            bias -= rate * error
            step = rate * error / scale
            for f in found:
                raw[f] -= step
        if epoch >= AVERAGE_FROM:
            for f, w in raw.items():
                summed[f] += scale * w
            summed_bias += bias
            passes += 1
    weights = {f: w / passes for f, w in summed.items()}
    ratios, prior = bayes(examples)
    for f, ratio in ratios.items():
        weights[f] = weights.get(f, 0.0) + BAYES_SHARE * ratio
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= KEEP}
    return {
        "bias": round(summed_bias / passes + BAYES_SHARE * prior, 3),
        "threshold": threshold,
        "thresholds": THRESHOLDS,
        "written_line": WRITTEN_LINE,
        "weights": kept,
    }


def bayes(examples: list[Example]) -> tuple[dict[str, float], float]:
    """Naive Bayes's log-ratio for each feature (how much likelier among the harmful
    worries' features than among the ordinary ones'), and its prior: the log-odds of harm."""
    counts: tuple[dict[str, float], dict[str, float]] = (defaultdict(float), defaultdict(float))
    sizes = [0, 0]
    for _, found, y in examples:
        sizes[y] += 1
        for f in found:
            counts[y][f] += 1
    every = set(counts[0]) | set(counts[1])
    totals = [sum(c.values()) + BAYES_SMOOTHING * len(every) for c in counts]
    ratios = {
        f: math.log((counts[1][f] + BAYES_SMOOTHING) / totals[1])
        - math.log((counts[0][f] + BAYES_SMOOTHING) / totals[0])
        for f in every
    }
    return ratios, math.log(sizes[1] / sizes[0])


def learn() -> dict:
    return {**fit(examples()), "learned_from": learned_from()}


def learned_from() -> str:
    """A digest of all the weights are learned from: the sets, the packs' everyday phrases
    and the code that reads and learns. The suite checks the shipped file still matches."""
    digest = hashlib.sha256()
    for path in sorted(HERE.glob("*.tsv")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    everyday = [phrase.text for phrase in recogniser(load_content()).exceptions]
    digest.update("\n".join(everyday).encode())
    for module in (danger, phrase_lookup, plain_text, word_weights):
        digest.update(Path(str(module.__file__)).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()


def cross() -> None:
    """Each set read by weights learned without it: recall and false alarms by threshold."""
    content = load_content()
    phrases = recogniser(content)
    said = {name + "\t" + t: plain(t) for name, t, _ in labelled()}
    caught = {key: phrases.find_phrase(text) is not None for key, text in said.items()}
    every = examples()
    scored: list[tuple[str, bool, float, int]] = []  # set, a phrase caught it, weight, label
    guessed: list[str] = []  # the language each is read as (word_weights.language)
    rows = labelled()
    for name in sorted({n for n, _, _ in rows}):
        doc = fit([e for e in every if e[0] != name])
        weighed = WordWeights(doc["bias"], doc["threshold"], doc["weights"])
        for n, text, y in rows:
            if n == name:
                masked = phrases.set_aside(said[n + "\t" + text])
                scored.append((n, caught[n + "\t" + text], weighed.weigh(masked).likely, y))
                guessed.append(word_weights.language(masked))
        print(f"  left out {name}", file=sys.stderr)
    thresholds = [round(0.01 * i, 2) for i in range(5, 100)]
    rates = {}
    for language in ("en", "es"):
        mine = [s for s in scored if s[0].startswith(language)]
        for threshold in thresholds:
            helped = [(caught or likely >= threshold, y) for _, caught, likely, y in mine]
            harm = [h for h, y in helped if y]
            ok = [h for h, y in helped if not y]
            rates[language, threshold] = (100 * sum(harm) / len(harm), 100 * sum(ok) / len(ok))
            recall, alarms = rates[language, threshold]
            if round(100 * threshold) % 5 == 0:
                print(
                    f"{language} threshold {threshold:.2f}: recall {recall:.1f} %,"
                    f" false alarms {alarms:.1f} %"
                )
    for language in ("en", "es"):  # the new voices, each language at its own threshold
        helped = [
            (c or likely >= THRESHOLDS.get(guess, THRESHOLD), y)
            for (n, c, likely, y), guess in zip(scored, guessed, strict=True)
            if n.startswith(language) and n in NEW_VOICES
        ]
        harm = [h for h, y in helped if y]
        ok = [h for h, y in helped if not y]
        print(
            f"{language} new voices at {THRESHOLDS[language]:.2f}: recall"
            f" {100 * sum(harm) / len(harm):.1f} %, false alarms {100 * sum(ok) / len(ok):.1f} %"
        )
    enough = [t for t in thresholds if all(rates[lang, t][0] >= 98 for lang in ("en", "es"))]
    print(f"highest threshold with recall >= 98 % in both: {max(enough) if enough else None}")


def main() -> None:
    if "--cross" in sys.argv:
        cross()
        return
    doc = learn()
    out = HERE.parent.parent / "content" / WEIGHTS_FILE
    write(doc, out)
    print(f"{len(labelled())} worries, {len(doc['weights'])} weights -> {out}")


def write(doc: dict, out: Path) -> None:
    """The weights as a SQLite file (word_weights reads each one when a worry holds its
    word), the rest of `doc` in its `about` table as JSON; written whole, then moved in."""
    part = out.with_name(out.name + ".part")
    part.unlink(missing_ok=True)
    part.with_name(part.name + "-journal").unlink(missing_ok=True)  # an interrupted run's
    db = sqlite3.connect(part)
    db.execute("CREATE TABLE about (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID")
    db.execute(
        "CREATE TABLE weights (feature TEXT PRIMARY KEY, weight REAL NOT NULL) WITHOUT ROWID"
    )
    about = [(key, json.dumps(value)) for key, value in doc.items() if key != "weights"]
    db.executemany("INSERT INTO about VALUES (?, ?)", about)
    db.executemany("INSERT INTO weights VALUES (?, ?)", sorted(doc["weights"].items()))
    db.commit()
    db.execute("VACUUM")
    db.close()
    part.replace(out)


def shipped_about() -> dict:
    """What the shipped weights say of themselves (learned_from, the lines)."""
    out = HERE.parent.parent / "content" / WEIGHTS_FILE
    with closing(sqlite3.connect(f"{out.as_uri()}?mode=ro", uri=True)) as db:
        return {key: json.loads(value) for key, value in db.execute("SELECT key, value FROM about")}


if __name__ == "__main__":
    main()
