"""`zoomapp whatif "TEXT"`: the What-if answer in plain text, for a screen reader or for a
moment when the full screen is too much; `--json` for scripts. Nothing typed is kept.

Core only: it starts without Textual.
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Callable
from typing import TYPE_CHECKING

from zoomapp.commands import values
from zoomapp.commands.help import known_country
from zoomapp.core.paths import Paths
from zoomapp.core.practice.danger import UNSURE
from zoomapp.core.practice.locale_guess import country_from_locale
from zoomapp.core.practice.worries import (
    MAX_WORRY,
    Answer,
    answer,
    danger_in_written,
    help_lines,
    own_help,
)
from zoomapp.shell import UsageError, read_workspace, say

if TYPE_CHECKING:
    from zoomapp.core.content.model import Content
    from zoomapp.core.workspace import Workspace


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    whatif = commands.add_parser(
        name, help='the What-if answer in plain text: zoomapp whatif "what if he..."'
    )
    whatif.add_argument(
        "text", nargs="*", help="the worry; leave out to type it or pipe it (nothing is kept)"
    )
    whatif.add_argument("--json", action="store_true", help='{"kind": ..., "lines": [...]}')
    whatif.add_argument(
        "--country",
        dest="whatif_country",
        metavar="CC",
        type=values.country,
        help="e.g. GB, US, ES",
    )


Answerer = Callable[[str], Answer]


def answerer(opened: Workspace, paths: Paths, country: str | None) -> Answerer:
    """What answers a worry here, as the What-if box does: help first when it may mean
    danger - the country's numbers, the parent's own, their safety plan - kind words
    otherwise. Used by `whatif` and by a worry typed during a plain session."""
    content = opened.content
    country = known_country(content, country, strict=False)
    country = country or opened.settings.country or country_from_locale()
    own, plan = own_help(content, paths.data_dir)
    rng = random.Random()
    return lambda worry: answer(worry[:MAX_WORRY], content, rng, country, own, plan, shell=True)


def help_after_writing(words: str, content: Content, paths: Paths) -> bool:
    """Words just kept in the journal that name harm are followed by help, as a worry is;
    near the line, by where help is (the app does the same: ui/help_first.py). Whether
    the help itself was printed."""
    found = danger_in_written(words, content)
    if found is None:
        return False
    if found.category == UNSURE:
        say(content.text("cli_help_near"))
        return False
    from zoomapp.core.settings import load_settings

    country = load_settings(paths.settings_file).settings.country or country_from_locale()
    own, plan = own_help(content, paths.data_dir)
    say(content.text("cli_help_first"))
    for line in help_lines(content, country, own, plan, shell=True):
        say(line)
    return True


def run(args: argparse.Namespace, paths: Paths) -> int:
    opened = read_workspace(paths, language=args.lang, check_language=True)
    content = opened.content
    respond = answerer(opened, paths, args.whatif_country or args.country)
    worry = " ".join(args.text)
    if not worry.strip():
        from zoomapp.shell_text import read_passing_words

        worry = read_passing_words(content, "cli_type_worry") or ""
    if not worry.strip():
        raise UsageError('write the worry, like: zoomapp whatif "what if he never goes back"')
    if len(worry) > MAX_WORRY:
        raise UsageError(
            f"that is {len(worry):,} characters - a worry here holds up to {MAX_WORRY:,};"
            " send the part that frightens you most"
        )
    said = respond(worry)
    if args.json:
        doc: dict[str, object] = {"kind": said.kind, "lines": list(said.lines)}
        if said.found is not None:  # why: explainable, always
            doc.update(category=said.found.category, because=said.found.phrase)
        say(json.dumps(doc, ensure_ascii=False))
    else:
        for line in said.lines:
            say(line)
    return 0
