"""The pack loader: the built-in content, every kind of broken pack, and merging by id."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import write_pack
from zoomapp.core.content.merging import ONLY_ADDED_TO
from zoomapp.core.content.packs import load_content, parse_pack
from zoomapp.core.practice.danger import GROUP_PREFIX, PREFIX  # phrases to match, never shown

HEADER = """format = 1
[pack]
id = "coach"
name = "Coach pack"
version = "1.0"
language = "en"
"""


def problems_of(body: str) -> list[str]:
    pack, problems = parse_pack(body.encode(), "coach.toml")
    return [str(p) for p in problems]


# --- the built-in pack --------------------------------------------------------------------


def test_builtin_content_loads_without_problems() -> None:
    content = load_content()
    assert content.problems == []
    assert {"box", "4-7-8", "coherent", "sigh", "long-exhale"} <= set(content.patterns)
    assert {"two-minute", "one-minute", "zoom-in", "zoom-out"} <= set(content.recipes)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_prompt_deck_has_at_least_20_prompts_in_each_language(language: str) -> None:
    content = load_content(language=language)
    for deck in (
        "body",
        "surroundings",
        "needs",
        "strengths",
        "perspective",
        "encouragements",
        "say-to-your-child",
        "self-compassion",
    ):
        prompts = content.decks[deck].prompts
        assert len(prompts) >= 20 and len(set(prompts)) == len(prompts), deck
        expected = "builtin" if language == "en" else "builtin-es"  # not an English fallback
        assert content.decks[deck].pack == expected, deck
        assert all(not p.startswith(("So ", "Y tú", "Too", "Mine")) for p in prompts), deck


def test_builtin_sentences_are_short_enough_to_take_in_at_a_glance() -> None:
    content = load_content()
    shown = [d for d in content.decks.values() if not d.id.startswith((PREFIX, GROUP_PREFIX))]
    texts = [p for d in shown for p in d.prompts]
    texts += [h.text for h in content.help.values()] + list(content.texts.values())
    for text in texts:
        for sentence in re.split(r"(?<=[.?!])\s+", text):
            assert len(sentence.split()) <= 20, sentence


def test_builtin_breathing_labels_are_plain() -> None:
    content = load_content()
    allowed = {"Breathe in", "Hold", "Breathe out", "Breathe in again"}
    for pattern in content.patterns.values():
        if pattern.large:  # breathing with a child: their words, short and plain
            labels = {content.phase_label(p) for p in pattern.phases}
            assert labels == {"Smell the flower", "Blow out the candle"}
            continue
        assert {content.phase_label(p) for p in pattern.phases} <= allowed


def test_box_and_coherent_patterns_have_the_documented_timings() -> None:
    content = load_content()
    assert [p.seconds for p in content.patterns["box"].phases] == [4, 4, 4, 4]
    assert [p.seconds for p in content.patterns["4-7-8"].phases] == [4, 7, 8]
    assert [p.seconds for p in content.patterns["coherent"].phases] == [5.5, 5.5]
    assert [p.seconds for p in content.patterns["long-exhale"].phases] == [4, 6]
    assert [p.kind for p in content.patterns["sigh"].phases] == ["in", "in", "out"]


def test_two_minute_recipe_lasts_about_two_minutes() -> None:
    content = load_content()
    recipe = content.recipes["two-minute"]
    total = sum(s.seconds * (s.prompts if s.deck else 1) for s in recipe.steps)
    assert 110 <= total <= 130
    one = content.recipes["one-minute"]
    assert 50 <= sum(s.seconds * (s.prompts if s.deck else 1) for s in one.steps) <= 70


def test_every_text_key_the_ui_uses_exists_in_the_builtin_pack() -> None:
    content = load_content()
    source = "\n".join(
        p.read_text() for p in Path(__file__).parents[1].joinpath("zoomapp").rglob("*.py")
    )
    used = set(re.findall(r"""text\(\s*["']([a-z_]+)["']""", source))
    used |= set(re.findall(r"""["']((?:key|choice|setting|phase)_[a-z_]+)["']""", source))
    used.discard("phase_")
    missing = sorted(k for k in used if k not in content.texts)
    assert not missing


def test_help_tells_the_parent_to_call_emergency_services() -> None:
    content = load_content()
    assert "emergency" in content.help["danger"].text.lower()
    assert "not therapy" in content.help["companion"].text.lower()


# --- broken packs: each reported with file and key, never raising -------------------------


def test_toml_syntax_error_reports_line_and_column() -> None:
    found = problems_of(HEADER + '\n[[decks]]\nid = "x\nprompts = []\n')
    assert len(found) == 1
    assert re.match(r"coach\.toml:9:\d+: this text has no closing quote on line 9", found[0])


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"a = 1\x00", "binary"),
        (b"title = 'my notes'\n", "not a zoomapp pack"),
    ],
)
def test_files_that_are_not_packs_get_one_clear_problem(data: bytes, says: str) -> None:
    pack, problems = parse_pack(data, "f.toml")
    assert pack is None
    assert len(problems) == 1
    assert says in str(problems[0])


