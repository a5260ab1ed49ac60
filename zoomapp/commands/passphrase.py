"""Opening a locked journal from the shell (not a command): its passphrase from a file
(`--passphrase-file`; `-` is standard input, /dev/fd/N a descriptor), its recovery key
from one (`--recovery-key-file`), or typed, unseen, on a terminal - never a word on the
command line, which the shell would keep in its history.
"""

from __future__ import annotations

import argparse
import sys

from zoomapp.core.content.model import Content
from zoomapp.core.files import plain_reason, read_file
from zoomapp.core.sealing import Keys, SealError
from zoomapp.shell import UsageError, warn

MAX_PASSPHRASE = 64 * 1024
TRIES = 3


def options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        help="a locked journal's passphrase: the first line of FILE (- for standard input,"
        " /dev/fd/N for a descriptor); without it, a terminal asks",
    )
    parser.add_argument(
        "--recovery-key-file",
        metavar="FILE",
        help="open a locked journal with its recovery key, kept in FILE",
    )


def from_file(name: str, content: Content) -> str:
    """The first line of a file (or of standard input for '-')."""
    try:
        if name == "-":
            raw = sys.stdin.buffer.readline(MAX_PASSPHRASE) if sys.stdin is not None else b""
        else:
            raw = read_file(name, MAX_PASSPHRASE) if not name.startswith("/dev/fd/") else _fd(name)
        return raw.decode("utf-8").split("\n", 1)[0].rstrip("\r")
    except (OSError, UnicodeDecodeError) as exc:
        reason = plain_reason(exc) if isinstance(exc, OSError) else "it is not UTF-8 text"
        raise UsageError(content.text("lock_passphrase_file", file=name, reason=reason)) from None


def _fd(name: str) -> bytes:
    with open(name, "rb") as source:  # a pipe or a descriptor: read_file refuses FIFOs
        return source.read(MAX_PASSPHRASE)


def open_keys(
    args: argparse.Namespace, keys: Keys, content: Content, prompt: str = "lock_passphrase"
) -> bool:
    """Open the journal's key from what was given or typed; False when a prompt was
    answered with nothing (only `lock_earlier_ask` may be skipped). Bad input is a
    UsageError, and nothing is changed."""
    try:
        if getattr(args, "recovery_key_file", None):
            keys.open_with_recovery_key(from_file(args.recovery_key_file, content))
            return True
        if getattr(args, "passphrase_file", None):
            keys.open(from_file(args.passphrase_file, content))
            return True
    except SealError as exc:
        raise UsageError(content.explain(exc)) from None
    if sys.stdin is None or not sys.stdin.isatty():
        if prompt == "lock_earlier_ask":
            return False
        raise UsageError(content.text("lock_no_terminal"))
    for attempt in range(1, TRIES + 1):
        typed = _typed(content.text(prompt))  # the passphrase, or the recovery key
        if not typed:  # Enter alone, Ctrl+D or Ctrl+C: nothing is read
            if prompt == "lock_earlier_ask":
                return False
            raise UsageError(content.text("lock_not_opened"))
        try:
            keys.open_typed(typed)
            return True
        except SealError as exc:
            if attempt == TRIES:
                raise UsageError(content.explain(exc)) from None
            warn(content.explain(exc))
    return False


def _typed(prompt: str) -> str:
    import getpass

    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        return ""


def new_passphrase(args: argparse.Namespace, content: Content, file_option: str) -> str:
    """A new passphrase: from a file, or typed twice on a terminal (the same both times)."""
    name = getattr(args, file_option, None)
    if name:
        typed = from_file(name, content)
    elif sys.stdin is None or not sys.stdin.isatty():
        raise UsageError(content.text("lock_no_terminal"))
    else:
        typed = _typed(content.text("lock_passphrase_new"))
        if typed and _typed(content.text("lock_passphrase_again")) != typed:
            raise UsageError(content.text("lock_passphrase_differ"))
    if not typed:
        raise UsageError(content.text("error_seal_empty"))
    return typed
