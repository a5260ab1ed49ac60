"""Nobody gets stuck: home says what g starts, School morning is one key away, q quits from
a session, h is More help everywhere, and every key bar fits 80 columns."""

from __future__ import annotations

import pytest

from tests.conftest import FIXED_NOW, FakeClock, make_app, tick, write_pack
from zoomapp.core.paths import Paths
from zoomapp.core.settings import Settings, save_settings
from zoomapp.ui.launch import Start
from zoomapp.ui.screens.grounding import GroundingScreen
from zoomapp.ui.screens.home import HomeScreen
from zoomapp.ui.screens.zoom import ZoomScreenView
from zoomapp.ui.widgets.choices import ChoiceList

COACH = """format = 1
[pack]
id = "gate"
name = "Gate"
version = "1"
language = "en"

[[recipes]]
id = "at-the-gate"
name = "At the gate"
description = "one minute before saying goodbye"
steps = [{ breathe = "box", seconds = 20 }]
"""


def home_lines(app) -> list[str]:  # type: ignore[no-untyped-def]
    choices = app.screen.query_one("#choices", ChoiceList)
    return [text.plain for _, text in choices._rows(200)]


def choosing(paths: Paths, recipe: str, language: str = "en") -> None:
    save_settings(
        paths.settings_file,
        Settings(intro_seen=True, country_asked=True, recipe=recipe, language=language),
    )


@pytest.mark.parametrize(
    "recipe", ["two-minute", "one-minute", "school-morning", "together", "zoom-in", "zoom-out"]
)
async def test_the_g_line_describes_the_session_g_starts(
    paths: Paths, clock: FakeClock, recipe: str
) -> None:
    choosing(paths, recipe)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        chosen = app.content.recipes[recipe]
        lines = home_lines(app)
        first = lines[0].split()
        assert lines[0].startswith(" g ") and chosen.name in lines[0]
        assert " ".join(first[-len(chosen.description.split()) :]) == chosen.description
        names = [line[5:].split("   ")[0].strip() for line in lines]
        assert len(names) == len(set(names)), names  # never Zoom in twice
        # The key of a line left out (i, when g starts Zoom in) still works.
        for key, screen in (("i", ZoomScreenView), ("o", ZoomScreenView), ("m", GroundingScreen)):
            await pilot.press(key)
            assert isinstance(app.screen, screen), key
            app.go_home()
            await pilot.pause()
        await pilot.press("g")
        assert app.screen.recipe.id == recipe


async def test_a_coachs_session_chosen_for_g_is_named_in_its_own_words(
    paths: Paths, clock: FakeClock
) -> None:
    write_pack(paths.packs_dir, "gate.toml", COACH)
    choosing(paths, "at-the-gate")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = home_lines(app)[0]
        assert "At the gate" in line and "one minute before saying goodbye" in line
        assert "a gentle walk" not in "".join(home_lines(app))
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert "At the gate" in titles and "Two-minute grounding" not in titles
        await pilot.press("g")
        assert app.screen.recipe.id == "at-the-gate"


async def test_changing_the_session_in_settings_renames_g_on_home_and_in_the_palette(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        app.settings.recipe = "together"  # as Settings' space does
        await pilot.press("escape")  # back from Settings: home draws again
        await pilot.pause()
        assert "Breathe together" in home_lines(app)[0]
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert "Breathe together" in titles and "Two-minute grounding" not in titles


@pytest.mark.parametrize(("language", "name"), [("en", "School morning"), ("es", "Mañana")])
async def test_school_morning_is_one_key_from_home(
    paths: Paths, clock: FakeClock, language: str, name: str
) -> None:
    choosing(paths, "two-minute", language)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert any(line.startswith(" m   " + name) for line in home_lines(app))
        await pilot.press("m")
        assert isinstance(app.screen, GroundingScreen)
        assert app.screen.recipe.id == "school-morning"


async def test_the_palette_finds_school_morning_by_typing_school(
    paths: Paths, clock: FakeClock
) -> None:
    from textual.command import CommandList, CommandPalette

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p", *"school")
        await pilot.pause(0.3)
        assert isinstance(app.screen, CommandPalette)
        found = app.screen.query_one(CommandList)
        titles = [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]
        assert any(title.startswith("School morning") for title in titles), titles
        index = next(i for i, t in enumerate(titles) if t.startswith("School morning"))
        found.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, GroundingScreen)
        assert app.screen.recipe.id == "school-morning"


