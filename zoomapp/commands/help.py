"""`zoomapp help`: More help in plain text, for a screen reader or when the app is too much.

`zoomapp help add NAME NUMBER` keeps one of the parent's own numbers. Core only.
"""

from __future__ import annotations

import argparse

from zoomapp.commands import values
from zoomapp.core.content.model import Content, HelpItem
from zoomapp.core.paths import Paths
from zoomapp.core.practice.helplines import (
    NumberError,
    add_number,
    countries,
    country_name,
    details,
    gather,
    heading,
    load_numbers,
    numbers_file,
    source_line,
)
from zoomapp.core.practice.locale_guess import country_from_locale
from zoomapp.core.practice.safety_plan import load_plan, plan_lines
from zoomapp.shell import EXIT_FAILED, UsageError, read_workspace, say, warn


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    help_ = commands.add_parser(name, help="more help in plain text: numbers, what to do")
    help_.add_argument("action", nargs="?", metavar="add", help="add one of your own numbers")
    help_.add_argument("name", nargs="?", metavar="NAME", help='who it is, e.g. "My sister"')
    help_.add_argument("number", nargs="?", metavar="NUMBER", help="their number")
    help_.add_argument(
        "--country", dest="help_country", metavar="CC", type=values.country, help="e.g. GB, US, ES"
    )
    help_.add_argument(
        "--countries", action="store_true", help="list the countries zoomapp has numbers for"
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    if args.action == "add":
        return _add(args, paths)
    if args.action:
        raise UsageError(f"'{args.action}' is not something help does - try: zoomapp help add")
    opened = read_workspace(paths, language=args.lang)
    content = opened.content
    text = content.text
    if args.countries:
        for code in countries(content):
            say(f"{code}  {country_name(content, code)}")
        return 0
    chosen = known_country(content, args.help_country or args.country)
    country = (chosen or opened.settings.country or country_from_locale()).upper()
    found = gather(content, country, load_numbers(numbers_file(paths.data_dir)))
    say(text("help_title"))
    for item in found.first:
        say()
        say(item.title)
        say(f"  {item.text}")
    for item in found.emergency:
        _say_line(content, item)
    say()
    say(text("help_own_title"))
    for number in found.own:
        say(f"  {number.name}: {number.number}")
    if not found.own:
        say(f"  {text('help_own_none')}")
        say('  zoomapp help add "My sister" "07700 900123"')
    say()
    plan = plan_lines(load_plan(paths.data_dir), content)
    say(text("plan_title"))
    for line in plan[1:] or [text("plan_empty_shell")]:
        say(f"  {line}")
    say()
    name = country_name(content, country)
    if found.has_numbers:
        say(text("help_numbers_for_shell", country=name))
    elif country:
        say(text("help_no_numbers", country=name))
    for item in found.lines:
        _say_line(content, item)
    if not found.has_numbers:
        say(f"zoomapp help --country CC, with CC one of: {', '.join(countries(content))}")
    for item in found.advice:
        say()
        say(item.title)
        say(f"  {item.text}")
    return 0


def known_country(content: Content, code: str | None, strict: bool = True) -> str:
    """`code` if the packs have numbers for it ("" for none given). Else, one line that
    still says what to do in danger: a refusal for `zoomapp help`, and for anything that
    answers a parent (the app, whatif) a warning - help is never held back by a code."""
    if code and code.upper() not in countries(content):
        said = (
            f"zoomapp has no numbers for {code.upper()} - if anyone is in danger, call your"
            " local emergency number; the countries it knows: zoomapp help --countries"
        )
        if strict:
            raise UsageError(said)
        warn(said)
        return ""
    return (code or "").upper()


def _say_line(content: Content, item: HelpItem) -> None:
    """A line to call: its heading, what it is for, when it answers, where it was checked."""
    say(heading(item))
    say(f"  {item.text}")
    for extra in (details(content, item), source_line(content, item)):
        if extra:
            say(f"  {extra}")


def _add(args: argparse.Namespace, paths: Paths) -> int:
    if not args.name or not args.number:
        raise UsageError('say who and the number: zoomapp help add "My sister" "07700 900123"')
    try:
        saved = add_number(numbers_file(paths.data_dir), args.name, args.number)
    except NumberError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        from zoomapp.core.files import plain_reason

        warn(f"could not save the number: {plain_reason(exc)}")
        return EXIT_FAILED
    text = read_workspace(paths, language=args.lang).content.text
    say(text("help_number_added", name=saved.name, number=saved.number))  # as the app says it
    return 0
