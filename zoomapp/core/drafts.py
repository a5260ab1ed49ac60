"""Drafts: words typed in the app but not saved yet, kept so an interrupted note survives.

Unlocked, a box's draft is `drafts/NAME.toml`. Locked, drafts are sealed like the journal,
so keeping one never asks for the passphrase: each box, each time it opens, writes its own
`NAME.<token>.age` (`token`). Loading needs the journal's key: with it, every draft kept
under the name (by boxes that could not read the others) comes back, joined, and is kept
as one; without it, nothing is offered and nothing is overwritten.
"""

from __future__ import annotations

import contextlib
import os
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING

from zoomapp.core.files import atomic_write, read_file

if TYPE_CHECKING:
    from zoomapp.core.sealing import Keys

TOKEN_LENGTH = 12


def new_token() -> str:
    """A random name for what is sealed (a box's drafts, a part of a day), never the
    same as another's."""
    import secrets  # here: only a locked journal needs it

    return secrets.token_hex(TOKEN_LENGTH // 2)


MAX_DRAFT = 1_000_000


def _path(folder: Path, name: str) -> Path:
    return folder / f"{name}.toml"


def _sealed(folder: Path, name: str, mine: str) -> list[Path]:
    """This name's sealed drafts, oldest first (this box's last)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    found = []
    for file in names:
        head, dot, token = file.removesuffix(".age").rpartition(".")
        if file.endswith(".age") and dot and head == name and len(token) == TOKEN_LENGTH:
            found.append(folder / file)
    return sorted(found, key=lambda p: (p.name == f"{name}.{mine}.age", _mtime(p)))


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _text(raw: bytes) -> str:
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    text = data.get("text", "")
    return text if isinstance(text, str) else ""


def load_draft(folder: Path, name: str, keys: Keys | None = None, token: str = "") -> str:
    """The draft saved under `name`, or '' (an unreadable draft is simply not offered)."""
    try:
        plain = _text(read_file(_path(folder, name), MAX_DRAFT))
    except OSError:
        plain = ""
    if keys is None:
        return plain
    if not keys.is_open:
        return ""  # sealed, and the key is closed: kept as it is, for another time
    from zoomapp.core.sealing import SealError

    found, texts = [], [plain] if plain else []
    for path in _sealed(folder, name, token):
        try:
            words = _text(keys.unseal(read_file(path, MAX_DRAFT), path.name))
        except (OSError, SealError):
            continue  # left as it is
        found.append(path)
        if words and words not in texts:
            texts.append(words)
    joined = "\n\n".join(texts)
    others = [p for p in found if p.name != f"{name}.{token}.age"]
    if joined and (others or plain):  # kept as one, this box's, from now on; then the rest go
        save_draft(folder, name, joined, keys, token)
        for path in [*others, _path(folder, name)]:
            with contextlib.suppress(OSError):
                path.unlink()
    return joined


def sealed_names(folder: Path) -> set[str]:
    """The names that have sealed drafts."""
    try:
        return {
            n.removesuffix(".age").rpartition(".")[0]
            for n in os.listdir(folder)
            if n.endswith(".age")
        }
    except OSError:
        return set()


def save_draft(
    folder: Path, name: str, text: str, keys: Keys | None = None, token: str = ""
) -> None:
    """Keep `text` (atomically, privately, sealed when locked); empty text removes it."""
    if not text.strip():
        clear_draft(folder, name, keys, token)
        return
    import tomli_w

    data = tomli_w.dumps({"text": text})
    if keys is None:
        atomic_write(_path(folder, name), data)
    else:
        atomic_write(folder / f"{name}.{token or new_token()}.age", keys.seal(data.encode()))


def clear_draft(folder: Path, name: str, keys: Keys | None = None, token: str = "") -> None:
    """This box's draft under `name` goes (a locked one it could not read stays)."""
    mine = _path(folder, name) if keys is None else folder / f"{name}.{token}.age"
    with contextlib.suppress(FileNotFoundError):
        mine.unlink()
