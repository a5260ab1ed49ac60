"""The parent's own words, brought into a session: the strengths they noted in their child
(mixed into the strengths deck) and, on a school morning, the plan they wrote last
evening (the `morning-plan` deck's step shows it instead of the deck's own words)."""

from __future__ import annotations

from datetime import date

from zoomapp.core.content.model import Content, Recipe
from zoomapp.core.journal.store import Journal

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
