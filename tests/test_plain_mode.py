"""Plain mode (`ground --plain`, `breathe --plain`, `zoom in|out --plain`): the core tasks
line by line, for a screen reader. Real processes read ratings on stdin and tell each line
when its moment comes; ZOOMAPP_PLAIN_SPEED makes their time run faster, so a whole
two-minute session takes about a second and is kept exactly as it would be.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import locked_keys
from zoomapp.core.content.model import Content
from zoomapp.core.content.packs import load_content
from zoomapp.core.journal.store import Journal
from zoomapp.core.practice.plain_session import (
    BreathGuide,
    StepGuide,
    phase_line,
    rating_from,
    seconds_in_words,
)
from zoomapp.core.practice.session_result import PATTERN, RECIPE, SessionResult
from zoomapp.core.practice.sessions import expand

SECTIONS = ("Breathe, 22 seconds.", "Your body, 30 seconds.", "Around you, 30 seconds.")
SECTIONS += ("Your child, 12 seconds.", "Their strengths, 12 seconds.", "Zoom out, 14 seconds.")


class Plain:
    """A real `zoomapp ... --plain` process: lines typed to it, lines read as they come."""

    def __init__(self, home: Path, *args: str, speed: float) -> None:
        env = {**os.environ, "ZOOMAPP_HOME": str(home), "ZOOMAPP_PLAIN_SPEED": str(speed)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "zoomapp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.arrived: queue.Queue[tuple[float, str | None]] = queue.Queue()
        self.lines: list[str] = []
        self.times: list[float] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.arrived.put((time.monotonic(), line.rstrip("\n")))
        self.arrived.put((time.monotonic(), None))

    def until(self, start: str, timeout: float = 20) -> str:
        """Read lines until one starts with `start`; that line."""
        deadline = time.monotonic() + timeout
        while True:
            when, line = self.arrived.get(timeout=max(0.01, deadline - time.monotonic()))
            assert line is not None, f"ended before {start!r}: {self.lines}"
            self.lines.append(line)
            self.times.append(when)
            if line.startswith(start):
                return line

    def type(self, text: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(text)
        self.process.stdin.flush()

    def end(self, timeout: float = 20) -> tuple[int, str]:
        """Close its input, read every line left; its exit code and what it said on stderr."""
        assert self.process.stdin is not None
        self.process.stdin.close()
        code = self.process.wait(timeout)
        while (line := self.arrived.get(timeout=timeout)[1]) is not None:
            self.lines.append(line)
        assert self.process.stderr is not None
        return code, self.process.stderr.read()


def sessions(home: Path) -> list[SessionResult]:
    return [s for day in Journal(home / "journal").days() for s in day.sessions]


def shell(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZOOMAPP_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "zoomapp", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        stdin=subprocess.DEVNULL,
    )


def prompts_of(content: Content, *decks: str) -> set[str]:
    return {prompt for deck in decks for prompt in content.decks[deck].prompts}


# --- real processes --------------------------------------------------------------------


def test_a_whole_grounding_session_by_lines_on_stdin_is_kept_with_both_ratings(
    zoomapp_home: Path,
) -> None:
    plain = Plain(zoomapp_home, "ground", "--plain", speed=100)
    assert plain.until("Two-minute grounding") == "Two-minute grounding, 2 min."
    plain.until("How tense do you feel?")
    started = time.monotonic()
    plain.type("7\n")
    plain.until("How tense do you feel now?")
    assert time.monotonic() - started >= 120 / 100  # each line waited for its moment
    told = plain.lines
    assert [line for line in told if line in SECTIONS] == list(SECTIONS)
    breath = told[told.index(SECTIONS[0]) + 1 : told.index(SECTIONS[1])]
    assert breath and all(line.startswith(("Breathe in for", "Breathe out for")) for line in breath)
    content = load_content()
    decks = ("body", "surroundings", "needs", "strengths", "perspective")
    shown = [line for line in told[told.index(SECTIONS[1]) :] if line not in SECTIONS]
    assert shown[:7] and set(shown[:7]) <= prompts_of(content, *decks)  # 2+2+1+1+1 prompts
    assert "Well done. You gave yourself 2 min." in told
    plain.type("4\n")
    code, errors = plain.end()
    assert (code, errors) == (0, "")
    assert plain.lines[-3:] == [
        "Before 7, now 4.",
        "It is in your journal.",
        "To note a small win from today: zoomapp win",
    ]
    (kept,) = sessions(zoomapp_home)
    assert (kept.kind, kept.item_id, kept.seconds, kept.ended_early) == (
        RECIPE,
        "two-minute",
        120,
        False,
    )
    assert (kept.rating_before, kept.rating_after) == (7, 4)
    found = shell(zoomapp_home, "journal", "search", "grounding").stdout
    assert "Two-minute grounding, 2 min, tension 7 to 4" in found


def test_breathing_says_each_phase_in_words_until_the_minutes_are_up(zoomapp_home: Path) -> None:
    plain = Plain(zoomapp_home, "breathe", "--plain", "box", "--minutes", "1", speed=24)
    plain.until("How tense do you feel?")
    plain.type("\n")  # Enter alone: no rating before
    plain.until("How tense do you feel now?")
    at = [n for n, line in enumerate(plain.lines) if line.endswith("for 4 seconds.")]
    box = ["Breathe in", "Hold", "Breathe out", "Hold"]
    assert [plain.lines[n] for n in at] == [f"{box[n % 4]} for 4 seconds." for n in range(15)]
    # each told as its moment came (less a margin: the first line may be read late)
    assert plain.times[at[-1]] - plain.times[at[0]] >= 0.8 * 14 * 4 / 24
    assert "Well done. You gave yourself 1 min." in plain.lines
    plain.type("2\n")
    assert plain.end() == (0, "")
    assert "Noted: 2 of 10." in plain.lines
    (kept,) = sessions(zoomapp_home)
    assert (kept.kind, kept.item_id, kept.seconds, kept.ended_early) == (PATTERN, "box", 60, False)
    assert (kept.rating_before, kept.rating_after) == (None, 2)


def test_breathing_with_no_pattern_lists_them_and_reads_a_number(zoomapp_home: Path) -> None:
    plain = Plain(zoomapp_home, "breathe", "--plain", "--minutes", "0.2", speed=60)
    plain.until("Type a number")
    assert "2. 4-7-8 breathing: A long, slow out-breath to settle. Good before sleep." in (
        plain.lines
    )
    plain.type("9\n")
    plain.until("Type a number from 1 to 6")
    plain.type("2\n")
    plain.until("4-7-8 breathing, 12 seconds.")
    plain.type("3\n")
    plain.until("Breathe in for 4 seconds.")
    assert plain.until("Hold for ") == "Hold for 7 seconds."
    assert plain.until("Breathe out for ") == "Breathe out for 1 second."  # cut short at 12 s
    plain.until("How tense do you feel now?")
    plain.type("\n")
    assert plain.end() == (0, "")
    (kept,) = sessions(zoomapp_home)
    assert (kept.item_id, kept.seconds, kept.rating_before, kept.rating_after) == (
        "4-7-8",
        12,
        3,
        None,
    )


def test_enter_ends_breathing_without_minutes_and_asks_how_you_feel_now(
    zoomapp_home: Path,
) -> None:
    plain = Plain(zoomapp_home, "breathe", "--plain", "long-exhale", speed=20)
    plain.until("How tense do you feel?")
    plain.type("8\n")
    plain.until("Breathe out for 6 seconds.")
    plain.until("Breathe in for 4 seconds.")  # the second breath: 10 s in
    plain.type("\n")
    plain.until("How tense do you feel now?")
    plain.type("5\n")
    assert plain.end() == (0, "")
    (kept,) = sessions(zoomapp_home)
    assert kept.item_id == "long-exhale" and kept.seconds >= 10
    assert (kept.ended_early, kept.rating_before, kept.rating_after) == (False, 8, 5)


def test_zoom_in_tells_each_part_and_its_prompts_and_is_kept(zoomapp_home: Path) -> None:
    plain = Plain(zoomapp_home, "zoom", "in", "--plain", speed=400)
    assert plain.until("Zoom in") == "Zoom in, 4 min."
    plain.until("Well done", timeout=30)  # nothing to type: zoom in asks no ratings
    code, errors = plain.end()
    assert (code, errors) == (0, "")
    parts = ["Your body, 1 min.", "Around you, 1 min.", "Your child, 1 min."]
    parts.append("Their strengths, 1 min.")
    told = plain.lines
    assert [line for line in told if line in parts] == parts
    content = load_content()
    shown = told[told.index(parts[0]) : told.index("Well done. You gave yourself 4 min.")]
    shown = [line for line in shown if line not in parts]
    assert len(shown) == 12
    assert set(shown) <= prompts_of(content, "body", "surroundings", "needs", "strengths")
    (kept,) = sessions(zoomapp_home)
    assert (kept.kind, kept.item_id, kept.seconds, kept.ended_early) == (
        RECIPE,
        "zoom-in",
        240,
        False,
    )
    assert (kept.rating_before, kept.rating_after) == (None, None)


def test_zoom_out_tells_its_prompts_then_where_a_worry_is_answered(zoomapp_home: Path) -> None:
    plain = Plain(zoomapp_home, "zoom", "out", "--plain", speed=300)
    plain.until("A worry on your mind?", timeout=30)
    assert plain.end() == (0, "")
    told = plain.lines
    assert told[0] == "Zoom out, 1 min 30 s."
    shown = told[2 : told.index("Well done. You gave yourself 1 min 30 s.")]
    assert len(shown) == 6 and set(shown) <= prompts_of(load_content(), "perspective")
    assert [s.item_id for s in sessions(zoomapp_home)] == ["zoom-out"]


@pytest.mark.parametrize("args", [("zoom", "out"), ("breathe", "box")])
def test_a_frightening_worry_typed_during_a_session_is_met_with_help_first(
    zoomapp_home: Path, args: tuple[str, ...]
) -> None:
    plain = Plain(zoomapp_home, "--country", "GB", *args, "--plain", speed=1)
    plain.until("Each line comes")
    if args[0] == "breathe":
        plain.until("How tense do you feel?")
        plain.type("I dont want to live anymore\n")  # not a rating: still help first
        plain.until("That sounds frightening, and it matters. Safety comes first.")
        plain.type("\n")
        plain.until("Breathe in")
    plain.type("what if I kill myself tonight\n")
    plain.until("That sounds frightening, and it matters. Safety comes first.")
    plain.until("Emergency: 999")  # the country's emergency number, straight after
    plain.type("what if he never goes back to school\n")  # an ordinary worry: kind words
    plain.type("\n")  # Enter alone still moves on
    code, err = plain.end()
    assert code == 0 and err == ""
    assert "Nothing you typed is kept." in "\n".join(plain.lines)  # kind words, no help card


def test_in_spanish_the_words_are_spanish(zoomapp_home: Path) -> None:
    args = ("--lang", "es", "breathe", "--plain", "coherent", "--minutes", "1")
    plain = Plain(zoomapp_home, *args, speed=24)
    assert plain.until("Respiración coherente") == "Respiración coherente, 1 min."
    plain.until("¿Cuánta tensión sientes?")
    plain.type("6\n")
    plain.until("¿Cuánta tensión sientes ahora?")
    assert plain.lines.count("Inhala durante 5,5 segundos.") == 5
    assert plain.lines.count("Exhala durante 5,5 segundos.") == 5
    assert "Inhala durante 5 segundos." in plain.lines  # cut short at the minute
    assert "Bien hecho. Te has regalado 1 min." in plain.lines
    plain.type("3\n")
    assert plain.end() == (0, "")
    assert plain.lines[-3:] == [
        "Antes 6, ahora 3.",
        "Ya está en tu diario.",
        "Para anotar un pequeño logro de hoy: zoomapp win",
    ]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("breathe", "--plain", "boxx"), "no breathing pattern 'boxx' - did you mean 'box'?"),
        (("ground", "--plain", "--recipe", "calm"), "no session recipe 'calm'"),
        (("breathe", "--plain", "box", "--minutes", "lots"), "--minutes needs a number"),
    ],
)
def test_an_unknown_pattern_or_recipe_is_one_clear_line_and_exit_2(
    zoomapp_home: Path, args: tuple[str, ...], named: str
) -> None:
    done = shell(zoomapp_home, *args)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.count("\n") == 1 and named in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize(
    ("number", "code"),
    [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM), (signal.SIGHUP, 129)],
)
def test_ctrl_c_or_a_closed_window_ends_early_and_the_session_is_kept(
    zoomapp_home: Path, number: int, code: int
) -> None:
    plain = Plain(zoomapp_home, "ground", "--plain", speed=20)
    plain.until("How tense do you feel?")
    plain.type("5\n")
    plain.until("Your body")  # 22 s in: long enough to keep
    plain.process.send_signal(number)
    assert plain.end() == (code, "")
    assert "Stopping early is fine." in plain.lines[-2]
    assert plain.lines[-1] == "It is in your journal."
    (kept,) = sessions(zoomapp_home)
    assert kept.item_id == "two-minute" and kept.ended_early
    assert 22 <= kept.seconds < 120 and kept.rating_before == 5


def test_the_end_of_the_input_ends_early_and_the_session_is_kept(zoomapp_home: Path) -> None:
    plain = Plain(zoomapp_home, "ground", "--plain", "--recipe", "one-minute", speed=10)
    plain.until("How tense do you feel?")
    plain.type("\n")
    plain.until("Your body")  # 20 s in, 40 s (4 real seconds) before the end
    assert plain.end() == (0, "")  # Ctrl+D, or the end of a pipe
    assert "Stopping early is fine." in " ".join(plain.lines)
    (kept,) = sessions(zoomapp_home)
    assert kept.item_id == "one-minute" and kept.ended_early and 20 <= kept.seconds < 60


def test_a_locked_journal_keeps_the_session_sealed_without_asking(
    zoomapp_home: Path, lock_template: tuple[Path, str]
) -> None:
    keys = locked_keys(lock_template, zoomapp_home)
    plain = Plain(zoomapp_home, "zoom", "out", "--plain", speed=300)
    plain.until("Well done", timeout=30)  # no passphrase asked, before or after
    assert plain.end() == (0, "")
    assert "It is in your journal." in plain.lines
    assert list((zoomapp_home / "journal").rglob("*.toml")) == []  # sealed, not plain
    kept = [s for day in Journal(zoomapp_home / "journal", keys=keys).days() for s in day.sessions]
    assert [s.item_id for s in kept] == ["zoom-out"]


def test_a_slip_under_ten_seconds_keeps_nothing(zoomapp_home: Path) -> None:
    done = shell(zoomapp_home, "zoom", "out", "--plain")  # stdin ends at once
    assert done.returncode == 0 and done.stderr == ""
    assert "journal" not in done.stdout
    assert sessions(zoomapp_home) == []


# --- the guides, with time moved by hand ------------------------------------------------


def test_the_step_guide_tells_each_line_once_when_its_moment_comes() -> None:
    import random

    content = load_content()
    plan = expand(content.recipes["one-minute"], content, random.Random(4))
    guide = StepGuide(plan, content)
    first = guide.tell(0.0)
    assert first.lines == ("Breathe, 20 seconds.", "Breathe in for 4 seconds.")
    assert first.wait == 4
    assert guide.tell(2.0).lines == ()
    assert guide.tell(4.2).lines == ("Breathe out for 6 seconds.",)  # a moment late: still 6
    assert guide.tell(20.0).lines[0] == "Your body, 15 seconds."
    guide.enter(21.0)  # Enter: on at once
    assert guide.tell(21.0).lines[0] == "Around you, 13 seconds."
    assert guide.tell(60.0).over
    result = guide.result(plan_start(), 60.0, 3)
    assert (result.seconds, result.ended_early, result.rating_before) == (46, False, 3)


def test_a_step_waits_for_enter_when_steps_do_not_move_on_by_themselves() -> None:
    import random

    content = load_content()
    plan = expand(content.recipes["zoom-out"], content, random.Random(1))
    guide = StepGuide(plan, content, auto_advance=False)
    assert guide.tell(0.0).wait == 15
    waiting = guide.tell(15.0)
    assert waiting.lines == ("Take all the time you need. Press Enter to go on.",)
    assert waiting.wait is None and not waiting.over
    assert guide.tell(40.0).lines == ()  # said once
    guide.enter(40.0)
    assert guide.tell(40.0).lines == (plan.steps[1].prompt,)


def test_breathing_ends_at_its_minutes_and_a_cut_short_phase_says_so() -> None:
    content = load_content()
    guide = BreathGuide(content.patterns["4-7-8"], content, minutes=0.5)
    assert guide.tell(0.0).lines[-1] == "Breathe in for 4 seconds."  # after its kind note
    assert guide.tell(19.0).lines == ("Breathe in for 4 seconds.",)
    assert guide.tell(23.0).lines == ("Hold for 7 seconds.",)
    assert guide.tell(30.0).over
    result = guide.result(plan_start(), 31.0, None)
    assert (result.kind, result.seconds, result.ended_early) == (PATTERN, 30, False)
    short = BreathGuide(content.patterns["box"], content, minutes=1)
    short.enter(20.0)
    assert short.tell(21.0).over
    assert short.result(plan_start(), 21.0, 4).ended_early


def test_times_and_ratings_in_words() -> None:
    english, spanish = load_content(), load_content([], "es")
    assert seconds_in_words(5.5, english) == "5.5"
    assert seconds_in_words(5.5, spanish) == "5,5"
    assert seconds_in_words(4.0, spanish) == "4"
    sigh = english.patterns["sigh"]
    assert phase_line(sigh.phases[1], 1, english) == "Breathe in again for 1 second."
    assert phase_line(sigh.phases[2], 6, spanish) == "Exhala durante 6 segundos."
    assert [rating_from(t) for t in ("7", " 10 ", "t", "0")] == [7, 10, 10, 0]
    assert [rating_from(t) for t in ("11", "-1", "seven", "")] == [None] * 4


def plan_start():  # type: ignore[no-untyped-def]
    from datetime import datetime

    return datetime(2026, 11, 22, 8, 14)
