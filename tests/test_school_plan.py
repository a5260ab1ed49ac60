"""The plan back to school as it stands, worked out from notes in the day files: the
latest note of a step is the step, a day's last school note counts, a note written by
hand with a value zoomapp does not know is kept in the file and left out, and two devices
that changed the ladder while apart merge with nothing lost."""

from __future__ import annotations

import shutil
import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from zoomapp.core.errors import EntryError
from zoomapp.core.journal.dayfile import parse_day
from zoomapp.core.journal.store import Journal
from zoomapp.core.school import record
from zoomapp.core.school.plan import Step, plan_of

DAY = date(2026, 11, 24)


def add_step(journal: Journal, text: str, hard: int | None, order: float) -> Step:
    step = record.new_step(journal, text, hard, order)
    record.change_step(journal, step)
    return step


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute)


def test_the_latest_note_of_each_step_is_how_it_is_now(tmp_path: Path) -> None:
    now = [at(8)]
    journal = Journal(tmp_path / "journal", now=lambda: now[0])
    gate = add_step(journal, "Walk to the gate", 4, 1)
    lesson = add_step(journal, "First lesson", 6, 2)
    now[0] = at(9)
    record.change_step(journal, gate._replace(text="Walk to the gate with Dad", order=3))
    record.change_step(journal, lesson._replace(retired=True))
    plan = plan_of(journal)
    assert [(s.text, s.order) for s in plan.ladder] == [("Walk to the gate with Dad", 3.0)]
    assert [s.text for s in plan.retired] == ["First lesson"]


def test_a_days_last_school_note_counts_and_back_dated_ones_land_on_their_day(
    tmp_path: Path,
) -> None:
    journal = Journal(tmp_path / "journal", now=lambda: at(18))
    record.note_day(journal, DAY, "none")
    record.note_day(journal, DAY, "part", arrived="11:05", hard=8)  # corrected, later
    record.note_day(journal, date(2026, 11, 23), "off", why="weekend")
    days = plan_of(journal).days
    assert days[DAY].went == "part" and days[DAY].arrived == "11:05" and days[DAY].hard == 8
    assert days[date(2026, 11, 23)].why == "weekend"


