"""What a day of the journal holds - wins, strengths, the feeling, sessions - and how a
day file, once parsed (dayfile.py), is checked and read into one; with the rules for the
text and tags a parent may write.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from zoomapp.core.errors import EntryError, JournalError
from zoomapp.core.files import NotAFile, read_file
from zoomapp.core.journal.dayfile import parse_day
from zoomapp.core.practice.session_result import OLD_RATING_TOP, RATING_TOP, RECIPE, SessionResult
from zoomapp.core.safe_text import printable

FORMAT = 1
# The kinds of entry, named as the day file names them.
WINS, STRENGTHS, FEELING, SESSIONS = "wins", "strengths", "feeling", "sessions"
KINDS = (WINS, STRENGTHS)  # the lists of written entries
# The way back to school, each note a table of its own (read by core/school): the school
# day, a step of the ladder as it now is, a step tried, something done to spare the child,
# the one thing being changed, how holding to it went, and the plan for the next morning.
SCHOOL_KINDS = ("school", "ladder", "tried", "helps", "change", "held", "tomorrow")
MAX_TEXT = 5000  # a paragraph or two about a hard morning
MAX_TAG = 40  # one word: #school, #first-lesson-back
MAX_DAY_BYTES = 4_000_000  # a day of 2,000-character entries every minute is under 3 MB
MAX_SESSION_SECONDS = 24 * 3600


class Entry(NamedTuple):
    """One thing kept for a day: a win, a strength noticed, the feeling, or a session."""

    kind: str  # "wins", "strengths", "feeling" or "sessions"
    day: date
    position: int  # in that day's list, for editing and deleting
    at: datetime  # a feeling has no time of its own: the start of its day
    text: str  # a session's words come from the content: see Content.session_line
    tags: tuple[str, ...] = ()
    session: SessionResult | None = None  # for kind "sessions"
    timed: bool = True  # False: noted for a day gone by, with no time of its own

    @property
    def tags_not_in_text(self) -> tuple[str, ...]:
        """Tags not already written as #words in the text, to show beside it."""
        return tuple(t for t in self.tags if f"#{t}" not in self.text.lower())


class Day(NamedTuple):
    day: date
    wins: list[Entry]
    strengths: list[Entry]
    feeling: str
    sessions: list[SessionResult]
    school: tuple[tuple[str, dict[str, Any]], ...] = ()  # (kind, table) of SCHOOL_KINDS

    @property
    def is_empty(self) -> bool:
        return not (self.wins or self.strengths or self.feeling or self.sessions or self.school)

    @property
    def written(self) -> list[Entry]:
        """What the parent wrote: wins, then strengths, then the feeling."""
        feeling = [Entry(FEELING, self.day, 0, day_start(self.day), self.feeling)]
        return self.wins + self.strengths + (feeling if self.feeling else [])

    @property
    def everything(self) -> list[Entry]:
        """All of the day, as a list to choose from: what was written, then the sessions."""
        return self.written + [
            Entry(SESSIONS, self.day, index, s.started, "", (), s)
            for index, s in enumerate(self.sessions)
        ]


# --- text and tags ------------------------------------------------------------------------


