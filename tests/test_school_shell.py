"""The way back to school from the shell, as a parent uses it (real subprocesses): a
ladder of steps, a week of school days, a step done that becomes a win, one change to the
family's help with the sentence that tells the child, and a week of evenings - in the
pack's language, each mistake refused in one line with nothing saved, and a locked
journal asking for its passphrase only to read."""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.test_whatever_is_on_disk import one_clear_line, zoomapp
from zoomapp.core.journal.store import Journal
from zoomapp.core.school.plan import plan_of

TODAY = date.today()


def said(home: Path, *args: str) -> str:
    result = zoomapp(home, *args)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode()


def test_a_parent_builds_a_ladder_and_keeps_a_week(zoomapp_home: Path) -> None:
    home = zoomapp_home
    empty = said(home, "steps")
    assert "No steps yet" in empty and "  - Walk to the school gate and back home" in empty
    for text, hard in (("Walk to the gate", 4), ("Drive past the school", 2), ("A full day", 10)):
        said(home, "steps", "add", text, "--hard", str(hard))
    said(home, "steps", "add", "First lesson", "--hard", "6")  # goes between, by hardness
    ladder = said(home, "steps")
    assert ladder.index("Drive past") < ladder.index("Walk to") < ladder.index("First lesson")
    assert ladder.index("First lesson") < ladder.index("A full day")
    assert "  1. Drive past the school  2/10" in ladder

    for back in range(7, 0, -1):  # a week of school days, one of them partial
        day = (TODAY - timedelta(days=back)).isoformat()
        if back == 3:
            out = said(home, "day", "part", "--at", "10:15", "--hard", "7", "--date", day)
            assert "part of the day, arrived 10:15, morning 7/10" in out
        else:
            said(home, "day", "off" if back in (1, 2) else "full", "--date", day)

    done = said(home, "steps", "done", "2", "--date", "yesterday")
    assert "Walk to the gate - done" in done and "small win" in done
    found = said(home, "journal", "search", "gate")
    assert "Step done: Walk to the gate" in found and "step      Walk to the gate" in found
    assert "last noted yesterday: done" in said(home, "steps")

    said(home, "plan", "tick", "1", "2")
    chosen = said(home, "plan", "change", "1", "--say", "I know you can walk in from the gate.")
    assert "I know you can walk in from the gate." in chosen
    for back, went in enumerate(("held", "held", "partly", "notyet", "held", "held", "held")):
        day = (TODAY - timedelta(days=back)).isoformat()
        said(home, "plan", "log", went, "--upset", "5", "--date", day)
    plan = said(home, "plan")
    assert "  1. [x] Driving all the way in" in plan and "  3. [ ] " in plan
    assert "What I say: I know you can walk in from the gate." in plan
    assert "my plan   Driving all the way in" in said(home, "journal", "search", "walk in from")
    assert "1 held" in plan  # only the evenings since the change began (today) count

    kept = plan_of(Journal(home / "journal"))
    assert [s.text for s in kept.ladder][:2] == ["Drive past the school", "Walk to the gate"]
    assert sorted(d.went for d in kept.days.values()) == ["full"] * 4 + ["off"] * 2 + ["part"]
    assert len(kept.held) == 7 and kept.change is not None


def test_steps_are_changed_moved_and_retired_without_losing_what_was_tried(
    zoomapp_home: Path,
) -> None:
    home = zoomapp_home
    for text in ("One", "Two", "Three"):
        said(home, "steps", "add", text)
    said(home, "steps", "tried", "3")
    said(home, "steps", "move", "3", "1")
    assert said(home, "steps").split("\n")[1].startswith("  1. Three")
    said(home, "steps", "edit", "1", "Three, with Ms Khan", "--hard", "5")
    said(home, "steps", "retire", "2")
    ladder = said(home, "steps")
    assert "  1. Three, with Ms Khan  5/10  - last noted today: part of it" in ladder
    assert "Retired: One" in ladder and "  2. Two" in ladder
    said(home, "steps", "not-today", "2", "--date", "yesterday")
    assert "  2. Two  - last noted yesterday: not today" in said(home, "steps")
    assert "Step done" not in said(home, "journal", "list")  # only a step done is a win


@pytest.mark.parametrize(
    ("args", "wanted"),
    [
        (("day", "sometimes"), "is not one of: full, part, none, off"),
        (("day", "full", "--at", "9:00"), "goes with part of the day"),
        (("day", "part", "--at", "25:00"), "is not a time of day"),
        (("day", "part", "--hard", "11"), "from 0 to 10"),
        (("day", "off", "--why", "bored"), "is not one of: weekend"),
        (("day", "full", "--date", "tomorrow"), ""),
        (("steps", "done", "9"), "There is no step 9"),
        (("steps", "add", "   "), "write a few words first"),
        (("plan", "tick", "99"), "Nothing is numbered 99"),
        (("plan", "log", "maybe"), "is not one of: held, partly, notyet"),
        (("plan", "change", "1", "--say", " "), "Say what you will tell your child"),
    ],
)
def test_a_mistake_is_one_line_exit_2_and_nothing_saved(
    zoomapp_home: Path, args: tuple[str, ...], wanted: str
) -> None:
    result = zoomapp(zoomapp_home, *args)
    err = one_clear_line(result)
    assert result.returncode == 2 and wanted in err and err.count("\n") == 1
    assert not (zoomapp_home / "journal").exists() or not list(
        (zoomapp_home / "journal").rglob("*.toml")
    )


