"""`zoomapp win`, `zoomapp strength` and `zoomapp journal …` as a parent would type them."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.conftest import run


def test_win_prints_one_confirming_line(capsys, zoomapp_home: Path) -> None:
    code, out, err = run(capsys, "win", "He", "looked", "at", "the", "gate", "#school")
    assert code == 0 and err == ""
    assert out == "Saved your win for today: He looked at the gate #school\n"
    [path] = (zoomapp_home / "journal").rglob("*.toml")
    assert path.name == f"{date.today().isoformat()}.toml"
    assert 'tags = ["school"]' in path.read_text()


def test_win_for_another_day_with_tags(capsys, zoomapp_home: Path) -> None:
    code, out, _ = run(capsys, "win", "Shoes on", "--tag", "morning", "--date", "yesterday")
    yesterday = date.today() - timedelta(days=1)
    assert code == 0 and "for yesterday" in out
    code, out, _ = run(capsys, "journal", "list")
    assert out.startswith(f"{yesterday.isoformat()}        win       Shoes on  #morning")
    [path] = (zoomapp_home / "journal").rglob("*.toml")  # no time invented for it
    assert f"at = {yesterday.isoformat()}\n" in path.read_text()
    code, out, _ = run(capsys, "journal", "export", "--format", "markdown")
    assert "- Shoes on" in out and "12:00" not in out


def test_strength(capsys) -> None:
    code, out, _ = run(capsys, "strength", "So gentle with the cat")
    assert code == 0 and out.startswith("Saved the strength you saw, for today")
    _, listed, _ = run(capsys, "journal", "list", "-n", "1")
    assert "strength  So gentle with the cat" in listed


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["win", ""], "nothing to save yet"),
        (["win", "x", "--date", "2026-13-01"], "not a real date"),
        (["win", "x", "--date", "someday"], "is not a date I know"),
        (["journal", "export", "--format", "yaml"], "no export format 'yaml'"),
        (["journal", "list", "-n", "zero"], "-n needs a whole number"),
        (["journal", "list", "--from", "2026-12-01", "--to", "2026-11-01"], "swap them"),
        (["journal", "search"], "Say what to look for"),
        (["journal"], "the following arguments are required: ACTION"),
    ],
)
def test_bad_input_is_one_line_nonzero_and_nothing_is_written(
    capsys, zoomapp_home: Path, args: list[str], says: str
) -> None:
    run(capsys, "win", "before")
    before = {p: p.read_bytes() for p in zoomapp_home.rglob("*.toml")}
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and says in err and "Traceback" not in err
    assert {p: p.read_bytes() for p in zoomapp_home.rglob("*.toml")} == before


def test_a_folder_that_cannot_be_written(capsys, zoomapp_home: Path) -> None:
    (zoomapp_home / "journal").write_text("a file where the folder should be")
    code, out, err = run(capsys, "win", "x")
    assert code == 1 and "Cannot write to" in err and err.count("\n") == 1


def test_search_and_list(capsys) -> None:
    run(capsys, "win", "Breakfast together #calm")
    run(capsys, "win", "School gate", "--tag", "school")
    _, out, _ = run(capsys, "journal", "search", "breakfast")
    assert "Breakfast together #calm" in out and "School gate" not in out
    _, out, _ = run(capsys, "journal", "search", "--tag", "school")
    assert "School gate" in out and "Breakfast" not in out
    _, out, _ = run(capsys, "journal", "search", "nothing-like-this")
    assert out == "Nothing found.\n"


def test_export_to_a_file_in_each_format(capsys, tmp_path: Path) -> None:
    run(capsys, "win", "Shoes on #morning")
    for fmt, check in (
        ("markdown", lambda t: t.startswith("# Journal of small wins")),
        ("json", lambda t: json.loads(t)["days"][0]["wins"][0]["text"] == "Shoes on #morning"),
        ("jrnl", lambda t: t.startswith("[") and "Shoes on @morning" in t),
    ):
        target = tmp_path / f"out.{fmt}"
        code, out, _ = run(capsys, "journal", "export", "--format", fmt, "-o", str(target))
        assert code == 0 and out.startswith(f"Wrote {target}")
        assert check(target.read_text())


def test_markdown_export_speaks_the_chosen_language(capsys, zoomapp_home: Path) -> None:
    from zoomapp.core.settings import Settings, save_settings

    save_settings(zoomapp_home / "settings.toml", Settings(language="es"))
    run(capsys, "win", "Desayunamos juntos")
    code, out, _ = run(capsys, "journal", "export", "--format", "markdown")
    assert code == 0
    assert out.startswith("# Diario de pequeños logros\n\nDel ")
    assert "**Pequeños logros**" in out and "Desayunamos juntos" in out


def test_export_sets_unreadable_settings_aside_and_says_so(capsys, zoomapp_home: Path) -> None:
    (zoomapp_home / "settings.toml").write_text("theme = \n")
    code, out, err = run(capsys, "journal", "export", "--format", "markdown")
    assert code == 0 and out.startswith("# Journal of small wins")
    assert "could not be read whole, so it was set aside" in err
    assert [p.name.startswith("settings.unreadable-") for p in zoomapp_home.iterdir()] == [True]


def test_an_unreadable_day_is_reported_by_list(capsys, zoomapp_home: Path) -> None:
    folder = zoomapp_home / "journal" / "2026"
    folder.mkdir(parents=True)
    (folder / "2026-01-05.toml").write_text("[[wins]\n")
    code, out, err = run(capsys, "journal", "list")
    assert code == 0 and "Skipped" in err and "2026-01-05.toml" in err


def test_noting_a_win_does_not_import_textual() -> None:
    code = (
        "import sys\nfrom zoomapp.cli import main\nmain(['win', 'fast'])\n"
        "main(['journal', 'list'])\n"
        "assert not [m for m in sys.modules if m.startswith('textual')]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_export_to_a_file_keeps_the_folder_as_it_is_and_asks_before_replacing(
    capsys, zoomapp_home: Path, tmp_path: Path
) -> None:
    run(capsys, "win", "Shoes on")
    shared = tmp_path / "for-the-school"
    shared.mkdir()
    shared.chmod(0o755)
    target = shared / "journal.md"
    code, out, _ = run(capsys, "journal", "export", "--format", "markdown", "-o", str(target))
    assert code == 0 and "Shoes on" in target.read_text()
    assert shared.stat().st_mode & 0o777 == 0o755  # the parent's folder, untouched
    assert target.stat().st_mode & 0o777 == 0o600
    target.write_text("the school's copy")
    code, _, err = run(capsys, "journal", "export", "--format", "json", "-o", str(target))
    assert code == 2 and "already exists - add --force to replace it" in err
    assert target.read_text() == "the school's copy"
    code, _, _ = run(capsys, "journal", "export", "--format", "json", "-o", str(target), "--force")
    assert code == 0 and json.loads(target.read_text())["days"]
    code, _, err = run(
        capsys, "journal", "export", "--format", "json", "-o", str(tmp_path / "no" / "x")
    )
    assert code == 2 and "There is no folder" in err


def test_every_command_that_reads_settings_reports_them_set_aside_in_the_apps_words(
    capsys, zoomapp_home: Path
) -> None:
    (zoomapp_home / "settings.toml").write_text("theme = \n")
    code, _, err = run(capsys, "journal", "export", "--format", "json")
    assert code == 0
    assert "Your settings file could not be read whole, so it was set aside as" in err
    (zoomapp_home / "settings.toml").write_text("theme = \n")
    code, _, err = run(capsys, "pack", "list")
    assert code == 0 and "Your settings file could not be read whole, so it was set aside as" in err
