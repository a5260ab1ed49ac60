"""Journal exports: one writer per format, found here by name.

HTML and Markdown open with a summary of the range - the progress sentences and what
helps - and the parent chooses which kinds of entry follow (`selection.only`). Adding a
format is one writer module and one line in WRITERS.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from zoomapp.core.content.model import Content
from zoomapp.core.journal.data_export import to_jrnl, to_json
from zoomapp.core.journal.day import Day
from zoomapp.core.journal.html_export import to_html
from zoomapp.core.journal.markdown_export import to_markdown
from zoomapp.core.journal.selection import KINDS, only

# days, content, first and last day asked for (None: open), the kinds of entry chosen
Writer = Callable[[list[Day], Content, date | None, date | None, tuple[str, ...]], str]

WRITERS: dict[str, Writer] = {
    "html": to_html,
    "markdown": to_markdown,
    "json": lambda days, content, start, end, kinds: to_json(only(days, kinds)),
    "jrnl": lambda days, content, start, end, kinds: to_jrnl(only(days, kinds)),
}
FORMATS = tuple(WRITERS)
__all__ = ["FORMATS", "KINDS", "WRITERS", "export"]


def export(
    fmt: str,
    days: Iterable[Day],
    content: Content,
    start: date | None = None,
    end: date | None = None,
    kinds: Iterable[str] = KINDS,
) -> str:
    """The days in one of FORMATS, holding only the chosen kinds of entry."""
    return WRITERS[fmt](list(days), content, start, end, tuple(kinds))
