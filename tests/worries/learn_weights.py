"""Learn content/word-weights.json from the labelled worries here (not part of the suite).

    .venv/bin/python tests/worries/learn_weights.py

Logistic regression by plain gradient descent (no dependency), over both languages at
once, on every set in this folder except held-back/ - which is kept to measure how well
the result reads worries it never saw. Words inside the packs' everyday phrases are set
aside first, exactly as the app does before weighing.
"""

from __future__ import annotations

import json
import math
import random
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent.parent))

from zoomapp.core.content.packs import load_content  # noqa: E402
from zoomapp.core.practice.danger import plain  # noqa: E402
from zoomapp.core.practice.word_weights import WEIGHTS_FILE, features  # noqa: E402
from zoomapp.core.practice.worries import recogniser  # noqa: E402

THRESHOLD = 0.3  # recall first: a worry near the line gets help, with kind words after
EPOCHS, RATE, SHRINK, KEEP = 30, 0.3, 1e-4, 0.05


def labelled() -> list[tuple[str, int]]:
    rows = []
    for path in sorted(HERE.glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, _, text = line.split("\t")
                rows.append((text, 1 if label == "harm" else 0))
    return rows


def learn() -> dict:
    """The weights, as the file holds them; the same every run (a fixed order throughout)."""
    masker = recogniser(load_content())
    examples = [(sorted(features(masker.set_aside(plain(t)))), y) for t, y in labelled()]
    random.Random(7).shuffle(examples)
    weights: dict[str, float] = defaultdict(float)
    bias = 0.0
    for _ in range(EPOCHS):
        for found, y in examples:
            total = max(-30.0, min(30.0, bias + sum(weights[f] for f in found)))
            error = 1 / (1 + math.exp(-total)) - y
            bias -= RATE * error
            for f in found:
                weights[f] -= RATE * (error + SHRINK * weights[f])
    kept = {f: round(w, 3) for f, w in sorted(weights.items()) if abs(w) >= KEEP}
    return {"bias": round(bias, 3), "threshold": THRESHOLD, "weights": kept}


def main() -> None:
    doc = learn()
    out = HERE.parent.parent / "content" / WEIGHTS_FILE
    out.write_text(json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n")
    print(f"{len(labelled())} worries, {len(doc['weights'])} weights -> {out}")


if __name__ == "__main__":
    main()
