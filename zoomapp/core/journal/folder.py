"""The journal's folder: journal/YYYY/YYYY-MM-DD.toml, and which of its names are days."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from zoomapp.core.files import plain_reason
from zoomapp.core.journal.day import Unreadable


def day_names(
    journal: Path,
    start: date | None,
    end: date | None,
    newest_first: bool,
    skipped: Callable[[Unreadable], None],
) -> Iterator[tuple[date, str]]:
    """(day, file name) of every day file in range, from folder and file names alone, as
    plain strings (a search of ten years makes no Path objects). A year folder is listed
    only when reached, so the newest days come without touching ten years of history; one
    that cannot be listed is handed to `skipped`."""
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
        found = []
        try:
            names = os.listdir(folder)
        except NotADirectoryError:
            continue  # a file named like a year is not a year of the journal
        except OSError as exc:
            skipped(Unreadable(folder, plain_reason(exc)))
            continue
        for name in names:
            if not name.endswith(".toml") or len(name) != 15:
                continue  # set-aside files and strangers are not days
            try:
                day = date.fromisoformat(name[:10])
            except ValueError:
                continue
            if (start and day < start) or (end and day > end):
                continue
            found.append((day, f"{folder}{os.sep}{name}"))
        found.sort(reverse=newest_first)
        yield from found
