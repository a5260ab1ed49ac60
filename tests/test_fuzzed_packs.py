"""Hostile and broken packs: a clear message each, no traceback, no hang; and the app
opens and works with all of them installed at once. (Thousands: tests/fuzz_packs.py.)"""

from __future__ import annotations

import itertools

from tests.conftest import FakeClock, make_app, write_pack
from tests.fuzz_packs import judge, mutants
from zoomapp.core.content.packs import parse_pack
from zoomapp.core.paths import Paths

HEADER = 'format = 1\n[pack]\nid = "{id}"\nname = "{name}"\nversion = "1"\nlanguage = "{lang}"\n'

# The issue's own examples, each a pack of its own.
NAMED = {
    "bell": HEADER.format(id="bell", name="Bell", lang="en") + '[text]\nbell_on = "Bell on [/]"\n',
    "spec": HEADER.format(id="spec", name="Spec", lang="en")
    + '[text]\nseconds_left = "{seconds:>100000000}"\n',
    "index": HEADER.format(id="index", name="Index", lang="en")
    + '[text]\nprogress_written = "{days[0]} days"\n',
    "language": HEADER.format(id="language", name="Language", lang="[/]"),
    "escape": HEADER.format(id="escape", name=r"\u001b[2J", lang="en"),
    "brackets": HEADER.format(
        id="brackets", name="[bold]Loud[/bold] [link=x]pack[/link]", lang="en"
    )
    + '[text]\nkey_bell = "[b]Bell[/]"\nmotion_on = "[/]"\nhome_question = "[red]Now?[/red]"\n'
    '[[decks]]\nid = "perspective"\nextend = true\nprompts = ["[/] this [bold] passes"]\n'
    '[[patterns]]\nid = "box"\nname = "[i]Box[/i]"\nphases = [\n'
    '  { kind = "in", seconds = 2, label = "[/]in" },\n  { kind = "out", seconds = 2 },\n]\n',
}


def test_a_sample_of_mutants_gets_clear_answers() -> None:
    faults = [fault for name, data in mutants(150, seed=7) for fault in judge(name, data)]
    assert faults == []


def test_the_named_hostile_packs_are_refused_with_a_reason() -> None:
    refused = {
        name: [str(p) for p in parse_pack(body.encode(), f"{name}.toml")[1]]
        for name, body in NAMED.items()
        if name not in ("bell", "brackets")
    }
    assert "cannot be formatted - write just {seconds}" in " ".join(refused["spec"])
    assert "cannot be formatted - write just {days}" in " ".join(refused["index"])
    assert 'language must be a code like "en" or "es", got "[/]"' in " ".join(refused["language"])
    assert "name holds a control character, U+001B" in " ".join(refused["escape"])


async def test_with_every_hostile_pack_installed_the_app_works(paths: Paths, clock: FakeClock):
    from textual.command import CommandPalette

    from tests.conftest import tick
    from zoomapp.ui.screens.breathe import BreatheScreen
    from zoomapp.ui.screens.grounding import GroundingScreen
    from zoomapp.ui.screens.packs import PacksScreen
    from zoomapp.ui.screens.problems import ProblemsScreen

    for name, body in NAMED.items():  # "z-": applied after the mutants, so its words show
        write_pack(paths.packs_dir, f"z-{name}.toml", body)
    loading = (data for _, data in mutants(400, seed=3) if parse_pack(data, "m")[0] is not None)
    for number, data in enumerate(itertools.islice(loading, 25)):  # the first 25 that load
        (paths.packs_dir / f"mutant-{number:02d}.toml").write_bytes(
            data.replace(b'id = "mutant"', f'id = "mutant-{number}"'.encode(), 1)
        )
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert str(app.screen.query_one("#question").render()) == "[red]Now?[/red]"
        assert "could not be used" in str(app.screen.query_one("#problems").render())
        await pilot.press("g")
        assert isinstance(app.screen, GroundingScreen)
        await tick(app, pilot, clock, 30)
        await pilot.press("escape", "enter")
        await pilot.press("b", "enter")
        assert isinstance(app.screen, BreatheScreen)
        await pilot.press("b")  # the bell's toast: "Bell on [/]", as written
        await pilot.pause()
        assert "Bell on [/]" in [str(n.message) for n in app._notifications]
        await pilot.press("m", "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        for char in "bell":
            await pilot.press(char)
        await pilot.pause(0.3)
        await pilot.press("escape", "escape", "escape")
        app.go_home()
        await pilot.press("p")
        assert isinstance(app.screen, PacksScreen)
        await pilot.press("escape", "d")
        assert isinstance(app.screen, ProblemsScreen)
        await pilot.press("escape", "ctrl+p")
        assert isinstance(app.screen, CommandPalette)
