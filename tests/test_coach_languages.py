"""A coach writing in Spanish (or any language): a starter in their language, a preview in
it, packs for another language that say when they are used, mistakes said plainly, counts
worded per number, and a preview notice that never hides the screen (issue 22)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Static
from textual.widgets._toast import Toast

from tests.conftest import FakeClock, write_pack
from tests.test_pack_cli import HEADER
from zoomapp.core.content.packs import load_content, parse_pack
from zoomapp.core.paths import Paths
from zoomapp.core.settings import Settings, save_settings

ROOT = Path(__file__).resolve().parents[1]


def shell(cwd: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`zoomapp ARGS` in a real process, in `cwd`, with its own ZOOMAPP_HOME."""
    env = {**os.environ, "ZOOMAPP_HOME": str(home), "LANG": "en_GB.UTF-8"}
    return subprocess.run(
        [sys.executable, "-m", "zoomapp", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


SPANISH = """format = 1
[pack]
id = "calma"
name = "Calma"
version = "1.0"
language = "es"
[text]
home_question = "{question}"
"""


# --- 1. pack new in the coach's language ----------------------------------------------------


def test_pack_new_in_spanish_writes_a_spanish_starter_that_passes_check(
    tmp_path: Path, zoomapp_home: Path
) -> None:
    made = shell(tmp_path, zoomapp_home, "--lang", "es", "pack", "new", "calma")
    assert made.returncode == 0, made.stderr
    text = (tmp_path / "calma.toml").read_text(encoding="utf-8")
    assert 'language = "es"' in text
    assert "# Revísalo con:" in text  # Spanish comments
    assert '"¿Qué necesitas ahora mismo?"' in text  # Spanish words
    assert "En la puerta del colegio" in text
    for deck in ('id = "perspective"', 'id = "encouragements"', 'deck = "perspective"'):
        assert deck in text  # the ids of the Spanish built-in decks
    checked = shell(tmp_path, zoomapp_home, "pack", "check", "calma.toml")
    assert checked.returncode == 0, checked.stdout
    assert "ok - pack 'calma' (es), 7 items" in checked.stdout
    assert "warning" not in checked.stdout

    english = shell(tmp_path, zoomapp_home, "pack", "new", "calm")
    assert english.returncode == 0
    text = (tmp_path / "calm.toml").read_text(encoding="utf-8")
    assert 'language = "en"' in text and "# Check it with:" in text  # English stays the default


def test_pack_new_in_a_language_without_a_starter_and_a_bad_code(
    tmp_path: Path, zoomapp_home: Path
) -> None:
    made = shell(tmp_path, zoomapp_home, "--lang", "fr", "pack", "new", "calme")
    assert made.returncode == 0
    assert 'language = "fr": translate them' in made.stdout
    assert 'language = "fr"' in (tmp_path / "calme.toml").read_text(encoding="utf-8")
    assert shell(tmp_path, zoomapp_home, "pack", "check", "calme.toml").returncode == 0
    bad = shell(tmp_path, zoomapp_home, "--lang", "Español", "pack", "new", "x")
    assert bad.returncode == 2 and "not a language code" in bad.stderr
    assert not (tmp_path / "x.toml").exists()


# --- 2. preview in the pack's language ------------------------------------------------------


async def _until(condition, seconds: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the app did not catch up")


def _preview_app(paths: Paths, pack: Path, lang: str | None = None):  # type: ignore[no-untyped-def]
    from zoomapp.commands.pack import preview_workspace
    from zoomapp.ui.app import ZoomApp
    from zoomapp.ui.launch import Start

    app = ZoomApp(
        preview_workspace(pack, paths, lang),
        Start(preview=str(pack.resolve())),
        clock=FakeClock(),
        cursor_blink=False,
    )
    app.animation_level = "none"
    return app


def _question(app) -> str:  # type: ignore[no-untyped-def]
    found = app.screen_stack[0].query("#question").results(Static)
    return next((str(w.render()) for w in found), "")


async def test_preview_of_a_spanish_pack_speaks_spanish_whatever_the_settings_say(
    paths: Paths, tmp_path: Path
) -> None:
    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True, language="en"))
    pack = write_pack(tmp_path / "coach", "calma.toml", SPANISH.format(question="¿Cómo vas?"))
    app = _preview_app(paths, pack)
    async with app.run_test(size=(80, 24)):
        assert app.content.language == "es"
        assert _question(app) == "¿Cómo vas?"
        pack.write_text(SPANISH.format(question="¿Y ahora?"), encoding="utf-8")
        await _until(lambda: _question(app) == "¿Y ahora?")  # reloads on save, still Spanish
        assert app.content.language == "es"
        pack.write_text(SPANISH.format(question='sin cierre\nx = "'), encoding="utf-8")
        await _until(lambda: _question(app) == "¿Qué necesitas ahora mismo?")
    from zoomapp.core.settings import load_settings

    assert load_settings(paths.settings_file).settings.language == "en"  # never saved


async def test_preview_with_lang_speaks_that_language(paths: Paths, tmp_path: Path) -> None:
    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True))
    pack = write_pack(tmp_path / "coach", "calma.toml", SPANISH.format(question="¿Cómo vas?"))
    app = _preview_app(paths, pack, lang="en")
    async with app.run_test(size=(80, 24)):
        assert app.content.language == "en"
        assert _question(app) == "What do you need right now?"


