"""Every pack, built in or the parent's, as the Packs screen and `zoomapp pack list` show
it: whether it is in use, and why not. Apart from `packs`, which a first launch needs and
this it does not."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from zoomapp.core.content.model import FALLBACK_LANGUAGE, Content, Pack
from zoomapp.core.content.packs import builtin_languages, builtin_packs, read_pack_file
from zoomapp.core.content.problem import Problem

BUILT_IN = "built in"  # where a built-in pack lives, in `pack list` and on Packs


class PackRow(NamedTuple):
    """One pack as the parent or coach sees it in a list."""

    id: str
    name: str
    version: str
    language: str
    items: int
    state: str  # "on", "off", "skipped", or "other" (another language than the one in use)
    where: str  # BUILT_IN or the file's path
    problems: tuple[Problem, ...]
    readable: bool = True  # False: too broken to be read as a pack (known by file name)


def inventory(user_files: list[Path], content: Content, disabled: Iterable[str]) -> list[PackRow]:
    """Every pack, built in or the user's, with whether it is in use and why not."""
    disabled = set(disabled)
    used = {p.id for p in content.packs}
    languages = {FALLBACK_LANGUAGE, content.language}
    rows = []
    for pack in builtin_packs(builtin_languages())[0]:
        state = "on" if pack.language in languages else "other"
        rows.append(_row(pack, state, BUILT_IN, ()))
    for path in user_files:
        read, found = read_pack_file(path)
        mine = [p for p in [*found, *content.problems] if p.file == str(path) and not p.warning]
        problems = tuple(dict.fromkeys(mine))
        if read is None:  # too broken to have an id: known by its file name
            row = PackRow(path.name, path.name, "-", "-", 0, "skipped", str(path), problems, False)
            rows.append(row)
            continue
        if read.id in disabled:
            state = "off"
        elif read.id not in used:
            state = "skipped"
        else:
            state = "on" if read.language in languages else "other"
        rows.append(_row(read, state, str(path), problems))
    return rows


def _row(pack: Pack, state: str, where: str, problems: tuple[Problem, ...]) -> PackRow:
    return PackRow(
        pack.id, pack.name, pack.version, pack.language, pack.item_count(), state, where, problems
    )
