"""Sealing what zoomapp keeps about the family, so that only its owner can read it.

The standard age format (age-encryption.org/v1) through pyrage: an audited design and a
well-kept library, and nothing here is cryptography of our own. A locked data folder
keeps, in `lock/`:

    recipients.txt    the two public keys every file is sealed to, one per line (an age
                      recipients file): the journal's own, and the recovery key's
    journal-key.age   the journal's secret key, sealed with the passphrase (age's scrypt,
                      slow on purpose - about a second - so that guessing costs)

Sealing needs only the public keys, so nothing that adds to the journal ever asks for
the passphrase. Reading opens the journal's key with it, once. The recovery key is the
secret half of the second public key, shown once when the folder is locked: with it the
standard `age` tool opens any sealed file, zoomapp or not (`age -d -i key.txt FILE`).
Changing the passphrase seals the journal's key again and rewrites nothing else.

Every failure is a SealError whose words say what happened and what to do.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from zoomapp.core.files import atomic_write, ensure_private_dir

if TYPE_CHECKING:
    from pyrage.x25519 import Identity, Recipient

LOCK_FOLDER = "lock"
RECIPIENTS_FILE = "recipients.txt"
JOURNAL_KEY_FILE = "journal-key.age"
SEALED = b"age-encryption.org/v1\n"  # how every sealed file begins
RECOVERY_PREFIX = "AGE-SECRET-KEY-1"


class SealError(Exception):
    """Something sealed could not be opened or made: its words are for the parent."""


def is_sealed(data: bytes) -> bool:
    return data.startswith(SEALED)


class Keys:
    """The lock of one data folder: its public keys, and its secret key once opened."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / LOCK_FOLDER
        self._opened: list[Identity] = []

    @property
    def locked(self) -> bool:
        return (self.folder / RECIPIENTS_FILE).is_file()

    def create(self, passphrase: str) -> str:
        """Lock the folder: make both keys, keep the public ones and the journal's secret
        one sealed with `passphrase`; return the recovery key, to be shown once."""
        from pyrage import passphrase as with_passphrase
        from pyrage.x25519 import Identity

        if not passphrase:
            raise SealError("a passphrase cannot be empty - choose one you will remember")
        journal, recovery = Identity.generate(), Identity.generate()
        ensure_private_dir(self.folder)
        sealed_key = with_passphrase.encrypt(str(journal).encode(), passphrase)
        atomic_write(self.folder / JOURNAL_KEY_FILE, sealed_key)
        recipients = f"{journal.to_public()}\n{recovery.to_public()}\n"
        atomic_write(self.folder / RECIPIENTS_FILE, recipients)  # last: now it is locked
        self._opened = [journal]
        return str(recovery)

    def recipients(self) -> list[Recipient]:
        """Who every file is sealed to. Needs no passphrase."""
        from pyrage import RecipientError
        from pyrage.x25519 import Recipient

        try:
            lines = (self.folder / RECIPIENTS_FILE).read_text(encoding="ascii").split()
            return [Recipient.from_str(line) for line in lines]
        except (OSError, UnicodeDecodeError, RecipientError) as exc:
            raise SealError(
                f"{self.folder / RECIPIENTS_FILE} cannot be read - the lock's public keys are"
                " missing or damaged; restore the lock folder from a backup"
            ) from exc

    def seal(self, data: bytes) -> bytes:
        import pyrage

        return pyrage.encrypt(data, self.recipients())

    def open(self, passphrase: str) -> None:
        """Open the journal's key with the passphrase (about a second, on purpose)."""
        from pyrage import DecryptError, IdentityError
        from pyrage import passphrase as with_passphrase
        from pyrage.x25519 import Identity

        try:
            sealed_key = (self.folder / JOURNAL_KEY_FILE).read_bytes()
        except OSError as exc:
            raise SealError(
                f"{self.folder / JOURNAL_KEY_FILE} cannot be read - open the journal with"
                " the recovery key instead"
            ) from exc
        try:
            key = with_passphrase.decrypt(sealed_key, passphrase).decode("ascii").strip()
            self._opened = [Identity.from_str(key)]
        except DecryptError as exc:
            raise SealError("that passphrase is not the right one - nothing was changed") from exc
        except (UnicodeDecodeError, IdentityError) as exc:
            raise SealError(
                f"{self.folder / JOURNAL_KEY_FILE} is damaged - open the journal with the"
                " recovery key instead"
            ) from exc

    def open_with_recovery_key(self, typed: str) -> None:
        """Open with the recovery key as a parent may type it: any case, spaces or dashes."""
        self._opened = [recovery_identity(typed)]

    def unseal(self, data: bytes, name: str = "this file") -> bytes:
        """What a sealed file holds; the keys must be opened first."""
        import pyrage

        if not self._opened:
            raise SealError("the journal is locked - open it with its passphrase first")
        try:
            return pyrage.decrypt(data, self._opened)
        except pyrage.DecryptError as exc:
            raise SealError(_why_not(name, str(exc))) from exc

    def change_passphrase(self, new: str) -> None:
        """Seal the journal's key with a new passphrase (opened keys needed); nothing
        else is rewritten."""
        from pyrage import passphrase as with_passphrase

        if not new:
            raise SealError("a passphrase cannot be empty - choose one you will remember")
        if not self._opened:
            raise SealError("the journal is locked - open it with its passphrase first")
        journal = str(self._opened[0]).encode()
        atomic_write(self.folder / JOURNAL_KEY_FILE, with_passphrase.encrypt(journal, new))


def recovery_identity(typed: str) -> Identity:
    """The recovery key from what was typed, or a SealError saying how it is wrong."""
    from pyrage import IdentityError
    from pyrage.x25519 import Identity

    key = re.sub(r"[\s-]+", "", typed).upper()
    if not key.startswith(RECOVERY_PREFIX.replace("-", "")):
        raise SealError(f"a recovery key begins {RECOVERY_PREFIX} - type it as it was printed")
    key = RECOVERY_PREFIX + key.removeprefix(RECOVERY_PREFIX.replace("-", ""))
    try:
        return Identity.from_str(key)
    except IdentityError as exc:
        raise SealError(
            "that recovery key has a letter wrong or missing - check it against the printed page"
        ) from exc


def _why_not(name: str, reason: str) -> str:
    if "No matching keys" in reason:
        return f"{name} was sealed with another key, not this journal's - it was left as it is"
    return f"{name} is damaged or cut short and cannot be opened - it was left as it is"
