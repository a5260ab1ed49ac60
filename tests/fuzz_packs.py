"""Thousands of broken and hostile packs, made from the built-in one, checked like a coach would.

    python tests/fuzz_packs.py --count 5000 [--seed 1]

Each mutant is checked (`parse_pack`, as `pack check` and the launch do). The run fails
if any raises, takes over a second, gives a syntax error without a line and column, or
says something a coach should never read: a Python repr, a control character, a value
repeated at length. The suite runs a sample of these (tests/test_fuzzed_packs.py).
"""

from __future__ import annotations

import argparse
import copy
import random
import re
import sys
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path

import tomli_w

BUILT_IN = Path(__file__).parents[1] / "content" / "en.toml"

HOSTILE_STRINGS = (
    "Bell on [/]",
    "[bold]loud[/bold]",
    "[link=https://example.com]click[/link]",
    "[@click=app.quit]x[/]",
    "\x1b[2J\x1b[1;1Hok",
    "\x1b]0;owned\x07",
    "back\x08\x08\x08",
    "abc\u202edef",
    "\u200b\u200b",
    "{seconds:>100000000}",
    "{days[0]} days",
    "{x.y}",
    "{tiem} left",
    "{{}}",
    "{",
    "}",
    "{0}",
    "{!r}",
    "x" * 100_000,
    "🌱" * 50,
    "\t\n",
    "",
    " ",
    "ﬁ" * 10,
)
HOSTILE_VALUES = (
    0,
    -1,
    10**30,
    float("inf"),
    float("nan"),
    1e308,
    True,
    [],
    {},
    [1, "a"],
    {"a": {"b": {"c": 1}}},
    "2026-11-22",
)


def _paths(doc) -> list[tuple]:
    """Every (container, key) in a parsed document, each before what it holds: walked
    with a stack, not by recursion, since it is walked again after every change."""
    found: list[tuple] = []
    stack = list(reversed(_places_in(doc)))
    while stack:
        container, key = stack.pop()
        found.append((container, key))
        stack.extend(reversed(_places_in(container[key])))
    return found


def _places_in(node) -> list[tuple]:
    if isinstance(node, dict):
        return [(node, key) for key in node]
    if isinstance(node, list):
        return [(node, index) for index in range(len(node))]
    return []


def structural(doc: dict, rng: random.Random) -> dict:
    doc = copy.deepcopy(doc)
    places = list(_paths(doc))
    for _ in range(rng.choice((1, 1, 2, 3, 8))):
        container, key = rng.choice(places)
        choice = rng.random()
        if choice < 0.45:
            container[key] = rng.choice(HOSTILE_STRINGS)
        elif choice < 0.75:
            container[key] = copy.deepcopy(rng.choice(HOSTILE_VALUES))
        elif choice < 0.85 and isinstance(container, dict):
            container[rng.choice(HOSTILE_STRINGS[:14]) or "k"] = rng.choice(HOSTILE_STRINGS)
        elif choice < 0.92 and isinstance(container, list) and container:
            container.extend(copy.deepcopy(container[0]) for _ in range(rng.choice((2, 10_000))))
        elif isinstance(container, dict):
            del container[key]
        places = list(_paths(doc))
        if not places:
            break
    return doc


def textual(source: str, rng: random.Random) -> str:
    lines = source.split("\n")
    for _ in range(rng.choice((1, 2, 5))):
        index = rng.randrange(len(lines))
        line = lines[index]
        choice = rng.random()
        if choice < 0.25 and line:
            cut = rng.randrange(len(line))
            lines[index] = line[:cut] + line[cut + 1 :]
        elif choice < 0.45:
            cut = rng.randrange(len(line) + 1)
            lines[index] = line[:cut] + rng.choice("[]{}\"'=#,.\\\x00\x1b\ufeff \t") + line[cut:]
        elif choice < 0.6:
            del lines[index]
        elif choice < 0.7:
            lines.insert(index, line)
        elif choice < 0.8:
            lines[index] = "x = " + "[" * rng.choice((60, 2000)) + "]" * rng.choice((0, 2000))
        else:
            lines[index] = line.replace("=", rng.choice(("", "==", ": ")), 1)
    return "\n".join(lines)


def mutants(count: int, seed: int = 1) -> Iterator[tuple[str, bytes]]:
    """(what was done, the file's bytes) for `count` mutants of the built-in pack."""
    source = BUILT_IN.read_text(encoding="utf-8")
    doc = tomllib.loads(source)
    doc["pack"]["id"] = "mutant"
    doc["pack"]["name"] = "Mutant"
    for deck in doc.get("decks", []):  # thousands of danger phrases, all of one kind:
        if deck.get("id", "").startswith(("danger-", "words-")):  # a few keep every shape
            deck["prompts"] = deck["prompts"][:8]
    source = tomli_w.dumps(doc)
    rng = random.Random(seed)
    for number in range(count):
        kind = rng.choice(("structural", "structural", "textual", "bytes"))
        if kind == "structural":
            try:
                data = tomli_w.dumps(structural(doc, rng)).encode("utf-8", "surrogatepass")
            except (TypeError, ValueError):
                continue  # tomli_w cannot write that shape
        elif kind == "textual":
            data = textual(source, rng).encode("utf-8")
        else:
            raw = bytearray(source.encode("utf-8"))
            for _ in range(rng.choice((1, 3))):
                raw[rng.randrange(len(raw))] = rng.randrange(256)
            data = bytes(raw)
        yield f"{kind} #{number}", data


# What a coach must never read.
_REPR = re.compile(r"\('[^']*',|\\x[0-9a-f]{2}|\\u[0-9a-f]{4}|<class |Traceback")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def judge(name: str, data: bytes) -> list[str]:
    """What is wrong with zoomapp's answer to this mutant ([] when all is well)."""
    from zoomapp.core.content.packs import parse_pack

    start = time.perf_counter()
    try:
        pack, problems = parse_pack(data, "mutant.toml")
    except Exception as exc:  # noqa: BLE001 - what we are looking for
        return [f"{name}: raised {type(exc).__name__}: {exc}"[:300]]
    seconds = time.perf_counter() - start
    faults = []
    if seconds > 10.0:  # a hang, not a slow run: a busy 2-core machine can take a second
        faults.append(f"{name}: took {seconds:.1f} s")
    for problem in problems:
        said = str(problem)
        if "TOML syntax" in said and problem.line is None:
            faults.append(f"{name}: a syntax error without a line: {said[:200]}")
        if _REPR.search(said) or _CONTROL.search(said):
            faults.append(f"{name}: says {said[:200]!r}")
        if len(said) > 400:
            faults.append(f"{name}: a message of {len(said)} characters")
    return faults


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sys.setrecursionlimit(1000)
    faults, checked, loaded = [], 0, 0
    start = time.perf_counter()
    from zoomapp.core.content.packs import parse_pack

    for name, data in mutants(args.count, args.seed):
        found = judge(name, data)
        faults += found
        checked += 1
        if not found and parse_pack(data, "m")[0] is not None:
            loaded += 1
    took = time.perf_counter() - start
    for fault in faults[:50]:
        print(fault)
    print(
        f"{checked} mutants checked in {took:.1f} s ({loaded} still load as packs):"
        f" {len(faults)} faults"
    )
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
