"""The parent's own words, brought into a session: the strengths they noted in their child
(mixed into the strengths deck) and, on a school morning, the plan they wrote last
evening (the `morning-plan` deck's step shows it instead of the deck's own words); and
a session's plan with them (`plan_for`), the same in the app and line by line."""

from __future__ import annotations

import contextlib
import random
from datetime import date
from pathlib import Path

from zoomapp.core.content.model import Content, Recipe
from zoomapp.core.errors import JournalError
from zoomapp.core.journal.store import Journal
from zoomapp.core.practice.recent import load_recent, recent_file, save_recent
from zoomapp.core.practice.sessions import Plan, expand

MORNING_PLAN = "morning-plan"  # a deck whose step shows the parent's plan when there is one


def own_prompts(
    journal: Journal, content: Content, recipe: Recipe, today: date
) -> dict[str, list[str]]:
    """Deck id -> the parent's words for it, for this session (read from the journal, which
    the caller has checked can be read without asking)."""
    found = {
        "strengths": [
            content.text("strength_you_noted", text=t) for t in journal.strengths(limit=30)
        ]
    }
    if any(step.deck == MORNING_PLAN for step in recipe.steps):
        from zoomapp.core.school.plan import plan_of

        plan = plan_of(journal).morning_plan(today)
        if plan:
            found[MORNING_PLAN] = [plan]
    return found


def plan_for(
    recipe: Recipe,
    content: Content,
    data_dir: Path,
    journal: Journal | None,
    today: date,
    rng: random.Random | None = None,
) -> Plan:
    """A session's steps: prompts not shown lately first (remembered for next time), with
    the parent's own words when the journal can be read without asking (`journal` None:
    it is locked and closed)."""
    extra: dict[str, list[str]] = {}
    # The deck's own words are enough: a session never stops for a journal it cannot read.
    with contextlib.suppress(JournalError, OSError):
        if journal is not None:
            extra = own_prompts(journal, content, recipe, today)
    path = recent_file(data_dir)
    recent = load_recent(path)
    plan = expand(recipe, content, rng or random.Random(), extra, recent)
    save_recent(path, recent)
    return plan
