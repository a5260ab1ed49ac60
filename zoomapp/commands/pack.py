"""Pack commands for coaches: new, check, list, install, remove, enable, disable, schema.

Core only - no Textual - except `pack preview`, which opens the app.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from zoomapp.core.workspace import Workspace

from zoomapp.commands.pack_starters import STARTERS, starter_text
from zoomapp.core.content.file_check import check_file
from zoomapp.core.content.inventory import inventory
from zoomapp.core.content.model import FALLBACK_LANGUAGE, Pack, is_reserved
from zoomapp.core.content.packs import builtin_english, read_pack_file
from zoomapp.core.content.problem import Problem
from zoomapp.core.content.quoting import counted, shorten
from zoomapp.core.content.schema import ID_PATTERN, LANGUAGE_PATTERN
from zoomapp.core.files import atomic_write, plain_reason
from zoomapp.core.paths import Paths, pack_files
from zoomapp.core.settings import save_settings
from zoomapp.shell import EXIT_FAILED, UsageError, read_workspace, say, warn, write

EXIT_PROBLEMS = EXIT_FAILED


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    pack = commands.add_parser(name, help="content packs: new, check, install, preview, …")
    actions = pack.add_subparsers(dest="action", metavar="ACTION", required=True)
    new = actions.add_parser("new", help="write NAME.toml, a starter pack that passes check")
    new.add_argument("name", metavar="NAME", help="the pack's id, e.g. calm-mornings")
    check = actions.add_parser("check", help="check pack files; FILE:LINE:COL for each problem")
    check.add_argument("paths", nargs="+", metavar="FILE|FOLDER")
    actions.add_parser("list", help="every pack, where it lives, on or off, and problems")
    install = actions.add_parser("install", help="check a pack and add it to your packs")
    install.add_argument("file", metavar="FILE")
    install.add_argument("--replace", action="store_true", help="replace a pack with that id")
    for action, what in (
        ("remove", "delete an installed pack"),
        ("enable", "switch a pack back on"),
        ("disable", "switch a pack off without deleting it"),
    ):
        switch = actions.add_parser(action, help=what)
        switch.add_argument("id", metavar="ID")
    preview = actions.add_parser("preview", help="open the app with FILE, reloading on save")
    preview.add_argument("file", metavar="FILE")
    actions.add_parser("schema", help="print the JSON Schema of the pack format")


def run(args: argparse.Namespace, paths: Paths) -> int:
    action = args.action
    if action == "new":
        return _new(args.name, args.lang or FALLBACK_LANGUAGE)
    if action == "check":
        return _check([Path(p) for p in args.paths])
    if action == "schema":
        from zoomapp.core.content.pack_schema import schema_text

        write(schema_text())
        return 0
    if action == "list":
        return _list(paths)
    if action == "install":
        return _install(Path(args.file), paths, args.replace, args.lang)
    if action == "remove":
        return _remove(args.id, paths)
    if action in ("enable", "disable"):
        return _switch(args.id, paths, on=action == "enable")
    return _preview(Path(args.file), paths, args)


# --- checking -----------------------------------------------------------------------------


def _pack_paths(targets: list[Path]) -> list[Path]:
    found = []
    for target in targets:
        if target.is_dir():
            inside = sorted(target.glob("*.toml"))
            if not inside:
                raise UsageError(f"{target} has no .toml files to check")
            found += inside
        elif target.exists():
            found.append(target)
        else:
            raise UsageError(f"{target} does not exist - give a pack file or a folder of them")
    return found


def _check(targets: list[Path]) -> int:
    failed = False
    for path in _pack_paths(targets):
        pack, problems = check_file(path)
        for problem in problems:
            say(str(problem))
        if pack is None:
            failed = True
        else:
            items = counted(pack.item_count(), "item")
            say(f"{path}: ok - pack '{pack.id}' ({pack.language}), {items}")
    return EXIT_PROBLEMS if failed else 0


# --- new ----------------------------------------------------------------------------------


def _new(name: str, language: str) -> int:
    if not LANGUAGE_PATTERN.match(language):
        raise UsageError(f"'{shorten(language)}' is not a language code - use one like en or es")
    pack_id = name.removesuffix(".toml").lower()
    if not ID_PATTERN.match(pack_id):
        raise UsageError(
            f"'{name}' cannot be a pack id - use lowercase letters, digits and dashes,"
            " like calm-mornings"
        )
    if is_reserved(pack_id):
        raise UsageError(
            f"'{pack_id}' is the id of a built-in pack - choose another, like {pack_id}-mine"
        )
    target = Path(f"{pack_id}.toml")
    if target.exists():
        raise UsageError(f"{target} already exists - choose another name or move that file")
    try:
        target.write_text(starter_text(pack_id, str(target), language), encoding="utf-8")
    except OSError as exc:
        warn(f"could not write {target}: {plain_reason(exc)}")
        return EXIT_PROBLEMS
    say(f"Wrote {target}. Edit it, then: zoomapp pack check {target}")
    if language not in STARTERS:
        say(f'Its words are English, with language = "{language}": translate them.')
    return 0


# --- list, install, remove, enable, disable ----------------------------------------------


def _installed(paths: Paths) -> list[tuple[Path, Pack | None, list[Problem]]]:
    return [(path, *read_pack_file(path)) for path in pack_files(paths)]


def _list(paths: Paths) -> int:
    workspace = read_workspace(paths)
    settings = workspace.settings
    files = pack_files(paths)
    rows: list[tuple[str, ...]] = [("ID", "NAME", "VERSION", "LANG", "ITEMS", "STATE", "WHERE")]
    problems: list[str] = []
    elsewhere: list[str] = []
    words = builtin_english()  # the pack commands speak English
    for found in inventory(files, workspace.content, settings.disabled_packs):
        cells = (found.id, found.name, found.version, found.language, str(found.items), found.state)
        rows.append(tuple(shorten(cell, 30) for cell in cells) + (found.where,))
        problems += [str(p) for p in found.problems]
        if found.state == "other":
            elsewhere.append(f"{shorten(found.id, 30)}: {words.used_when(found.language)}")
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        say("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())
    if elsewhere:
        say()
        for line in elsewhere:
            say(line)
        say("To use one, change the language in Settings, or start zoomapp --lang CODE.")
    if problems:
        say()
        for line in problems:
            say(line)
    return 0


def _install(source: Path, paths: Paths, replace: bool, lang: str | None) -> int:
    if not source.is_file():
        raise UsageError(f"{source} is not a file - give the pack's .toml file")
    pack, problems = check_file(source)
    for problem in problems:
        say(str(problem))
    if pack is not None and is_reserved(pack.id):
        raise UsageError(f"the id '{pack.id}' belongs to a built-in pack - give yours another id")
    if pack is None:
        warn(f"{source} was not installed - fix the problems above first")
        return EXIT_PROBLEMS
    clash = [path for path, other, _ in _installed(paths) if other and other.id == pack.id]
    clash = [path for path in clash if path != paths.own_pack]
    if clash and not replace:
        warn(
            f"a pack with id '{pack.id}' is already installed ({clash[0]})"
            " - use --replace to replace it"
        )
        return EXIT_PROBLEMS
    target = paths.packs_dir / f"{pack.id}.toml"
    try:
        atomic_write(target, source.read_bytes())
        for old in clash:
            if old != target:
                old.unlink()
    except OSError as exc:
        warn(f"could not install to {target}: {plain_reason(exc)}")
        return EXIT_PROBLEMS
    verb = "Replaced" if clash else "Installed"
    say(f"{verb} '{pack.name}' ({pack.id}) as {target}. It is used from the next start.")
    say(_when_used(pack.language, lang or read_workspace(paths).settings.language))
    return 0


def _when_used(code: str, speaking: str) -> str:
    """In which language an installed pack is used, and how to switch to it if need be."""
    words = builtin_english()
    own, name = words.language_names(code)
    if code == speaking:
        return f"It is used when zoomapp speaks {name}, as it does now."
    now = words.language_names(speaking)[1]
    switch = words.text("packs_switch_language", language=own, code=code)
    if code == FALLBACK_LANGUAGE:
        return (
            f"zoomapp speaks {now} now, so its words show only where {now} has none."
            f" For all of them: {switch[:1].lower()}{switch[1:]}"
        )
    return f"It is used when zoomapp speaks {name} (now: {now}). {switch}"


def _find_installed(name: str, paths: Paths) -> Path:
    """An installed pack by its id, or by its file name (one too broken to have an id)."""
    if is_reserved(name):
        raise UsageError("the built-in pack cannot be removed; disable items in your own pack")
    installed = _installed(paths)
    for path, pack, _ in installed:
        if pack is not None and pack.id == name:
            return path
    for path, _, _ in installed:
        if name in (path.name, path.stem):
            return path
    known = ", ".join(p.id if p else path.name for path, p, _ in installed) or "none installed"
    raise UsageError(f"no installed pack '{shorten(name)}' - installed: {known}")


def _remove(pack_id: str, paths: Paths) -> int:
    path = _find_installed(pack_id, paths)
    try:
        path.unlink()
    except OSError as exc:
        warn(f"could not remove {path}: {plain_reason(exc)}")
        return EXIT_PROBLEMS
    say(f"Removed {path}.")
    return 0


def _switch(name: str, paths: Paths, on: bool) -> int:
    path = _find_installed(name, paths)
    pack, _ = read_pack_file(path)
    if pack is None:
        raise UsageError(f"{path.name} cannot be read as a pack - fix it (zoomapp pack check)")
    workspace = read_workspace(paths)
    settings = workspace.settings
    settings.switch_pack(pack.id, on)
    to_save = workspace.settings_to_save(settings)
    if to_save is None:
        warn("the settings file was left as it is, so nothing was changed")
        return EXIT_PROBLEMS
    try:
        save_settings(paths.settings_file, to_save)
    except OSError as exc:
        warn(f"could not save settings: {plain_reason(exc)}")
        return EXIT_PROBLEMS
    say(f"'{pack.id}' is {'on' if on else 'off'}; it stays installed.")
    return 0


# --- preview -----------------------------------------------------------------------------


def _preview(source: Path, paths: Paths, args: argparse.Namespace) -> int:
    if not source.is_file():
        raise UsageError(f"{source} is not a file - give the pack's .toml file")
    from zoomapp.ui.launch import Start, run_app

    return run_app(
        preview_workspace(source, paths, args.lang), Start(preview=str(source.resolve()))
    )


def _written_language(source: Path) -> str | None:
    """The language a pack too broken to read says it is in (`language = "es"`), if any."""
    import re

    try:
        text = source.read_text(encoding="utf-8", errors="replace")[:100_000]
    except OSError:
        return None
    found = re.search(r'^\s*language\s*=\s*"([a-z]{2,3})"', text, re.MULTILINE)
    return found.group(1) if found else None


def preview_workspace(source: Path, paths: Paths, lang: str | None) -> Workspace:
    """The built-in content with `source` on top, in the pack's own language (--lang wins):
    a coach writing in Spanish sees Spanish, whatever the settings say."""
    from zoomapp.core.workspace import open_workspace

    pack, _ = read_pack_file(source)
    language = lang or (pack.language if pack is not None else _written_language(source))
    return open_workspace(
        paths, language=language, extra_packs=(source.resolve(),), user_packs=False
    )