def tidy(text: str) -> str:
    """Text as it is kept: spaces within each line made single, a blank line between
    paragraphs at most, nothing at either end. Line breaks the parent wrote stay."""
    lines = [" ".join(line.split()) for line in printable(text).splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip("\n")


def clean_text(text: str) -> str:
    """The entry text as it will be stored, or JournalError saying what is wrong."""
    text = tidy(text)
    if not text:
        raise EntryError("error_text_empty")
    if len(text) > MAX_TEXT:
        raise EntryError("error_text_long", length=len(text), limit=MAX_TEXT)
    return utf8(text)


def utf8(text: str) -> str:
    """`text`, or EntryError when it holds bytes that are not UTF-8 (kept as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise EntryError("error_not_utf8") from None
    return text


def clean_tags(tags: list[str] | tuple[str, ...], text: str = "") -> tuple[str, ...]:
    """Tags given, plus #tags inside the text, lowercase, without '#', each once; a tag
    given that is empty, has spaces or is longer than MAX_TAG is an EntryError."""
    given = len(tags)
    found = [t for t in tags] + [w for w in text.split() if w.startswith("#") and len(w) > 1]
    result: list[str] = []
    for place, tag in enumerate(found):
        tag = printable(tag).strip().lstrip("#@").strip(".,;:!?)(").lower()
        if not tag and place < given:
            raise EntryError("error_tag_empty")
        if len(tag) > MAX_TAG:  # a #word that long in the text is only words
            if place < given:
                raise EntryError("error_tag_long", tag=f"{tag[:20]}…", limit=MAX_TAG)
            continue
        if tag and tag not in result:
            if any(c.isspace() for c in tag):
                raise EntryError("error_tag_space", tag=tag)
            result.append(utf8(tag))
    return tuple(result)


# --- reading ------------------------------------------------------------------------------


class Unreadable(Exception):
    def __init__(self, path: Path | str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = Path(path)
        self.reason = reason


def load_day(
    path: Path | str, day: date, raw: bytes | None = None, skip: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], str]:
    """The parsed document and its text; a missing file is an empty day.

    Raises Unreadable for what cannot be a day (broken TOML, wrong types, a folder, a
    FIFO, a device, a link out of the journal, a huge file) and lets other OSErrors
    (a file the user may not read) pass.
    """
    if raw is None:
        try:
            raw = read_file(path, MAX_DAY_BYTES, inside=Path(path).parents[1])
        except FileNotFoundError:
            return {"format": FORMAT, "date": day}, ""
        except NotAFile as exc:
            raise Unreadable(path, str(exc)) from None
    try:
        text = raw.decode("utf-8")
        doc = parse_day(text, skip)
    except ValueError as exc:  # not UTF-8, or not TOML (TOMLDecodeError is a ValueError)
        raise Unreadable(path, str(exc)) from None
    except RecursionError:
        raise Unreadable(path, "it is nested too deeply to be a day of the journal") from None
    problem = _shape_problem(doc)
    if problem:
        raise Unreadable(path, problem)
    return with_defaults(doc, day), text


def with_defaults(doc: dict[str, Any], day: date) -> dict[str, Any]:
    doc.setdefault("format", FORMAT)
    stored = doc.get("date")
    if not isinstance(stored, date) or isinstance(stored, datetime):
        doc["date"] = day  # the file's name says which day it is; a stray value can't
    return doc


def _shape_problem(doc: dict[str, Any]) -> str:
    """Why a parsed file cannot be used as a day, or '' if it can."""
    fmt = doc.get("format", FORMAT)
    if fmt != FORMAT:
        return f"format {fmt!r} is not one this zoomapp knows"
    if FEELING in doc and not isinstance(doc[FEELING], str):
        return "feeling must be text"
    for kind in (WINS, STRENGTHS, SESSIONS, *SCHOOL_KINDS):
        items = doc.get(kind, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            return f"{kind} must be a list of tables ([[{kind}]])"
    for kind in KINDS:
        for item in doc.get(kind, []):
            if not isinstance(item.get("text"), str):
                return f'every entry in {kind} needs text = "..."'
            if "tags" in item and not (
                isinstance(item["tags"], list) and all(isinstance(t, str) for t in item["tags"])
            ):
                return f"tags in {kind} must be a list of texts"
    return ""


def day_start(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def moment(value: Any, day: date) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value
        try:
            return value.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):  # 9999-12-31T23:59:59-12:00 has no local time
            return value.replace(tzinfo=None)
    if isinstance(value, date):
        return datetime.combine(value, datetime.min.time())
    return datetime.combine(day, datetime.min.time())


def to_day(doc: dict[str, Any], day: date) -> Day:
    lists: dict[str, list[Entry]] = {}
    for kind in KINDS:
        lists[kind] = [
            Entry(
                kind,
                day,
                index,
                moment(item.get("at"), day),
                item["text"],
                tuple(item.get("tags", ())),
                timed=isinstance(item.get("at"), datetime),
            )
            for index, item in enumerate(doc.get(kind, []))
        ]
    sessions = []
    for item in doc.get(SESSIONS, []):
        seconds = item.get("seconds", 0)
        if not isinstance(seconds, (int, float)) or not 0 <= seconds <= MAX_SESSION_SECONDS:
            continue  # kept in the file, just not counted (inf, nan, a year, a word)
        # Ratings written before the 0-10 scale carry no rating_scale: they are 0-9.
        scale = RATING_TOP if item.get("rating_scale") == RATING_TOP else OLD_RATING_TOP
        sessions.append(
            SessionResult(
                printable(str(item.get("kind", RECIPE)))[:40],
                printable(str(item.get("id", "")))[:80],
                moment(item.get("started"), day),
                int(seconds),
                item.get("ended_early") is True,
                _rating(item.get("rating_before"), scale),
                _rating(item.get("rating_after"), scale),
                scale,
            )
        )
    feeling = printable(doc.get(FEELING, ""))
    school = tuple((kind, item) for kind in SCHOOL_KINDS for item in doc.get(kind, ()))
    return Day(day, lists[WINS], lists[STRENGTHS], feeling, sessions, school)


def _rating(value: Any, top: int) -> int | None:
    return (
        value
        if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= top
        else None
    )


def session_item(record: SessionResult) -> dict[str, Any]:
    """A session as the day file keeps it."""
    item: dict[str, Any] = {
        "kind": record.kind,
        "id": record.item_id,
        "started": record.started.replace(microsecond=0),
        "seconds": int(record.seconds),
        "ended_early": bool(record.ended_early),
    }
    if record.rating_before is not None:
        item["rating_before"] = record.rating_before
    if record.rating_after is not None:
        item["rating_after"] = record.rating_after
    if record.rating_before is not None or record.rating_after is not None:
        item["rating_scale"] = record.scale
    return item


def same_session(stored: Any, record: SessionResult) -> bool:
    return isinstance(stored, dict) and (
        stored.get("kind"),
        stored.get("id"),
        stored.get("started"),
    ) == (record.kind, record.item_id, record.started.replace(microsecond=0))


def stored_item(doc: dict[str, Any], entry: Entry) -> dict[str, Any]:
    """The stored item for `entry`, checked, so a file changed meanwhile is not misedited."""
    items = doc.get(entry.kind, [])
    if entry.session is not None:
        for item in items:
            if same_session(item, entry.session):
                return item
    else:
        if entry.position < len(items) and items[entry.position].get("text") == entry.text:
            return items[entry.position]
        for item in items:
            if item.get("text") == entry.text:
                return item
    raise JournalError("error_changed")