def test_a_huge_file_is_refused_without_parsing() -> None:
    pack, problems = parse_pack(b"#" * 3_000_000, "big.toml")
    assert pack is None and "under 2 MB" in str(problems[0])


def test_unknown_key_suggests_the_closest_known_one() -> None:
    found = problems_of(HEADER + '[[decks]]\nid = "x"\npromtps = ["hi"]\n')
    assert any("unknown key 'promtps' - did you mean 'prompts'?" in p for p in found)


def test_unknown_text_key_is_an_error_with_a_suggestion() -> None:
    found = problems_of(HEADER + '[text]\nhome_questoin = "Hi?"\n')
    assert any("did you mean 'home_question'" in p for p in found)


def test_wrong_types_say_what_is_expected() -> None:
    found = problems_of(
        HEADER + '[[patterns]]\nid = "p"\nname = "P"\nphases = [{ kind = "in", seconds = "four" },'
        ' { kind = "out", seconds = 4 }]\n'
    )
    assert any('seconds must be a number of seconds from 1 to 20, got "four"' in p for p in found)


def test_missing_header_fields_are_named() -> None:
    found = problems_of('format = 1\n[pack]\nid = "a"\n')
    assert (
        "coach.toml:2:1: 'name' is missing - add name = ... (the pack's name as people see it)"
        in found
    )
    assert any("'language' is missing" in p for p in found)
    found = problems_of('[pack]\nid = "a"\n')
    assert "coach.toml: format: 'format' is missing - add format = 1 at the top" in found
    found = problems_of("format = 1\n")
    assert (
        "coach.toml: pack: [pack] is missing - add a [pack] table"
        " (who made the pack and in which language)" in found
    )


def test_unknown_format_version_is_refused() -> None:
    found = problems_of(HEADER.replace("format = 1", "format = 2"))
    assert any("format 2 is not known" in p for p in found)


def test_bad_ids_and_duplicates_are_errors() -> None:
    found = problems_of(
        HEADER + '[[help]]\nid = "Bad Id"\ntitle = "t"\ntext = "x"\n'
        '[[help]]\nid = "same"\ntitle = "t"\ntext = "x"\n'
        '[[help]]\nid = "same"\ntitle = "t"\ntext = "x"\n'
    )
    assert any("lowercase letters" in p for p in found)
    assert any("id 'same' is used twice" in p for p in found)


@pytest.mark.parametrize(
    ("phases", "says"),
    [
        ('{ kind = "in", seconds = 0.5 }, { kind = "out", seconds = 4 }', "from 1 to 20, got 0.5"),
        ('{ kind = "in", seconds = 25 }, { kind = "out", seconds = 4 }', "from 1 to 20, got 25"),
        (
            '{ kind = "in", seconds = 4 }, { kind = "hold", seconds = 16 }, '
            '{ kind = "out", seconds = 4 }',
            "a hold must be at most 15 seconds",
        ),
        (
            '{ kind = "in", seconds = 20 }, { kind = "out", seconds = 20 }, '
            '{ kind = "hold", seconds = 5 }',
            "keep a cycle to 40 seconds",
        ),
        ('{ kind = "in", seconds = 4 }', "at least one 'in' and one 'out'"),
        ('{ kind = "inhale", seconds = 4 }, { kind = "out", seconds = 4 }', 'one of "in"'),
    ],
)
def test_unsafe_or_odd_breathing_patterns_are_refused(phases: str, says: str) -> None:
    pack, problems = parse_pack(
        (HEADER + f'[[patterns]]\nid = "p"\nname = "P"\nphases = [{phases}]\n').encode(), "c.toml"
    )
    assert pack is None
    assert any(says in str(p) for p in problems), problems


def test_a_long_hold_only_warns() -> None:
    pack, problems = parse_pack(
        (
            HEADER + '[[patterns]]\nid = "p"\nname = "P"\nphases = [{ kind = "in", seconds = 4 },'
            ' { kind = "hold", seconds = 12 }, { kind = "out", seconds = 8 }]\n'
        ).encode(),
        "c.toml",
    )
    assert pack is not None
    assert len(problems) == 1 and problems[0].warning
    assert "uncomfortable for beginners" in str(problems[0])


def test_recipe_step_needs_exactly_one_of_breathe_or_deck() -> None:
    found = problems_of(
        HEADER + '[[recipes]]\nid = "r"\nname = "R"\n'
        'steps = [{ seconds = 10 }, { breathe = "box", deck = "body", seconds = 10 }]\n'
    )
    assert sum("either breathe" in p for p in found) == 2


