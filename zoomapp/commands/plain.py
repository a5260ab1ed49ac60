"""Plain mode (`ground --plain`, `breathe --plain`, `zoom in|out --plain`): the session told
line by line on standard output, each line the moment it is due, for a screen reader or
for a moment when the full screen is too much.

Ratings are digits and Enter (an empty line skips). Enter moves on, as space does in the
app (in breathing it ends, as Esc does). Ctrl+C, Ctrl+D, a closed window or a kill end the
session early, and it is kept in the journal exactly as the app keeps it. Core only: it
starts without Textual.
"""

from __future__ import annotations

import argparse
import contextlib
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple, Protocol

from zoomapp.commands.plain_input import (
    LineReader,
    WindowClosed,
    closing_ends_the_session,
    say_now,
    session_clock,
    stdin_reader,
)
from zoomapp.commands.whatif import Answerer, answerer
from zoomapp.core.clock import Clock, spoken_duration
from zoomapp.core.content.model import Content
from zoomapp.core.errors import JournalError
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.practice.own_words import plan_for
from zoomapp.core.practice.plain_session import BreathGuide, StepGuide, rating_from
from zoomapp.core.practice.session_result import SessionResult
from zoomapp.shell import read_workspace, unknown_choice, warn

if TYPE_CHECKING:
    from datetime import datetime

    from zoomapp.core.practice.plain_session import Moment
    from zoomapp.core.workspace import Workspace

EXIT_INTERRUPTED = 130  # Ctrl+C, as the shell's own convention and zoomapp's cli say


class Guide(Protocol):
    """A session told line by line (core/practice/plain_session.py)."""

    def tell(self, elapsed: float) -> Moment: ...
    def enter(self, elapsed: float) -> None: ...
    def result(self, started: datetime, elapsed: float, rating: int | None) -> SessionResult: ...


class Session(NamedTuple):
    name: str
    guide: Guide
    length: float | None  # seconds, for the opening line; None: until Enter
    keys: str  # the text key saying what Enter and Ctrl+C do
    ask_rating: bool
    offer_win: bool
    last_words: tuple[str, ...] = ()  # text keys said at the very end
    respond: Answerer | None = None  # a worry typed meanwhile, answered as What-if does


def ground(args: argparse.Namespace, paths: Paths) -> int:
    opened = read_workspace(paths, language=args.lang, check_language=True)
    recipes = opened.content.recipes
    if args.recipe and args.recipe not in recipes:
        raise unknown_choice("session recipe", args.recipe, list(recipes))
    recipe_id = args.recipe or opened.settings.recipe
    return _steps(opened, paths, recipe_id if recipe_id in recipes else "two-minute", args)


def zoom(args: argparse.Namespace, paths: Paths) -> int:
    opened = read_workspace(paths, language=args.lang, check_language=True)
    return _steps(opened, paths, f"zoom-{args.direction}", args)


def breathe(args: argparse.Namespace, paths: Paths) -> int:
    opened = read_workspace(paths, language=args.lang, check_language=True)
    content = opened.content
    patterns = content.patterns
    if args.pattern and args.pattern not in patterns:
        raise unknown_choice("breathing pattern", args.pattern, list(patterns))
    reader = stdin_reader()
    pattern_id = args.pattern or _choose_pattern(content, reader)
    if pattern_id is None:
        return 0
    pattern = patterns[pattern_id]
    minutes = args.minutes
    guide = BreathGuide(pattern, content, minutes)
    length = minutes * 60 if minutes else None
    respond = answerer(opened, paths, args.country)
    session = Session(pattern.name, guide, length, "plain_breathe_keys", True, True, (), respond)
    return _sit(session, content, _journal(paths), reader)


def _steps(opened: Workspace, paths: Paths, recipe_id: str, args: argparse.Namespace) -> int:
    content = opened.content
    recipe = content.recipes[recipe_id]
    journal = _journal(paths)
    keys = journal.files.keys
    readable = journal if keys is None or keys.is_open else None  # a session never asks
    plan = plan_for(recipe, content, paths.data_dir, readable, journal.now().date())
    guide = StepGuide(plan, content, opened.settings.auto_advance)
    last = ("plain_whatif",) if recipe_id == "zoom-out" else ()
    session = Session(
        recipe.name,
        guide,
        plan.total_seconds,
        "plain_steps_keys",
        recipe.ask_rating,
        recipe.offer_win,
        last,
        answerer(opened, paths, args.country),
    )
    return _sit(session, content, journal, stdin_reader())


def _journal(paths: Paths) -> Journal:
    journal = Journal(paths.journal_dir)
    journal.files.refresh()  # a locked folder's public key: adding never asks
    return journal


def _choose_pattern(content: Content, reader: LineReader) -> str | None:
    """The app's pattern chooser, as numbered lines: a number and Enter (Enter alone: the
    first). None when the input ends first."""
    ids = list(content.patterns)
    say_now(content.text("breathe_choose"))
    for number, pattern in enumerate(content.patterns.values(), start=1):
        say_now(f"{number}. {pattern.name}: {pattern.description}")
    say_now(content.text("plain_choose"))
    while True:
        try:
            typed = (reader.line(None) or "").strip()
        except EOFError:
            return None
        if not typed:
            return ids[0]
        if typed.isascii() and typed.isdigit() and 1 <= int(typed) <= len(ids):
            return ids[int(typed) - 1]
        if typed in content.patterns:
            return typed
        say_now(content.text("plain_choose_again", count=len(ids)))