async def test_when_g_starts_school_morning_it_is_listed_once(
    paths: Paths, clock: FakeClock
) -> None:
    choosing(paths, "school-morning")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)):
        lines = home_lines(app)
        assert sum("School morning" in line for line in lines) == 1
        assert not any(line.startswith(" m ") for line in lines)
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert titles.count("School morning") == 1
        assert isinstance(app.screen, HomeScreen)


# --- q quits from a session, which is kept as ended early ---------------------------------


@pytest.mark.parametrize(
    ("start", "kind", "item"),
    [
        (Start("ground"), "recipe", "two-minute"),
        (Start("ground", recipe="school-morning"), "recipe", "school-morning"),
        (Start("breathe", pattern="box", minutes=1), "pattern", "box"),  # timed: it can end early
        (Start("zoom-in"), "recipe", "zoom-in"),
        (Start("zoom-out"), "recipe", "zoom-out"),
    ],
)
async def test_q_in_a_session_ends_it_kept_as_ended_early_and_quits(
    paths: Paths, clock: FakeClock, start: Start, kind: str, item: str
) -> None:
    app = make_app(paths, clock, start)
    async with app.run_test(size=(80, 24)) as pilot:
        await tick(app, pilot, clock, 14)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0  # the app has quit
    [kept] = app.journal.read_day(FIXED_NOW.date()).sessions
    assert (kept.kind, kept.item_id, kept.seconds, kept.ended_early) == (kind, item, 14, True)


async def test_q_on_the_closing_screen_quits_and_keeps_the_rating(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock, Start("ground", recipe="one-minute"))
    async with app.run_test(size=(80, 24)) as pilot:
        await tick(app, pilot, clock, 20)
        await pilot.press("escape")  # ended early: the closing screen asks again
        await pilot.press("3", "q")
        await pilot.pause()
    assert app.return_code == 0
    [kept] = app.journal.read_day(FIXED_NOW.date()).sessions
    assert (kept.ended_early, kept.rating_after) == (True, 3)


