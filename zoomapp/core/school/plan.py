"""The plan as it stands now, worked out from every note in the journal, oldest first.

A step of the ladder, and each thing the parent does to spare the child, is noted again
whole each time it changes; the latest note of each is how it is now. So two devices
that changed the ladder while apart merge like any day, and nothing is ever rewritten.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from zoomapp.core.journal.day import SCHOOL_KINDS, Day, moment
from zoomapp.core.safe_text import printable
from zoomapp.core.school.notes import (
    DAY_WENT,
    HELD_WENT,
    MAX_SAID,
    MAX_STEP,
    OFF_WHY,
    TRIED_WENT,
    stored_score,
    valid,
)

if TYPE_CHECKING:
    from zoomapp.core.journal.store import Journal


# The packs' decks: what parents do to spare a child, and why one small change helps.
ACCOMMODATIONS, WHY = "accommodations", "plan-why"


class Step(NamedTuple):
    id: str
    text: str
    hard: int | None
    order: float
    retired: bool
    noted: datetime  # when it was last changed


class SchoolDay(NamedTuple):
    day: date
    went: str  # one of DAY_WENT
    arrived: str | None  # "09:40"
    left: str | None
    hard: int | None  # how hard the morning was, 0-10
    why: str | None  # for a day with no school: one of OFF_WHY

    def words(self, text: Callable[..., str]) -> str:
        """'part of the day, arrived 10:15, morning 7/10', in the pack's words."""
        said = [text(f"school_went_{self.went}")]
        if self.why:
            said.append(text(f"school_why_{self.why}"))
        if self.arrived:
            said.append(text("school_arrived", time=self.arrived))
        if self.left:
            said.append(text("school_left", time=self.left))
        if self.hard is not None:
            said.append(text("school_morning", hard=self.hard))
        return ", ".join(said)


class Tried(NamedTuple):
    day: date
    at: datetime
    step: str  # the step's id
    text: str  # its words then
    went: str  # one of TRIED_WENT


class Change(NamedTuple):
    text: str  # what the parent will do differently
    say: str  # the supportive sentence for the child
    start: date
    noted: datetime


class Held(NamedTuple):
    day: date
    at: datetime
    went: str  # one of HELD_WENT
    said: str
    upset: int | None


class Plan(NamedTuple):
    ladder: list[Step]  # in order, small to big; retired steps left out
    retired: list[Step]
    doing: dict[str, bool]  # each thing done to spare the child (its words) -> done now
    own: list[str]  # the parent's own words among them, in the order added
    change: Change | None
    days: dict[date, SchoolDay]  # the last note of each day
    tried: list[Tried]  # oldest first
    held: list[Held]
    tomorrow: dict[date, str]  # the evening's day -> its plan for the next morning

    def step(self, number: int) -> Step | None:
        """Step `number` as `zoomapp steps` numbers them (1 is the smallest)."""
        return self.ladder[number - 1] if 1 <= number <= len(self.ladder) else None

    def morning_plan(self, today: date) -> str:
        """The plan written last evening (or earlier this morning) for this morning."""
        from datetime import timedelta

        return self.tomorrow.get(today - timedelta(days=1)) or self.tomorrow.get(today, "")

    @property
    def in_use(self) -> bool:
        """Whether the parent has begun any of it (the check-in asks about school then)."""
        return bool(self.ladder or self.days or self.change or self.held)

    def listed(self, deck: list[str]) -> list[str]:
        """What `zoomapp plan` numbers: the pack's list of what parents do to spare a
        child, then the parent's own, then anything ticked whose words a changed list no
        longer holds."""
        found = list(deck)
        for text in [*self.own, *self.doing]:
            if text not in found:
                found.append(text)
        return found

    @property
    def next_order(self) -> float:
        return max((s.order for s in self.ladder + self.retired), default=0.0) + 1


def _text(value: Any, limit: int) -> str:
    return printable(value)[:limit] if isinstance(value, str) else ""


def _in_order(days: Iterable[Day]) -> list[tuple[datetime, date, str, dict[str, Any]]]:
    """Every note of the plan in the days: (when, its day, kind, table), oldest first (in
    a day file's order when two share a second)."""
    notes = []
    for found in days:
        for place, (kind, item) in enumerate(found.school):
            notes.append((moment(item.get("at"), found.day), found.day, place, kind, item))
    notes.sort(key=lambda n: (n[0], n[1], n[2]))
    return [(at, day, kind, item) for at, day, _, kind, item in notes]


def _step(item: dict[str, Any], at: datetime, steps: dict[str, Step]) -> Step | None:
    """A step as a [[ladder]] note says it now is (None if the note names no step)."""
    key, text = item.get("step"), _text(item.get("text"), MAX_STEP)
    if not (isinstance(key, str) and key and (text or key in steps)):
        return None
    before = steps.get(key)
    order = item.get("order")
    return Step(
        key,
        text or (before.text if before else ""),
        stored_score(item, "hard"),
        float(order) if isinstance(order, (int, float)) else len(steps) + 1.0,
        item.get("retired") is True,
        at,
    )


def read_plan(days: Iterable[Day]) -> Plan:
    """The plan, from `days` (any order: they are sorted here)."""
    steps: dict[str, Step] = {}
    doing: dict[str, bool] = {}
    own: list[str] = []
    change: Change | None = None
    school: dict[date, SchoolDay] = {}
    tried: list[Tried] = []
    held: list[Held] = []
    tomorrow: dict[date, str] = {}
    for at, day, kind, item in _in_order(days):
        if kind == "ladder" and (step := _step(item, at, steps)):
            steps[step.id] = step
        elif kind == "school" and (went := valid(item, "went", DAY_WENT)):
            school[day] = SchoolDay(
                day,
                went,
                _text(item.get("arrived"), 5) or None,
                _text(item.get("left"), 5) or None,
                stored_score(item, "hard"),
                valid(item, "why", OFF_WHY),
            )
        elif kind == "tried" and (went := valid(item, "went", TRIED_WENT)):
            tried.append(
                Tried(day, at, str(item.get("step", "")), _text(item.get("text"), MAX_STEP), went)
            )
        elif kind == "helps" and (text := _text(item.get("text"), MAX_STEP)):
            doing[text] = item.get("doing") is True
            if item.get("own") is True and text not in own:
                own.append(text)
        elif kind == "change" and (text := _text(item.get("text"), MAX_STEP)):
            start = item.get("start")
            start = start if isinstance(start, date) and not isinstance(start, datetime) else day
            change = Change(text, _text(item.get("say"), MAX_SAID), start, at)
        elif kind == "tomorrow" and (text := _text(item.get("text"), MAX_SAID)):
            tomorrow[day] = text
        elif kind == "held" and (went := valid(item, "went", HELD_WENT)):
            held.append(
                Held(day, at, went, _text(item.get("said"), MAX_SAID), stored_score(item, "upset"))
            )
    ordered = sorted(steps.values(), key=lambda s: (s.order, s.noted))
    return Plan(
        [s for s in ordered if not s.retired],
        [s for s in ordered if s.retired],
        doing,
        own,
        change,
        school,
        tried,
        held,
        tomorrow,
    )


_NOTED = tuple(f"{kind}".encode() for kind in SCHOOL_KINDS)


def plan_of(journal: Journal) -> Plan:
    """The plan in `journal` (opened first when it is locked): only the days holding a note
    of it are parsed, through the search index, so ten years read in a blink."""
    from zoomapp.core.journal.search_index import SearchIndex

    index = SearchIndex(journal)
    days = list(index.days(journal.day_files(), lambda raw: any(k in raw for k in _NOTED)))
    index.save()
    return read_plan(days)
