"""The evening entry from the shell: feelings, words kept out of history, several lines,
dates in words, Spanish, progress and the exports to take to a meeting."""

from __future__ import annotations

import io
import json
import os
import stat
import subprocess
import sys
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import run
from zoomapp.core.journal.store import Journal
from zoomapp.core.practice.sessions import SessionResult

BIN = Path(sys.executable).with_name("zoomapp")


def journal(home: Path) -> Journal:
    return Journal(home / "journal")


def test_a_feeling_is_added_to_the_day_and_nothing_before_is_lost(capsys, zoomapp_home) -> None:
    assert run(capsys, "feeling", "Tired.")[0] == 0
    code, out, _ = run(capsys, "feeling", "A little proud", "too.")
    assert code == 0 and out == "Saved how you feel, for today: A little proud too.\n"
    assert journal(zoomapp_home).read_day(date.today()).feeling == "Tired.\n\nA little proud too."


def test_words_piped_in_keep_their_lines_and_stay_out_of_history(
    capsys, zoomapp_home, monkeypatch
) -> None:
    words = "A hard morning.\n\n\n\nBut   at four he laughed.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(words.encode())))
    code, out, _ = run(capsys, "win")
    assert code == 0 and out.startswith("Saved your win for today: A hard morning.\n\nBut at")
    [win] = journal(zoomapp_home).read_day(date.today()).wins
    assert win.text == "A hard morning.\n\nBut at four he laughed."
    code, out, _ = run(capsys, "journal", "list")
    lines = out.splitlines()
    assert lines[0].endswith("win       A hard morning.") and lines[1] == ""
    assert lines[2].strip() == "But at four he laughed."
    assert lines[2].startswith(" " * 20)  # under the first line, not at the margin


def test_nothing_piped_in_saves_nothing_and_a_script_can_tell(
    capsys, zoomapp_home, monkeypatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"  \n")))
    code, _, err = run(capsys, "strength")
    assert code == 2 and err.startswith("zoomapp: Nothing came in, so nothing was saved")
    assert not (zoomapp_home / "journal").exists()


def test_nothing_typed_on_a_terminal_is_fine(capsys, zoomapp_home, monkeypatch) -> None:
    typed = io.TextIOWrapper(io.BytesIO(b"\n"))
    monkeypatch.setattr(typed, "isatty", lambda: True)
    monkeypatch.setattr(sys, "stdin", typed)
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    code, out, _ = run(capsys, "win")
    assert code == 0 and out == "Nothing was written, so nothing was saved.\n"
    assert not (zoomapp_home / "journal").exists()


def _editor(tmp_path: Path, body: str) -> str:
    script = tmp_path / "editor.sh"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(0o700)
    return str(script)


