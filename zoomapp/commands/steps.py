"""`zoomapp steps`: the ladder back to school, small to big - listed, added to, changed,
and each step noted as done (a small win in the journal too), part of it, or not today.

Every action reads the ladder, so a locked journal asks for its passphrase once.
"""

from __future__ import annotations

import argparse
from datetime import date

from zoomapp.commands import DATES
from zoomapp.commands.journal import read_date, with_journal
from zoomapp.core.content.model import Content
from zoomapp.core.errors import EntryError
from zoomapp.core.journal.dates import not_in_the_future, spoken_day
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.school.plan import Plan, Step, plan_of
from zoomapp.shell import say

TRIED = {"done": "done", "tried": "part", "not-today": "not"}  # the action: how it went


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    from zoomapp.commands import passphrase

    steps = commands.add_parser(name, help="the steps back to school: list, add, done, tried")
    actions = steps.add_subparsers(dest="action", metavar="ACTION")
    add = actions.add_parser("add", help='a new step: zoomapp steps add "walk to the gate"')
    add.add_argument("text", help="the step, in a few words")
    add.add_argument("--hard", metavar="N", help="how hard it seems, 0 to 10")
    for action, helped in (
        ("done", "a step done (also a small win)"),
        ("tried", "a step tried: part of it done"),
        ("not-today", "a step planned for today and not tried: that is fine"),
    ):
        tried = actions.add_parser(action, help=helped)
        tried.add_argument("number", type=int, help="the step's number in: zoomapp steps")
        tried.add_argument("--date", metavar="DATE", help=DATES)
    edit = actions.add_parser("edit", help="new words or hardness for a step")
    edit.add_argument("number", type=int)
    edit.add_argument("text", nargs="?", help="the new words (leave out to keep them)")
    edit.add_argument("--hard", metavar="N", help="how hard it seems, 0 to 10")
    move = actions.add_parser("move", help="put a step in another place: zoomapp steps move 4 2")
    move.add_argument("number", type=int)
    move.add_argument("to", type=int, help="its new number")
    retire = actions.add_parser("retire", help="take a step off the ladder (kept in the journal)")
    retire.add_argument("number", type=int)
    passphrase.options(steps)
    for parser in actions.choices.values():
        passphrase.options(parser)


def run(args: argparse.Namespace, paths: Paths) -> int:
    def work(journal: Journal, content: Content, today: date) -> int:
        plan = plan_of(journal)
        action = args.action or "list"
        if action == "list":
            show(plan, content, today)
        elif action == "add":
            from zoomapp.core.school.record import change_step, new_step

            step = new_step(journal, args.text, args.hard, _place(plan, args.hard))
            change_step(journal, step)
            ladder = plan_of(journal).ladder
            number = next((n for n, s in enumerate(ladder, 1) if s.id == step.id), len(ladder))
            say(content.text("cli_step_added", number=number, text=step.text))
        else:
            _change(journal, plan, content, today, args, action)
        return 0

    return with_journal(args, paths, work, reads=True)


def _place(plan: Plan, hard: str | None) -> float:
    """Where a new step goes: after the last step no harder than it, else at the end."""
    from zoomapp.core.school.notes import score

    level = score(hard)
    if level is None or not plan.ladder:
        return plan.next_order
    after = [s for s in plan.ladder if s.hard is not None and s.hard <= level]
    if not after:
        return plan.ladder[0].order - 1
    last = plan.ladder.index(after[-1])
    if last + 1 == len(plan.ladder):
        return plan.next_order
    return (plan.ladder[last].order + plan.ladder[last + 1].order) / 2


def _step(plan: Plan, number: int) -> Step:
    step = plan.step(number)
    if step is None:
        raise EntryError("error_step_number", number=number)
    return step


def _change(
    journal: Journal,
    plan: Plan,
    content: Content,
    today: date,
    args: argparse.Namespace,
    action: str,
) -> None:
    from zoomapp.core.school import record
    from zoomapp.core.school.notes import score, step_text

    step = _step(plan, args.number)
    if action in TRIED:
        day = today if args.date is None else read_date(args.date, today, content)
        not_in_the_future(day, today)
        went = TRIED[action]
        win = content.text("school_step_win", text=step.text)
        record.try_step(journal, step, went, day, win)
        spoken = spoken_day(day, today, content.text)
        words = content.text(f"school_tried_{went}")
        say(content.text("cli_step_noted", day=spoken, text=step.text, went=words))
        if went == "done":
            say(content.text("cli_step_win"))
    elif action == "edit":
        text = step_text(args.text) if args.text else step.text
        hard = score(args.hard) if args.hard is not None else step.hard
        record.change_step(journal, step._replace(text=text, hard=hard))
        say(content.text("cli_step_changed", number=args.number, text=text))
    elif action == "retire":
        record.change_step(journal, step._replace(retired=True))
        say(content.text("cli_step_retired", number=args.number, text=step.text))
    elif action == "move":
        count = len(plan.ladder)
        if not 1 <= args.to <= count:
            raise EntryError("error_step_move", count=count)
        others = [s for s in plan.ladder if s.id != step.id]
        before = others[args.to - 2].order if args.to >= 2 else others[0].order - 2
        after = others[args.to - 1].order if args.to - 1 < len(others) else before + 2
        record.change_step(journal, step._replace(order=(before + after) / 2))
        say(content.text("cli_step_moved", number=args.to, text=step.text))


def show(plan: Plan, content: Content, today: date) -> None:
    """The ladder, numbered, each step with its hardness and when it was last noted."""
    if not plan.ladder:
        examples = content.decks.get("ladder-examples")
        say(content.text("cli_steps_none"))
        if examples:
            say(content.text("cli_steps_examples"))
            say("\n".join(f"  - {example}" for example in examples.prompts))
        return
    last = {t.step: t for t in plan.tried}
    lines = [content.text("cli_steps_heading")]
    for number, step in enumerate(plan.ladder, 1):
        line = f"{number:>3}. {step.text}"
        if step.hard is not None:
            line += "  " + content.text("school_hard", hard=step.hard)
        if tried := last.get(step.id):
            day = spoken_day(tried.day, today, content.text)
            went = content.text(f"school_tried_{tried.went}")
            line += "  - " + content.text("cli_step_last", day=day, went=went)
        lines.append(line)
    if plan.retired:
        lines.append(
            content.text("cli_steps_retired", steps="; ".join(s.text for s in plan.retired))
        )
    say("\n".join(lines))
