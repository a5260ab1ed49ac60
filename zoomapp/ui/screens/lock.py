"""The lock in the app: asking once for the passphrase that opens a locked journal, and
locking it from Settings - the passphrase twice, then the recovery key, shown once.

Opening and locking stretch the passphrase (about a second, on purpose), so both run in
a thread while the screen says what is happening; nothing here ever interrupts a session.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Input

from zoomapp.core.sealing import Keys, SealError
from zoomapp.ui.keys import Key
from zoomapp.ui.modal import ZoomModal
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

CSS = """
{name} {{ align: center middle; }}
{name} > VerticalScroll {{
    width: 80; max-width: 100%; height: auto; max-height: 100%; padding: 1 2;
    background: $panel; border: round $primary;
}}
{name} .lock-hint {{ color: $text-muted; padding-top: 1; }}
{name} #lock-key {{ text-style: bold; }}
"""


def passphrase_box(screen: ZoomModal) -> Input:
    """Where a passphrase is typed, unseen."""
    text = screen.content.text
    field = Input(password=True, placeholder=text("lock_ask_placeholder"), id="lock-pass")
    field.cursor_blink = screen.zoomapp.cursor_blink
    return field


class PassphraseScreen(ZoomModal):
    """Answers True once the journal's key is open (by passphrase or recovery key)."""

    DEFAULT_CSS = CSS.format(name="PassphraseScreen")
    KEYS = (Key("escape", "dismiss(False)", "key_back", key_display="esc"),)

    def __init__(self, keys: Keys, why: str = "lock_ask_why") -> None:
        super().__init__()
        self.keys = keys
        self.why = why

    def compose(self) -> ComposeResult:
        text = self.content.text
        with VerticalScroll():
            yield Words(text("lock_ask_title"))
            yield Words(text(self.why), classes="lock-hint")
            yield passphrase_box(self)
            yield Words(id="lock-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value:
            self.query_one("#lock-status", Words).update(self.content.text("lock_opening"))
            self.query_one(Input).disabled = True
            self._open(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _open(self, typed: str) -> None:
        try:
            self.keys.open_typed(typed)
        except SealError as exc:
            self.app.call_from_thread(self._refused, self.content.explain(exc))
            return
        self.app.call_from_thread(self.dismiss, True)

    def _refused(self, why: str) -> None:
        self.query_one("#lock-status", Words).update(why)
        field = self.query_one(Input)
        field.disabled = False
        field.value = ""
        field.focus()


class LockScreen(ZoomModal):
    """Lock the journal from Settings: answers True once it is locked."""

    DEFAULT_CSS = CSS.format(name="LockScreen")
    KEYS = (
        Key("escape", "close", "key_back", key_display="esc"),
        Key("p", "page", "key_recovery_page", palette=False),
    )

    def __init__(self, keys: Keys) -> None:
        super().__init__()
        self.keys = keys
        self.first = ""
        self.recovery = ""
        self.locked = False
        self.busy = False  # locking: Esc waits until it is done (the key must be seen)

    def compose(self) -> ComposeResult:
        text = self.content.text
        with VerticalScroll():
            yield Words(text("lock_title"), id="lock-question")
            yield Words(id="lock-key")  # right under its heading: seen first, even at 40x12
            yield Words(text("lock_what"), classes="lock-hint", id="lock-what")
            yield passphrase_box(self)
            yield Words(id="lock-status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#lock-key").display = False
        self.query_one(Input).focus()

    def _say(self, key: str, **values: str) -> None:
        self.query_one("#lock-status", Words).update(self.content.text(key, **values))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        field = self.query_one(Input)
        if not event.value:
            self._say("error_seal_empty")
            return
        if not self.first:
            self.first = event.value
            field.value = ""
            self.query_one("#lock-question", Words).update(self.content.text("lock_again"))
            self._say("")
            return
        if event.value != self.first:
            self.first = field.value = ""
            self.query_one("#lock-question", Words).update(self.content.text("lock_title"))
            self._say("lock_passphrase_differ")
            return
        field.disabled = True
        field.display = False
        self.busy = True
        self._say("lock_locking")
        self._lock(event.value)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _lock(self, passphrase: str) -> None:
        from zoomapp.core import locking

        try:
            paths = self.zoomapp.workspace.paths
            _, count = locking.lock(paths, passphrase, self._keep, self.keys)
        except (OSError, SealError) as exc:
            reason = self.content.explain(exc) if isinstance(exc, SealError) else str(exc)
            self.app.call_from_thread(self._failed, reason)
            return
        self.app.call_from_thread(self._done, count)

    def _keep(self, recovery: str) -> None:
        """The recovery key, on screen before the folder counts as locked (this waits
        until it is drawn): whatever happens next, it has been seen."""
        self.recovery = recovery
        self.app.call_from_thread(self._show_key)

    def _show_key(self) -> None:
        self.query_one("#lock-question", Words).update(self.content.text("lock_shown_once"))
        self.query_one("#lock-what", Words).update(self.content.text("lock_keep_it"))
        shown = self.query_one("#lock-key", Words)
        shown.update(self.recovery)
        shown.display = True
        box = self.query_one(VerticalScroll)
        box.focus()  # up and down scroll it in a small window
        box.scroll_home(animate=False)

    def _failed(self, reason: str) -> None:
        self.busy = False
        self.locked = bool(self.recovery)  # the key was made: the folder may be locked
        self._say("lock_failed", reason=reason)

    def _done(self, count: int) -> None:
        self.busy = False
        self.locked = True
        self.zoomapp.journal_locked(self.keys)
        self._say("lock_done_app", count=str(count))

    def action_page(self) -> None:
        """Save the recovery page in the home folder, to print (then to delete)."""
        if not self.recovery:
            return
        from zoomapp.core.files import atomic_write

        page = Path.home() / "zoomapp-recovery-key.txt"
        try:
            from zoomapp.core.locking import recovery_page

            text = recovery_page(self.content, self.recovery)
            atomic_write(page, text + "\n", private_folder=False)
        except OSError as exc:
            self._say("lock_failed", reason=str(exc))
            return
        self._say("lock_page_saved", file=str(page))

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(self.locked)
