"""The way back to school in the evening check-in, after its three written questions:
how the school day went (one key), how holding to the change went (one key, once a change
is chosen), and the plan for tomorrow morning (a line or two, which the school-morning
session opens with). Each is optional, and asked only of a parent who has begun the plan.
"""

from __future__ import annotations

from datetime import date

from zoomapp.core.journal.store import Journal, Saved
from zoomapp.core.school import record
from zoomapp.core.school.notes import DAY_WENT, HELD_WENT
from zoomapp.core.school.plan import Plan

SCHOOL_DAY, HELD, TOMORROW = "school", "held", "tomorrow"
CHOICES = {SCHOOL_DAY: DAY_WENT, HELD: HELD_WENT}  # the questions answered with one key


def evening_steps(plan: Plan | None, today: date) -> tuple[str, ...]:
    """The school questions for tonight: none for a parent who has not begun the plan (or
    whose journal is locked and closed: the check-in never asks for the passphrase)."""
    if plan is None or not plan.in_use:
        return ()
    steps = [] if today in plan.days else [SCHOOL_DAY]
    if plan.change is not None and plan.change.start <= today:
        steps.append(HELD)
    return (*steps, TOMORROW)


def keep_answer(journal: Journal, step: str, answer: str, day: date) -> Saved | None:
    """Save one answer: a choice's value (DAY_WENT, HELD_WENT) or tomorrow's words; an
    empty answer is a question skipped (None)."""
    answer = answer.strip()
    if not answer:
        return None
    if step == SCHOOL_DAY:
        return record.note_day(journal, day, answer)
    if step == HELD:
        return record.log_held(journal, day, answer)
    return record.plan_tomorrow(journal, day, answer)


def choice_of(step: str, typed: str) -> str:
    """'2' or 'part' -> 'part' for a one-key question ('' when it is neither)."""
    allowed = CHOICES[step]
    typed = typed.strip().casefold()
    if typed.isascii() and typed.isdigit() and 1 <= int(typed) <= len(allowed):
        return allowed[int(typed) - 1]
    return typed if typed in allowed else ""
