"""The `zoomapp pack …` arguments, apart from the commands themselves, so that every
other command can build its parser without loading the pack tooling."""

from __future__ import annotations

import argparse


def add_pack_parser(commands: argparse._SubParsersAction) -> None:
    pack = commands.add_parser("pack", help="content packs: new, check, install, preview, …")
    actions = pack.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="write NAME.toml, a starter pack that passes check")
    new.add_argument("name", metavar="NAME", help="the pack's id, e.g. calm-mornings")
    check = actions.add_parser("check", help="check pack files; FILE:LINE:COL for each problem")
    check.add_argument("paths", nargs="+", metavar="FILE|FOLDER")
    actions.add_parser("list", help="every pack, where it lives, on or off, and problems")
    install = actions.add_parser("install", help="check a pack and add it to your packs")
    install.add_argument("file", metavar="FILE")
    install.add_argument("--replace", action="store_true", help="replace a pack with that id")
    for name, what in (
        ("remove", "delete an installed pack"),
        ("enable", "switch a pack back on"),
        ("disable", "switch a pack off without deleting it"),
    ):
        action = actions.add_parser(name, help=what)
        action.add_argument("id", metavar="ID")
    preview = actions.add_parser("preview", help="open the app with FILE, reloading on save")
    preview.add_argument("file", metavar="FILE")
    actions.add_parser("schema", help="print the JSON Schema of the pack format")
