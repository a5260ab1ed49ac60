"""How long a What-if answer takes, in one process as the app reads it. Run:
python tests/bench/bench_whatif.py

The What-if box compiles every danger phrase in a thread while the parent types
(`Recogniser.compile_all`). Printed side by side, each in a fresh process: an answer with
nothing compiled ahead (the baseline: it compiles what it needs), an answer asked for one
second into the thread's work (goal: no slower than the baseline - the thread steps aside),
and an answer once the thread has finished (goal: a few milliseconds).
"""

from __future__ import annotations

import statistics
import subprocess
import sys

WORRY = "what if he never goes back to school and I lose my job and he is hitting me"
CASES = {
    "none": "nothing compiled ahead (baseline)",
    "during": "one second into compiling ahead",
    "after": "once compiled ahead",
}

_ONE = """
import sys, threading, time
from zoomapp.core.content.packs import load_content
from zoomapp.core.practice.worries import danger_in, recogniser
content = load_content([], "en")
reader = recogniser(content)
case = sys.argv[1]
if case == "during":
    threading.Thread(target=reader.compile_all, daemon=True).start()
    time.sleep(1.0)
elif case == "after":
    reader.compile_all()
started = time.perf_counter()
danger_in(sys.argv[2], content)
print(time.perf_counter() - started)
"""


def answer_seconds(case: str) -> float:
    """One answer, in a fresh process (nothing compiled before it starts)."""
    done = subprocess.run(
        [sys.executable, "-c", _ONE, case, WORRY], capture_output=True, text=True, check=True
    )
    return float(done.stdout)


def main(runs: int = 5) -> None:
    seconds: dict[str, list[float]] = {case: [] for case in CASES}
    for _ in range(runs):  # alternate, so all see the same noise
        for case in CASES:
            seconds[case].append(answer_seconds(case))
    base = statistics.median(seconds["none"])
    for case, label in CASES.items():
        median = statistics.median(seconds[case])
        print(f"what-if answer  {label:34} {median * 1000:6.1f} ms  {median / base:5.2f}x")


if __name__ == "__main__":
    main()
