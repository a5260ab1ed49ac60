"""Prompts shown lately, remembered across runs, so a daily user meets fresh ones.

Only a short fingerprint of each prompt is kept (never the words: the parent's own notes
are mixed into the strengths deck), newest last, in recent.toml beside the journal.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Iterable
from pathlib import Path

from zoomapp.core.files import atomic_write, read_file

KEEP = 300  # fingerprints kept: more than all the built-in decks together hold


def fingerprint(prompt: str) -> str:
    return hashlib.sha256(prompt.encode("utf-8", "replace")).hexdigest()[:16]


class Recent:
    """The order prompts were last shown in: `rank` is higher for more recent ones."""

    def __init__(self, shown: Iterable[str] = ()) -> None:
        self.shown: list[str] = list(dict.fromkeys(shown))[-KEEP:]
        self._rank = {key: index for index, key in enumerate(self.shown)}

    def rank(self, prompt: str) -> int:
        """-1 for a prompt not shown lately; otherwise how recently (larger is later)."""
        return self._rank.get(fingerprint(prompt), -1)

    def add(self, prompts: Iterable[str]) -> None:
        for prompt in prompts:
            key = fingerprint(prompt)
            if key in self._rank:
                self.shown.remove(key)
            self.shown.append(key)
        self.shown = self.shown[-KEEP:]
        self._rank = {key: index for index, key in enumerate(self.shown)}


def recent_file(data_dir: Path) -> Path:
    return data_dir / "recent.toml"


def load_recent(path: Path) -> Recent:
    """What was shown lately; a missing or unreadable file is simply a fresh start."""
    import tomllib

    try:
        doc = tomllib.loads(read_file(path, 100_000).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return Recent()
    shown = doc.get("shown", [])
    return Recent(s for s in shown if isinstance(s, str)) if isinstance(shown, list) else Recent()


def save_recent(path: Path, recent: Recent) -> None:
    """Keep it, privately; failing to is harmless (prompts may simply repeat sooner)."""
    body = "shown = [\n" + "".join(f'  "{key}",\n' for key in recent.shown) + "]\n"
    with contextlib.suppress(OSError):
        atomic_write(path, body, durable=False)
