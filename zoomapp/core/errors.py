"""What went wrong with a journal action, as a text key and its values, not as words.

The words are the packs' (`error_…` texts), so a message reaches the parent in their
language: `content.text(error.key, **error.values)`, or `Content.explain(error)`.
"""

from __future__ import annotations

from typing import Any


class JournalError(Exception):
    """A journal action that could not be done; its text says what to do."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(key, values)
        self.key = key
        self.values = {name: str(value) for name, value in values.items()}

    def __str__(self) -> str:  # for logs and tests; a person is shown Content.explain
        details = ", ".join(f"{name}={value}" for name, value in self.values.items())
        return f"{self.key} ({details})" if details else self.key


class EntryError(JournalError):
    """What was given is not usable (empty text, a strange date): nothing was tried."""
