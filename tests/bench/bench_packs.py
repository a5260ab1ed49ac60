"""Loading and checking packs. Run: python tests/bench/bench_packs.py

1. 100 packs of 100 prompts each: the time to load and check them all (goal <= 150 ms),
   beside the time tomllib alone takes to parse the same files (the floor any TOML loader
   pays), in the same run.
2. A coach's worst mistakes, 10,000 items each: unknown text keys, one id used 10,000
   times, and a clean 10,000-deck pack. `pack check` of each (goal: well under a second),
   and the first launch's reading of all three from packs/ beside tomllib parsing them.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

from zoomapp.core.content.packs import load_content

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
    assert not content.problems and len(content.decks) == len(load_content().decks) + PACKS
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


HEADER = 'format = 1\n[pack]\nid = "big"\nname = "Big"\nversion = "1"\nlanguage = "en"\n'
BIG = 10_000


def write_mistakes(folder: Path) -> list[Path]:
    bodies = {
        "unknown-keys": "[text]\n" + "".join(f'unknown_key_{i} = "x"\n' for i in range(BIG)),
        "one-id-10000-times": "".join(
            f'[[decks]]\nid = "same"\nprompts = ["p{i}"]\n' for i in range(BIG)
        ),
        "10000-decks": "".join(f'[[decks]]\nid = "d{i}"\nprompts = ["p{i}"]\n' for i in range(BIG)),
    }
    paths = []
    for name, body in bodies.items():
        path = folder / f"{name}.toml"
        path.write_text(HEADER.replace('"big"', f'"{name}"') + body)
        paths.append(path)
    return paths


def mistakes() -> None:
    folder = Path(tempfile.mkdtemp())
    paths = write_mistakes(folder)
    for path in paths:
        start = time.perf_counter()
        result = subprocess.run(
            [*zoomapp_command(), "pack", "check", str(path)], capture_output=True
        )
        wall = time.perf_counter() - start
        print(
            f"mistake `zoomapp pack check {path.name}`: {wall * 1000:.0f} ms (exit {result.returncode})"
        )
    loads, parses = [], []
    for _ in range(5):
        start = time.perf_counter()
        load_content(paths)
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        for path in paths:
            tomllib.loads(path.read_text())
        parses.append(time.perf_counter() - start)
    load, parse = statistics.median(loads), statistics.median(parses)
    print(
        f"        a first launch reading all three from packs/: {load * 1000:.0f} ms; tomllib"
        f" parse alone {parse * 1000:.0f} ms; what zoomapp adds {(load - parse) * 1000:.0f} ms"
        f" ({(load - parse) / parse:.2f}x the parse); later launches come from the launch cache"
    )


if __name__ == "__main__":
    main()
    mistakes()
