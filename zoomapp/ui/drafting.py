"""Drafts of what is being typed in a box: kept a moment after the last key, and whenever
the app closes, so an interrupted note comes back next time. One keeper per box."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.dom import DOMNode
from textual.timer import Timer

from zoomapp.core.drafts import clear_draft, load_draft, new_token, save_draft

if TYPE_CHECKING:
    from zoomapp.core.sealing import Keys

DRAFT_AFTER_SECONDS = 0.3  # of quiet after the last key: soon enough to survive anything


class DraftKeeper:
    """Keeps the words of one box under one draft name.

    `stored` is what is already saved for this box (an entry being edited, the day's
    feeling): those words need no draft. `current` reads the box, or None once it is gone;
    `failed` tells the parent a draft could not be kept (the words are still in the box).
    """

    def __init__(
        self,
        owner: DOMNode,
        folder: Path,
        name: str,
        current: Callable[[], str | None],
        failed: Callable[[OSError], None],
        stored: str = "",
        keys: Keys | None = None,
    ) -> None:
        self.owner = owner
        self.folder = folder
        self.name = name
        self.current = current
        self.failed = failed
        self.stored = stored
        self.keys = keys  # a locked journal's: drafts are sealed like it, under
        self.token = new_token()  # this box's own name, so no other draft is overwritten
        self.typed = ""  # kept here too: at unmount the box is already gone
        self.kept = ""  # what the draft on disk (or the journal) holds now
        self.timer: Timer | None = None

    def begin(self) -> tuple[str, bool]:
        """The words to show in the box, and whether they are a draft come back."""
        draft = load_draft(self.folder, self.name, self.keys, self.token)
        back = bool(draft) and draft != self.stored
        self.typed = self.kept = draft if back else self.stored
        return self.typed, back

    def changed(self, value: str) -> None:
        if value == self.typed:
            return
        self.typed = value
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.owner.set_timer(DRAFT_AFTER_SECONDS, self.keep)

    def keep(self) -> None:
        """Keep the typed words as a draft (the app may be closing now)."""
        now = self.current()
        if now is not None:  # what is in the box now, even before its change message
            self.typed = now
        typed = self.typed
        if typed == self.kept:
            return
        try:
            if typed.strip() == self.stored.strip():
                clear_draft(self.folder, self.name, self.keys, self.token)
            else:
                save_draft(self.folder, self.name, typed, self.keys, self.token)
        except OSError as exc:
            self.failed(exc)  # and tried again at the next key, or as the app closes
            return
        self.kept = typed

    def forget(self, now: str = "") -> None:
        """The words are saved (or given up): no draft is needed for them."""
        if self.timer is not None:
            self.timer.stop()
        self.typed = self.kept = now
        with contextlib.suppress(OSError):
            clear_draft(self.folder, self.name, self.keys, self.token)
