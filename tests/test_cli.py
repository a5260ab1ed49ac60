"""The command line: one-line errors with exit code 2, and no Textual for shell commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import write_pack
from zoomapp import __version__
from zoomapp.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "zoomapp", *args], capture_output=True, text=True, timeout=60
    )


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"zoomapp {__version__}"
    help_text = run("--help").stdout
    for word in ("ground", "breathe", "zoom", "--lang"):
        assert word in help_text


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["breathe", "boxx"],
            "no breathing pattern 'boxx' - did you mean 'box'? Known: box, 4-7-8",
        ),
        (["ground", "--recipe", "three-minute"], "no session recipe 'three-minute'"),
        (["zoom", "sideways"], "invalid choice: 'sideways'"),
        (["breathe", "box", "--minutes", "soon"], "--minutes needs a number, got 'soon'"),
        (["breathe", "box", "--minutes", "-3"], "--minutes must be from 0.1 to 180"),
        (["dance"], "invalid choice: 'dance'"),
        (["--lang", "xx"], "no packs in language 'xx'"),
    ],
)
def test_bad_arguments_get_one_line_and_exit_2(
    args: list[str], says: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("zoomapp: ") and says in err
    assert "Traceback" not in err


def test_bad_arguments_in_a_real_process_never_show_a_traceback() -> None:
    result = run("breathe", "nope")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_a_pattern_from_a_user_pack_is_accepted(zoomapp_home: Path, monkeypatch) -> None:
    write_pack(
        zoomapp_home / "packs",
        "mine.toml",
        'format = 1\n[pack]\nid = "m"\nname = "M"\nversion = "1"\nlanguage = "en"\n'
        '[[patterns]]\nid = "slow"\nname = "Slow"\n'
        'phases = [{ kind = "in", seconds = 5 }, { kind = "out", seconds = 7 }]\n',
    )
    opened = {}
    monkeypatch.setattr(
        "zoomapp.commands.app.run_app", lambda ws, start: opened.setdefault("s", start) and 0
    )
    assert main(["breathe", "slow", "--minutes", "2"]) == 0
    assert opened["s"].pattern == "slow" and opened["s"].minutes == 2


def test_shell_path_does_not_import_textual() -> None:
    code = (
        "import sys\n"
        "from zoomapp.cli import main\n"
        "for args in (['breathe', 'nope'], ['ground', '--recipe', 'x']):\n"
        "    main(args)\n"
        "import zoomapp.core.content.packs, zoomapp.core.practice.breathing, zoomapp.core.practice.sessions\n"
        "import zoomapp.core.settings, zoomapp.core.workspace, zoomapp.core.files\n"
        "assert not [m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')], "
        "sorted(m for m in sys.modules if m.startswith(('textual', 'rich')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_core_never_imports_textual() -> None:
    core = Path(__file__).parents[1] / "zoomapp" / "core"
    for path in core.rglob("*.py"):
        source = path.read_text()
        assert "import textual" not in source and "from textual" not in source, path.name


def test_every_command_is_one_module_with_its_arguments_and_its_run(capsys) -> None:
    from zoomapp.commands import COMMANDS, command

    for name in COMMANDS:
        assert callable(command(name).arguments) and callable(command(name).run), name
    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    assert all(f"    {name} " in listed for name in COMMANDS)


def test_a_mistake_after_a_command_is_said_in_one_line(capsys) -> None:
    assert main(["win", "--nope"]) == 2
    assert capsys.readouterr().err.count("\n") == 1
