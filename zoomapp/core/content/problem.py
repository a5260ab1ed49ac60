"""Problem: something wrong in a pack file, said so a person can fix it.

Apart from the checking code, which a launch whose packs come already checked never loads.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from zoomapp.core.content.quoting import shorten
from zoomapp.core.safe_text import printable


class Problem(NamedTuple):
    """Something wrong in a pack file, said so a person can fix it."""

    file: str
    key: str
    message: str
    line: int | None = None
    column: int | None = None
    warning: bool = False

    def __str__(self) -> str:
        """FILE:LINE:COL: message - printable whatever the file's name or contents."""
        prefix = "warning: " if self.warning else ""
        if self.line is not None:
            text = f"{self.file}:{self.line}:{self.column or 1}: {prefix}{self.message}"
        else:
            where = f" {shorten(self.key, 60)}:" if self.key else ""
            text = f"{self.file}:{where} {prefix}{self.message}"
        return printable(text)


def positioned(problem: Problem) -> Problem:
    """The problem with the line and column of its key, read from its file."""
    try:
        source = Path(problem.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return problem
    return with_position(problem, source)


def with_position(problem: Problem, source: str) -> Problem:
    """The problem with the line and column of its key, when the text shows where it is."""
    if problem.line is not None or not problem.key:
        return problem
    from zoomapp.core.content.locate import locate

    found = locate(source, problem.key)
    if found is None:
        return problem
    return problem._replace(line=found[0], column=found[1])
