"""The journal store: every field round-trips, hand-written files are read, nothing is lost."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tomllib
from datetime import date, datetime
from pathlib import Path

import pytest

from zoomapp.core import files
from zoomapp.core.content.packs import load_content
from zoomapp.core.journal.data_export import to_jrnl, to_json
from zoomapp.core.journal.markdown_export import to_markdown
from zoomapp.core.journal.progress import what_helps
from zoomapp.core.journal.store import Journal, JournalError
from zoomapp.core.practice.sessions import SessionResult

NOW = datetime(2026, 11, 22, 8, 14, 30)
TODAY = NOW.date()


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal", now=lambda: NOW)


def mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


def test_every_field_round_trips(journal: Journal) -> None:
    journal.add("wins", "He looked at the school gate from the car #school", ["car"])
    journal.add("strengths", "So gentle with the cat")
    journal.set_feeling(TODAY, "tired, a little hopeful")
    journal.record_session(
        SessionResult("recipe", "two-minute", NOW, 118, False, rating_before=7, rating_after=4)
    )
    journal.record_session(SessionResult("pattern", "box", NOW, 60, True))
    day = journal.read_day(TODAY)
    [win] = day.wins
    assert (win.at, win.text, win.tags) == (
        datetime(2026, 11, 22, 8, 14, 30),
        "He looked at the school gate from the car #school",
        ("car", "school"),
    )
    assert day.strengths[0].text == "So gentle with the cat"
    assert day.feeling == "tired, a little hopeful"
    first, second = day.sessions
    assert (first.kind, first.item_id, first.seconds, first.ended_early) == (
        "recipe",
        "two-minute",
        118,
        False,
    )
    assert (first.rating_before, first.rating_after) == (7, 4)
    assert (second.item_id, second.ended_early, second.rating_before) == ("box", True, None)


def test_the_file_is_the_documented_toml(journal: Journal) -> None:
    saved = journal.add("wins", "We got dressed", ["school"])
    assert saved.path == journal.folder / "2026" / "2026-11-22.toml"
    doc = tomllib.loads(saved.path.read_text())
    assert doc == {
        "format": 1,
        "date": date(2026, 11, 22),
        "wins": [
            {"at": datetime(2026, 11, 22, 8, 14, 30), "text": "We got dressed", "tags": ["school"]}
        ],
    }
    assert "at = 2026-11-22T08:14:30" in saved.path.read_text()


def test_files_and_folders_are_private(journal: Journal) -> None:
    saved = journal.add("wins", "Breakfast together")
    assert mode(saved.path) == 0o600
    assert mode(saved.path.parent) == 0o700 and mode(journal.folder) == 0o700


def test_a_hand_written_file_is_read_and_its_comments_survive_an_add(journal: Journal) -> None:
    path = journal.path_for(TODAY)
    path.parent.mkdir(parents=True)
    path.write_text(
        '# my notes\n[[wins]]\nat = 2026-11-22T07:00:00\ntext = "Shoes on"\ntags = ["morning"]\n'
        '\n[[wins]]\ntext = "No time given"\n'
    )
    day = journal.read_day(TODAY)
    assert [w.text for w in day.wins] == ["Shoes on", "No time given"]
    assert day.wins[1].at == datetime(2026, 11, 22)
    journal.add("wins", "Out of the door")
    text = path.read_text()
    assert text.startswith("# my notes\n")
    assert [w.text for w in journal.read_day(TODAY).wins] == [
        "Shoes on",
        "No time given",
        "Out of the door",
    ]


def test_unknown_keys_written_by_hand_are_kept(journal: Journal) -> None:
    path = journal.path_for(TODAY)
    path.parent.mkdir(parents=True)
    path.write_text('mood_colour = "blue"\n[[wins]]\ntext = "A"\nplace = "park"\n')
    entry = journal.read_day(TODAY).wins[0]
    journal.edit(entry, "A, at last")
    doc = tomllib.loads(path.read_text())
    assert doc["mood_colour"] == "blue" and doc["wins"][0]["place"] == "park"
    assert doc["wins"][0]["text"] == "A, at last"


def test_edit_and_delete(journal: Journal) -> None:
    journal.add("wins", "first")
    journal.add("wins", "second #school")
    first, second = journal.read_day(TODAY).wins
    journal.edit(second, "second, edited", ["calm"])
    assert journal.read_day(TODAY).wins[1].tags == ("calm",)
    journal.delete(first)
    assert [w.text for w in journal.read_day(TODAY).wins] == ["second, edited"]
    with pytest.raises(JournalError, match="error_changed"):
        journal.delete(first)


def test_an_unreadable_day_is_set_aside_and_never_overwritten(journal: Journal) -> None:
    path = journal.path_for(TODAY)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"[[wins]\ntext = 'broken")
    assert journal.read_day(TODAY).wins == []
    assert journal.skipped and journal.skipped[0].path == path
    saved = journal.add("wins", "Still a win")
    assert saved.set_aside_as is not None
    assert saved.set_aside_as.read_bytes() == b"[[wins]\ntext = 'broken"
    assert "unreadable-" in saved.set_aside_as.name
    assert [w.text for w in journal.read_day(TODAY).wins] == ["Still a win"]


@pytest.mark.parametrize(
    "body",
    [b"\xff\xfe", b"format = 7\n", b"wins = 3\n", b"[[wins]]\nat = 2026-11-22T08:00:00\n"],
)
def test_files_of_the_wrong_shape_are_set_aside_too(journal: Journal, body: bytes) -> None:
    path = journal.path_for(TODAY)
    path.parent.mkdir(parents=True)
    path.write_bytes(body)
    saved = journal.add("wins", "ok")
    assert saved.set_aside_as is not None and saved.set_aside_as.read_bytes() == body


def test_an_exception_between_write_and_replace_leaves_the_old_file(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved = journal.add("wins", "kept")
    before = saved.path.read_bytes()

    def boom(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", boom)
    with pytest.raises(JournalError, match="error_save.*the disk is full"):
        journal.add("wins", "lost?")
    assert saved.path.read_bytes() == before
    assert [p.name for p in saved.path.parent.iterdir()] == [saved.path.name]


KILLER = """
import os, sys
from datetime import datetime
from pathlib import Path
from zoomapp.core import files
from zoomapp.core.journal.store import Journal
real = os.replace
def die(*args):
    os.kill(os.getpid(), 9)