class Sitting:
    """One session under way: its ratings, its clock, and the journal it goes into."""

    def __init__(self, session: Session, content: Content, journal: Journal) -> None:
        self.session = session
        self.content = content
        self.journal = journal
        self.rating: int | None = None
        self.started: datetime | None = None  # when the first line was told
        self.result: SessionResult | None = None
        self.kept = False
        self.elapsed: Callable[[], float] = lambda: 0.0

    def keep(self, result: SessionResult) -> None:
        """Into the journal, as the app does: added once, updated after, never if too short."""
        self.result = result
        if not result.worth_keeping:
            return
        try:
            saved = self.journal.record_session(result)
        except JournalError as exc:
            warn(self.content.explain(exc))
            return
        self.kept = True
        if saved.set_aside_as is not None:
            warn(self.content.text("note_set_aside", file=str(saved.set_aside_as)))

    def ask_rating(self, reader: LineReader, question: str) -> int | None:
        """A rating typed as digits and Enter; None for Enter alone. EOFError passes on.
        Words that may mean danger are met with help first, as anywhere in a session."""
        text = self.content.text
        say_now(f"{text(question)} {text('plain_rating_scale')}")
        while True:
            typed = reader.line(None) or ""
            if not typed.strip():
                return None
            found = rating_from(typed)
            if found is not None:
                return found
            if not self.answered(typed, only_danger=True):
                say_now(text("plain_rating_again"))

    def answered(self, typed: str, only_danger: bool = False) -> bool:
        """Words typed during the session, answered as the What-if box answers them (help
        first when they may mean danger); False when left unanswered."""
        if self.session.respond is None or not typed.strip():
            return False
        said = self.session.respond(typed.strip())
        if only_danger and said.kind != "danger":
            return False
        for line in said.lines:
            say_now(line)
        return True

    def follow(self, reader: LineReader, clock: Clock) -> bool:
        """Tell every line as its moment comes; False when the input ended first."""
        guide = self.session.guide
        self.started = self.journal.now()
        start = clock()
        self.elapsed = lambda: clock() - start
        while True:
            moment = guide.tell(self.elapsed())
            for line in moment.lines:
                say_now(line)
            if moment.over:
                return True
            try:
                typed = reader.line(moment.wait)
            except EOFError:
                return False
            if typed is not None and not self.answered(typed):  # Enter alone moves on
                guide.enter(self.elapsed())

    def ended(self) -> SessionResult:
        """The session as it stands now (once `follow` has begun it), kept."""
        started = self.started or self.journal.now()
        result = self.session.guide.result(started, self.elapsed(), self.rating)
        self.keep(result)
        return result


def _sit(session: Session, content: Content, journal: Journal, reader: LineReader) -> int:
    """The whole session: the opening lines, the rating before, the steps, the end."""
    text = content.text
    sitting = Sitting(session, content, journal)
    with closing_ends_the_session():
        try:
            _open(session, content)
            if session.ask_rating:
                sitting.rating = sitting.ask_rating(reader, "rating_before")
            went_on = sitting.follow(reader, session_clock(reader.faster))
            result = sitting.ended()
            _close(result, content)
            if went_on and session.ask_rating and result.worth_keeping:
                after = sitting.ask_rating(reader, "rating_after")
                if after is not None:
                    result.rating_after = after
                    sitting.keep(result)
                    before = result.rating_before
                    if before is None:
                        say_now(text("rating_noted", rating=after))
                    else:
                        say_now(text("rating_change", before=before, after=after))
        except EOFError:
            pass  # Ctrl+D or the end of a pipe: what was done is kept, below
        except (KeyboardInterrupt, WindowClosed) as stop:
            code = stop.number + 128 if isinstance(stop, WindowClosed) else EXIT_INTERRUPTED
            _stopped(sitting, content)
            return code
    if sitting.result is None:
        return 0  # the input ended before the session began: nothing to keep
    _last_words(sitting, content)
    return 0


def _open(session: Session, content: Content) -> None:
    text = content.text
    if session.length:
        say_now(
            text("plain_starting", name=session.name, time=spoken_duration(session.length, text))
        )
    else:
        say_now(session.name)
    say_now(text(session.keys))


def _close(result: SessionResult, content: Content) -> None:
    """Kind words at the end; none for a start ended within seconds (a slip, as in the app)."""
    if result.worth_keeping or not result.ended_early:
        key = "closing_early" if result.ended_early else "closing_done"
        say_now(content.text(key, time=spoken_duration(result.seconds, content.text)))


def _stopped(sitting: Sitting, content: Content) -> None:
    """Ended from outside (Ctrl+C, a closed window, a kill): kept first, then said, as far
    as there is still somewhere to say it."""
    with contextlib.suppress(OSError, ValueError):
        say_now()  # after the ^C the terminal shows
    if sitting.started is None:
        return  # stopped before the first step: nothing to keep
    done_before = sitting.result is not None
    result = sitting.result or sitting.ended()
    with contextlib.suppress(OSError, ValueError):
        if not done_before:
            _close(result, content)
        if sitting.kept:
            say_now(content.text("plain_saved"))


def _last_words(sitting: Sitting, content: Content) -> None:
    result = sitting.result
    if result is None or (result.ended_early and not result.worth_keeping):
        return  # ended within seconds, more likely a slip: nothing kept, nothing to say
    if sitting.kept:
        say_now(content.text("plain_saved"))
    if sitting.session.offer_win:
        say_now(content.text("plain_win"))
    for key in sitting.session.last_words:
        say_now(content.text(key))
