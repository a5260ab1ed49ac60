"""Driving every screen by its keys, as a parent would, with a clock the test moves."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from tests.conftest import FIXED_NOW, FakeClock, make_app, shown, tick, write_pack
from zoomapp.core.paths import Paths
from zoomapp.core.settings import Settings, load_settings, save_settings
from zoomapp.ui.launch import Start
from zoomapp.ui.screens.breathe import BreatheScreen, PatternChooser
from zoomapp.ui.screens.grounding import ClosingScreen, GroundingScreen
from zoomapp.ui.screens.help import HelpScreen
from zoomapp.ui.screens.home import HomeScreen
from zoomapp.ui.screens.problems import ProblemsScreen
from zoomapp.ui.screens.settings import SettingsScreen
from zoomapp.ui.screens.zoom import ZoomScreenView
from zoomapp.ui.widgets.breath import BreathShape
from zoomapp.ui.widgets.keybar import KeyBar


async def test_home_asks_and_each_key_opens_its_screen(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        assert shown(app, "#question") == "What do you need right now?"
        for key, screen in [
            ("g", GroundingScreen),
            ("i", ZoomScreenView),
            ("o", ZoomScreenView),
            ("b", PatternChooser),
            ("h", HelpScreen),
            ("s", SettingsScreen),
        ]:
            await pilot.press(key)
            assert isinstance(app.screen, screen), key
            app.go_home()
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, GroundingScreen)
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, HelpScreen)


async def test_q_quits(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
    assert app.return_code == 0


async def test_companion_note_is_shown_once(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, seen_intro=False)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "not therapy" in shown(app, "#note")
        assert not app.screen.query("#encouragement")  # the note in its place, this once
        await pilot.pause()  # saved once the screen is drawn
    assert load_settings(paths.settings_file).settings.intro_seen
    again = make_app(paths, clock)
    async with again.run_test(size=(80, 24)):
        assert not again.screen.query("#note")
        assert shown(again, "#encouragement")


async def test_a_grounding_session_from_start_to_closing(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        assert shown(app, "#session-left") == "2:00 left"
        assert "How tense do you feel?" in shown(app, "#rating-line")
        await pilot.press("7")
        assert shown(app, "#rating-line") == "Noted: 7 of 10."
        await tick(app, pilot, clock, 10)
        assert shown(app, "#session-left") == "1:50 left"
        await pilot.press("p")
        await tick(app, pilot, clock, 300)
        assert shown(app, "#session-left") == "1:50 left"
        assert "Paused" in shown(app, "#status")
        await pilot.press("p")
        await tick(app, pilot, clock, 2)
        assert shown(app, "#session-left") == "1:48 left"
        await pilot.press("space")
        assert app.screen.run.index == 1
        assert shown(app, "#section") == "Your body"
        assert shown(app, "#rating-line") == ""
        await pilot.press("escape")
        assert isinstance(app.screen, ClosingScreen)
        assert shown(app, "#closing-message") == (
            "Stopping early is fine. You still gave yourself 12 seconds."
        )
        assert "How tense do you feel now?" in shown(app, "#closing-rating")
        await pilot.press("4")
        assert shown(app, "#closing-rating") == "Before 7, now 4."
        await pilot.press("enter")
        assert isinstance(app.screen, HomeScreen)
    [result] = app.journal.read_day(FIXED_NOW.date()).sessions
    assert (result.item_id, result.seconds, result.ended_early) == ("two-minute", 12, True)
    assert (result.rating_before, result.rating_after) == (7, 4)


async def test_the_session_advances_by_itself_and_ends_kindly(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await tick(app, pilot, clock, 23)
        assert app.screen.run.index == 1
        await tick(app, pilot, clock, 100)
        assert isinstance(app.screen, ClosingScreen)
        assert shown(app, "#closing-message") == "Well done. You gave yourself 2 min."
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert app.journal.read_day(FIXED_NOW.date()).sessions[0].ended_early is False


async def test_a_digit_after_the_first_step_is_not_a_rating(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g", "n", "5")
        assert app.screen.rating_before is None


async def test_help_over_a_session_stops_its_clock(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("g")
        await pilot.press("exclamation_mark")
        assert isinstance(app.screen, HelpScreen)
        clock.advance(90)
        await pilot.press("escape")
        assert isinstance(app.screen, GroundingScreen)
        await tick(app, pilot, clock, 0)
        assert shown(app, "#session-left") == "2:00 left"


async def test_ground_start_uses_the_chosen_recipe(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("ground", recipe="one-minute"))
    async with app.run_test(size=(80, 24)):
        assert shown(app, "#session-left") == "1:00 left"
        assert shown(app, "#session-name") == "One-minute grounding"


async def test_breathing_follows_the_clock(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("breathe", pattern="box"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert isinstance(app.screen, BreatheScreen)
        assert shown(app, ".breath-phase") == "Breathe in"
        assert shown(app, ".breath-seconds") == "4"
        assert "How tense do you feel?" in shown(app, "#rating-line")
        await pilot.press("6")
        assert shown(app, "#rating-line") == "Noted: 6 of 10."
        await tick(app, pilot, clock, 4.5)
        assert shown(app, ".breath-phase") == "Hold"
        assert shown(app, ".breath-seconds") == "4"
        await tick(app, pilot, clock, 12)
        assert shown(app, ".breath-phase") == "Breathe in"
        assert "Breaths: 1" in shown(app, "#breathe-stats")
        assert "Time: 0:16" in shown(app, "#breathe-stats")
        await pilot.press("m")
        assert not app.screen.query_one(BreathShape).display
        assert load_settings(paths.settings_file).settings.reduced_motion
        await pilot.press("b")
        assert load_settings(paths.settings_file).settings.bell
        assert shown(app, "#rating-line") == ""  # only during the first breath
        await pilot.press("p")
        await tick(app, pilot, clock, 60)
        assert "Time: 0:16" in shown(app, "#breathe-stats")
        await pilot.press("escape")
        assert isinstance(app.screen, ClosingScreen)
        assert shown(app, "#closing-message") == "Well done. You gave yourself 16 seconds."
        await pilot.press("3", "enter")
        assert isinstance(app.screen, HomeScreen)
    [result] = app.journal.read_day(FIXED_NOW.date()).sessions
    assert (result.kind, result.item_id, result.seconds) == ("pattern", "box", 16)
    assert (result.rating_before, result.rating_after, result.ended_early) == (6, 3, False)


async def test_breathing_for_a_set_time_stops_and_says_so(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("breathe", pattern="coherent", minutes=1))
    async with app.run_test(size=(80, 24)) as pilot:
        await tick(app, pilot, clock, 61)
        assert isinstance(app.screen, ClosingScreen)
        assert shown(app, "#closing-message") == "Well done. You gave yourself 1 min."
        await pilot.press("enter")
    [result] = app.journal.read_day(FIXED_NOW.date()).sessions
    assert (result.seconds, result.ended_early) == (60, False)


async def test_a_moment_of_breathing_is_not_recorded(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("breathe", pattern="box"))
    async with app.run_test(size=(80, 24)) as pilot:
        await tick(app, pilot, clock, 3)
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
    assert app.journal.read_day(FIXED_NOW.date()).sessions == []


async def test_choosing_a_pattern(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b", "down", "enter")
        assert isinstance(app.screen, BreatheScreen)
        assert app.screen.pattern.id == "4-7-8"


async def test_zoom_in_moves_between_prompts_and_parts(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("zoom-in"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert shown(app, "#position") == "1 of 3"
        first = shown(app, "#prompt")
        await pilot.press("right")
        assert shown(app, "#position") == "2 of 3"
        await pilot.press("left")
        assert shown(app, "#prompt") == first
        await pilot.press("3")
        assert app.screen.run.step.deck == "needs"
        await tick(app, pilot, clock, 20.5)
        assert shown(app, "#position") == "2 of 3"
        await pilot.press("4", "right", "right", "right")
        assert "That's all of them" in shown(app, "#status")


async def test_zoom_out_acknowledges_a_worry_and_keeps_nothing(
    paths: Paths, clock: FakeClock, zoomapp_home: Path
) -> None:
    app = make_app(paths, clock, Start("zoom-out"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        for char in "what if he never goes back":
            await pilot.press("space" if char == " " else char)
        await pilot.press("enter")
        assert app.screen.query_one(Input).value == ""
        future = app.content.decks["worry-future"].prompts
        assert shown(app, "#worry-reply").splitlines()[0] in future
        await pilot.press("i")
        assert isinstance(app.screen, ZoomScreenView) and app.screen.direction == "in"
    stored = b"".join(p.read_bytes() for p in zoomapp_home.rglob("*") if p.is_file())
    assert b"never goes back" not in stored


async def test_settings_change_and_are_saved(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "down", "enter", "down", "space", "down", "down", "enter")
        settings = load_settings(paths.settings_file).settings
        assert settings.reduced_motion and settings.bell and settings.auto_advance
        assert settings.recipe == "one-minute"
        await pilot.press("up", "up", "up", "up", "enter", "down", "enter")  # a list of themes
        assert load_settings(paths.settings_file).settings.theme == app.theme != "nord"


async def test_a_broken_pack_is_named_on_home_with_details(paths: Paths, clock: FakeClock) -> None:
    write_pack(paths.packs_dir, "bad.toml", "format = 1\n[pack\n")
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        line = shown(app, "#problems")  # plain words for a parent; the details are one key away
        assert line == (
            "One of your packs, bad.toml, could not be used, so zoomapp is using the rest."
            " Press d for details."
        )
        assert "d" in [key for key, _, _ in app.screen.query_one(KeyBar)._shown()]
        assert "Details" in [str(c.title) for c in app.get_system_commands(app.screen)]
        await pilot.press("d")
        assert isinstance(app.screen, ProblemsScreen)
        assert "bad.toml:2:" in str(app.screen.query_one(".problem", Static).render())


async def test_without_a_skipped_pack_d_is_not_offered(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "d" not in [key for key, _, _ in app.screen.query_one(KeyBar)._shown()]
        await pilot.press("d")
        assert isinstance(app.screen, HomeScreen)


async def test_command_palette_lists_every_action(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)):
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        for title in (
            "Two-minute grounding",
            "Zoom in",
            "Zoom out",
            "Breathe",
            "More help",
            "Settings",
            "Quit",
            "Help",
            "Theme",
            "Keys",
        ):
            assert title in titles
        assert "Screenshot" not in titles  # it would write the screen, journal too, to a file
        assert "Details" not in titles  # no skipped pack: nothing to show


async def test_ctrl_p_opens_the_command_palette_in_any_language(
    paths: Paths, clock: FakeClock
) -> None:
    from textual.command import CommandPalette
    from textual.widgets import Input

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.press("s", "down", "down", "down", "down", "down", "enter", "escape")
        assert app.content.language == "es"
        await pilot.press("ctrl+p")
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(Input).placeholder == "Busca lo que quieres hacer…"


async def test_the_command_palette_speaks_spanish_too(paths: Paths, clock: FakeClock) -> None:
    save_settings(paths.settings_file, Settings(language="es", intro_seen=True, country_asked=True))
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)):
        titles = [str(c.title) for c in app.get_system_commands(app.screen)]
        assert {"Tema", "Teclas", "Salir", "Respirar", "Ayuda"} <= set(titles)
        assert not {"Theme", "Keys", "Quit"} & set(titles)


async def test_a_tiny_terminal_does_not_crash_and_recovers(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(20, 6)) as pilot:
        assert app.has_class("-tiny")
        for key in ("g", "escape", "enter", "b", "enter", "escape", "i", "escape", "o", "escape"):
            await pilot.press(key)
        for keys in (("j", "slash", "escape", "h", "escape", "w", "escape"), ("w",), ("p",)):
            await pilot.press(*keys, "escape")
            assert isinstance(app.screen, HomeScreen), keys
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not app.has_class("-tiny")
        assert isinstance(app.screen, HomeScreen)
        assert app.screen.query_one("#title").display


async def test_with_next_step_by_itself_off_each_step_waits_for_space(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "down", "down", "down", "enter", "escape")
        assert load_settings(paths.settings_file).settings.auto_advance is False
        await pilot.press("g")
        await tick(app, pilot, clock, 60)
        assert app.screen.run.index == 0  # the breathing step is still there
        assert shown(app, "#session-left") == "1:38 left"
        assert "Press space to go on" in shown(app, "#status")
        await pilot.press("space")
        assert shown(app, "#section") == "Your body"
        assert shown(app, "#status") == ""
        await tick(app, pilot, clock, 60)
        assert shown(app, "#section") == "Your body"
        await pilot.press("escape", "enter", "i")
        await tick(app, pilot, clock, 60)
        assert app.screen.run.index == 0
        assert "Press space to go on" in shown(app, "#status")


async def test_a_tiny_zoom_in_gives_its_lines_to_the_prompt(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(24, 8)) as pilot:
        await pilot.press("i")
        await pilot.pause()
        assert not app.screen.query_one("#parts").display
        assert app.screen.query_one("#prompt").region.height >= 3
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen.query_one("#parts").display


async def test_home_fits_a_terminal_resized_while_another_screen_covered_it(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        for size, roomy in (((24, 8), False), ((80, 24), True)):
            await pilot.press("b")
            await pilot.resize_terminal(*size)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            assert app.screen.query_one("#title").display == roomy  # tiny: only what matters


async def test_switching_language_in_settings_changes_every_word(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "down", "down", "down", "down", "down", "enter")
        assert load_settings(paths.settings_file).settings.language == "es"
        assert shown(app, "#question") == "Ajustes"
        await pilot.press("escape")
        assert shown(app, "#question") == "¿Qué necesitas ahora mismo?"
        bar = str(app.screen.query_one(KeyBar).render())
        assert "! Ayuda" in bar and "Help" not in bar  # app-wide keys switch too
        await pilot.press("g")
        assert shown(app, "#session-left") == "quedan 2:00"
        assert "¿Cuánta tensión sientes?" in shown(app, "#rating-line")


async def test_lang_option_opens_in_spanish(paths: Paths, clock: FakeClock) -> None:
    from zoomapp.core.settings import Settings, save_settings

    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True, language="es"))
    app = make_app(paths, clock, Start("breathe", pattern="sigh"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert shown(app, ".breath-phase") == "Inhala"
        await tick(app, pilot, clock, 2.5)
        assert shown(app, ".breath-phase") == "Inhala otra vez"


async def test_a_coachs_brackets_are_shown_as_written(paths: Paths, clock: FakeClock) -> None:
    write_pack(
        paths.packs_dir,
        "coach.toml",
        'format = 1\n[pack]\nid = "c"\nname = "C"\nversion = "1"\nlanguage = "en"\n'
        '[text]\nhome_question = "Breathe [slowly], then [b]choose[/b]"\n'
        'key_quit = "Stop :wave: [b]now[/b]"\n',
    )
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)):
        assert shown(app, "#question") == "Breathe [slowly], then [b]choose[/b]"
        assert "q Stop :wave: [b]now[/b]" in str(app.screen.query_one(KeyBar).render())


async def test_quitting_mid_session_keeps_it_as_ended_early(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("ground"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("5")
        await tick(app, pilot, clock, 14)
        await pilot.press("ctrl+q")
    [kept] = app.journal.read_day(FIXED_NOW.date()).sessions
    assert (kept.seconds, kept.ended_early, kept.rating_before) == (14, True, 5)


async def test_zoom_in_and_out_are_kept_like_the_other_sessions(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock, Start("zoom-out"))
    async with app.run_test(size=(80, 24)) as pilot:
        await tick(app, pilot, clock, 3)
        await pilot.press("escape")  # a glance is not kept
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("i")
        await tick(app, pilot, clock, 400)
        assert "That's all of them" in shown(app, "#status")
        [kept] = app.journal.read_day(FIXED_NOW.date()).sessions  # as soon as it ends
        assert (kept.item_id, kept.ended_early) == ("zoom-in", False)
        await pilot.press("escape")
    assert len(app.journal.read_day(FIXED_NOW.date()).sessions) == 1


async def test_zoom_out_keys_work_before_typing_and_esc_leaves_the_box_first(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock, Start("zoom-out"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert shown(app, "#position") == "1 of 6"
        await pilot.press("right", "space")  # the prompts' keys, before any typing
        assert shown(app, "#position") == "3 of 6"
        await pilot.press("p")
        assert "Paused" in shown(app, "#status")
        await pilot.press("w")
        assert app.screen.query_one(Input).has_focus
        await pilot.press("p", "i")  # now they are words in the box
        assert app.screen.query_one(Input).value == "pi"
        await pilot.press("escape")  # out of the box, still in zoom out
        assert isinstance(app.screen, ZoomScreenView) and not app.screen.query_one(Input).has_focus
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_a_frightening_worry_is_met_with_help_first(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("zoom-out"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("w")
        for char in "what if she hurts herself tonight":
            await pilot.press("space" if char == " " else char)
        await pilot.press("enter")
        reply = shown(app, "#worry-reply")
        lines = reply.splitlines()
        assert lines[0] == "That sounds frightening, and it matters. Safety comes first."
        assert "Call your local emergency number now" in lines[1]
        assert "Emergency: 999" in reply and "Samaritans: 116 123" in reply  # LANG=en_GB
        assert "a future that has not happened" not in reply
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)


async def test_answers_fit_the_worry_and_always_point_to_help(
    paths: Paths, clock: FakeClock
) -> None:
    future = set(app_content(paths).decks["worry-future"].prompts)
    now = set(app_content(paths).decks["worry-now"].prompts)
    app = make_app(paths, clock, Start("zoom-out"))
    async with app.run_test(size=(80, 24)) as pilot:
        for worry, fits in (
            ("what if he never goes back", future),
            ("what if I'm failing him", now),
        ):
            await pilot.press("w")
            for char in worry:
                await pilot.press("space" if char == " " else char)
            await pilot.press("enter")
            lines = shown(app, "#worry-reply").splitlines()
            assert lines[0] in fits, worry
            assert lines[-1] == "If anyone may be in danger right now, press h."


def app_content(paths: Paths):
    from zoomapp.core.workspace import open_workspace

    return open_workspace(paths).content


async def test_the_g_choice_names_the_session_it_starts(paths: Paths, clock: FakeClock) -> None:
    from zoomapp.ui.widgets.choices import ChoiceList

    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        choices = app.screen.query_one("#choices", ChoiceList)
        assert "Two-minute grounding" in choices.render_line(0).text
        await pilot.press("s")
        rows = [row[0] for row in app.screen._rows()]
        app.screen.query_one(ChoiceList).highlighted = rows.index("recipe")
        await pilot.press("space", "escape")
        await pilot.pause()
        line = app.screen.query_one("#choices", ChoiceList).render_line(0).text
        assert app.settings.recipe != "two-minute"
        assert app.content.recipes[app.settings.recipe].name in line
        await pilot.press("g")
        assert app.screen.recipe.id == app.settings.recipe


async def test_the_next_session_brings_fresh_prompts_even_after_a_restart(
    paths: Paths, clock: FakeClock
) -> None:
    shown = []
    for _ in range(2):
        app = make_app(paths, clock, Start("ground"))  # the same seed both times
        async with app.run_test(size=(80, 24)):
            shown.append({s.prompt for s in app.screen.plan.steps if s.prompt})
    assert shown[0] and not shown[0] & shown[1]
    assert (paths.data_dir / "recent.toml").stat().st_mode & 0o777 == 0o600


async def test_the_school_morning_and_together_sessions_run(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("ground", recipe="school-morning"))
    async with app.run_test(size=(80, 24)) as pilot:
        plan = app.screen.plan
        assert plan.total_seconds == 90
        assert [s.deck for s in plan.steps] == [
            "morning-plan",  # last evening's plan; none was written, so the deck's words
            "",
            "self-compassion",
            "say-to-your-child",
            "perspective",
        ]
        assert shown(app, "#section") == "This morning's plan"
        assert plan.steps[1].pattern.id in ("long-exhale", "coherent")
        await tick(app, pilot, clock, 15 + 25)
        assert shown(app, "#section") == "For you"
        await tick(app, pilot, clock, 15)
        assert shown(app, "#section") == "Something to say"
        assert shown(app, "#prompt") in app.content.decks["say-to-your-child"].prompts
        await tick(app, pilot, clock, 36)
        assert isinstance(app.screen, ClosingScreen)
        await pilot.press("enter")
    [kept] = app.journal.read_day(FIXED_NOW.date()).sessions
    assert (kept.item_id, kept.seconds, kept.ended_early) == ("school-morning", 90, False)
    together = make_app(paths, clock, Start("ground", recipe="together"))
    async with together.run_test(size=(80, 24)) as pilot:
        await tick(together, pilot, clock, 1)
        assert "Smell the flower" in shown(together, ".breath-phase")
        shape = together.screen.query_one(BreathShape)
        assert shape.smallest == 0.5  # a big shape for a child
        await tick(together, pilot, clock, 3)
        assert "Blow out the candle" in shown(together, ".breath-phase")


def test_the_two_minute_session_varies_between_gentle_patterns() -> None:
    import random

    from zoomapp.core.content.packs import load_content
    from zoomapp.core.practice.sessions import expand

    content = load_content()
    chosen = {
        expand(content.recipes["two-minute"], content, random.Random(seed)).steps[0].pattern.id
        for seed in range(30)
    }
    assert chosen == {"coherent", "long-exhale"}


async def test_t_rates_ten_and_the_scale_is_said_plainly(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start("ground"))
    async with app.run_test(size=(80, 24)) as pilot:
        assert "0 (calm) to 10 (overwhelmed): press a digit, t for 10" in shown(app, "#rating-line")
        await pilot.press("t")
        assert shown(app, "#rating-line") == "Noted: 10 of 10."
        await tick(app, pilot, clock, 12)
        await pilot.press("escape", "3", "enter")
    [kept] = app.journal.read_day(FIXED_NOW.date()).sessions
    assert (kept.rating_before, kept.rating_after, kept.scale) == (10, 3, 10)