files.os.replace = die
Journal(Path(sys.argv[1]), now=lambda: datetime(2026, 11, 22, 9, 0)).add("wins", "never acknowledged")
"""


def test_a_kill_between_write_and_replace_leaves_the_old_file(journal: Journal) -> None:
    saved = journal.add("wins", "kept")
    before = saved.path.read_bytes()
    result = subprocess.run([sys.executable, "-c", KILLER, str(journal.folder)])
    assert result.returncode == -signal.SIGKILL
    assert saved.path.read_bytes() == before
    assert list(saved.path.parent.glob("*.tmp"))  # the killed save left its temp file
    journal.add("wins", "the lock was released by the kernel")
    assert len(journal.read_day(TODAY).wins) == 2
    assert not list(saved.path.parent.glob("*.tmp"))  # and the next save cleared it


def _writer(folder: str, name: str, count: int) -> None:
    journal = Journal(Path(folder), now=lambda: NOW)
    for number in range(count):
        journal.add("wins", f"{name} {number}")


def test_two_processes_adding_to_the_same_day_lose_nothing(journal: Journal) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(target=_writer, args=(str(journal.folder), name, 200)) for name in "ab"
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
    texts = {w.text for w in journal.read_day(TODAY).wins}
    assert len(texts) == 400
    assert {f"a {n}" for n in range(200)} | {f"b {n}" for n in range(200)} == texts


def test_adding_touches_only_that_days_file(journal: Journal) -> None:
    journal.add("wins", "old", day=date(2020, 1, 1))
    old = journal.path_for(date(2020, 1, 1))
    stamp = old.stat().st_mtime_ns
    journal.add("wins", "new")
    assert old.stat().st_mtime_ns == stamp


def test_list_search_month_and_strengths(journal: Journal) -> None:
    journal.add("wins", "Shoes on #morning", day=date(2026, 11, 2))
    journal.add("wins", "School gate", ["school"], day=date(2026, 11, 20))
    journal.add("strengths", "Kind to his sister", day=date(2026, 11, 20))
    journal.add("wins", "Played outside", day=date(2026, 10, 30))
    newest = [e.text for e in journal.entries()]
    assert set(newest[:2]) == {"Kind to his sister", "School gate"}  # same day and time
    assert newest[2:] == ["Shoes on #morning", "Played outside"]
    assert [e.text for e in journal.entries(date(2026, 11, 1), date(2026, 11, 19))] == [
        "Shoes on #morning"
    ]
    assert [e.text for e in journal.search("SHOES")] == ["Shoes on #morning"]
    assert [e.text for e in journal.search(tags=["school"])] == ["School gate"]
    assert journal.search("gate", ["morning"]) == []
    assert journal.month(2026, 11) == {2: 1, 20: 1}
    journal.add("strengths", "Patient", day=date(2026, 11, 5))  # a day without a win ...
    journal.set_feeling(date(2026, 11, 6), "Tired")
    assert journal.month(2026, 11) == {2: 1, 5: 0, 6: 0, 20: 1}  # ... still has its mark
    assert journal.strengths() == ["Kind to his sister", "Patient"]


def test_what_helps_averages_the_change_in_tension() -> None:
    rows = what_helps(
        iter(
            [
                SessionResult("recipe", "two-minute", NOW, 120, False, 8, 4),
                SessionResult("recipe", "two-minute", NOW, 120, False, 6, 4),
                SessionResult("pattern", "box", NOW, 60, False, 5, 5),
                SessionResult("pattern", "box", NOW, 60, False),
            ]
        )
    )
    assert rows[0][:5] == ("recipe", "two-minute", 2, 2, -3.0)
    assert rows[1][:5] == ("pattern", "box", 2, 1, 0.0)


def test_empty_text_is_refused_and_nothing_is_written(journal: Journal) -> None:
    with pytest.raises(JournalError, match="empty"):
        journal.add("wins", "   ")
    assert not journal.folder.exists()


def test_exports(journal: Journal) -> None:
    journal.add("wins", "Shoes on #morning")
    journal.add("strengths", "Brave at the gate")
    journal.record_session(SessionResult("recipe", "two-minute", NOW, 120, False, 7, 3))
    days = list(journal.days())
    markdown = to_markdown(days, load_content())
    assert markdown.startswith("# Journal of small wins\n\nFrom 22 November 2026 to 22 November")
    assert "## Summary\n\nDays with something written: 1. Small wins: 1." in markdown
    assert "On average, a session brought your tension down by 4.0" in markdown
    assert "## Sunday 22 November 2026" in markdown
    assert "- 08:14 Shoes on #morning" in markdown and "Brave at the gate" in markdown
    assert "- 08:14  Two-minute grounding, 2 min, tension 7 to 3" in markdown
    spanish = to_markdown(days, load_content(language="es"))
    assert spanish.startswith("# Diario de pequeños logros")
    assert "## domingo 22 de noviembre de 2026" in spanish
    assert "**Pequeños logros**" in spanish and "Shoes on #morning" in spanish
    data = json.loads(to_json(days))
    assert data["days"][0]["wins"][0] == {
        "at": "2026-11-22T08:14:30",
        "text": "Shoes on #morning",
        "tags": ["morning"],
    }
    assert data["days"][0]["sessions"][0]["rating_after"] == 3
    jrnl = to_jrnl(days)
    assert "[2026-11-22 08:14:30 AM] Shoes on @morning" in jrnl
    assert "[2026-11-22 08:14:30 AM] Brave at the gate @strength" in jrnl


def test_a_folder_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        journal = Journal(blocker / "journal", now=lambda: NOW)
    else:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        journal = Journal(locked / "journal", now=lambda: NOW)
    with pytest.raises(JournalError, match="error_journal_folder"):
        journal.add("wins", "x")


ACK_WRITER = """
import sys
from datetime import datetime
from pathlib import Path
from zoomapp.core.journal.store import Journal
journal = Journal(Path(sys.argv[1]), now=lambda: datetime(2026, 11, 22, 9, 0))
for number in range(100000):
    text = f"{sys.argv[2]} {number}"
    journal.add("wins", text)
    print(text, flush=True)  # acknowledged only once saved
