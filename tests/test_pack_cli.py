"""Coach tooling: pack new, check, list, install, remove, enable, disable, schema."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import run, write_pack
from zoomapp.core.content.pack_schema import json_schema, schema_text
from zoomapp.core.content.packs import builtin_files, load_content, parse_pack

HEADER = 'format = 1\n[pack]\nid = "coach"\nname = "Coach"\nversion = "1"\nlanguage = "en"\n'


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_pack_new_writes_a_starter_that_passes_check(capsys, in_tmp: Path) -> None:
    code, out, _ = run(capsys, "pack", "new", "calm-mornings")
    assert code == 0 and "calm-mornings.toml" in out
    text = (in_tmp / "calm-mornings.toml").read_text()
    assert text.startswith("#:schema file://") and text.splitlines()[0].endswith("pack.schema.json")
    code, out, _ = run(capsys, "pack", "check", "calm-mornings.toml")
    assert code == 0 and "ok - pack 'calm-mornings'" in out
    doc = tomllib.loads(text)
    assert {"decks", "patterns", "recipes", "help", "text"} <= set(doc)


def test_check_says_what_was_written_and_where_a_lone_brace_is(capsys, in_tmp: Path) -> None:
    write_pack(
        in_tmp,
        "p.toml",
        HEADER
        + '[text]\ndate_days_ago = "} {count} days ago"\n'
        + '[[recipes]]\nid = "r"\nname = "R"\nsteps = [{ breathe = "box", seconds = 1.0 }]\n'
        + '[[help]]\nid = "h"\ntitle = "H"\ntext = "Call"\nchecked = "2026-12-02"\n',
    )
    code, out, _ = run(capsys, "pack", "check", "p.toml")
    assert code == 1
    assert "a lone '}' at character 1 of date_days_ago - to show a brace, write it twice" in out
    assert "got 1.0 - write it without the point: seconds = 1" in out
    assert 'got "2026-12-02" - take the quotes away: checked = 2026-12-02' in out


def test_a_copy_of_the_built_in_pack_is_checked_for_what_it_refers_to(capsys, in_tmp: Path) -> None:
    english = dict(builtin_files(["en"]))["en.toml"].decode()
    start = english.index('[[decks]]\nid = "body"')
    copy = english[:start] + english[english.index("[[", start + 2) :]
    (in_tmp / "copy.toml").write_text(copy)
    code, out, _ = run(capsys, "pack", "check", "copy.toml")
    assert code == 1 and "no deck 'body'" in out


def test_pack_new_refuses_to_overwrite_or_a_bad_name(capsys, in_tmp: Path) -> None:
    run(capsys, "pack", "new", "mine")
    code, _, err = run(capsys, "pack", "new", "mine")
    assert code == 2 and "already exists" in err
    code, _, err = run(capsys, "pack", "new", "My Pack")
    assert code == 2 and "lowercase letters" in err


def test_check_reports_file_line_column_and_exit_1(capsys, in_tmp: Path) -> None:
    write_pack(
        in_tmp,
        "p.toml",
        HEADER
        + '[[patterns]]\nid = "x"\nname = "X"\nphases = [\n  { kind = "in", seconds = -7 },\n'
        '  { kind = "out", seconds = 4 },\n]\n[[decks]]\nid = "d"\npromtps = ["a"]\n',
    )
    code, out, _ = run(capsys, "pack", "check", "p.toml")
    assert code == 1
    lines = out.splitlines()
    assert "p.toml:11:18: seconds must be a number of seconds from 1 to 20, got -7" in lines
    assert "p.toml:16:1: unknown key 'promtps' - did you mean 'prompts'?" in lines


def test_check_resolves_references_against_builtin_content(capsys, in_tmp: Path) -> None:
    write_pack(
        in_tmp,
        "r.toml",
        HEADER + '[[recipes]]\nid = "r"\nname = "R"\nsteps = [\n'
        '  { breathe = "box", seconds = 16 },\n  { breathe = "boxx", seconds = 16 },\n]\n',
    )
    code, out, _ = run(capsys, "pack", "check", "r.toml")
    assert code == 1
    assert "r.toml:12:5: no breathing pattern 'boxx' - did you mean 'box'?" in out


def test_check_a_folder_and_warnings_do_not_fail(capsys, in_tmp: Path) -> None:
    folder = in_tmp / "packs"
    write_pack(
        folder,
        "a.toml",
        HEADER + '[[patterns]]\nid = "long"\nname = "L"\nphases = [{ kind = "in", seconds = 4 },'
        ' { kind = "hold", seconds = 11 }, { kind = "out", seconds = 6 }]\n',
    )
    code, out, _ = run(capsys, "pack", "check", str(folder))
    assert code == 0
    assert "warning: a 11-second hold" in out and "ok - pack 'coach'" in out
    assert out.count("warning: a 11-second hold") == 1


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x01\x02", "caf\u00e9".encode("latin-1"), b"[x]\ny = 1\n", b"a = " + b"[" * 5000],
)
def test_check_never_shows_a_traceback(capsys, in_tmp: Path, data: bytes) -> None:
    (in_tmp / "odd.toml").write_bytes(data)
    code, out, err = run(capsys, "pack", "check", "odd.toml")
    assert code == 1 and out.startswith("odd.toml") and "Traceback" not in out + err


def test_check_a_missing_file(capsys, in_tmp: Path) -> None:
    code, _, err = run(capsys, "pack", "check", "nope.toml")
    assert code == 2 and "does not exist" in err


def test_install_list_disable_enable_remove(capsys, in_tmp: Path, zoomapp_home: Path) -> None:
    run(capsys, "pack", "new", "calm")
    code, out, _ = run(capsys, "pack", "install", "calm.toml")
    assert code == 0 and (zoomapp_home / "packs" / "calm.toml").exists()
    assert (zoomapp_home / "packs" / "calm.toml").stat().st_mode & 0o777 == 0o600
    code, _, err = run(capsys, "pack", "install", "calm.toml")
    assert code == 1 and "already installed" in err and "--replace" in err
    code, out, _ = run(capsys, "pack", "install", "calm.toml", "--replace")
    assert code == 0 and out.startswith("Replaced")
    _, out, _ = run(capsys, "pack", "list")
    row = next(line for line in out.splitlines() if line.startswith("calm "))
    assert " on " in row and "packs/calm.toml" in row
    assert run(capsys, "pack", "disable", "calm")[0] == 0
    _, out, _ = run(capsys, "pack", "list")
    assert " off " in next(line for line in out.splitlines() if line.startswith("calm "))
    assert (
        "calm-gate"
        not in load_content([zoomapp_home / "packs" / "calm.toml"], disabled=["calm"]).recipes
    )
    assert run(capsys, "pack", "enable", "calm")[0] == 0
    code, out, _ = run(capsys, "pack", "remove", "calm")
    assert code == 0 and not (zoomapp_home / "packs" / "calm.toml").exists()
    code, _, err = run(capsys, "pack", "remove", "calm")
    assert code == 2 and "no installed pack 'calm'" in err


def test_install_refuses_a_broken_pack(capsys, in_tmp: Path, zoomapp_home: Path) -> None:
    write_pack(in_tmp, "bad.toml", HEADER + "[[decks]]\n")
    code, out, err = run(capsys, "pack", "install", "bad.toml")
    assert code == 1 and "bad.toml:7:1" in out and "not installed" in err
    assert not (zoomapp_home / "packs").exists()


def test_schema_is_printed_and_shipped_in_sync(capsys) -> None:
    code, out, _ = run(capsys, "pack", "schema")
    assert code == 0 and json.loads(out) == json_schema()
    shipped = Path(__file__).parents[1] / "content" / "pack.schema.json"
    assert shipped.read_text() == schema_text(), (
        "run: zoomapp pack schema > content/pack.schema.json"
    )


def test_builtin_packs_and_the_starter_validate_against_the_schema(capsys, in_tmp: Path) -> None:
    schema = json_schema()
    for _name, data in builtin_files():
        jsonschema.validate(_json_ready(tomllib.loads(data.decode())), schema)
    run(capsys, "pack", "new", "starter")
    jsonschema.validate(_json_ready(tomllib.loads((in_tmp / "starter.toml").read_text())), schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"format": 1, "pack": {"id": "x"}, "decks": [{"id": "d"}]}, schema)


def _json_ready(value):  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()  # a TOML date, as a TOML editor sees it
    return value


toml_values = st.recursive(
    st.none().map(lambda _: 1)
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
keys = st.sampled_from(["format", "pack", "text", "decks", "patterns", "recipes", "help", "x"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, toml_values, max_size=6))
def test_random_documents_only_ever_give_problems(doc) -> None:
    import tomli_w

    try:
        data = tomli_w.dumps(doc).encode()
    except (TypeError, ValueError):
        return  # not expressible as TOML
    pack, problems = parse_pack(data, "random.toml")
    assert pack is not None or problems


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_random_bytes_only_ever_give_problems(data: bytes) -> None:
    pack, problems = parse_pack(data, "random.toml")
    assert pack is not None or problems
    assert all(str(p).startswith("random.toml") for p in problems)


async def test_packs_screen_switches_a_pack_off_and_on(
    capsys, in_tmp: Path, zoomapp_home: Path
) -> None:
    from tests.conftest import FakeClock, make_app
    from zoomapp.core.paths import Paths
    from zoomapp.core.settings import load_settings
    from zoomapp.ui.screens.packs import PacksScreen
    from zoomapp.ui.widgets.choices import ChoiceList

    run(capsys, "pack", "new", "calm")
    run(capsys, "pack", "install", "calm.toml")
    paths = Paths(zoomapp_home, zoomapp_home)
    app = make_app(paths, FakeClock())
    async with app.run_test(size=(80, 24)) as pilot:
        assert "calm-gate" in app.content.recipes
        await pilot.press("p")
        assert isinstance(app.screen, PacksScreen)
        assert [(row.id, row.state) for row in app.screen.rows] == [
            ("builtin", "on"),
            ("builtin-es", "other"),
            ("calm", "on"),
        ]
        await pilot.press("down", "down", "space")
        assert app.screen.rows[2].state == "off"
        assert "calm-gate" not in app.content.recipes
        assert load_settings(paths.settings_file).settings.disabled_packs == ["calm"]
        await pilot.press("space")
        assert "calm-gate" in app.content.recipes
        await pilot.resize_terminal(24, 8)
        await pilot.pause()
        first = app.screen.query_one(ChoiceList)._lines[0].plain
        assert first.startswith("on · zoomapp built-in")  # no wide column in a tiny terminal


def test_the_example_in_writing_a_pack_passes_check(capsys, in_tmp: Path) -> None:
    guide = (Path(__file__).parents[1] / "docs" / "packs.md").read_text()
    example = guide.split("## A full example", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    (in_tmp / "example.toml").write_text(example)
    code, out, _ = run(capsys, "pack", "check", "example.toml")
    assert code == 0, out
    content = load_content([in_tmp / "example.toml"])
    assert "4-7-8" not in content.patterns and "school-gate" in content.recipes


def test_the_shipped_built_in_packs_pass_check(capsys) -> None:
    content = Path(__file__).parents[1] / "content"
    code, out, err = run(capsys, "pack", "check", str(content))
    assert code == 0, out + err
    assert "en.toml: ok - pack 'builtin' (en)" in out and "es.toml: ok - pack 'builtin-es'" in out


@pytest.mark.parametrize("name", ["builtin", "builtin-es", "builtin-fr"])
def test_pack_new_refuses_a_built_in_id(capsys, in_tmp: Path, name: str) -> None:
    code, _, err = run(capsys, "pack", "new", name)
    assert code == 2 and "is the id of a built-in pack - choose another" in err
    assert not (in_tmp / f"{name}.toml").exists()


def test_a_broken_pack_is_listed_and_removed_by_its_file_name(capsys, zoomapp_home: Path) -> None:
    broken = write_pack(zoomapp_home / "packs", "calm.toml", "format = 1\n[pack\n")
    code, out, _ = run(capsys, "pack", "list")
    assert code == 0
    [row] = [line for line in out.splitlines() if "calm.toml" in line and "skipped" in line]
    assert row.startswith("calm.toml") and "?" not in row
    code, out, _ = run(capsys, "pack", "remove", "calm.toml")
    assert code == 0 and not broken.exists()
    unreadable = write_pack(zoomapp_home / "packs", "odd.toml", "x")
    unreadable.chmod(0o000)
    code, out, _ = run(capsys, "pack", "remove", "odd")
    assert code == 0 and not unreadable.exists()


def test_a_pack_named_with_terminal_codes_is_listed_safely(capsys, zoomapp_home: Path) -> None:
    write_pack(zoomapp_home / "packs", "x\x1b[2J.toml", "format = 1\n[pack\n")
    code, out, err = run(capsys, "pack", "list")
    assert code == 0 and "\x1b" not in out + err
