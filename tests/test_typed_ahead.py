"""Words typed straight after the key that opens a box reach the box: real processes in
real terminals, where keys typed fast arrive together (Textual's test pilot sends them
one at a time and never shows it).
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest

from tests.terminal import Terminal, run_at_once
from zoomapp.core.drafts import load_draft
from zoomapp.core.journal.store import Journal

HOME = "What do you need right now?"


def win_typed_with_its_key(home: Path) -> str:
    """w and the win and Enter, in one burst, as a fast typist or a paste sends them."""
    terminal = Terminal(home)
    terminal.wait_for(HOME)
    terminal.press("wAte lunch with us\r")
    terminal.wait_for("Saved.")
    terminal.close_window()
    return "\n".join(win.text for win in Journal(home / "journal").read_day(date.today()).wins)


def strength_typed_from_home(home: Path) -> str:
    """Two keys deep: j opens the journal, s its strength box; the words follow at once."""
    terminal = Terminal(home)
    terminal.wait_for(HOME)
    terminal.press("jsSo patient with her sister")
    terminal.wait_for("So patient with her sister")
    terminal.close_window()  # the words are kept as a draft as the window closes
    return load_draft(home / "drafts", "strengths")


def search_typed_with_its_keys(home: Path) -> str:
    """j opens the journal and / (a key named "slash") its search: the words follow at once."""
    terminal = Terminal(home)
    terminal.wait_for(HOME)
    terminal.press("j/zebra crossing")
    try:
        terminal.wait_for("zebra crossing")
        return "typed"
    finally:
        terminal.close_window()


def worry_typed_with_its_key(home: Path) -> str:
    """On Zoom out, w opens the What-if box: 'i' typed after it is a letter, not Zoom in."""
    terminal = Terminal(home, "zoom", "out")
    terminal.wait_for("Zoom out")
    terminal.press("wif i snap at him")
    deadline = time.monotonic() + 20
    while b"if i snap at him" not in terminal.written() and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.5)  # had 'i' been taken for Zoom in, its screen would be drawn by now
    screen = terminal.written().decode(errors="replace")
    terminal.close_window()
    typed = "if i snap at him" in screen
    return f"typed={typed} zoom_in={'Your body' in screen}"


SCENARIOS = (
    win_typed_with_its_key,
    strength_typed_from_home,
    search_typed_with_its_keys,
    worry_typed_with_its_key,
)


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    homes = {s: tmp_path_factory.mktemp(s.__name__) for s in SCENARIOS}  # not in threads

    def run(scenario) -> str:
        home = homes[scenario]
        (home / "settings.toml").write_text("intro_seen = true\ncountry_asked = true\n")
        try:
            return scenario(home)
        except AssertionError as exc:
            return str(exc)

    results = run_at_once(SCENARIOS, run)
    return {s.__name__: r for s, r in zip(SCENARIOS, results, strict=True)}


def test_a_win_typed_straight_after_w_is_kept_whole(outcomes) -> None:
    assert outcomes["win_typed_with_its_key"] == "Ate lunch with us"


def test_a_strength_typed_straight_after_two_keys_is_kept_whole(outcomes) -> None:
    assert outcomes["strength_typed_from_home"] == "So patient with her sister"


def test_a_worry_typed_straight_after_w_stays_in_the_box(outcomes) -> None:
    assert outcomes["worry_typed_with_its_key"] == "typed=True zoom_in=False"


def test_a_search_typed_straight_after_its_two_keys_is_kept_whole(outcomes) -> None:
    assert outcomes["search_typed_with_its_keys"] == "typed"
