"""Ten years of small wins, side by side with jrnl. Run: python tests/bench/bench_journal.py

Needs jrnl (`pip install -e '.[bench]'`). Builds the same ~11,000 entries (3 wins a day for
ten years, with a rated session most days) in a zoomapp journal and in a jrnl journal, then
times, as whole commands: adding a win (also on an empty journal), searching, listing the
last 20, and opening the journal and Progress screens in the app. Goals: add <= 0.1x jrnl
and no slower at ten years than empty; search <= 0.2x jrnl; list <= 0.3x jrnl; the
journal screen open in <= 0.3 s and the Progress screen in <= 0.15 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from installed import zoomapp_command  # noqa: E402

WORDS = (
    "school gate shoes breakfast park dog brave calm laughed hug drew played read walked "
    "bus car teacher friend morning sister brother homework bath bed slept smiled tried"
).split()
TAGS = ("school", "morning", "calm", "friends", "")
YEARS = 10
PER_DAY = 3


def sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize()


def build(home: Path, jrnl_file: Path, end: date, years: int = YEARS) -> int:
    """Write both journals directly (building them through either CLI would take hours)."""
    from zoomapp.core.journal.dayfile import render_day

    rng = random.Random(42)
    start = end - timedelta(days=365 * years)
    lines = []
    count = 0
    day = start
    while day < end:
        wins = []
        for n in range(PER_DAY):
            at = datetime.combine(day, datetime.min.time()).replace(
                hour=8 + 4 * n, minute=rng.randint(0, 59)
            )
            text = sentence(rng)
            tag = rng.choice(TAGS)
            item = {"at": at, "text": text}
            if tag:
                item["tags"] = [tag]
            wins.append(item)
            suffix = f" @{tag}" if tag else ""
            lines.append(f"[{at:%Y-%m-%d %I:%M:%S %p}] {text}{suffix}\n\n")
            count += 1
        doc = {"format": 1, "date": day, "wins": wins}
        if rng.random() < 0.7:
            before = rng.randint(4, 9)
            doc["sessions"] = [
                {
                    "kind": "recipe",
                    "id": "two-minute",
                    "started": datetime.combine(day, datetime.min.time()).replace(hour=20),
                    "seconds": 120,
                    "ended_early": False,
                    "rating_before": before,
                    "rating_after": max(0, before - rng.randint(0, 4)),
                    "rating_scale": 10,
                }
            ]
        path = home / "journal" / f"{day.year}" / f"{day.isoformat()}.toml"
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        path.write_text(render_day(doc))
        day += timedelta(days=1)
    jrnl_file.write_text("".join(lines))
    return count


def jrnl_config(folder: Path, journal: Path) -> Path:
    config = folder / "jrnl.yaml"
    config.write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals: {{default: {{journal: {journal}}}}}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\n"
        "timeformat: '%Y-%m-%d %I:%M:%S %p'\nversion: v4.6\n"
    )
    return config


def timed(command: list[str], env: dict[str, str] | None, runs: int, given: str = "") -> float:
    """The median time of `runs` runs of a whole command (`given` on its standard input)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(command, env=env, input=given, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if result.returncode != 0:
            raise SystemExit(f"{' '.join(command)} failed: {result.stderr.strip()[:300]}")
    return statistics.median(times)


def screen_seconds(home: Path, runs: int, keys: tuple[str, ...], wanted: str) -> float:
    """Time from pressing the last of `keys` to the screen named `wanted` drawn (headless)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from zoomapp.core.paths import Paths
    from zoomapp.core.settings import load_settings, save_settings
    from zoomapp.core.workspace import open_workspace
    from zoomapp.ui.app import ZoomApp

    paths = Paths(home, home)
    settings = load_settings(paths.settings_file).settings  # as a parent who has been here
    settings.country, settings.country_asked, settings.intro_seen = "GB", True, True
    save_settings(paths.settings_file, settings)
    times = []
    for _ in range(runs):
        app = ZoomApp(open_workspace(paths))

        async def run(app: ZoomApp = app) -> float:
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.press(*keys[:-1])
                await pilot.pause()
                start = time.perf_counter()
                await pilot.press(keys[-1])
                while type(app.screen).__name__ != wanted:
                    await asyncio.sleep(0.001)
                await pilot.pause()
                return time.perf_counter() - start

        times.append(asyncio.run(run()))
    return statistics.median(times)


def report(name: str, ours: float, theirs: float, goal: float, label: str = "jrnl") -> None:
    mark = "ok" if ours <= goal * theirs else "MISSED"
    print(
        f"{name:22s} zoomapp {ours * 1000:7.0f} ms   {label} {theirs * 1000:7.0f} ms   "
        f"ratio {ours / theirs:5.2f}x (goal <= {goal}x) {mark}"
    )


def locked_rows(
    root: Path, full: Path, jrnl_file: Path, config: Path, zoomapp: list[str], jrnl: str, runs: int
) -> None:
    """The same ten years locked (zoomapp lock) and encrypted (jrnl --encrypt)."""
    import re

    home = root / "locked"
    shutil.copytree(full, home)
    secret = root / "passphrase.txt"
    secret.write_text("a long walk to the school gate\n")
    env = {**os.environ, "ZOOMAPP_HOME": str(home)}
    done = subprocess.run(
        [*zoomapp, "lock", "--passphrase-file", str(secret)],
        env=env,
        capture_output=True,
        text=True,
    )
    recovery = re.search(r"AGE-SECRET-KEY-1[0-9A-Z]+", done.stdout)
    assert recovery is not None, done.stderr
    key = root / "recovery.txt"
    key.write_text(recovery.group() + "\n")
    encrypted = root / "jrnl-encrypted.txt"
    shutil.copy(jrnl_file, encrypted)
    folder = root / "jrnl-locked"
    folder.mkdir()
    jrnl_locked = [jrnl, "--config-file", str(jrnl_config(folder, encrypted))]
    subprocess.run([*jrnl_locked, "--encrypt"], input="pw\npw\nn\n", text=True, capture_output=True)
    assert encrypted.read_bytes().startswith(b"JRNLv"), "jrnl did not encrypt its journal"

    def theirs(*args: str) -> float:
        return timed([*jrnl_locked, *args], None, runs, "pw\n")

    by_pass = ("--passphrase-file", str(secret))
    by_key = ("--recovery-key-file", str(key))
    print("locked (zoomapp lock, age) and encrypted (jrnl --encrypt), ten years:")
    report(
        "add a win, locked",
        timed([*zoomapp, "win", "We got dressed"], env, runs),
        theirs("We got dressed"),
        0.1,
    )
    jrnl_search = theirs("-contains", "brave")
    report(
        "search, passphrase",
        timed([*zoomapp, "journal", "search", "brave", *by_pass], env, runs),
        jrnl_search,
        0.3,
    )
    report(
        "search, key open",
        timed([*zoomapp, "journal", "search", "brave", *by_key], env, runs),
        jrnl_search,
        0.3,
    )


def flat_rows(root: Path, zoomapp: list[str], runs: int) -> None:
    """Search at one year and at thirty: goal, nearly flat (the index answers). A word in
    one entry shows what a search costs; 'brave', in a third of all entries, also prints
    thirty times as many at thirty years."""
    found: dict[tuple[int, str], float] = {}
    for years in (1, 30):
        home = root / f"years-{years}"
        home.mkdir()
        build(home, root / f"jrnl-{years}.txt", date.today(), years)
        env = {**os.environ, "ZOOMAPP_HOME": str(home)}
        timed([*zoomapp, "win", "A zebra at the school gate"], env, 1)
        for word in ("zebra", "brave"):
            search = [*zoomapp, "journal", "search", word]
            first = timed(search, env, 1)  # the first reads every day, and makes the index
            found[years, word] = timed(search, env, runs)
            print(
                f"search '{word}' at {years:2d} years: first {first * 1000:6.0f} ms,"
                f" then {found[years, word] * 1000:6.0f} ms"
            )
    for word in ("zebra", "brave"):
        report(f"'{word}' 30 vs 1 year", found[30, word], found[1, word], 1.5, "1 year")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    jrnl = shutil.which("jrnl") or str(Path(sys.executable).parent / "jrnl")
    if not Path(jrnl).exists():
        raise SystemExit("jrnl is not installed: pip install -e '.[bench]'")
    root = Path(tempfile.mkdtemp())
    full, empty = root / "ten-years", root / "empty"
    full.mkdir()
    empty.mkdir()
    jrnl_file = root / "jrnl.txt"
    started = time.perf_counter()
    count = build(full, jrnl_file, date.today())
    print(f"built {count} entries over {YEARS} years in {time.perf_counter() - started:.1f} s")
    config = jrnl_config(root, jrnl_file)
    env = {**os.environ, "ZOOMAPP_HOME": str(full)}
    env_empty = {**os.environ, "ZOOMAPP_HOME": str(empty)}
    zoomapp = zoomapp_command()
    jrnl_cmd = [jrnl, "--config-file", str(config)]
    runs = args.runs

    rows = []
    add_ours = timed([*zoomapp, "win", "We got dressed #morning"], env, runs)
    add_empty = timed([*zoomapp, "win", "We got dressed #morning"], env_empty, runs)
    add_jrnl = timed([*jrnl_cmd, "We got dressed @morning"], env, runs)
    rows.append(("add a win", add_ours, add_jrnl, 0.1))
    search_ours = timed([*zoomapp, "journal", "search", "brave"], env, runs)
    search_jrnl = timed([*jrnl_cmd, "-contains", "brave"], env, runs)
    rows.append(("search 'brave'", search_ours, search_jrnl, 0.2))
    tag_ours = timed([*zoomapp, "journal", "search", "--tag", "school"], env, runs)
    tag_jrnl = timed([*jrnl_cmd, "@school"], env, runs)
    rows.append(("search tag", tag_ours, tag_jrnl, 0.2))
    list_ours = timed([*zoomapp, "journal", "list", "-n", "20"], env, runs)
    list_jrnl = timed([*jrnl_cmd, "-n", "20"], env, runs)
    rows.append(("list -n 20", list_ours, list_jrnl, 0.3))
    for name, ours, theirs, goal in rows:
        mark = "ok" if ours <= goal * theirs else "MISSED"
        print(
            f"{name:15s} zoomapp {ours * 1000:7.0f} ms   jrnl {theirs * 1000:7.0f} ms   "
            f"ratio {ours / theirs:5.2f}x (goal <= {goal}x) {mark}"
        )
    print(
        f"{'add, empty':15s} zoomapp {add_empty * 1000:7.0f} ms on an empty journal vs "
        f"{add_ours * 1000:.0f} ms at ten years (ratio {add_ours / add_empty:.2f})"
    )
    locked_rows(root, full, jrnl_file, config, zoomapp, jrnl, runs)
    flat_rows(root, zoomapp, runs)
    screen = screen_seconds(full, runs, ("j",), "JournalScreen")
    print(f"journal screen  opened in {screen * 1000:.0f} ms at ten years (goal <= 300 ms)")
    progress = screen_seconds(full, runs, ("j", "p"), "ProgressScreen")
    print(f"progress screen opened in {progress * 1000:.0f} ms at ten years (goal <= 150 ms)")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
