"""The shell's commands, one module each: it declares its arguments (`arguments`) and does
the work (`run`). Adding a command is one module and one line in COMMANDS.

Only the module of the command asked for is imported (all of them for `--help`), and each
imports what it works with only when it runs, so `zoomapp win` starts fast and without
Textual; the commands that open the app go through `ui.launch`.
"""

from __future__ import annotations

import argparse
from importlib import import_module
from types import ModuleType

# Every command, in the order `zoomapp --help` lists them: its name -> its module here.
COMMANDS = {
    "help": "help",
    "whatif": "whatif",
    "ground": "ground",
    "breathe": "breathe",
    "zoom": "zoom",
    "win": "note",
    "strength": "note",
    "feeling": "note",
    "checkin": "checkin",
    "day": "day",
    "steps": "steps",
    "plan": "plan",
    "journal": "journal",
    "lock": "lock",
    "unlock": "unlock",
    "serve": "serve",
    "pack": "pack",
}

# A date as the journal commands read it, said once for every --date, --from and --to.
DATES = "YYYY-MM-DD or words: today, yesterday, monday, last monday, 2 days ago"


def command(name: str) -> ModuleType:
    """The module of the command `name` (one of COMMANDS)."""
    return import_module(f"zoomapp.commands.{COMMANDS[name]}")


def add_commands(commands: argparse._SubParsersAction, names: list[str]) -> None:
    for name in names:
        command(name).arguments(commands, name)
