"""More help with real numbers: by country, with their sources, and the parent's own."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.conftest import FakeClock, make_app, run, write_pack
from tests.test_journal_ui import type_text
from zoomapp.core.content.packs import load_content, parse_pack
from zoomapp.core.paths import Paths
from zoomapp.core.practice.helplines import (
    countries,
    gather,
    load_numbers,
    numbers_file,
)
from zoomapp.core.practice.locale_guess import country_from_locale
from zoomapp.core.settings import load_settings
from zoomapp.ui.launch import Start
from zoomapp.ui.screens.country import CountryScreen
from zoomapp.ui.screens.help import HelpScreen
from zoomapp.ui.widgets.choices import ChoiceList


@pytest.mark.parametrize(
    ("country", "numbers"),
    [
        ("GB", ("999", "116 123", "0808 800 5000", "0800 1111")),
        ("US", ("988", "911")),
        ("ES", ("112", "024")),
        ("AU", ("000", "13 11 14")),
        ("CA", ("911", "988", "686868")),
        ("NZ", ("111", "1737", "0800 37 66 33")),
        ("IE", ("112", "999", "116 123", "1800 247 247")),
        ("MX", ("911", "800 911 2000")),
        ("CL", ("131", "133", "*4141")),
        ("FR", ("112", "15", "3114")),
        ("DE", ("112", "0800 111 0 111", "116 123")),
        ("IN", ("112", "14416")),
    ],
)
def test_help_in_the_shell_shows_the_countrys_numbers(capsys, country, numbers) -> None:
    code, out, err = run(capsys, "help", "--country", country.lower())
    assert code == 0 and err == ""
    for number in numbers:
        assert number in out
    assert "Source: http" in out and "(checked 2026-12-0" in out
    assert out.index("If anyone is in danger") < out.index(numbers[0])


def test_every_number_in_the_content_has_its_source_and_date() -> None:
    for language in ("en", "es"):
        content = load_content(language=language)
        numbered = [item for item in content.help.values() if item.number]
        assert {item.country for item in numbered} >= {"GB", "US", "ES", "AU"}
        for item in numbered:
            assert item.source.startswith(("https://", "http://")), item.id
            assert "2026-12-01" < item.checked <= "2026-12-06", item.id  # looked up this week


def test_every_countrys_emergency_number_is_shown_first() -> None:
    for language in ("en", "es"):
        content = load_content(language=language)
        for country in countries(content):
            found = gather(content, country, [])
            ids = [item.id for item in (*found.emergency, *found.lines)]
            emergency = f"{country.lower()}-emergency"
            if emergency in ids:
                assert [item.id for item in found.emergency] == [emergency], (language, ids)


def test_an_unknown_country_is_refused_with_what_to_do_and_how_to_list_them(capsys) -> None:
    code, out, err = run(capsys, "help", "--country", "ZZ")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no numbers for ZZ" in err
    assert "call your local emergency number" in err and "zoomapp help --countries" in err
    code, out, err = run(capsys, "whatif", "--country", "ZZ", "she wants to die")
    assert code == 0 and "no numbers for ZZ" in err  # said, and help is never held back
    assert "Call your local emergency number now" in out
    code, out, _ = run(capsys, "help", "--countries")
    assert code == 0
    assert "GB  United Kingdom" in out.splitlines() and "MX  Mexico" in out.splitlines()
    code, _, err = run(capsys, "help", "--country", "Britain")
    assert code == 2 and "two-letter country code like GB" in err


def test_the_country_comes_from_the_locale() -> None:
    assert country_from_locale({"LANG": "en_GB.UTF-8"}) == "GB"
    assert country_from_locale({"LANG": "es_MX.UTF-8"}) == "MX"
    assert country_from_locale({"LC_ALL": "en_AU.UTF-8", "LANG": "en_US.UTF-8"}) == "AU"
    assert country_from_locale({"LANG": "C.UTF-8"}) == ""


def test_a_help_item_with_a_number_needs_its_source_and_date() -> None:
    body = (
        'format = 1\n[pack]\nid = "c"\nname = "C"\nversion = "1"\nlanguage = "en"\n'
        '[[help]]\nid = "line"\ntitle = "Our line"\ntext = "Call us"\nnumber = "0800 1111"\n'
    )
    _, problems = parse_pack(body.encode(), "c.toml")
    said = " ".join(str(p) for p in problems)
    assert "a help item with a number needs source = ..." in said
    assert "a help item with a number needs checked = ..." in said
    good = body + 'source = "https://example.org/line"\nchecked = 2026-12-01\n'
    assert parse_pack(good.encode(), "c.toml")[0] is not None


def test_your_own_numbers_come_before_the_countrys(capsys, zoomapp_home: Path) -> None:
    code, out, _ = run(capsys, "help", "add", "My sister", "07700 900123")
    assert code == 0 and "Saved My sister: 07700 900123" in out
    code, _, err = run(capsys, "help", "add", "Nobody", "call me")
    assert code == 2 and "is not a phone number" in err
    code, out, _ = run(capsys, "help", "--country", "GB")
    assert out.index("My sister: 07700 900123") < out.index("116 123")
    assert (zoomapp_home / "numbers.toml").stat().st_mode & 0o777 == 0o600


async def test_more_help_in_the_app(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Words"))
        assert "Numbers for: United Kingdom (s to change)" in shown  # LANG=en_GB
        assert "116 123" in shown and "Source: https://www.samaritans.org" in shown
        await pilot.press("a")
        await type_text(pilot, "Our therapist")
        await pilot.press("enter")
        await type_text(pilot, "020 7946 0000")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert "Our therapist: 020 7946 0000" in str(app.screen.query_one("#own-numbers").render())
    assert load_numbers(numbers_file(paths.data_dir))[0].name == "Our therapist"


async def test_country_for_one_run_and_in_settings(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock, Start(country="US"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        shown = " ".join(str(w.render()) for w in app.screen.query("Words"))
        assert "Numbers for: United States" in shown and "988" in shown
    again = make_app(paths, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        rows = [row[0] for row in again.screen._rows()]
        again.screen.query_one(ChoiceList).highlighted = rows.index("country")
        await pilot.press("space")  # opens the list, the computer's guess (GB) chosen
        assert isinstance(again.screen, CountryScreen)
        countries_list = again.screen.query_one(ChoiceList)
        assert countries_list._ids[countries_list.highlighted] == "GB"
        countries_list.highlighted = countries_list._ids.index("AU")
        await pilot.press("enter")
        assert again.settings.country == "AU" and not isinstance(again.screen, CountryScreen)
        await pilot.press("escape", "h")
        shown = " ".join(str(w.render()) for w in again.screen.query("Words"))
        assert "Numbers for: Australia" in shown and "13 11 14" in shown


async def test_a_first_run_with_no_country_asks_once_and_more_help_shows_its_numbers(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")  # a computer that names no country
    app = make_app(paths, clock, seen_intro=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CountryScreen)
        question = " ".join(str(w.render()) for w in app.screen.query("Words"))
        assert "Which country are you in?" in question
        listed = app.screen.query_one(ChoiceList)
        listed.highlighted = listed._ids.index("GB")
        await pilot.press("enter")
        await pilot.press("h")
        shown = " ".join(str(w.render()) for w in app.screen.query("Words"))
        assert "Emergency: 999" in shown and "Samaritans: 116 123" in shown
    saved = load_settings(paths.settings_file).settings
    assert saved.country == "GB" and saved.country_asked
    again = make_app(paths, clock)  # asked once: never again
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(again.screen, CountryScreen)


async def test_a_first_run_in_a_spanish_locale_asks_in_spanish(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    app = make_app(paths, clock, seen_intro=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CountryScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Words"))
        assert "¿En qué país estás?" in shown
        listed = app.screen.query_one(ChoiceList)
        assert listed._ids[listed.highlighted] == "MX"  # the guess, chosen already
        await pilot.press("enter")
    saved = load_settings(paths.settings_file).settings
    assert (saved.language, saved.country) == ("es", "MX")


async def test_not_now_leaves_no_country_and_s_on_more_help_asks_again(
    paths: Paths, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "C.UTF-8")
    app = make_app(paths, clock, seen_intro=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # not now
        assert not isinstance(app.screen, CountryScreen)
        await pilot.press("h")
        shown = " ".join(str(w.render()) for w in app.screen.query("Words"))
        assert "No country chosen yet. Press s to choose yours" in shown
        await pilot.press("s")
        assert isinstance(app.screen, CountryScreen)
        listed = app.screen.query_one(ChoiceList)
        listed.highlighted = listed._ids.index("ES")
        await pilot.press("enter")
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Words"))
        assert "Numbers for: Spain (s to change)" in shown and "112" in shown and "024" in shown


async def test_home_keeps_more_help_in_view_down_to_40x12(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(40, 12)) as pilot:
        choices = app.screen.query_one("#choices", ChoiceList)
        lines = [choices.render_line(y).text for y in range(choices.size.height)]
        assert any("More help" in line for line in lines)
        assert choices.region.bottom <= 11  # above the key bar
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)


def test_a_coach_can_add_a_country_and_its_number_always_shows(capsys, zoomapp_home: Path) -> None:
    write_pack(
        zoomapp_home / "packs",
        "ie.toml",
        'format = 1\n[pack]\nid = "ie"\nname = "Ireland"\nversion = "1"\nlanguage = "en"\n'
        '[[help]]\nid = "ie-line"\ncountry = "IE"\ntitle = "A line"\ntext = "Call"\n'
        'number = "0800 000"\nsource = "https://example.org"\nchecked = 2026-12-01\n',
    )
    code, out, _ = run(capsys, "help", "--country", "IE")
    assert code == 0 and "A line: 0800 000" in out  # a title without it still shows it
    code, out, _ = run(capsys, "help", "--country", "CA")
    assert "9-8-8 Suicide Crisis Helpline: 988" in out
    code, out, _ = run(capsys, "help", "--country", "GB")
    assert "Samaritans: 116 123\n" in out  # already in the title: not said twice


async def test_a_number_half_typed_survives_the_app_closing(paths: Paths, clock: FakeClock) -> None:
    app = make_app(paths, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "a")
        await type_text(pilot, "Our GP")
        await pilot.press("tab")
        await type_text(pilot, "0161")
        await pilot.press("ctrl+q")  # no pause: the app keeps the boxes as it closes
    again = make_app(paths, clock)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.press("h", "a")
        assert again.screen.query_one("#add-name", Input).value == "Our GP"
        assert again.screen.query_one("#add-number", Input).value == "0161"
        await type_text(pilot, " 496 0000")  # the name box has the focus: finish the name
        await pilot.press("tab", "enter")
        await pilot.pause()
    [kept] = load_numbers(numbers_file(paths.data_dir))
    assert kept == ("Our GP 496 0000", "0161")
    assert not list(paths.drafts_dir.glob("number-*"))


def test_the_emergency_number_comes_with_what_to_do_in_danger(capsys) -> None:
    code, out, _ = run(capsys, "help", "--country", "NZ")
    assert code == 0
    assert out.index("If anyone is in danger") < out.index("Emergency: 111")
    assert out.index("Emergency: 111") < out.index("Your numbers") < out.index("1737")


async def test_at_40x12_more_help_opens_on_the_emergency_number(
    paths: Paths, clock: FakeClock
) -> None:
    app = make_app(paths, clock, Start(country="US"))
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        [emergency] = [w for w in app.screen.query("Words") if "Emergency: 911" in str(w.render())]
        assert emergency.region.y < 11  # on the first screen, above the key bar, unscrolled


async def test_a_country_with_only_its_emergency_number_is_not_told_it_has_none(
    paths: Paths, clock: FakeClock, capsys
) -> None:
    app = make_app(paths, clock, Start(country="MX"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        shown = " ".join(str(w.render()) for w in app.screen.query("Words"))
        assert "Emergency: 911" in shown and "Numbers for: Mexico" in shown
        assert "has no numbers" not in shown
    code, out, _ = run(capsys, "help", "--country", "MX")
    assert code == 0 and "Emergency: 911" in out and "has no numbers" not in out