def test_in_spanish(zoomapp_home: Path) -> None:
    out = said(zoomapp_home, "--lang", "es", "day", "part", "--at", "9.40")
    assert out.strip() == "Anotado para hoy: parte del día, llegó a las 09:40."
    said(zoomapp_home, "--lang", "es", "steps", "add", "Caminar hasta la puerta")
    assert "Pasos de vuelta a la escuela" in said(zoomapp_home, "--lang", "es", "steps")
    plan = said(zoomapp_home, "--lang", "es", "plan")
    assert "Llevarle hasta la puerta" in plan
    err = one_clear_line(zoomapp(zoomapp_home, "--lang", "es", "plan", "log", "quizas"))
    assert "no es una de estas opciones" in err


def test_locked_adding_never_asks_and_reading_does(
    zoomapp_home: Path, lock_template: tuple[Path, str]
) -> None:
    home = zoomapp_home
    said(home, "steps", "add", "Walk to the gate")
    folder, recovery = lock_template
    shutil.copytree(folder, home / "lock")
    said(home, "day", "full")  # no passphrase, no terminal: just added
    said(home, "plan", "log", "held")
    sealed = list((home / "journal").rglob("*.age"))
    assert len(sealed) == 2  # each addition a sealed part of its own
    plain = b"".join(p.read_bytes() for p in (home / "journal").rglob("*.toml"))
    assert b"[[school]]" not in plain and b"[[held]]" not in plain
    asked = zoomapp(home, "steps", stdin=subprocess.DEVNULL)
    assert asked.returncode == 2 and "passphrase" in one_clear_line(asked)
    key = home.parent / "recovery.txt"
    key.write_text(recovery + "\n")
    ladder = said(home, "steps", "--recovery-key-file", str(key))
    assert "1. Walk to the gate" in ladder
    done = said(home, "steps", "done", "1", "--recovery-key-file", str(key))
    assert "small win" in done


def test_the_shell_check_in_asks_about_school_after_its_three_questions(
    zoomapp_home: Path,
) -> None:
    home = zoomapp_home
    said(home, "steps", "add", "Walk to the gate")
    said(home, "plan", "change", "3", "--say", "I'm right next door.")
    answers = b"Got dressed\n\n\npart\nheld\nThe gate again\n"
    result = zoomapp(home, "checkin", input=answers)
    assert result.returncode == 0, result.stderr.decode()
    plan = plan_of(Journal(home / "journal"))
    assert plan.days[TODAY].went == "part" and [h.went for h in plan.held] == ["held"]
    assert plan.tomorrow == {TODAY: "The gate again"}
    three = zoomapp(home / "other", "checkin", input=b"A win\n\n\nmore lines\n")
    assert three.returncode == 0  # no plan begun: the three questions, the rest unread
    assert not (home / "other" / "journal").exists() or "more lines" not in str(
        list((home / "other" / "journal").rglob("*.toml"))[0].read_text()
    )


def test_progress_shows_the_school_weeks_and_weekdays(zoomapp_home: Path) -> None:
    home = zoomapp_home
    monday = TODAY - timedelta(days=TODAY.weekday() + 7)  # last week's Monday
    said(home, "day", "none", "--date", monday.isoformat())
    for offset in (1, 2, 3):
        said(home, "day", "full", "--date", (monday + timedelta(days=offset)).isoformat())
    said(home, "day", "part", "--at", "11:00", "--date", (monday + timedelta(days=4)).isoformat())
    said(home, "day", "off", "--why", "weekend", "--date", (monday + timedelta(days=5)).isoformat())
    said(home, "steps", "add", "Walk to the gate")
    said(home, "steps", "done", "1", "--date", (monday + timedelta(days=2)).isoformat())
    out = said(home, "journal", "progress", "--weeks", "2")
    rows = {line.split("  ")[0]: line.split()[-2:] for line in out.splitlines() if "  " in line}
    assert rows["At school"] == ["4", "-"] and rows["Steps done"] == ["1", "0"]
    assert "School days noted: 5 - all day: 3, part of the day: 1." in out
    assert "Monday 0 of 1, Tuesday 1 of 1" in out and "Steps done: 1 (Walk to the gate)." in out
    assert "missed" not in out.lower()


def test_the_page_for_a_meeting_leaves_feelings_out_unless_they_are_chosen(
    zoomapp_home: Path,
) -> None:
    from html.parser import HTMLParser

    class Words(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.said: list[str] = []

        def handle_data(self, data: str) -> None:
            self.said.append(data)

    home = zoomapp_home
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    said(home, "feeling", "Private words about my own night", "--date", yesterday)
    said(home, "strength", "So kind to his sister", "--date", yesterday)
    said(home, "day", "part", "--at", "10:00", "--date", yesterday)
    said(home, "steps", "add", "Walk to the gate")
    said(home, "steps", "done", "1", "--date", yesterday)
    said(home, "plan", "change", "2", "--say", "You've asked, and I've answered.")

    def page(*only: str) -> str:
        out = home / f"page{len(only)}.html"
        said(home, "journal", "export", "--format", "html", "-o", str(out), *only)
        words = Words()
        words.feed(out.read_text())
        return "\n".join(words.said)

    plain = page()
    assert "Private words" not in plain  # feelings only when chosen
    assert "The way back to school" in plain and "Next steps agreed:" in plain
    assert "School days noted: 1 - all day: 0, part of the day: 1." in plain
    assert "Steps done: 1 (Walk to the gate)." in plain and "So kind to his sister" in plain
    assert "What we say: You've asked, and I've answered." in plain
    chosen = page("--only", "wins,strengths,feelings,school")
    assert "Private words about my own night" in chosen
    data = json.loads(said(home, "journal", "export", "--format", "json"))
    notes = [n for d in data["days"] for n in d["school"]]
    assert {n["kind"] for n in notes} >= {"school", "ladder", "tried", "change"}