def test_a_broken_spanish_pack_still_previews_in_spanish(paths: Paths, tmp_path: Path) -> None:
    from zoomapp.commands.pack import preview_workspace

    pack = write_pack(tmp_path, "calma.toml", SPANISH.format(question='sin "cierre'))
    assert preview_workspace(pack, paths, None).content.language == "es"


# --- 3. a pack for another language says when it is used ------------------------------------


def test_pack_install_and_list_say_which_language_a_pack_is_used_in(
    tmp_path: Path, zoomapp_home: Path
) -> None:
    shell(tmp_path, zoomapp_home, "--lang", "es", "pack", "new", "calma")
    installed = shell(tmp_path, zoomapp_home, "pack", "install", "calma.toml")
    assert installed.returncode == 0, installed.stderr
    assert (
        "It is used when zoomapp speaks Spanish (now: English). "
        "Choose español in Settings, or start zoomapp --lang es." in installed.stdout
    )
    listed = shell(tmp_path, zoomapp_home, "pack", "list")
    assert "calma: for español: used when zoomapp speaks Spanish" in listed.stdout
    assert "start zoomapp --lang CODE" in listed.stdout

    shell(tmp_path, zoomapp_home, "pack", "new", "calm")
    same = shell(tmp_path, zoomapp_home, "pack", "install", "calm.toml")
    assert "It is used when zoomapp speaks English, as it does now." in same.stdout
    shell(tmp_path, zoomapp_home, "pack", "new", "calm2")
    english = shell(tmp_path, zoomapp_home, "--lang", "es", "pack", "install", "calm2.toml")
    assert "zoomapp speaks Spanish now, so its words show only where Spanish has none" in (
        english.stdout
    )
    assert "zoomapp --lang en" in english.stdout


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "for español: used when zoomapp speaks Spanish"),
        ("es", "para English: se usa cuando zoomapp habla inglés"),
    ],
)
async def test_the_packs_screen_says_why_a_pack_is_not_used(
    paths: Paths, zoomapp_home: Path, language: str, said: str
) -> None:
    from zoomapp.core.workspace import open_workspace
    from zoomapp.ui.app import ZoomApp
    from zoomapp.ui.screens.packs import PacksScreen
    from zoomapp.ui.widgets.choices import ChoiceList

    other = "es" if language == "en" else "en"
    body = SPANISH.format(question="¿Cómo vas?").replace('language = "es"', f'language = "{other}"')
    write_pack(paths.packs_dir, "calma.toml", body)
    save_settings(
        paths.settings_file, Settings(intro_seen=True, country_asked=True, language=language)
    )
    app = ZoomApp(open_workspace(paths), clock=FakeClock(), cursor_blink=False)
    app.animation_level = "none"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PacksScreen)
        lines = [line.plain for line in app.screen.query_one(ChoiceList)._lines]
        if language == "en":
            assert any("calma" in line and said in line for line in lines), lines
            assert any("94 items" in line for line in lines)
        else:
            assert not any(said in line for line in lines)  # English is always used


# --- 4. mistakes said plainly --------------------------------------------------------------


def _said(body: str) -> list[str]:
    return [str(p) for p in parse_pack((HEADER + body).encode(), "coach.toml")[1]]