# --- loading from the user's folder -------------------------------------------------------


def test_a_broken_user_pack_is_skipped_and_the_rest_still_loads(tmp_path: Path) -> None:
    bad = write_pack(tmp_path, "bad.toml", HEADER + "[[decks]\n")
    good = write_pack(
        tmp_path,
        "good.toml",
        HEADER.replace('"coach"', '"good"') + '[[decks]]\nid = "body"\nprompts = ["Mine."]\n',
    )
    content = load_content([bad, good])
    assert content.decks["body"].prompts == ("Mine.",)
    assert len(content.errors) == 1 and content.errors[0].file == str(bad)
    assert "coach" not in {p.id for p in content.packs}


def test_recipe_naming_a_missing_deck_skips_its_pack(tmp_path: Path) -> None:
    path = write_pack(
        tmp_path,
        "c.toml",
        HEADER + '[[recipes]]\nid = "r"\nname = "R"\nsteps = [{ deck = "nope", seconds = 10 }]\n',
    )
    content = load_content([path])
    assert "r" not in content.recipes
    assert "no deck 'nope'" in str(content.errors[0])
    assert "known decks: accommodations, body" in str(content.errors[0])


def test_a_coach_recipe_may_use_builtin_items(tmp_path: Path) -> None:
    path = write_pack(
        tmp_path,
        "c.toml",
        HEADER + '[[recipes]]\nid = "r"\nname = "R"\n'
        'steps = [{ breathe = "box", seconds = 16 }, { deck = "body", seconds = 10 }]\n',
    )
    content = load_content([path])
    assert content.problems == [] and "r" in content.recipes


def test_override_extend_and_hide_by_id(tmp_path: Path) -> None:
    path = write_pack(
        tmp_path,
        "c.toml",
        HEADER
        + '[[decks]]\nid = "needs"\ntitle = "Needs"\nprompts = ["Water?"]\n'
        + '[[decks]]\nid = "perspective"\nextend = true\nprompts = ["Mine too."]\n'
        + '[[patterns]]\nid = "4-7-8"\nenabled = false\n'
        + '[text]\nhome_question = "How are you?"\n',
    )
    content = load_content([path])
    assert content.decks["needs"].prompts == ("Water?",)
    assert content.decks["perspective"].prompts[-1] == "Mine too."
    built_in = load_content().decks["perspective"].prompts
    assert content.decks["perspective"].prompts == (*built_in, "Mine too.")
    assert "4-7-8" not in content.patterns
    assert content.text("home_question") == "How are you?"


def test_hiding_an_item_a_recipe_needs_blames_the_hiding_pack(tmp_path: Path) -> None:
    path = write_pack(
        tmp_path, "c.toml", HEADER + '[[patterns]]\nid = "coherent"\nenabled = false\n'
    )
    content = load_content([path])
    assert "coherent" in content.patterns  # the hiding pack was set aside
    assert content.errors[0].file == str(path)
    assert "hides breathing pattern 'coherent', which recipes.two-minute needs" in str(
        content.errors[0]
    )


def test_items_the_app_opens_cannot_be_hidden(tmp_path: Path) -> None:
    path = write_pack(tmp_path, "c.toml", HEADER + '[[recipes]]\nid = "zoom-in"\nenabled = false\n')
    content = load_content([path])
    assert "zoom-in" in content.recipes
    assert "hides recipe 'zoom-in', which zoomapp itself needs" in str(content.errors[0])


def test_other_languages_fall_back_to_english_item_by_item(tmp_path: Path) -> None:
    path = write_pack(
        tmp_path,
        "fr.toml",
        HEADER.replace('"en"', '"fr"').replace('"coach"', '"coach-fr"')
        + '[text]\nhome_question = "De quoi as-tu besoin maintenant ?"\n'
        + '[[decks]]\nid = "body"\ntitle = "Ton corps"\nprompts = ["Sens tes pieds."]\n',
    )
    french = load_content([path], language="fr")
    assert french.text("home_question") == "De quoi as-tu besoin maintenant ?"
    assert french.decks["body"].title == "Ton corps"
    assert french.text("key_quit") == "Quit"  # not translated: English, never a blank
    assert french.decks["needs"].title == "Your child"  # item by item
    english = load_content([path], language="en")
    assert english.text("home_question") == "What do you need right now?"


