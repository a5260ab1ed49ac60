"""A pack's text is only ever text: placeholders by name, no control codes, no markup."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from tests.conftest import write_pack
from tests.test_pack_cli import HEADER
from zoomapp.cli import main
from zoomapp.core.content.model import Content
from zoomapp.core.content.schema import PLACEHOLDERS
from zoomapp.core.safe_text import fields, fill, printable

CONTENT = Path(__file__).parents[1] / "content"


def check(capsys, tmp_path: Path, body: str) -> tuple[int, str]:
    path = write_pack(tmp_path, "p.toml", HEADER + body)
    code = main(["pack", "check", str(path)])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            'session_left = "{tiem} left"',
            "p.toml:8:1: {tiem} is not a placeholder here - this text can use {time}",
        ),
        (
            'seconds_left = "{seconds:>100000000}"',
            "{seconds:>100000000} cannot be formatted - write just {seconds}",
        ),
        (
            'progress_written = "{days[0]} days, {wins} wins"',
            "{days[0]} cannot be formatted - write just {days}",
        ),
        (
            'breathe_cycles = "{count.real}"',
            "{count.real} cannot be formatted - write just {count}",
        ),
        (
            'home_question = "How are {you}?"',
            "this text has no placeholders; to show a brace, write {{ or }}",
        ),
        ('session_left = "{time!r}"', "{time!r} cannot be formatted"),
    ],
)
def test_check_refuses_placeholders_a_text_cannot_use(capsys, tmp_path, text, said) -> None:
    code, out = check(capsys, tmp_path, f"[text]\n{text}\n")
    assert code == 1 and said in out


def test_a_missing_placeholder_is_a_warning(capsys, tmp_path: Path) -> None:
    code, out = check(capsys, tmp_path, '[text]\nsession_left = "Nearly there"\n')
    assert code == 0
    assert "warning: session_left leaves out {time}, so that value will not show" in out


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (r"\u001b[2J\u001b[Hok", "U+001B (ESC, which starts a terminal command), at character 1"),
        (r"Ring\u0007", "U+0007 (BEL, the terminal bell), at character 5"),
        (r"abc\u202edef", "U+202E (right-to-left override), at character 4"),
        (r"a\u009bb", "U+009B"),
    ],
)
def test_check_refuses_control_characters_with_their_position(capsys, tmp_path, value, said):
    for body in (
        f'[text]\nhome_question = "{value}"\n',
        f'[[help]]\nid = "h"\ntitle = "{value}"\ntext = "x"\n',
    ):
        code, out = check(capsys, tmp_path, body)
        assert code == 1 and said in out and "\x1b" not in out and "\x07" not in out


def test_a_hostile_name_cannot_clear_the_screen_or_fake_an_ok(capsys, tmp_path: Path) -> None:
    body = HEADER.replace('name = "Coach"', r'name = "\u001b[2J\u001b[1;1Hp.toml: ok"')
    path = write_pack(tmp_path, "p.toml", body)
    code = main(["pack", "check", str(path)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "\x1b" not in out + err
    assert "name holds a control character" in out


def test_invisible_and_very_long_texts(capsys, tmp_path: Path) -> None:
    code, out = check(capsys, tmp_path, '[text]\nhome_question = "\u200b\u200b \u2060"\n')
    assert code == 1 and "home_question has only invisible characters" in out
    long = "word " * 200
    code, out = check(capsys, tmp_path, f'[[decks]]\nid = "d"\nprompts = ["{long}"]\n')
    assert code == 0 and "warning: prompts[0] is 1,000 characters long" in out
    code, out = check(capsys, tmp_path, f'[text]\nhome_question = "{"a" * 5000}"\n')
    assert code == 1 and "5,000 characters long - keep it under 4,000" in out
    assert "a" * 100 not in out  # a long value is never repeated in full


def test_fill_only_replaces_names_and_never_raises() -> None:
    assert fill("{time} left", {"time": "1:00"}) == "1:00 left"
    assert fill("{{braces}} and {time}", {"time": 3}) == "{braces} and 3"
    for hostile in ("{seconds:>100000000}", "{days[0]}", "{x.y}", "{", "}", "{0}", "{!r}", "{time"):
        assert fill(hostile, {"seconds": 1, "days": [1], "x": 1, "time": 1}) == hostile


def test_the_app_shows_a_hostile_text_without_formatting_it() -> None:
    content = Content({"seconds_left": "{seconds:>100000000}"}, {}, {}, {}, {})
    assert content.text("seconds_left", seconds=3) == "{seconds:>100000000}"


def test_printable_strips_terminal_codes_and_keeps_words() -> None:
    assert (
        printable("\x1b]0;pwned\x07Hello\x1b[2J \u202eworld\tend") == "]0;pwnedHello[2J world end"
    )
    assert printable("plain words") == "plain words"


def test_every_text_key_declares_exactly_the_placeholders_it_uses() -> None:
    for name in ("en.toml", "es.toml"):
        texts = tomllib.loads((CONTENT / name).read_text())["text"]
        for key, text in texts.items():
            used = tuple(name for _, name, _ in fields(text))
            assert sorted(set(used)) == sorted(PLACEHOLDERS.get(key, ())), (name, key)


def test_the_code_fills_every_placeholder_a_text_declares() -> None:
    """Each text("key", name=...) call in the app passes the names the key declares."""
    source = Path(__file__).parents[1] / "zoomapp"
    for path in source.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and node.args and node.keywords):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            first = node.args[0]
            if name != "text" or not isinstance(first, ast.Constant):
                continue
            given = {k.arg for k in node.keywords}
            assert set(PLACEHOLDERS.get(first.value, ())) <= given, (path.name, first.value)
