"""`zoomapp lock`: seal what zoomapp keeps about the family, so only its owner reads it.

Asks for a passphrase twice, shows the recovery key once (and can save it as a page to
print), then seals every file in place. Run again, it finishes a lock that was cut
short; with --change-passphrase it seals the journal's key anew and rewrites nothing else.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from zoomapp.commands import passphrase
from zoomapp.core.paths import Paths
from zoomapp.shell import EXIT_FAILED, UsageError, read_workspace, say, warn


def arguments(commands: argparse._SubParsersAction, name: str) -> None:
    lock = commands.add_parser(
        name, help="seal your journal with a passphrase: adding never asks, reading does"
    )
    passphrase.options(lock)
    lock.add_argument(
        "--recovery-page",
        metavar="FILE",
        help="also save the recovery key as a page to print (delete it once printed)",
    )
    lock.add_argument(
        "--change-passphrase",
        action="store_true",
        help="choose a new passphrase (asks for the one you have, or give --passphrase-file)",
    )
    lock.add_argument(
        "--new-passphrase-file", metavar="FILE", help="the new passphrase, for a script"
    )


def run(args: argparse.Namespace, paths: Paths) -> int:
    from zoomapp.core import locking
    from zoomapp.core.files import atomic_write, plain_reason
    from zoomapp.core.sealing import Keys, SealError

    content = read_workspace(paths, language=args.lang, check_language=True).content
    text = content.text
    keys = Keys(paths.data_dir)
    try:
        if args.change_passphrase:
            if not keys.locked:
                raise UsageError(text("lock_not_locked"))
            passphrase.open_keys(args, keys, content)
            keys.change_passphrase(passphrase.new_passphrase(args, content, "new_passphrase_file"))
            say(text("lock_changed"))
            return 0
        if keys.locked:
            say(text("lock_already", count=locking.seal_remaining(paths, keys)))
            return 0
        chosen = passphrase.new_passphrase(args, content, "passphrase_file")

        def show(key: str) -> None:
            page = locking.recovery_page(content, key)
            if args.recovery_page:
                atomic_write(Path(args.recovery_page), page + "\n", private_folder=False)
                say(text("lock_page_saved", file=args.recovery_page))
            say(page)

        _, count = locking.lock(paths, chosen, show)
        say(text("lock_done", count=count))
        return 0
    except SealError as exc:
        raise UsageError(content.explain(exc)) from None
    except OSError as exc:
        warn(
            text(
                "error_save",
                file=getattr(exc, "filename", None) or paths.data_dir,
                reason=plain_reason(exc),
            )
        )
        return EXIT_FAILED
