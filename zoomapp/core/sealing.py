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

Every failure is a SealError: a JournalError whose text (error_seal_...) says what
happened and what to do.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from zoomapp.core.errors import JournalError
from zoomapp.core.files import atomic_write, ensure_private_dir

if TYPE_CHECKING:
    from pyrage.x25519 import Identity, Recipient

LOCK_FOLDER = "lock"
RECIPIENTS_FILE = "recipients.txt"
JOURNAL_KEY_FILE = "journal-key.age"
SEALED = b"age-encryption.org/v1\n"  # how every sealed file begins
RECOVERY_PREFIX = "AGE-SECRET-KEY-1"
_SQUEEZED_PREFIX = RECOVERY_PREFIX.replace("-", "")


def _squeezed(typed: str) -> str:
    """A recovery key as a parent may type it - any case, spaces or dashes - in capitals
    with neither (its own dashes too)."""
    return re.sub(r"[\s-]+", "", typed).upper()


class SealError(JournalError):
    """Something sealed could not be opened or made: its text key says what to do."""


def is_sealed(data: bytes) -> bool:
    return data.startswith(SEALED)


class Keys:
    """The lock of one data folder: its public keys, and its secret key once opened."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / LOCK_FOLDER
        self._opened: list[Identity] = []
        self._recipients: list[Recipient] | None = None

    @property
    def locked(self) -> bool:
        return (self.folder / RECIPIENTS_FILE).is_file()

    @property
    def is_open(self) -> bool:
        """The journal's key is open: sealed files can be read."""
        return bool(self._opened)

    def create(self, passphrase: str, show: Callable[[str], None]) -> str:
        """Lock the folder: make both keys, keep the public ones and the journal's secret
        one sealed with `passphrase`. The recovery key is handed to `show` before the
        folder counts as locked (killed first, it is not locked, and a new key is made
        next time) and returned."""
        from pyrage import passphrase as with_passphrase
        from pyrage.x25519 import Identity

        if not passphrase:
            raise SealError("error_seal_empty")
        journal, recovery = Identity.generate(), Identity.generate()
        ensure_private_dir(self.folder)
        sealed_key = with_passphrase.encrypt(str(journal).encode(), passphrase)
        atomic_write(self.folder / JOURNAL_KEY_FILE, sealed_key)
        show(str(recovery))
        recipients = f"{journal.to_public()}\n{recovery.to_public()}\n"
        atomic_write(self.folder / RECIPIENTS_FILE, recipients)  # last: now it is locked
        self._opened = [journal]
        return str(recovery)

    def recipients(self) -> list[Recipient]:
        """Who every file is sealed to. Needs no passphrase."""
        from pyrage import RecipientError
        from pyrage.x25519 import Recipient

        if self._recipients is not None:
            return self._recipients
        try:
            lines = (self.folder / RECIPIENTS_FILE).read_text(encoding="ascii").split()
            found = [Recipient.from_str(line) for line in lines]
            if not found:
                raise RecipientError("no public keys")
            self._recipients = found
            return found
        except (OSError, UnicodeDecodeError, RecipientError) as exc:
            raise SealError("error_seal_recipients", file=self.folder / RECIPIENTS_FILE) from exc

    def seal(self, data: bytes) -> bytes:
        import pyrage

        recipients = self.recipients()
        try:
            return pyrage.encrypt(data, recipients)
        except pyrage.EncryptError as exc:
            raise SealError("error_seal_recipients", file=self.folder / RECIPIENTS_FILE) from exc

    def open(self, passphrase: str) -> None:
        """Open the journal's key with the passphrase (about a second, on purpose)."""
        from pyrage import DecryptError, IdentityError
        from pyrage import passphrase as with_passphrase
        from pyrage.x25519 import Identity

        try:
            sealed_key = (self.folder / JOURNAL_KEY_FILE).read_bytes()
        except OSError as exc:
            raise SealError("error_seal_key_file", file=self.folder / JOURNAL_KEY_FILE) from exc
        try:
            key = with_passphrase.decrypt(sealed_key, passphrase).decode("ascii").strip()
            self._opened = [Identity.from_str(key)]
        except DecryptError as exc:
            raise SealError("error_seal_wrong") from exc
        except (UnicodeDecodeError, IdentityError) as exc:
            raise SealError("error_seal_key_file", file=self.folder / JOURNAL_KEY_FILE) from exc

    def open_typed(self, typed: str) -> None:
        """Open with what a parent typed where the passphrase goes: the passphrase, or
        the recovery key (recognised by how it begins)."""
        if _squeezed(typed).startswith(_SQUEEZED_PREFIX):
            self.open_with_recovery_key(typed)
        else:
            self.open(typed)

    def open_with_recovery_key(self, typed: str) -> None:
        """Open with the recovery key as a parent may type it: any case, spaces or dashes."""
        self._opened = [recovery_identity(typed)]

    def unseal(self, data: bytes, name: str = "this file") -> bytes:
        """What a sealed file holds; the keys must be opened first."""
        import pyrage

        if not self._opened:
            raise SealError("error_seal_closed")
        try:
            return pyrage.decrypt(data, self._opened)
        except pyrage.DecryptError as exc:
            raise SealError(_why_not(str(exc)), file=name) from exc

    def change_passphrase(self, new: str) -> None:
        """Seal the journal's key with a new passphrase (opened keys needed); nothing
        else is rewritten."""
        from pyrage import passphrase as with_passphrase

        if not new:
            raise SealError("error_seal_empty")
        if not self._opened:
            raise SealError("error_seal_closed")
        journal = str(self._opened[0]).encode()
        atomic_write(self.folder / JOURNAL_KEY_FILE, with_passphrase.encrypt(journal, new))


def recovery_identity(typed: str) -> Identity:
    """The recovery key from what was typed, or a SealError saying how it is wrong."""
    from pyrage import IdentityError
    from pyrage.x25519 import Identity

    key = _squeezed(typed)
    if not key.startswith(_SQUEEZED_PREFIX):
        raise SealError("error_seal_recovery_start", start=RECOVERY_PREFIX)
    key = RECOVERY_PREFIX + key.removeprefix(_SQUEEZED_PREFIX)
    try:
        return Identity.from_str(key)
    except IdentityError as exc:
        raise SealError("error_seal_recovery_typo") from exc


def _why_not(reason: str) -> str:
    return "error_seal_other" if "No matching keys" in reason else "error_seal_damaged"
