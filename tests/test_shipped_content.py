"""The built-in packs ship already checked (content/checked.pickle), and what ships is
exactly what checking the TOML gives today."""

from __future__ import annotations

import pickle

import pytest

from zoomapp.core.content import shipped
from zoomapp.core.content.packs import builtin_files, check_builtin


def test_what_ships_is_what_the_built_in_packs_say_today() -> None:
    for name, data in builtin_files():
        kept = shipped.checked(name, data)
        assert kept is not None, (
            f"{name} changed since content/checked.pickle was written: run"
            " .venv/bin/python tests/ship_checked.py"
        )
        assert kept == check_builtin(name, data), name


def test_a_built_in_file_edited_since_is_read_from_its_toml() -> None:
    name, data = builtin_files(["en"])[0]
    assert shipped.checked(name, data + b"\n# edited\n") is None
    pack, problems = check_builtin(name, data + b"\n# edited\n")
    assert pack is not None and not problems


def test_each_file_is_unpickled_only_when_read_and_a_damaged_one_is_read_from_its_toml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A launch in English unpickles English's result alone; a damaged entry is not used."""
    (en, en_data), (es, es_data) = builtin_files(["en", "es"])
    entries = dict(shipped._shipped())
    entries[es] = (es_data, b"not a pickle")
    monkeypatch.setattr(shipped, "_shipped", lambda: entries)
    assert shipped.checked(en, en_data) == check_builtin(en, en_data)
    assert shipped.checked(es, es_data) is None


def test_a_change_to_the_checking_code_or_to_english_has_every_file_read_from_its_toml(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Translations are checked against English's text keys, so an edited English pack
    has them checked again; edited checking code has every file checked again."""
    (en, en_data), (es, es_data) = builtin_files(["en", "es"])
    entries = dict(shipped._shipped())
    monkeypatch.setattr(shipped, "_shipped", lambda: entries)
    assert shipped.checked(es, es_data) is not None
    entries[en] = (en_data + b"\n# edited\n", entries[en][1])
    assert shipped.checked(es, es_data) is None
    entries[en] = (en_data, entries[en][1])
    assert shipped.checked(es, es_data) is not None
    monkeypatch.setattr(shipped, "_code", lambda: b"# another checker")
    assert shipped.checked(en, en_data) is None
    assert shipped.checked(es, es_data) is None


def test_the_danger_phrases_needs_ship_as_the_packs_and_code_make_them_today() -> None:
    """content/danger-needs.pickle (what each built-in danger phrase needs, worked out
    when zoomapp was built) is what the packs and the code give now; for any other decks
    it is not used, and the reader works the needs out itself, the same."""
    from tests.ship_checked import needs_now
    from zoomapp.core.content.packs import load_content
    from zoomapp.core.practice.danger import Recogniser
    from zoomapp.core.practice.shipped_needs import shipped_needs
    from zoomapp.core.practice.worries import danger_decks, recogniser

    decks = danger_decks(load_content())
    assert shipped_needs(decks) is not None, "run .venv/bin/python tests/ship_checked.py"
    assert pickle.loads(needs_now())["needs"] == shipped_needs(decks)
    shipped = shipped_needs(decks) or {}  # what the app reads with: the shipped needs
    assert all(p.needs is shipped[p.text] for p in recogniser(load_content())._dangers.phrases)
    fewer = decks[:-1]
    assert shipped_needs(fewer) is None
    worked_out = Recogniser(dict(decks))
    assert [p.needs for p in worked_out._dangers.phrases] == [
        p.needs for p in recogniser(load_content())._dangers.phrases
    ]
