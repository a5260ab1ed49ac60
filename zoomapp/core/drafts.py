"""Drafts: words typed in the app but not saved yet, kept so an interrupted note survives."""

from __future__ import annotations

import contextlib
import tomllib
from pathlib import Path

from zoomapp.core.files import atomic_write


def _path(folder: Path, name: str) -> Path:
    return folder / f"{name}.toml"


def load_draft(folder: Path, name: str) -> str:
    """The draft saved under `name`, or '' (an unreadable draft is simply not offered)."""
    try:
        data = tomllib.loads(_path(folder, name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    text = data.get("text", "")
    return text if isinstance(text, str) else ""


def save_draft(folder: Path, name: str, text: str) -> None:
    """Keep `text` (atomically, privately); an empty text removes the draft."""
    if not text.strip():
        clear_draft(folder, name)
        return
    import tomli_w

    atomic_write(_path(folder, name), tomli_w.dumps({"text": text}))


def clear_draft(folder: Path, name: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _path(folder, name).unlink()