def test_the_editor_writes_the_words_and_its_draft_goes_once_saved(tmp_path, zoomapp_home) -> None:
    editor = _editor(
        tmp_path, 'ls -l "$1" > "$1.mode"; printf "Shoes on\\nand out the door" >> "$1"'
    )
    env = {**os.environ, "EDITOR": editor, "VISUAL": ""}
    done = subprocess.run(
        ["script", "-qec", f"{BIN} win", "/dev/null"], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout
    [win] = journal(zoomapp_home).read_day(date.today()).wins
    assert win.text == "Shoes on\nand out the door"
    drafts = zoomapp_home / "drafts"
    assert not (drafts / "shell-wins.txt").exists()
    assert (drafts / "shell-wins.txt.mode").read_text().startswith("-rw-------")
    assert stat.S_IMODE(drafts.stat().st_mode) == 0o700


def test_an_editor_that_fails_keeps_the_draft_and_saves_nothing(tmp_path, zoomapp_home) -> None:
    editor = _editor(tmp_path, 'printf "Half a thought" > "$1"; exit 3')
    env = {**os.environ, "EDITOR": editor, "VISUAL": ""}
    done = subprocess.run(
        ["script", "-qec", f"{BIN} win", "/dev/null"], env=env, capture_output=True, text=True
    )
    assert "did not finish (exit code 3)" in done.stdout and "Traceback" not in done.stdout
    assert (zoomapp_home / "drafts" / "shell-wins.txt").read_text() == "Half a thought"
    assert not (zoomapp_home / "journal").exists()
    # The next try opens those words again: nothing typed is lost.
    editor = _editor(tmp_path, 'printf ", finished" >> "$1"')
    env["EDITOR"] = editor
    subprocess.run(["script", "-qec", f"{BIN} win", "/dev/null"], env=env, capture_output=True)
    assert journal(zoomapp_home).read_day(date.today()).wins[0].text == "Half a thought, finished"


@pytest.mark.parametrize(
    ("typed", "days_back"), [("yesterday", 1), ("2 days ago", 2), ("1 week ago", 7)]
)
def test_dates_in_words(capsys, zoomapp_home, typed: str, days_back: int) -> None:
    code, _, _ = run(capsys, "win", "--date", typed, "Shoes on")
    assert code == 0
    day = date.today() - timedelta(days=days_back)
    assert journal(zoomapp_home).read_day(day).wins[0].text == "Shoes on"


def test_spanish_dates_messages_and_list(capsys, zoomapp_home) -> None:
    code, out, _ = run(capsys, "--lang", "es", "win", "--date", "hace 2 días", "Desayunamos")
    assert code == 0 and out.startswith("Guardé tu logro de ")
    code, out, _ = run(capsys, "--lang", "es", "journal", "list")
    assert "logro" in out and "Desayunamos" in out
    code, _, err = run(capsys, "--lang", "es", "win", "--date", "pronto", "x")
    assert code == 2 and "no es una fecha que entienda" in err
    code, _, err = run(capsys, "--lang", "xx", "win", "x")
    assert code == 2 and "no packs in language 'xx'" in err


def test_a_future_date_in_words_is_refused(capsys, zoomapp_home) -> None:
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    code, _, err = run(capsys, "feeling", "--date", tomorrow, "x")
    assert code == 2 and "has not come yet" in err
    assert not (zoomapp_home / "journal").exists()


def _a_few_weeks(home: Path) -> None:
    book = journal(home)
    today = date.today()
    for back in (0, 1, 8, 9, 10):
        book.add("wins", f"Win {back} days back", day=today - timedelta(days=back))
    book.add("strengths", "Patient with his sister", day=today)
    book.set_feeling(today, "Tired,\nand a little proud")
    started = book.now().replace(microsecond=0) - timedelta(hours=1)
    book.record_session(SessionResult("recipe", "two-minute", started, 120, False, 8, 4))


def test_progress_in_the_shell(capsys, zoomapp_home) -> None:
    _a_few_weeks(zoomapp_home)
    code, out, _ = run(capsys, "journal", "progress", "--weeks", "4")
    assert code == 0
    assert "Small wins" in out and "Tension before" in out and "█" in out
    assert "On average, a session brought your tension down by 4.0" in out
    rows = {line.split("  ")[0]: line for line in out.splitlines() if line[:1].isalpha()}
    assert rows["Small wins"].split()[-4:] == _wins_in_the_last_four_weeks()


def _wins_in_the_last_four_weeks() -> list[str]:
    today = date.today()
    this_week = today - timedelta(days=today.weekday())
    counts = [0, 0, 0, 0]  # oldest week first, as the chart shows them
    for back in (0, 1, 8, 9, 10):
        day = today - timedelta(days=back)
        weeks_ago = (this_week - (day - timedelta(days=day.weekday()))).days // 7
        counts[3 - weeks_ago] += 1
    return [str(c) for c in counts]


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.references: list[str] = []
        self.sections: list[str] = []
        self.classes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        for name in ("src", "href", "xlink:href", "action", "srcset", "data"):
            if name in values:
                self.references.append(f"{tag} {name}")
        if tag == "section" and values.get("id"):
            self.sections.append(values["id"] or "")
        if tag == "ul" and values.get("class"):
            self.classes.append(values["class"] or "")


def test_html_export_is_one_self_contained_page_with_the_chosen_entries(
    capsys, zoomapp_home, tmp_path
) -> None:
    _a_few_weeks(zoomapp_home)
    target = tmp_path / "for-the-meeting.html"
    code, out, _ = run(
        capsys,
        "journal",
        "export",
        "--format",
        "html",
        "--only",
        "wins,strengths",
        "-o",
        str(target),
    )
    assert code == 0 and "readable by you alone" in out
    page = target.read_text()
    parsed = _Page()
    parsed.feed(page)
    assert parsed.references == []  # no scripts, images, fonts, links or stylesheets
    assert "script" not in parsed.tags and "link" not in parsed.tags
    assert "://" not in page and "url(" not in page and "@import" not in page
    assert "svg" in parsed.tags and "rect" in parsed.tags and "polyline" in parsed.tags
    assert parsed.sections == ["summary", "helps", "entries"]
    assert set(parsed.classes) == {"wins", "strengths"}  # no feeling, no sessions
    assert "Patient with his sister" in page and "a little proud" not in page
    assert "@page" in page  # sized by the printer: A4 or Letter
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_markdown_export_opens_with_the_summary_and_keeps_lines(capsys, zoomapp_home) -> None:
    _a_few_weeks(zoomapp_home)
    code, out, _ = run(capsys, "journal", "export", "--format", "md", "--only", "feelings")
    assert code == 0
    assert "## Summary\n\nDays with something written: 5. Small wins: 5." in out
    assert "## What helps me\n\n- Two-minute grounding: 1 session: 4.0 calmer" in out
    assert "**How I felt:** Tired,\n  and a little proud" in out
    assert "Win 0 days back" not in out  # --only feelings
    code, out, _ = run(capsys, "--lang", "es", "journal", "export", "--format", "md")
    assert code == 0 and ": 4,0 menos de tensión, en promedio" in out  # the numbers, Spanish


def test_only_names_the_kinds_it_knows(capsys, zoomapp_home) -> None:
    code, _, err = run(capsys, "journal", "export", "--format", "html", "--only", "wins,moods")
    assert code == 2 and "no kind of entry 'moods'" in err


def test_json_export_with_only_leaves_out_what_was_not_chosen(capsys, zoomapp_home) -> None:
    _a_few_weeks(zoomapp_home)
    code, out, _ = run(capsys, "journal", "export", "--format", "json", "--only", "strengths")
    days = json.loads(out)["days"]
    assert code == 0 and len(days) == 1 and days[0]["wins"] == []


JRNL_EXPORT = {
    "tags": {"@school": 1},
    "entries": [
        {
            "title": "Got to the gate @school.",
            "body": "He waved.\n",
            "date": "2024-03-05",
            "time": "08:10",
            "tags": ["@school"],
            "starred": False,
        },
        {
            "title": "Brave",
            "body": "",
            "date": "2024-03-06",
            "time": "09:00",
            "tags": ["@strength"],
        },
        {"title": "", "body": "", "date": "2024-03-07", "time": "09:00", "tags": []},
        {"title": "x", "body": "", "date": "someday", "time": "09:00", "tags": []},
    ],
}


def test_jrnl_import_brings_entries_in_once_and_never_overwrites(
    capsys, zoomapp_home, tmp_path
) -> None:
    source = tmp_path / "jrnl.json"
    source.write_text(json.dumps(JRNL_EXPORT))
    book = journal(zoomapp_home)
    book.add("wins", "Written here first", day=date(2024, 3, 5))
    code, out, err = run(capsys, "journal", "import", str(source))
    assert code == 0 and f"New entries brought in from {source}: 2." in out
    assert "no words: 1; a date that cannot be read: 1." in err
    day = book.read_day(date(2024, 3, 5))
    assert [w.text for w in day.wins] == [
        "Written here first",
        "Got to the gate #school.\nHe waved.",
    ]
    assert day.wins[1].tags == ("school",) and f"{day.wins[1].at:%H:%M}" == "08:10"
    assert [s.text for s in book.read_day(date(2024, 3, 6)).strengths] == ["Brave"]
    before = {p: p.read_bytes() for p in (zoomapp_home / "journal").rglob("*.toml")}
    stamps = {p: p.stat().st_mtime_ns for p in before}
    code, out, _ = run(capsys, "journal", "import", str(source))
    assert code == 0 and f"{source}: 0." in out and "left as they are: 2" in out
    assert {p: p.read_bytes() for p in (zoomapp_home / "journal").rglob("*.toml")} == before
    assert {p: p.stat().st_mtime_ns for p in before} == stamps  # nothing new: not rewritten
    broken = zoomapp_home / "journal" / "2024" / "2024-03-05.sync-conflict-20240306-101500-X.toml"
    broken.write_text("[[wins]\n")
    code, _, err = run(capsys, "journal", "import", str(source))
    assert code == 0 and "2024-03-05.toml could not be read" in err  # moved aside, and said
    assert not broken.exists() and list(broken.parent.glob("*unreadable*"))


def test_jrnl_import_says_why_each_entry_was_left_out(capsys, zoomapp_home, tmp_path) -> None:
    from datetime import timedelta

    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    entries = [
        {"title": "Kept", "body": "", "date": "2024-03-05", "time": "08:10", "tags": []},
        {"title": "x" * 5001, "body": "", "date": "2024-03-05", "time": "09:00"},
        {"title": "Spaced", "body": "", "date": "2024-03-05", "tags": ["@two words"]},
        {"title": "Later", "body": "", "date": tomorrow, "time": "09:00", "tags": []},
    ]
    source = tmp_path / "jrnl.json"
    source.write_bytes(b"\xef\xbb\xbf" + json.dumps({"entries": entries}).encode())  # a BOM
    code, out, err = run(capsys, "journal", "import", str(source))
    assert code == 0 and f"{source}: 2." in out
    assert "over 5000 characters: 1; dated after today: 1." in err
    assert "Brought in without a tag that was not one short word: 1." in err
    kept = journal(zoomapp_home).read_day(date(2024, 3, 5)).wins
    assert [(w.text, w.tags) for w in kept] == [("Kept", ()), ("Spaced", ())]


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b'{"entries": 3}', "is not jrnl's JSON export"),
        (b"\xff\xfe", "is not jrnl's JSON"),
        (b'{"entries": [' + b"[" * 5000 + b"]" * 5000 + b"]}", "is not jrnl's JSON export"),
    ],
    ids=["not-a-list", "not-utf8", "nested-5000-deep"],
)
def test_a_file_that_is_not_jrnls_export_is_refused(
    capsys, zoomapp_home, tmp_path, body: bytes, says: str
) -> None:
    source = tmp_path / "x.json"
    source.write_bytes(body)
    code, _, err = run(capsys, "journal", "import", str(source))
    assert code == 2 and says in err and err.count("\n") == 1
    assert not (zoomapp_home / "journal").exists()


def test_search_in_the_shell_finds_feelings_and_sessions(capsys, zoomapp_home) -> None:
    book = journal(zoomapp_home)
    book.set_feeling(date.today(), "Worried about school")
    started = book.now().replace(microsecond=0)
    book.record_session(SessionResult("recipe", "two-minute", started, 120, False, 8, 4))
    code, out, _ = run(capsys, "journal", "search", "school")
    assert code == 0 and "feeling   Worried about school" in out
    code, out, _ = run(capsys, "journal", "search", "grounding")
    assert code == 0 and "session   Two-minute grounding, 2 min, tension 8 to 4" in out