"""


def test_random_kills_during_saves_lose_no_acknowledged_win(tmp_path: Path) -> None:
    import random
    import time

    folder = tmp_path / "journal"
    rng = random.Random(5)
    acknowledged: set[str] = set()
    for round_number in range(6):
        writers = [
            subprocess.Popen(
                [sys.executable, "-c", ACK_WRITER, str(folder), f"w{round_number}{name}"],
                stdout=subprocess.PIPE,
                text=True,
            )
            for name in "ab"
        ]
        time.sleep(0.3 + rng.random() * 0.4)
        for writer in writers:
            writer.send_signal(signal.SIGKILL)
        for writer in writers:
            out, _ = writer.communicate()
            acknowledged |= set(out.splitlines())
    journal = Journal(folder, now=lambda: NOW)
    for path in folder.rglob("*.toml"):
        tomllib.loads(path.read_text())  # every file parses
    stored = {w.text for w in journal.read_day(TODAY).wins}
    assert acknowledged and acknowledged <= stored
    assert not journal.skipped


def test_tension_is_0_to_10_and_old_0_to_9_ratings_keep_their_meaning(journal: Journal) -> None:
    path = journal.path_for(TODAY)
    path.parent.mkdir(parents=True)
    path.write_text(  # written before the 0-10 scale: 9 was "overwhelmed"
        '[[sessions]]\nkind = "pattern"\nid = "box"\nstarted = 2026-11-22T07:00:00\n'
        "seconds = 60\nended_early = false\nrating_before = 9\nrating_after = 0\n"
    )
    journal.record_session(SessionResult("pattern", "box", NOW, 60, False, 10, 0))
    old, new = journal.read_day(TODAY).sessions
    assert (old.scale, new.scale) == (9, 10) and new.rating_before == 10
    assert "rating_scale = 10" in path.read_text()
    [row] = what_helps(journal.sessions())
    assert row.change == pytest.approx(-10.0)  # both: from overwhelmed to calm
    content = load_content()
    assert content.session_line(old).endswith("tension 9 to 0 (on the old 0-9 scale)")
    assert content.session_line(new).endswith("tension 10 to 0")
