"""Loading and checking 100 packs of 100 prompts each. Run: python tests/bench/bench_packs.py

Prints the time to load and check them all (goal <= 150 ms), beside the time tomllib alone
takes to parse the same files (the floor any TOML loader pays), in the same run.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from zoomapp.core.packs import load_content

sys.path.insert(0, str(Path(__file__).resolve().parent))

from installed import zoomapp_command  # noqa: E402

PACKS = 100
PROMPTS = 100


def write_packs(folder: Path) -> list[Path]:
    paths = []
    for number in range(PACKS):
        prompts = ",\n".join(
            f'  "Prompt {n} of pack {number}: notice your breath."' for n in range(PROMPTS)
        )
        path = folder / f"pack-{number:03d}.toml"
        path.write_text(
            f'format = 1\n[pack]\nid = "pack-{number}"\nname = "Pack {number}"\n'
            f'version = "1.0"\nlanguage = "en"\n\n[[decks]]\nid = "deck-{number}"\n'
            f'title = "Deck {number}"\nprompts = [\n{prompts},\n]\n\n'
            f'[[recipes]]\nid = "recipe-{number}"\nname = "Recipe {number}"\n'
            f'steps = [{{ breathe = "box", seconds = 16 }}, {{ deck = "deck-{number}", prompts = 3, seconds = 10 }}]\n'
        )
        paths.append(path)
    return paths


def main() -> None:
    folder = Path(tempfile.mkdtemp())
    paths = write_packs(folder)
    load_content(paths)  # warm the file cache
    loads, parses = [], []
    for _ in range(7):
        start = time.perf_counter()
        content = load_content(paths)
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        for path in paths:
            tomllib.loads(path.read_text())
        parses.append(time.perf_counter() - start)
    assert not content.problems and len(content.decks) == 6 + PACKS
    load, parse = statistics.median(loads), statistics.median(parses)
    print(
        f"packs   load + check {PACKS} packs x {PROMPTS} prompts: {load * 1000:.0f} ms "
        f"(goal <= 150 ms); tomllib parse alone {parse * 1000:.0f} ms; ratio {load / parse:.2f}x"
    )
    start = time.perf_counter()
    result = subprocess.run([*zoomapp_command(), "pack", "check", str(folder)], capture_output=True)
    wall = time.perf_counter() - start
    print(
        f"        `zoomapp pack check` on the folder, whole command: {wall * 1000:.0f} ms "
        f"(exit {result.returncode})"
    )


if __name__ == "__main__":
    main()