async def test_q_typed_in_the_what_if_box_is_a_letter(paths: Paths, clock: FakeClock) -> None:
    from textual.widgets import Input

    app = make_app(paths, clock, Start("zoom-out"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "q")
        assert app.screen.query_one("#worry", Input).value == "q"
        assert isinstance(app.screen, ZoomScreenView)


# --- h is More help everywhere; every key bar fits 80 columns; Esc says what it does -----

# Each main screen, reached from home by its keys, as a parent reaches it.
ROUTES = {
    "home": [],
    "grounding": ["g"],
    "closing": ["g", "20s", "escape"],
    "breathe chooser": ["b"],
    "breathe": ["b", "enter"],
    "zoom in": ["i"],
    "zoom out": ["o"],
    "zoom out, in the What-if box": ["o", "w"],
    "more help": ["h"],
    "add a number": ["h", "a"],
    "safety plan": ["h", "p"],
    "country": ["h", "s"],
    "settings": ["s"],
    "themes": ["s", "enter"],
    "packs": ["p"],
    "note a win": ["w"],
    "check-in": ["c"],
    "journal": ["j"],
    "journal, on a day's entries": ["win", "j", "tab"],
    "journal, after a delete": ["win", "j", "tab", "x", "down", "enter"],
    "search": ["j", "slash"],
    "progress": ["j", "p"],
    "progress, an earlier week": ["j", "p", "left_square_bracket"],
    "print choice": ["j", "p", "e"],
    "what helps me": ["j", "m"],
    "back to school": ["k"],
    "my plan": ["k", "p"],
}


async def reach(app, pilot, clock: FakeClock, keys: list[str]) -> None:  # type: ignore[no-untyped-def]
    for key in keys:
        if key == "20s":
            await tick(app, pilot, clock, 20)
        elif key == "win":
            app.journal.add("wins", "Found his shoes")
        else:
            await pilot.press(key)
    await pilot.pause()


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("screen", list(ROUTES))
async def test_every_key_bar_fits_80_columns_whole(
    paths: Paths, clock: FakeClock, screen: str, language: str
) -> None:
    """Nothing is cut and nothing is left out: each key the screen shows fits at 80."""
    from zoomapp.ui.widgets.keybar import KeyBar

    choosing(paths, "two-minute", language)
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach(app, pilot, clock, ROUTES[screen])
        bar = app.screen.query_one(KeyBar)
        line = bar.render()
        assert line.cell_len <= 80, line.plain
        assert bar.left_out == [], (line.plain, bar.left_out)
        assert "…" not in line.plain


async def test_a_key_bar_too_narrow_leaves_whole_keys_out_never_half(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.ui.widgets.keybar import KeyBar

    app = make_app(paths, clock)
    async with app.run_test(size=(30, 24)) as pilot:
        await pilot.press("o")
        bar = app.screen.query_one(KeyBar)
        line = bar.render().plain
        assert line.strip() == "w What if  → Next  ← Previous"  # how to type a worry, first
        assert bar.left_out  # esc and the rest: whole, in the palette


async def test_h_opens_more_help_in_the_journal_and_m_what_helps_me(
    paths: Paths, clock: FakeClock
) -> None:
    from zoomapp.ui.screens.help import HelpScreen
    from zoomapp.ui.screens.helps import HelpsScreen

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "h")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape", "m")
        assert isinstance(app.screen, HelpsScreen)
        await pilot.press("escape")
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert "What helps me" in titles and "Help" in titles


@pytest.mark.parametrize("keys", [["s"], ["p"], ["g"], ["b", "enter"], ["k"], ["o"]])
async def test_h_opens_more_help_on_every_screen_where_nothing_is_typed(
    paths: Paths, clock: FakeClock, keys: list[str]
) -> None:
    from zoomapp.ui.screens.help import HelpScreen

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press(*keys, "h")
        assert isinstance(app.screen, HelpScreen), keys


async def test_h_typed_in_a_box_is_a_letter(paths: Paths, clock: FakeClock) -> None:
    from textual.widgets import TextArea

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w", "h", "i")
        assert app.screen.query_one(TextArea).text == "hi"


def esc_label(app) -> str:  # type: ignore[no-untyped-def]
    from zoomapp.ui.widgets.keybar import KeyBar

    line = app.screen.query_one(KeyBar).render().plain
    return line.split(" esc ", 1)[1].split("  ")[0]


async def test_esc_says_what_it_does_where_the_focus_is(paths: Paths, clock: FakeClock) -> None:
    from zoomapp.ui.screens.journal import JournalScreen
    from zoomapp.ui.widgets.month import MonthGrid

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        assert esc_label(app) == "End session"
        app.go_home()
        await pilot.press("o")
        assert esc_label(app) == "Home"
        await pilot.press("w")
        assert esc_label(app) == "Leave the box"
        await pilot.press(*"I want to die", "enter")  # help first, the session waits
        await pilot.pause()
        assert esc_label(app) == "Close help"
        await pilot.press("escape")
        assert esc_label(app) == "Home" and isinstance(app.screen, ZoomScreenView)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
        app.journal.add("wins", "Found his shoes")
        await pilot.press("j")
        assert esc_label(app) == "Back"
        await pilot.press("tab")
        assert esc_label(app) == "Back to the month"
        bar = app.screen.query_one("KeyBar").render().plain
        assert "e Edit" in bar and "w Win" not in bar
        await pilot.press("escape")
        assert isinstance(app.screen, JournalScreen)
        assert isinstance(app.screen.focused, MonthGrid) and esc_label(app) == "Back"
        bar = app.screen.query_one("KeyBar").render().plain
        assert "e Edit" not in bar and "w Win" in bar and "m What helps me" in bar
