"""Settings' theme list and language names; breathing cues a parent can hear, eyes closed."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FakeClock, make_app, shown, tick, write_pack
from zoomapp.core.content.model import Phase
from zoomapp.core.paths import Paths
from zoomapp.core.practice.breathing import bells_for
from zoomapp.core.settings import Settings, load_settings, save_settings
from zoomapp.ui import cues
from zoomapp.ui.launch import Start
from zoomapp.ui.screens.settings import SettingsScreen
from zoomapp.ui.screens.themes import ThemeScreen
from zoomapp.ui.widgets.choices import ChoiceList

GAP = 0.01  # seconds between the bells of one cue, in these tests


def with_settings(paths: Paths, **chosen: object) -> None:
    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True, **chosen))


def listed(app) -> str:  # type: ignore[no-untyped-def]
    """The lines of the screen's list, as shown."""
    return "\n".join(str(line) for line in app.screen.query_one(ChoiceList)._lines)


# --- Settings: a theme list tried on as it is highlighted -------------------------------


async def open_themes(app, pilot) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("s", "enter")  # the theme is the first row
    assert isinstance(app.screen, ThemeScreen)


async def test_highlighting_a_theme_tries_it_on_and_esc_goes_back(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.theme
        await open_themes(app, pilot)
        themes = sorted(app.available_themes)
        assert app.screen.query_one(ChoiceList).highlighted == themes.index(before)
        await pilot.press("down")
        tried = themes[(themes.index(before) + 1) % len(themes)]
        assert app.theme == tried  # the whole app wears it at once
        await pilot.press("down", "down")
        assert app.theme != tried
        assert load_settings(paths.settings_file).settings.theme == before  # only tried
        await pilot.press("escape")
        assert isinstance(app.screen, SettingsScreen)
        assert app.theme == before and app.settings.theme == before
        assert load_settings(paths.settings_file).settings.theme == before
        assert before in listed(app)


async def test_enter_keeps_the_theme_highlighted(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_themes(app, pilot)
        await pilot.press("up", "up")
        chosen = app.theme
        await pilot.press("enter")
        assert isinstance(app.screen, SettingsScreen)
        assert app.theme == chosen
        assert load_settings(paths.settings_file).settings.theme == chosen
        assert chosen in listed(app)


async def test_the_theme_list_scrolls_in_a_small_terminal(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        await open_themes(app, pilot)
        themes = sorted(app.available_themes)
        for _ in range(len(themes) - 1 - themes.index(app.theme)):
            await pilot.press("down")  # to the last theme: it is scrolled into view
        await pilot.pause()
        last = themes[-1]
        assert app.theme == last
        assert app.screen.query_one("#theme-list").scroll_y > 0  # scrolled to it


async def test_the_language_row_says_espanol_not_es(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert "English" in listed(app)
        rows = [row[0] for row in app.screen._rows()]
        for _ in range(rows.index("language")):
            await pilot.press("down")
        await pilot.press("enter")
        assert app.settings.language == "es"
        rows = listed(app)
        assert "Idioma" in rows and "español" in rows
        assert " es\n" not in rows + "\n"


# --- Cues for breathing with eyes closed ------------------------------------------------


def counting_bells(app, monkeypatch: pytest.MonkeyPatch) -> list[int]:  # type: ignore[no-untyped-def]
    rung: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rung.append(1))
    return rung


async def cue_heard(app, pilot, clock: FakeClock, seconds: float, rung: list[int]) -> int:  # type: ignore[no-untyped-def]
    """Bells heard once `seconds` have passed and the cue has had time to ring out."""
    rung.clear()
    if seconds:
        await tick(app, pilot, clock, seconds)
    await pilot.pause(GAP * 10)
    return len(rung)


def test_each_kind_of_phase_has_its_own_count_unless_the_pack_says() -> None:
    assert [bells_for(Phase(kind, 4)) for kind in ("in", "hold", "out")] == [1, 2, 3]
    assert bells_for(Phase("hold", 4, bells=0)) == 0
    assert bells_for(Phase("out", 4, bells=1)) == 1


async def test_breathing_in_holding_and_out_ring_one_two_and_three_bells(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cues, "GAP", GAP)
    with_settings(paths, bell=True)
    app = make_app(paths, clock, Start("breathe", pattern="box"))
    rung = counting_bells(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(GAP * 10)
        assert len(rung) == 1  # breathe in, from the start: eyes can close at once
        assert await cue_heard(app, pilot, clock, 1.0, rung) == 0  # nothing within a phase
        assert await cue_heard(app, pilot, clock, 3.5, rung) == 2  # hold
        assert await cue_heard(app, pilot, clock, 4.0, rung) == 3  # breathe out
        assert await cue_heard(app, pilot, clock, 4.0, rung) == 2  # hold again
        assert await cue_heard(app, pilot, clock, 4.0, rung) == 1  # the next breath in
        await pilot.press("p")  # a pause and back is the same phase: no cue again
        assert await cue_heard(app, pilot, clock, 0, rung) == 0
        await pilot.press("p")
        assert await cue_heard(app, pilot, clock, 0.5, rung) == 0


async def test_the_bells_of_one_cue_come_a_gap_apart_and_never_block(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_settings(paths, bell=True)
    app = make_app(paths, clock, Start("breathe", pattern="4-7-8"))
    rung = counting_bells(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        # A gap long enough that a busy machine never lets the second bell in before the
        # first is counted (0.2 s raced it once in a clean-clone CI run).
        app.screen.cues.gap = 1.0
        await pilot.pause(0.5)
        rung.clear()
        await tick(app, pilot, clock, 4.5)  # the hold starts: the first bell at once
        assert len(rung) == 1
        await pilot.pause(1.5)
        assert len(rung) == 2


async def test_with_the_bell_off_there_is_no_cue_at_all(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cues, "GAP", GAP)
    with_settings(paths, bell=False, reduced_motion=True)
    app = make_app(paths, clock, Start("breathe", pattern="box"))
    rung = counting_bells(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(6):
            assert await cue_heard(app, pilot, clock, 4.0, rung) == 0
        await pilot.press("b")  # the bell on: the next change is cued
        assert await cue_heard(app, pilot, clock, 4.0, rung) > 0


async def test_reduced_motion_still_rings(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cues, "GAP", GAP)
    with_settings(paths, bell=True, reduced_motion=True)
    app = make_app(paths, clock, Start("breathe", pattern="box"))
    rung = counting_bells(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await cue_heard(app, pilot, clock, 4.0, rung) == 2


async def test_a_grounding_session_cues_its_breathing_too(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cues, "GAP", GAP)
    with_settings(paths, bell=True)
    app = make_app(paths, clock, Start("ground", recipe="together"))
    rung = counting_bells(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        assert app.screen.run.step.pattern is not None  # it starts by breathing together
        assert await cue_heard(app, pilot, clock, 3.0, rung) == 3  # blow out the candle
        assert await cue_heard(app, pilot, clock, 4.0, rung) == 1  # smell the flower


async def test_a_pack_chooses_each_phases_cue(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_pack(
        paths.packs_dir,
        "quiet.toml",
        """format = 1
[pack]
id = "quiet"
name = "Quiet holds"
version = "1"
language = "en"

[[patterns]]
id = "quiet-box"
name = "Quiet box"
phases = [
  { kind = "in", seconds = 4, bells = 2 },
  { kind = "hold", seconds = 4, bells = 0 },
  { kind = "out", seconds = 4, bells = 1 },
]
""",
    )
    monkeypatch.setattr(cues, "GAP", GAP)
    with_settings(paths, bell=True)
    app = make_app(paths, clock, Start("breathe", pattern="quiet-box"))
    rung = counting_bells(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        assert await cue_heard(app, pilot, clock, 4.0, rung) == 0  # the hold: silent
        assert await cue_heard(app, pilot, clock, 4.0, rung) == 1
        assert await cue_heard(app, pilot, clock, 4.0, rung) == 2


def test_a_pack_may_not_ring_more_than_three_bells() -> None:
    from zoomapp.core.content.checking import check_pack

    body = (Path(__file__).parents[1] / "content" / "en.toml").read_bytes()
    body = body.replace(
        b'{ kind = "hold", seconds = 7 }', b'{ kind = "hold", seconds = 7, bells = 9 }'
    )
    pack, problems = check_pack(body, "en.toml")
    assert pack is None
    assert any("bells" in str(p) for p in problems), problems


async def test_in_a_browser_tab_the_page_is_told_the_phase_for_its_tones(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[str] = []
    monkeypatch.setattr(cues, "write_to_terminal", lambda app, data: sent.append(data))
    with_settings(paths, bell=True)
    app = make_app(paths, clock, Start("breathe", pattern="4-7-8"))
    async with app.run_test(size=(80, 24)) as pilot:
        monkeypatch.setattr(type(app), "is_web", property(lambda _: True))
        rung = counting_bells(app, monkeypatch)
        await tick(app, pilot, clock, 4.5)
        await tick(app, pilot, clock, 7.0)
    assert sent == ["\x1b]7701;zoomapp-breath;hold;2\x07", "\x1b]7701;zoomapp-breath;out;3\x07"]
    assert rung == []  # no bell in a tab: its tones instead


# --- a kind word on the long hold ---------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "a shorter hold, or none, is fine"), ("es", "sostenlo menos o nada")],
)
async def test_4_7_8_says_a_shorter_hold_is_fine(
    paths: Paths, clock: FakeClock, language: str, words: str
) -> None:
    with_settings(paths, language=language)
    app = make_app(paths, clock, Start("breathe", pattern="4-7-8"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert words in shown(app, "#pattern-note")
        await tick(app, pilot, clock, 60)  # still there on the tenth hold
        assert app.screen.query_one("#pattern-note").display
    app = make_app(paths, clock, Start("breathe", pattern="box"))
    async with app.run_test(size=(80, 24)):
        assert not app.screen.query_one("#pattern-note").display


def test_read_line_by_line_4_7_8_says_it_first() -> None:
    from zoomapp.core.content.packs import load_content
    from zoomapp.core.practice.plain_session import BreathGuide

    content = load_content()
    guide = BreathGuide(content.patterns["4-7-8"], content)
    assert guide.tell(0).lines == (
        "If holding feels too much, a shorter hold, or none, is fine.",
        "Breathe in for 4 seconds.",
    )
    assert guide.tell(4.5).lines == ("Hold for 7 seconds.",)
    assert len(BreathGuide(content.patterns["box"], content).tell(0).lines) == 1
