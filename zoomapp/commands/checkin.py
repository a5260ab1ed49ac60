"""`zoomapp checkin`: the evening check-in in the shell, one line for each question.

Each answer is saved as soon as Enter is pressed, so Ctrl+D or Ctrl+C at any point keeps
what was written. Piped in, the lines answer the questions in order.
"""

from __future__ import annotations

import argparse
import random
import sys

from zoomapp.commands.whatif import help_after_writing
from zoomapp.core.content.model import Content
from zoomapp.core.journal.checkin import STEPS, earlier_win, keep
from zoomapp.core.journal.dates import spoken_day
from zoomapp.core.journal.day import MAX_TEXT
from zoomapp.core.journal.store import Journal
from zoomapp.core.paths import Paths
from zoomapp.core.school.evening import CHOICES, HELD, choice_of, evening_steps, keep_answer
from zoomapp.shell import UsageError, say

LONGEST_LINE = 4 * MAX_TEXT  # a piped line longer than this is no answer (< /dev/zero)


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    from zoomapp.commands import passphrase

    checkin = commands.add_parser(name, help="the evening check-in: a win, a strength, a feeling")
    passphrase.options(checkin)


def run(args: argparse.Namespace, paths: Paths) -> int:
    from zoomapp.commands.journal import with_journal

    return with_journal(
        args, paths, lambda journal, content, today: check_in(journal, content, paths, args)
    )


def check_in(
    journal: Journal, content: Content, paths: Paths, args: argparse.Namespace | None = None
) -> int:
    text = content.text
    today = journal.now().date()
    asking = sys.stdin is not None and sys.stdin.isatty()
    if asking:
        say(text("checkin_shell_intro"))
    wrote = 0
    helped = False  # the help, once: answers after one that named harm are only kept
    plan = None
    keys = journal.files.refresh()
    if keys is None or keys.is_open:
        from zoomapp.core.school.plan import plan_of

        plan = plan_of(journal)  # the school questions: never asks for a passphrase
    for kind in STEPS + evening_steps(plan, today):
        question = text(f"checkin_{kind}")
        if kind == HELD and plan is not None and plan.change is not None:
            question = text("checkin_held", text=plan.change.text)
        if kind in CHOICES:
            question += " " + text(f"checkin_{kind}_shell")
        try:
            if asking:
                words = input(f"\n{question}\n> ")
            else:
                line = sys.stdin.readline(LONGEST_LINE) if sys.stdin is not None else ""
                if not line:
                    break
                if len(line) == LONGEST_LINE and not line.endswith("\n"):  # /dev/zero
                    raise UsageError(text("error_checkin_line", limit=MAX_TEXT))
                words = line
        except (EOFError, KeyboardInterrupt):
            if asking:
                say()
            break
        if kind in CHOICES:
            words = choice_of(kind, words)  # anything else is a question skipped
        saved = (
            keep(journal, kind, words, today)
            if kind in STEPS
            else keep_answer(journal, kind, words, today)
        )
        if saved is not None:
            wrote += 1
            helped = helped or kind not in CHOICES and help_after_writing(words, content, paths)
    say()
    say(text("checkin_done") if wrote else text("checkin_nothing"))
    keys = journal.files.keys
    if keys is not None and not keys.is_open:  # locked: a win from before needs the key
        from zoomapp.commands.passphrase import open_keys

        if not open_keys(args or argparse.Namespace(), keys, content, "lock_earlier_ask"):
            return 0
    shown = earlier_win(journal, today, random.Random())
    if shown is not None:
        say(text("checkin_earlier", day=spoken_day(shown.day, today, text)))
        say(f"  {shown.text}".replace("\n", "\n  "))
    return 0
