"""Atomic, private files; settings that survive a broken file."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from zoomapp.core import files
from zoomapp.core.files import atomic_write, set_aside
from zoomapp.core.settings import Settings, as_zoomapp_writes_it, load_settings, save_settings


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_atomic_write_creates_private_folders_and_files(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b" / "f.toml"
    atomic_write(target, "x = 1\n")
    assert target.read_text() == "x = 1\n"
    assert mode(target) == 0o600
    assert mode(tmp_path / "a") == 0o700 and mode(tmp_path / "a" / "b") == 0o700


def test_a_failed_replace_leaves_the_old_file_and_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "store" / "f.toml"
    atomic_write(target, "old")

    def boom(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", boom)
    with pytest.raises(OSError):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert os.listdir(target.parent) == ["f.toml"]


def test_set_aside_keeps_every_byte_and_never_overwrites(tmp_path: Path) -> None:
    first = tmp_path / "s.toml"
    first.write_bytes(b"\xff broken")
    moved = set_aside(first)
    first.write_bytes(b"\xff again")
    moved_again = set_aside(first)
    assert moved != moved_again
    assert moved.read_bytes() == b"\xff broken" and moved_again.read_bytes() == b"\xff again"
    assert "unreadable-" in moved.name and not first.exists()


def test_settings_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    save_settings(
        path, Settings(theme="gruvbox", reduced_motion=True, bell=True, recipe="one-minute")
    )
    loaded = load_settings(path).settings
    assert (loaded.theme, loaded.reduced_motion, loaded.bell, loaded.recipe) == (
        "gruvbox",
        True,
        True,
        "one-minute",
    )
    assert mode(path) == 0o600


def test_missing_settings_are_defaults(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.toml").settings == Settings()


def test_wrong_types_fall_back_to_defaults_one_by_one_and_the_file_is_set_aside(
    tmp_path: Path,
) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('theme = 3\nbell = true\nreduced_motion = "yes"\n')
    found = load_settings(path)
    loaded = found.settings
    assert loaded.theme == Settings().theme and loaded.bell is True
    assert loaded.reduced_motion is False
    assert found.set_aside_as is not None and "reduced_motion" in found.set_aside_as.read_text()


def test_a_file_zoomapp_does_not_wholly_understand_is_never_lost(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    newer = 'format = 99\ntheme = "gruvbox"\n[later]\nfeature = true\n'
    path.write_text(newer)
    assert load_settings(path).left_alone.startswith("written by a newer zoomapp")
    assert path.read_text() == newer  # never downgraded
    path.write_text('bell = true\nmood = "calm"\n[coach]\nname = "Ana"\n')
    found = load_settings(path)
    assert found.set_aside_as is None and found.settings.bell is True
    save_settings(path, found.settings.replace(theme="gruvbox"))
    saved = path.read_text()
    assert 'mood = "calm"' in saved and 'name = "Ana"' in saved and "gruvbox" in saved
    path.write_text("theme = " + "{ a = " * 60 + "1" + " }" * 60 + "\n")
    deep = load_settings(path)
    assert deep.settings.theme == Settings().theme and deep.set_aside_as is not None
    dangling = tmp_path / "linked.toml"
    dangling.symlink_to(tmp_path / "gone" / "settings.toml")
    assert "not there" in load_settings(dangling).left_alone
    assert dangling.is_symlink()
    target = tmp_path / "dotfiles.toml"
    target.write_text("bell = true\n")
    linked = tmp_path / "through.toml"
    linked.symlink_to(target)
    save_settings(linked, Settings(bell=False))
    assert linked.is_symlink() and "bell = false" in target.read_text()


def test_unreadable_settings_are_set_aside_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("theme = \n")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.set_aside_as is not None and loaded.set_aside_as.read_text() == "theme = \n"
    assert not path.exists()


def test_saving_through_a_link_leaves_the_folder_it_leads_to_as_it_was(tmp_path: Path) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir(mode=0o755)
    dotfiles.chmod(0o755)
    (dotfiles / "zoomapp.toml").write_text("bell = true\n")
    linked = tmp_path / "settings.toml"
    linked.symlink_to(dotfiles / "zoomapp.toml")
    save_settings(linked, Settings(bell=False))
    assert mode(dotfiles) == 0o755 and mode(dotfiles / "zoomapp.toml") == 0o600
    path = tmp_path / "odd.toml"
    path.write_text("format = true\nbell = true\n")  # not a newer zoomapp's: set aside
    found = load_settings(path)
    assert found.left_alone == "" and found.set_aside_as is not None
    assert found.settings.bell is True


def _settings_like_texts(rng: random.Random) -> list[str]:
    """Texts near what save_settings writes, and a little beside it: odd keys, values
    and spacing that tomllib reads differently or not at all."""
    keys = ["theme", "bell", "a-b", "x_1", "1", "true", "a.b", '"q"', "é", " k", "k ", ""]
    values = [
        "true",
        "false",
        "True",
        "0",
        "7",
        "007",
        "-1",
        "+1",
        "1_000",
        "1.5",
        "1e3",
        "0x1f",
        '"nord"',
        '""',
        '"é ü"',
        '"a\\"b"',
        '"a\\nb"',
        '"tab\there"',
        '"a\x7fb"',
        "'lit'",
        '"""m"""',
        '"open',
        "[]",
        "[ ]",
        '["a"]',
        "[1]",
        "{}",
        "inf",
        "nan",
        "1979-05-27",
        '"\u2028"',
        '"\x0c"',
        '"#"',
        '"a" # note',
        "",
    ]
    texts = []
    for _ in range(4000):
        lines = []
        for _ in range(rng.randint(0, 5)):
            key = rng.choice(keys[:3]) if rng.random() < 0.6 else rng.choice(keys)
            value = rng.choice(values[:16]) if rng.random() < 0.7 else rng.choice(values)
            equals = " = " if rng.random() < 0.9 else rng.choice(["=", " =", "= ", "  = "])
            if rng.random() < 0.15:
                items = [rng.choice(['"a"', '"b c"', '"a\\"b"', "1", '"é"']) for _ in range(3)]
                indent = "    " if rng.random() < 0.9 else rng.choice(["  ", "\t", ""])
                body = "".join(f"{indent}{item},\n" for item in items[: rng.randint(0, 3)])
                value = "[\n" + body + rng.choice(["]", "]", " ]", "],", ""])
            lines.append(f"{key}{equals}{value}")
        ending = rng.choice(["\n", "\n", "", "\r\n", "\n\n"])
        texts.append(ending.join(lines) + (ending if lines else ""))
    return texts


def test_settings_as_zoomapp_writes_them_are_read_without_tomllib_and_exactly_as_it_reads_them(
    tmp_path: Path,
) -> None:
    """The quick reading accepts only what it reads exactly as tomllib would, and every
    file save_settings writes is one of those."""
    rng = random.Random(7)
    accepted = 0
    for text in _settings_like_texts(rng):
        quick = as_zoomapp_writes_it(text)
        if quick is not None:
            accepted += 1
            assert quick == tomllib.loads(text), repr(text)
    assert accepted > 400  # the comparison covered texts it accepts, not only refusals
    for index in range(50):
        path = tmp_path / f"settings-{index}.toml"
        packs = [rng.choice(["calm", "a-b", "é", 'say "hi"']) for _ in range(rng.randint(0, 3))]
        save_settings(path, Settings(country=rng.choice(["", "GB", "MX"]), disabled_packs=packs))
        text = path.read_text()
        if "\\" not in text:  # a quote inside a string is escaped: tomllib reads that one
            assert as_zoomapp_writes_it(text) == tomllib.loads(text)
    saved = tmp_path / "saved.toml"
    save_settings(saved, Settings(intro_seen=True, disabled_packs=["calm"]))
    code = (
        "import sys; from pathlib import Path; from zoomapp.core.settings import load_settings;"
        f"s = load_settings(Path({str(saved)!r})).settings;"
        "print(s.intro_seen, s.disabled_packs, 'tomllib' in sys.modules)"
    )
    ran = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert ran.stdout.split() == ["True", "['calm']", "False"]


def test_a_number_too_long_for_python_is_set_aside_like_any_unreadable_settings(
    tmp_path: Path,
) -> None:
    """Python refuses to read a whole number of more than 4,300 digits: such a file is set
    aside and reported, never a traceback."""
    path = tmp_path / "settings.toml"
    path.write_text("bell = true\nformat = " + "1" * 5000 + "\n")
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.set_aside_as is not None and not path.exists()