def test_spanish_is_complete_and_a_coach_pack_in_spanish_overrides_it(tmp_path: Path) -> None:
    english, spanish = load_content(), load_content(language="es")
    assert spanish.problems == []
    assert set(spanish.texts) == set(english.texts)
    same_name = {"country_au", "country_ar", "country_co", "country_cl", "country_in"}
    same_name |= {"language_en", "language_es"}  # a language is named in its own words
    untranslated = [
        k for k, v in spanish.texts.items() if v == english.texts[k] and k not in same_name
    ]
    assert set(untranslated) <= {
        "app_title",
        "seconds_left",
        "duration_minutes",
        "duration_both",
        "journal_session_line",
        "school_hard",  # "4/10" reads the same in both
        "note_arrived_placeholder",  # "10:15"
        "note_morning_placeholder",  # "6"
        "note_left_placeholder",  # "12:30"
        "plain_starting",  # "{name}, {time}." - words from elsewhere, punctuated alike
        "plain_section",  # "{title}, {time}."
    }
    for kind in ("decks", "patterns", "recipes", "help"):
        mine, theirs = getattr(spanish, kind), getattr(english, kind)
        assert set(mine) == set(theirs)
        translated = [i for i in mine if not i.startswith(ONLY_ADDED_TO)]  # those add up
        assert all(mine[i].pack == "builtin-es" for i in translated), kind
    assert spanish.phase_label(spanish.patterns["sigh"].phases[1]) == "Inhala otra vez"
    coach = write_pack(
        tmp_path,
        "c.toml",
        HEADER.replace('"en"', '"es"') + '[text]\nhome_question = "¿Cómo estás?"\n',
    )
    mixed = load_content([coach], language="es")
    assert mixed.text("home_question") == "¿Cómo estás?"
    assert mixed.text("key_quit") == "Salir"


def test_every_text_key_built_from_a_family_exists_in_both_languages() -> None:
    """Keys made with f-strings (note_{kind}_title, cli_saved_{kind} ...) and the journal's
    error keys: each family is expanded over the values the code gives it, so a typo can
    never show a parent an empty line. A family the table does not know fails the test."""
    from zoomapp.commands.journal.importing import WHY
    from zoomapp.core.journal.checkin import STEPS
    from zoomapp.core.journal.day import FEELING, SESSIONS, STRENGTHS, WINS
    from zoomapp.core.practice.helplines import countries
    from zoomapp.core.practice.safety_plan import PARTS
    from zoomapp.core.school.day_notes import EVENING, PLAN, STEP
    from zoomapp.core.school.notes import DAY_WENT, HELD_WENT, OFF_WHY, TRIED_WENT

    entries = (WINS, STRENGTHS, FEELING)
    boxes = (*entries, "ladder", "helps", "say", "tomorrow", "arrived", "left", "morning")
    families = {
        "cli_mark_{}": (*entries, SESSIONS, STEP, PLAN, EVENING),
        "cli_saved_{}": entries,
        "checkin_{}": (*STEPS, "school", "held", "tomorrow"),
        "checkin_{}_keys": ("school", "held"),
        "checkin_{}_shell": ("school", "held"),
        "note_{}_title": boxes,
        "note_{}_prompt": boxes,
        "note_{}_placeholder": boxes,
        "school_went_{}": DAY_WENT,
        "school_why_{}": OFF_WHY,
        "school_tried_{}": TRIED_WENT,
        "school_held_{}": HELD_WENT,
        "cli_plan_{}ed": ("tick", "untick"),
        "export_kind_{}": ("wins", "strengths", "feelings", "sessions", "school"),
        "pack_state_{}": ("on", "off", "other", "skipped"),
        "zoom_{}_title": ("in", "out"),
        "phase_{}": ("in", "hold", "out"),
        "plan_{}_title": PARTS,
        "plan_{}_example": PARTS,
        "{}_shell": ("worry_choose_country", "worry_danger_more", "worry_offer", "worry_help_line"),
        "country_{}": tuple(c.lower() for c in countries(load_content())),
        "language_{}": ("en", "es"),
        "language_name_{}": ("en", "es"),
        "{}_one": ("helps_row", "packs_items", "preview_problems"),  # Content.counted
        "import_why_{}": WHY,
    }
    source = "\n".join(
        p.read_text() for p in Path(__file__).parents[1].joinpath("zoomapp").rglob("*.py")
    )
    built = set(re.findall(r"""f["']([a-z_]*\{[^}"']+\}[a-z_]*)["']""", source))
    shapes = {re.sub(r"\{[^}]+\}", "{}", key) for key in built}
    shapes = {s for s in shapes if s.replace("{}", "x").replace("_", "").isalpha()}
    errors = set(re.findall(r"""Error\(\s*["']((?:error|cli)_[a-z_]+)["']""", source))
    assert errors, "the journal's error keys were not found"
    for language in ("en", "es"):
        texts = load_content([], language).texts
        missing = [s.format(v) for s, values in families.items() for v in values]
        missing = [key for key in [*missing, *errors] if key not in texts]
        assert missing == [], language
    unknown = shapes - set(families) - {"{}", "{}_{}", "{}{}"}
    assert unknown == set(), "a new family of text keys: add it to the table above"
