"""The command palette's entries drawn as plain text: a coach's [brackets] stay brackets.

Textual's own provider reads every title and help line as markup; this one shows the
same entries (ZoomApp.get_system_commands) as text, highlighting the letters matched.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.fuzzy import FuzzySearch

from zoomapp.core.safe_text import printable


class PlainCommands(Provider):
    def _entries(self) -> list[SystemCommand]:
        return list(self.app.get_system_commands(self.screen))

    async def discover(self) -> Hits:
        for entry in sorted(self._entries(), key=lambda entry: entry.title):
            if entry.discover:
                yield DiscoveryHit(_shown(entry, ()), entry.callback, text=entry.title)

    async def search(self, query: str) -> Hits:
        fuzzy = FuzzySearch()
        for entry in self._entries():
            score, offsets = fuzzy.match(query, entry.title)
            if score > 0:
                yield Hit(score, _shown(entry, offsets), entry.callback, text=entry.title)


def _shown(entry: SystemCommand, matched: Sequence[int]) -> Text:
    line = Text(printable(entry.title))
    for offset in matched:
        line.stylize("bold underline", offset, offset + 1)
    if entry.help:
        line.append("\n")
        line.append(printable(entry.help), "dim")
    return line