def _on_line(line: int, wrong: str) -> str:
    """`wrong` written on line `line` of a pack."""
    padding = "\n" * (line - HEADER.count("\n") - 2)
    return f"[text]{padding}\n{wrong}\n"


@pytest.mark.parametrize(
    ("wrong", "says"),
    [
        (
            'home_question = "How are you?\nx = 1',
            "26:30: this text has no closing quote on line 26",
        ),
        (
            "home_question = “How are you?”",
            '26:17: line 26 uses a curly quote “ - write a straight quote " instead',
        ),
        ("home_question = ‘How are you?’", "line 26 uses a curly quote ‘"),
        (
            'home_question = "How are you?”\nx = 1',
            "no closing quote on line 26 - it ends with a curly quote ”",
        ),
        ("“home_question” = 'x'", "line 26 uses a curly quote “"),
        (
            'home_question = "She said "hi""',
            'the text on line 26 ends at column 27, but more follows - to put a quote inside a text, write \\"',
        ),
        (
            "home_question = How are you",
            'the value on line 26 is not in quotes - write text as "like this"',
        ),
        ('home_question "x"', "line 26 has a name without = after it - write key = value"),
        (
            'choice_win = "a"\nhome_question = """x',
            "this text has no closing quote - it starts on line 27",
        ),
    ],
)
def test_syntax_errors_are_said_plainly_with_their_line(wrong: str, says: str) -> None:
    found = _said(_on_line(26, wrong))
    assert len(found) == 1, found
    assert says in found[0]
    assert "coach.toml:2" in found[0]
    for tomllib_words in ("Illegal character", "Invalid value", "Expected", "TOML syntax"):
        assert tomllib_words not in found[0]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (
            '[[decks]]\nid = "a"\nprompts = ["x" "y"]\n',
            "a list on line 9 is missing a comma or its closing ]",
        ),
        ('[[decks\nid = "a"\n', "the table name on line 7 has no closing ]] - write [[name]]"),
        ('[[decks]]\nid = "a"\nprompts = ["a\\q"]\n', "a backslash on line 9 starts no escape"),
        (
            '[[help]]\nid = "a"\ntitle = "t"\ntext = "x"\nchecked = 2026-02-30\n',
            "the date on line 11 does not exist",
        ),
        ("[[decks]]\nid =\n", "line 8 has no value there"),
        ("= 3\n", "line 7 is not key = value, a [table] or a # comment"),
    ],
)
def test_the_common_toml_messages_are_said_plainly(body: str, says: str) -> None:
    found = _said(body)
    assert len(found) == 1 and says in found[0], found


@pytest.mark.parametrize(
    ("body", "says"),
    [
        ('[[decks]]\nid = "Body"\nprompts = ["x"]\n', "got \"Body\" - did you mean 'body'?"),
        ('[[decks]]\nid = "Calm Mornings"\nprompts = ["x"]\n', "did you mean 'calm-mornings'?"),
        (
            '[[recipes]]\nid = "r"\nname = "R"\nsteps = [{ deck = "Body", seconds = 5 }]\n',
            "deck must be lowercase letters, digits and dashes, like 'calm-mornings', got"
            " \"Body\" - did you mean 'body'?",
        ),
        (
            '[[recipes]]\nid = "r"\nname = "R"\nsteps = [{ deck = "bodyy", seconds = 5 }]\n',
            "coach.toml:10:12: no deck 'bodyy' - did you mean 'body'?",
        ),
        (
            '[[recipes]]\nid = "r"\nname = "R"\nsteps = [{ breathe = "Box", seconds = 5 }]\n',
            "did you mean 'box'?",
        ),
    ],
)
def test_a_capitalised_or_misspelt_id_gets_did_you_mean(
    body: str, says: str, tmp_path: Path
) -> None:
    from zoomapp.core.content.file_check import check_file

    pack = write_pack(tmp_path, "coach.toml", HEADER + body)
    _, problems = check_file(pack)
    said = [str(p).replace(str(tmp_path) + "/", "") for p in problems]
    assert any(says in line for line in said), said


