"""Words for the journal that are not typed on the command line, so they never sit in the
shell's history: read from a pipe, from $VISUAL or $EDITOR, or typed after a prompt.

The editor works on a private draft file (drafts/shell-KIND.txt, 0600) that stays until
the entry is saved: an editor closed by a lost connection leaves the words there, and the
next `zoomapp win` opens them again.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from zoomapp.core.content.model import Content
from zoomapp.core.errors import EntryError, JournalError
from zoomapp.core.files import ensure_private_dir, plain_reason
from zoomapp.core.paths import Paths

MAX_READ = 1_000_000  # far beyond any entry; a stray `< /dev/zero` must not fill memory


def draft_file(kind: str, paths: Paths) -> Path:
    return paths.drafts_dir / f"shell-{kind}.txt"


def read_words(kind: str, content: Content, paths: Paths) -> str | None:
    """The words to save, or None when none were written."""
    stdin = sys.stdin
    if stdin is None:
        return None
    if not stdin.isatty():
        raw = stdin.buffer.read(MAX_READ)
        return _decoded(raw)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if editor:
        return _from_editor(editor, draft_file(kind, paths))
    return _typed(content)


def read_passing_words(content: Content, prompt: str) -> str | None:
    """Words to answer and forget (a worry): from a pipe or typed after a prompt, never
    through an editor, whose draft file would keep them."""
    stdin = sys.stdin
    if stdin is None:
        return None
    if not stdin.isatty():
        return _decoded(stdin.buffer.read(MAX_READ))
    return _typed(content, prompt)


def forget_words(kind: str, paths: Paths) -> None:
    """The words are in the journal now: their draft file can go."""
    with contextlib.suppress(OSError):
        draft_file(kind, paths).unlink()


def _decoded(raw: bytes) -> str | None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise EntryError("error_not_utf8") from None
    return text if text.strip() else None


def _from_editor(editor: str, draft: Path) -> str | None:
    import shlex
    import subprocess

    try:
        ensure_private_dir(draft.parent)
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT, 0o600)  # kept if it holds a draft
        os.close(fd)
        os.chmod(draft, 0o600)
        command = [*shlex.split(editor), str(draft)]
        finished = subprocess.run(command, check=False)
    except (OSError, ValueError) as exc:
        reason = plain_reason(exc) if isinstance(exc, OSError) else str(exc)
        raise JournalError("cli_editor_failed", editor=editor, reason=reason, file=draft) from None
    if finished.returncode != 0:
        reason = f"exit code {finished.returncode}"
        raise JournalError("cli_editor_failed", editor=editor, reason=reason, file=draft)
    try:
        raw = draft.read_bytes()[:MAX_READ]
    except OSError as exc:
        reason = plain_reason(exc)
        raise JournalError("cli_editor_failed", editor=editor, reason=reason, file=draft) from None
    words = _decoded(raw)
    if words is None:
        with contextlib.suppress(OSError):
            draft.unlink()
    return words


def _typed(content: Content, prompt: str = "cli_type_words") -> str | None:
    """Lines typed after a prompt, until an empty line or Ctrl+D."""
    sys.stderr.write(content.text(prompt) + "\n")
    sys.stderr.flush()
    lines = []
    try:
        while True:
            line = input()
            if not line.strip():
                break
            lines.append(line)
    except EOFError:
        pass
    except KeyboardInterrupt:
        return None
    text = "\n".join(lines)
    return text if text.strip() else None
