"""What the app says: the merged content of all packs in use, and the items it is made of.

Plain data only. Reading, checking and merging pack files is `packs`; keeping this apart
lets a launch answered from the launch cache skip all of that code.

Unlike the other modules, this one's annotations are not postponed (no `from __future__
import annotations`): a NamedTuple's field types written as strings are each compiled when
the class is made, and these seven classes are made on every launch (2 M instructions,
tests/bench). Names only imported for type checking are quoted.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from zoomapp.core.clock import spoken_duration
from zoomapp.core.safe_text import fill

if TYPE_CHECKING:
    from datetime import date

    from zoomapp.core.content.problem import Problem
    from zoomapp.core.errors import JournalError
    from zoomapp.core.practice.session_result import SessionResult

FALLBACK_LANGUAGE = "en"


class Phase(NamedTuple):
    kind: str  # "in", "hold" or "out"
    seconds: float
    label: str = ""
    bells: int | None = None  # the pack's cue as the phase starts; None: the kind's own


class Pattern(NamedTuple):
    id: str
    name: str
    description: str
    phases: tuple[Phase, ...]
    pack: str = ""
    large: bool = False  # a bigger shape, for breathing with a child
    note: str = ""  # a kind word shown while it is breathed (a long hold: shorter is fine)

    @property
    def cycle_seconds(self) -> float:
        return sum(p.seconds for p in self.phases)


class Deck(NamedTuple):
    id: str
    title: str
    prompts: tuple[str, ...]
    pack: str = ""


class RecipeStep(NamedTuple):
    seconds: int
    breathe: str = ""  # one pattern's id; or, with `patterns`, the first of them
    deck: str = ""
    prompts: int = 1
    patterns: tuple[str, ...] = ()  # several patterns: one is chosen for each session

    @property
    def breathe_choices(self) -> tuple[str, ...]:
        return self.patterns or ((self.breathe,) if self.breathe else ())


class Recipe(NamedTuple):
    id: str
    name: str
    description: str
    steps: tuple[RecipeStep, ...]
    ask_rating: bool = False
    offer_win: bool = False
    pack: str = ""


class HelpItem(NamedTuple):
    """A resource on More help: advice, or a line to call with where the number came from."""

    id: str
    title: str
    text: str
    pack: str = ""
    country: str = ""  # ISO 3166 code, e.g. "GB"; "" for every country
    number: str = ""  # as it is dialled, e.g. "116 123"
    hours: str = ""  # e.g. "24 hours, every day"
    free: bool | None = None  # free to call; None: not known
    source: str = ""  # the official page the number was checked on
    checked: str = ""  # when it was checked there, YYYY-MM-DD
    emergency: bool = False  # the country's emergency number, shown with what to do in danger


class Pack(NamedTuple):
    """One pack file as read: its header and its items (including hidden ones)."""

    id: str
    name: str
    version: str
    language: str
    authors: tuple[str, ...]
    description: str
    path: str
    texts: dict[str, str]
    items: dict[str, list[dict[str, Any]]]

    def item_count(self) -> int:
        return sum(len(v) for v in self.items.values()) + (1 if self.texts else 0)


class Content:
    """Everything the app says, merged from all packs in use."""

    def __init__(
        self,
        texts: dict[str, str],
        decks: dict[str, Deck],
        patterns: dict[str, Pattern],
        recipes: dict[str, Recipe],
        help: dict[str, HelpItem],
        language: str = FALLBACK_LANGUAGE,
        packs: list[Pack] | None = None,
        problems: "list[Problem] | None" = None,
        languages: set[str] | None = None,
    ) -> None:
        self.texts = texts
        self.decks = decks
        self.patterns = patterns
        self.recipes = recipes
        self.help = help
        self.language = language
        self.packs = packs or []
        self.problems = problems or []
        # Every language the packs are in, in use or not (the built-in ones too).
        self.languages = languages if languages is not None else {p.language for p in self.packs}

    def text(self, key: str, **values: Any) -> str:
        """The words for `key`, with {placeholders} filled; never a blank or a bare key.

        Filled by name only (`fill`), so a coach's text can never raise or run away.
        """
        template = self.texts.get(key)
        if template is None:
            # Only reachable if the built-in pack itself lost a key; a test guards it.
            template = key.replace("_", " ")
        return fill(template, values)

    def counted(self, key: str, count: int, **values: Any) -> str:
        """The words for `count` of something: `KEY_one` for exactly one, when the packs
        have it, else `KEY` - so no text ever needs "(s)" (see docs/packs.md)."""
        one = f"{key}_one"
        chosen = one if count == 1 and one in self.texts else key
        return self.text(chosen, count=count, **values)

    def language_names(self, code: str) -> tuple[str, str]:
        """A language as these words name it: its own name ("español") and its name in the
        language in use ("Spanish"); the code itself for a language no pack names."""
        own = self.texts.get(f"language_{code}", code)
        return own, self.texts.get(f"language_name_{code}", own)

    def used_when(self, code: str) -> str:
        """Why a pack in `code` is not in use: "for español: used when zoomapp speaks Spanish"."""
        own, name = self.language_names(code)
        return self.text("packs_for_language", language=own, name=name)

    def recipe_for(self, recipe_id: str) -> Recipe:
        """The session with this id; the two-minute one when no pack in use has it (the
        built-in packs always do: it is needed)."""
        return self.recipes.get(recipe_id) or self.recipes["two-minute"]

    def explain(self, error: "JournalError") -> str:
        """A journal error in words: what happened and what to do, in this language."""
        return self.text(error.key, **error.values)

    def session_names(self) -> dict[str, str]:
        """Each recipe's and pattern's id -> its name, to find sessions by what they were."""
        names = {pattern.id: pattern.name for pattern in self.patterns.values()}
        names.update({recipe.id: recipe.name for recipe in self.recipes.values()})
        return names

    def phase_label(self, phase: Phase) -> str:
        return phase.label or self.text(f"phase_{phase.kind}")

    def month_name(self, day: "date") -> str:
        months = self.text("months").split(",")
        return months[day.month - 1] if len(months) == 12 else day.strftime("%B")

    def day_heading(self, day: "date") -> str:
        """'Sunday 22 November 2026', in the content's language."""
        weekdays = self.text("weekdays").split(",")
        return self.text(
            "day_heading",
            weekday=weekdays[day.weekday()] if len(weekdays) == 7 else day.strftime("%A"),
            day=day.day,
            month=self.month_name(day),
            year=day.year,
        )

    def session_line(self, session: "SessionResult") -> str:
        """'08:14  Two-minute grounding, 2 min, tension 7 to 3': a session from the journal."""
        item = self.recipes.get(session.item_id) or self.patterns.get(session.item_id)
        line = self.text(
            "journal_session_line",
            time=f"{session.started:%H:%M}",
            name=item.name if item else session.item_id,
            duration=spoken_duration(session.seconds, self.text),
        )
        if session.rating_before is not None and session.rating_after is not None:
            before, after = session.rating_before, session.rating_after
            line += f", {self.text('journal_rating_change', before=before, after=after)}"
            if session.scale != 10:
                line += f" {self.text('journal_old_scale')}"
        if session.ended_early:
            line += f", {self.text('journal_ended_early')}"
        return line

    @property
    def errors(self) -> "list[Problem]":
        return [p for p in self.problems if not p.warning]


BUILTIN_ID = "builtin"


def decimal(value: float, text: Callable[..., str], places: int = 1) -> str:
    """'4.0', or '4,0' where the pack's decimal mark (`decimal_mark`) is a comma."""
    shown = f"{value:.{places}f}" if places else f"{round(value, 1):g}"
    return shown.replace(".", text("decimal_mark"))


def is_reserved(pack_id: str) -> bool:
    """The built-in packs' ids (builtin, builtin-es, ...): no other pack may take one."""
    return pack_id == BUILTIN_ID or pack_id.startswith(f"{BUILTIN_ID}-")