def test_extending_or_hiding_a_misspelt_id_is_a_warning_with_did_you_mean(tmp_path: Path) -> None:
    from zoomapp.core.content.file_check import check_file

    body = (
        '[[decks]]\nid = "bodyy"\nextend = true\nprompts = ["x"]\n'
        '[[patterns]]\nid = "4-7-9"\nenabled = false\n'
    )
    pack, problems = check_file(write_pack(tmp_path, "coach.toml", HEADER + body))
    said = [str(p) for p in problems]
    assert pack is not None  # a warning: the pack still works
    assert any(
        ":8:1: warning: extend = true adds to 'bodyy', but no other pack has it - did you mean 'body'?"
        in s
        for s in said
    ), said
    assert any(
        "enabled = false hides '4-7-9', but no other pack has it - did you mean '4-7-8'?" in s
        for s in said
    ), said


# --- counts worded per number ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "1 problem in c.toml, on line 3.", "2 problems in c.toml, the first on line 3."),
        ("es", "1 problema en c.toml, en la línea 3.", "2 problemas en c.toml; el primero"),
    ],
)
def test_counts_are_worded_per_number_in_every_language(language: str, one: str, two: str) -> None:
    content = load_content([], language)
    assert content.counted("preview_problems", 1, file="c.toml", line=3).startswith(one)
    assert content.counted("preview_problems", 2, file="c.toml", line=3).startswith(two)
    assert content.counted("packs_items", 1) in ("1 item", "1 elemento")
    assert content.counted("packs_items", 5) in ("5 items", "5 elementos")


def test_no_text_or_message_says_a_count_with_parentheses() -> None:
    """A count in parentheses ("problem(s)") reads badly in any language: each count has its
    own words (KEY and KEY_one, see Content.counted)."""
    import io
    import re
    import tokenize

    pattern = re.compile(r"\w\((s|es|n|e)\)")
    for name in ("en.toml", "es.toml"):
        assert not pattern.search((ROOT / "content" / name).read_text(encoding="utf-8")), name
    for path in (ROOT / "zoomapp").rglob("*.py"):
        source = io.StringIO(path.read_text(encoding="utf-8")).readline
        strings = [t.string for t in tokenize.generate_tokens(source) if t.type == tokenize.STRING]
        words = [re.sub(r"\{[^{}]*\}", "", s) for s in strings]  # f-string fields are code
        assert not [s for s in words if pattern.search(s)], path
    assert "1 more problem like" in str(_summary(1)) and "2 more problems like" in str(_summary(2))


def _summary(more: int):  # type: ignore[no-untyped-def]
    from zoomapp.core.content.checker import Checker

    checker = Checker("c.toml")
    checker.more = more
    return checker.summary()


# --- the preview's notice never covers the screen -------------------------------------------


@pytest.mark.parametrize("size", [(80, 24), (40, 12)])
async def test_the_preview_notice_is_one_line_that_leaves_the_screen_readable(
    paths: Paths, tmp_path: Path, size: tuple[int, int]
) -> None:
    from zoomapp.ui.widgets.choices import ChoiceList

    save_settings(paths.settings_file, Settings(intro_seen=True, country_asked=True))
    pack = write_pack(tmp_path / "coach", "coach.toml", HEADER + '[text]\nhome_question = "Hi?"\n')
    app = _preview_app(paths, pack)
    async with app.run_test(size=size, notifications=True) as pilot:
        home = app.screen
        question = home.query_one("#question").region
        choices = home.query_one(ChoiceList).region
        broken = HEADER + '[text]\nhome_question = "Hi?\nchoice_win = "a\n'
        pack.write_text(broken, encoding="utf-8")
        await _until(lambda: bool(list(app.screen.query(Toast))))
        await pilot.pause()
        toasts = list(app.screen.query(Toast))
        assert len(toasts) == 1
        toast = toasts[0]
        assert toast.region.height == 1
        assert toast.region.y == size[1] - 1  # over the key bar, for a few seconds
        for shown in (question, choices):
            assert not toast.region.overlaps(shown)
        said = str(toast.render())
        assert said.startswith("1 problem in coach.toml")
        pack.write_text(broken + 'choice_win = "x"\n', encoding="utf-8")  # saved again
        # (no toast at all for a moment is fine: the first may have gone on a slow machine)
        await _until(lambda: any("coach.toml" in str(t.render()) for t in app.screen.query(Toast)))
        await pilot.pause()
        assert len(list(app.screen.query(Toast))) == 1  # the newest notice only, never a pile