def test_the_day_file_reads_the_same_quickly_as_with_tomllib(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal", now=lambda: at(19))
    step = add_step(journal, 'A "big" step', 3, 1.5)
    record.try_step(journal, step, "done", DAY, "Step done: a big step")
    record.set_help(journal, "Staying until they sleep", True, own=True)
    record.choose_change(journal, "Staying until they sleep", "I'm just next door.", DAY)
    record.log_held(journal, DAY, "notyet", "We both cried, then slept", 9)
    text = journal.path_for(DAY).read_text()
    assert parse_day(text) == tomllib.loads(text)
    plan = plan_of(journal)
    assert plan.held[0].upset == 9 and plan.change and plan.change.say == "I'm just next door."
    assert plan.doing == {"Staying until they sleep": True} and plan.own == [plan.change.text]
    assert [e.text for e in journal.entries()] == ["Step done: a big step"]


def test_a_hand_written_value_it_does_not_know_is_kept_and_left_out(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "journal", now=lambda: at(19))
    record.note_day(journal, DAY, "full")
    path = journal.path_for(DAY)
    path.write_text(
        path.read_text()
        + '\n[[school]]\nat = 2026-11-24T20:00:00\nwent = "maybe"\n'
        + '\n[[held]]\nat = 2026-11-24T21:00:00\nwent = "held"\nupset = 99\n'
    )
    plan = plan_of(journal)
    assert plan.days[DAY].went == "full" and plan.held[0].upset is None
    record.note_day(journal, DAY, "part")
    assert 'went = "maybe"' in path.read_text()  # never rewritten away


def test_two_devices_that_changed_the_ladder_apart_merge(tmp_path: Path) -> None:
    laptop = Journal(tmp_path / "laptop" / "journal", now=lambda: at(8))
    step = add_step(laptop, "Walk to the gate", 4, 1)
    shutil.copytree(tmp_path / "laptop", tmp_path / "desktop")
    desktop = Journal(tmp_path / "desktop" / "journal", now=lambda: at(9))
    add_step(laptop, "First lesson", 6, 2)  # on the laptop
    record.change_step(desktop, step._replace(hard=3))  # on the desktop, meanwhile
    # the sync tool keeps the desktop's day as a conflict copy beside the laptop's
    copy = laptop.path_for(DAY).with_name(f"{DAY}.sync-conflict-20261124-090000-ABCDEFG.toml")
    shutil.copy(desktop.path_for(DAY), copy)
    plan = plan_of(laptop)
    assert [(s.text, s.hard) for s in plan.ladder] == [
        ("Walk to the gate", 3),
        ("First lesson", 6),
    ]


@pytest.mark.parametrize(
    ("note", "key"),
    [
        (lambda j: record.note_day(j, DAY, "full", arrived="9:00"), "error_school_times"),
        (lambda j: record.note_day(j, DAY, "part", hard="-1"), "error_school_score"),
        (lambda j: record.note_day(j, DAY, "full", why="ill"), "error_school_why"),
        (lambda j: add_step(j, "x" * 201, None, 1), "error_text_long"),
        (lambda j: record.log_held(j, DAY, "held", upset="lots"), "error_school_score"),
    ],
)
def test_bad_input_saves_nothing(tmp_path: Path, note, key: str) -> None:  # type: ignore[no-untyped-def]
    journal = Journal(tmp_path / "journal", now=lambda: at(19))
    with pytest.raises(EntryError) as raised:
        note(journal)
    assert raised.value.key == key and not (tmp_path / "journal").exists()


def test_search_finds_the_parents_own_words_in_the_plan_once_each(tmp_path: Path) -> None:
    from zoomapp.core.journal.day import Day

    now = [at(8)]
    journal = Journal(tmp_path / "journal", now=lambda: now[0])
    gate = add_step(journal, "Walk to the gate", 4, 1)
    now[0] = at(9)
    record.change_step(journal, gate._replace(order=5))  # moved: the same words again
    record.set_help(journal, "Waiting at the gate all morning", True, own=True)
    record.set_help(journal, "Waiting at the gate all morning", False, own=True)  # unticked
    record.choose_change(journal, "Driving in", "I trust you to walk from the gate.", DAY)
    record.log_held(journal, DAY, "held", "See you at the gate at three.")
    record.plan_tomorrow(journal, DAY, "The gate, then the library")
    found = [(e.kind, e.text) for e in journal.search("GATE")]
    assert found == [  # newest first; those of one second in the order written
        ("plan", "Waiting at the gate all morning"),
        ("plan", "Driving in\nI trust you to walk from the gate."),
        ("evening", "See you at the gate at three."),
        ("evening", "The gate, then the library"),
        ("step", "Walk to the gate"),
    ]
    assert journal.search("gate", ["step"]) == []  # school notes carry no tags
    from zoomapp.core.content.packs import load_content
    from zoomapp.core.school.day_notes import day_lines

    text = load_content([]).text
    day = journal.read_day(DAY)
    assert isinstance(day, Day)
    assert day_lines(day, text) == [
        "Step written: Walk to the gate",
        "Added to my plan: Waiting at the gate all morning",
        "My one change, from 24 November 2026: Driving in",
        "What I say: I trust you to walk from the gate.",
        "Tonight: held, with warmth.",
        "What I said: See you at the gate at three.",
        "For the morning: The gate, then the library",
    ]
    from zoomapp.core.journal.data_export import to_jrnl

    jrnl = to_jrnl([day])  # where it fits jrnl: the parent's words, tagged
    assert "[2026-11-24 08:00:00 AM] Walk to the gate @step" in jrnl
    assert jrnl.count("Walk to the gate") == 1 and jrnl.count("Waiting at") == 1
    assert "Waiting at the gate all morning @plan" in jrnl
    assert "See you at the gate at three. @evening" in jrnl
