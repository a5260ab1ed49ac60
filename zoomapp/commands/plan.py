"""`zoomapp plan`: what I do now to spare my child, the one thing I am changing (with the
sentence that tells the child), and each evening's note of how holding to it went.

Logging an evening only adds, so a locked journal does not ask for its passphrase then;
everything else reads the plan, and asks once.
"""

from __future__ import annotations

import argparse
from datetime import date

from zoomapp.commands import DATES
from zoomapp.commands.journal import read_date, with_journal
from zoomapp.core.content.model import Content
from zoomapp.core.errors import EntryError
from zoomapp.core.journal.dates import not_in_the_future, spoken_day, written_date
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.school.notes import HELD_WENT
from zoomapp.core.school.plan import ACCOMMODATIONS, WHY, Plan
from zoomapp.shell import say


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    from zoomapp.commands import passphrase

    plan = commands.add_parser(
        name, help="what I do to spare my child, and the one thing I am changing"
    )
    actions = plan.add_subparsers(dest="action", metavar="ACTION")
    for action, helped in (("tick", "mark as done now"), ("untick", "mark as no longer done")):
        tick = actions.add_parser(action, help=f"{helped}: zoomapp plan {action} 1 3")
        tick.add_argument("numbers", type=int, nargs="+", metavar="N")
    add = actions.add_parser("add", help="something else you do now, in your words")
    add.add_argument("text")
    change = actions.add_parser("change", help="the one thing to change, and what you will say")
    change.add_argument("number", type=int, metavar="N")
    change.add_argument("--say", required=True, help="the calm, kind sentence for your child")
    change.add_argument("--start", metavar="DATE", help="from when (default: today)")
    log = actions.add_parser("log", help="this evening: held, partly or notyet")
    log.add_argument("went", metavar="|".join(HELD_WENT))
    log.add_argument("--said", help="what you said, if you like")
    log.add_argument("--upset", metavar="N", help="how upset your child was, 0 to 10")
    log.add_argument("--date", metavar="DATE", help=DATES)
    actions.add_parser("why", help="why changing one small thing helps")
    passphrase.options(plan)
    for parser in actions.choices.values():
        passphrase.options(parser)


def run(args: argparse.Namespace, paths: Paths) -> int:
    action = args.action or "show"
    if action == "why":
        from zoomapp.shell import read_workspace

        content = read_workspace(paths, language=args.lang, check_language=True).content
        deck = content.decks.get(WHY)
        say("\n\n".join(deck.prompts) if deck else "")
        return 0

    def work(journal: Journal, content: Content, today: date) -> int:
        if action == "log":
            return _log(journal, content, today, args)
        from zoomapp.core.school.plan import plan_of

        plan = plan_of(journal)
        if action == "show":
            show(plan, content)
        else:
            _change(journal, plan, content, today, args, action)
        return 0

    return with_journal(args, paths, work, reads=action != "log")


def choices(plan: Plan, content: Content) -> list[str]:
    deck = content.decks.get(ACCOMMODATIONS)
    return plan.listed(list(deck.prompts) if deck else [])


def _chosen(plan: Plan, content: Content, number: int) -> str:
    found = choices(plan, content)
    if not 1 <= number <= len(found):
        raise EntryError("error_plan_number", number=number)
    return found[number - 1]


def _change(
    journal: Journal,
    plan: Plan,
    content: Content,
    today: date,
    args: argparse.Namespace,
    action: str,
) -> None:
    from zoomapp.core.school import record

    if action in ("tick", "untick"):
        texts = [_chosen(plan, content, n) for n in args.numbers]  # all checked first
        for text in texts:
            record.set_help(journal, text, action == "tick", text in plan.own)
            say(content.text(f"cli_plan_{action}ed", text=text))
    elif action == "add":
        from zoomapp.core.school.notes import step_text

        text = step_text(args.text)
        record.set_help(journal, text, True, own=True)
        say(content.text("cli_plan_ticked", text=text))
    elif action == "change":
        text = _chosen(plan, content, args.number)
        if not args.say.strip():
            raise EntryError("error_plan_say")
        start = today if args.start is None else read_date(args.start, today, content)
        record.choose_change(journal, text, args.say, start)
        day = written_date(start, content.text)
        say(content.text("cli_plan_chosen", start=day, text=text, say=" ".join(args.say.split())))


def _log(journal: Journal, content: Content, today: date, args: argparse.Namespace) -> int:
    from zoomapp.core.school.record import log_held

    day = today if args.date is None else read_date(args.date, today, content)
    not_in_the_future(day, today)
    log_held(journal, day, args.went, args.said, args.upset)
    words = content.text(f"school_held_{args.went.strip().casefold()}")
    if args.upset is not None:
        words += ", " + content.text("school_upset", upset=args.upset.strip())
    say(content.text("cli_plan_logged", day=spoken_day(day, today, content.text), went=words))
    return 0


def show(plan: Plan, content: Content) -> None:
    lines = [content.text("cli_plan_doing")]
    for number, text in enumerate(choices(plan, content), 1):
        lines.append(f"{number:>3}. [{'x' if plan.doing.get(text) else ' '}] {text}")
    lines.append("")
    if plan.change is None:
        lines.append(content.text("cli_plan_no_change"))
    else:
        start = written_date(plan.change.start, content.text)
        lines.append(content.text("cli_plan_change", start=start, text=plan.change.text))
        if plan.change.say:
            lines.append(content.text("cli_plan_say", say=plan.change.say))
        since = [h.went for h in plan.held if h.day >= plan.change.start]
        if since:
            held, partly, notyet = (since.count(went) for went in HELD_WENT)
            lines.append(content.text("cli_plan_recent", held=held, partly=partly, notyet=notyet))
    lines.append(content.text("cli_plan_why"))
    say("\n".join(lines))
