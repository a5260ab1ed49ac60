"""`zoomapp unlock --decrypt`: turn the lock off - every sealed file back to plain TOML.

Asks for the passphrase (or takes the recovery key), opens each day in place, and stops
being locked only when all are open: killed midway, run it again and it goes on.
"""

from __future__ import annotations

import argparse

from zoomapp.commands import passphrase
from zoomapp.core.paths import Paths
from zoomapp.shell import EXIT_FAILED, UsageError, read_workspace, say, warn


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    unlock = commands.add_parser(name, help="turn the lock off: zoomapp unlock --decrypt")
    unlock.add_argument(
        "--decrypt",
        action="store_true",
        help="open every sealed file and keep the journal as plain files again",
    )
    passphrase.options(unlock)


def run(args: argparse.Namespace, paths: Paths) -> int:
    from datetime import datetime

    from zoomapp.core import locking
    from zoomapp.core.files import plain_reason
    from zoomapp.core.sealing import Keys, SealError

    content = read_workspace(paths, language=args.lang, check_language=True).content
    text = content.text
    keys = Keys(paths.data_dir)
    if not keys.locked:
        say(text("lock_not_locked"))
        return 0
    if not args.decrypt:
        raise UsageError(text("lock_unlock_how"))
    passphrase.open_keys(args, keys, content)
    try:
        count, left = locking.unlock(paths, keys, datetime.now)
    except SealError as exc:
        raise UsageError(content.explain(exc)) from None
    except OSError as exc:
        where = getattr(exc, "filename", None) or paths.journal_dir
        warn(text("error_save", file=where, reason=plain_reason(exc)))
        return EXIT_FAILED
    for path in left:
        warn(text("lock_left_sealed", file=path))
    say(text("lock_unlocked", count=count))
    return 0
