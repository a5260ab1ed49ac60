"""The journal's folder: journal/YYYY/, and which of its files hold which day.

A day is kept in `YYYY-MM-DD.toml`; in a locked journal, in sealed parts
`YYYY-MM-DD.<token>.age` (one for each addition, so adding never needs to read). A sync
tool's conflict copy of either (Syncthing, Dropbox, Nextcloud, ownCloud) belongs to the
same day, and is read with it: nothing in it is lost. A set-aside file (`.unreadable-`)
and anything else are not days.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from zoomapp.core.files import link_inside, plain_reason
from zoomapp.core.journal.day import Unreadable

PLAIN, SEALED = ".toml", ".age"
_TOKEN = re.compile(r"[0-9a-f]{8,32}")
# What sync tools add to a file's name for a conflict copy, before its last extension:
# Syncthing `.sync-conflict-20261122-101500-ABCDEF7`, Nextcloud and ownCloud ` (conflicted
# copy 2026-11-22 101500)` and ` (case clash from ...)`, older ownCloud
# `_conflict-20261122-101500`, Dropbox ` (Jo's conflicted copy 2026-11-22)`, Resilio
# `.Conflict1`, the Linux OneDrive client `-laptop-safeBackup-0001`.
_CONFLICT = re.compile(r"(?i)[ ._(-].*(conflict|case clash|safebackup)")


def part_name(day: date, token: str) -> str:
    return f"{day.isoformat()}.{token}{SEALED}"


def kind_of(name: str) -> tuple[date, str, bool] | None:
    """(day, PLAIN or SEALED, is a conflict copy) for a name that holds a day, else None."""
    if len(name) < 15 or "unreadable" in name:
        return None
    try:
        day = date.fromisoformat(name[:10])
    except ValueError:
        return None
    rest = name[10:]
    suffix = PLAIN if rest.endswith(PLAIN) else SEALED if rest.endswith(SEALED) else ""
    if not suffix:
        return None
    middle = rest[: -len(suffix)]
    if not middle:
        return (day, PLAIN, False) if suffix == PLAIN else None
    if suffix == SEALED and middle[0] == "." and _TOKEN.fullmatch(middle[1:]):
        return day, SEALED, False
    copy = _CONFLICT.search(middle)
    if copy is None:
        return None
    return day, suffix, True


def is_copy(name: Path | str) -> bool:
    """A sync tool's conflict copy of a day."""
    kind = kind_of(os.path.basename(name))
    return kind is not None and kind[2]


def day_names(
    journal: Path,
    start: date | None,
    end: date | None,
    newest_first: bool,
    skipped: Callable[[Unreadable], None],
) -> Iterator[tuple[date, tuple[str, ...]]]:
    """(day, its files) for every day in range, from folder and file names alone, as plain
    strings (a search of ten years makes no Path objects): the day file first, then any
    conflict copies and sealed parts. A year folder is listed only when reached, so the
    newest days come without touching ten years of history; one that cannot be listed is
    handed to `skipped`."""
    try:
        names = os.listdir(journal)
    except OSError:
        return  # no journal yet (or none we may read: saving says so plainly)
    top = str(journal)
    years = sorted(
        (int(name), f"{top}{os.sep}{name}")
        for name in names
        if len(name) == 4 and name.isascii() and name.isdigit()
    )
    if newest_first:
        years.reverse()
    for year, folder in years:
        if (start and year < start.year) or (end and year > end.year):
            continue
        try:
            year_folder(journal, year)
            names = os.listdir(folder)
        except NotADirectoryError:
            continue  # a file named like a year is not a year of the journal
        except OSError as exc:
            skipped(Unreadable(folder, plain_reason(exc)))
            continue
        found: dict[date, list[str]] = {}
        for name in names:
            if len(name) == 15 and name.endswith(PLAIN):  # the usual day file, quickly
                try:
                    day = date.fromisoformat(name[:10])
                except ValueError:
                    continue
            else:
                kind = kind_of(name)
                if kind is None:
                    continue
                day = kind[0]
            if (start and day < start) or (end and day > end):
                continue
            found.setdefault(day, []).append(name)
        for day in sorted(found, reverse=newest_first):
            files = found[day]
            if len(files) > 1:
                files.sort(key=lambda n: (len(n) != 15, n))  # the day file first
            yield day, tuple(f"{folder}{os.sep}{name}" for name in files)


def year_folder(journal: Path, year: int) -> Path:
    """journal/YYYY, where a year's days are kept; a link that leads out of the journal
    raises NotAFile (an OSError): the journal never reads or writes outside its folder."""
    folder = journal / f"{year:04d}"
    if os.path.islink(folder):
        link_inside(folder, journal)
    return folder


def files_of(journal: Path, day: date) -> list[Path]:
    """Every file that holds `day`: the day file (if there) first."""
    try:
        folder = year_folder(journal, day.year)
        names = os.listdir(folder)
    except OSError:
        return []
    prefix = day.isoformat()
    mine = [n for n in names if n.startswith(prefix) and (k := kind_of(n)) and k[0] == day]
    return [folder / n for n in sorted(mine, key=lambda n: (len(n) != 15, n))]
