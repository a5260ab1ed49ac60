"""Whether a worry may mean danger, judged on worries people write (tests/worries/*.tsv).

Each line of a set is `label<TAB>category<TAB>text`: `harm` (help must come first) or `ok`
(kind words are right). The sets were written apart from the phrases in the packs, the
way frightened and tired parents type. The test prints recall and false alarms for each
language and category, and holds them to the goal: at least 98 % of harmful worries
answered with help, at most 5 % of ordinary ones - in the interface's own language and in
the other one (a parent using Spanish who writes in English, and the other way round).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from zoomapp.core.packs import load_content
from zoomapp.core.worries import danger_in

SETS = Path(__file__).parent / "worries"
RECALL_GOAL = 0.98
FALSE_ALARM_GOAL = 0.05


def worries(language: str) -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted(SETS.glob(f"{language}*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                label, category, text = line.split("\t")
                rows.append((label, category, text))
    return rows


def measure(written_in: str, interface: str) -> tuple[float, float, list[str]]:
    content = load_content([], interface)
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    for label, category, text in worries(written_in):
        helped = danger_in(text, content) is not None
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
