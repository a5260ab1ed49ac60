"""Which screen each action opens, in one table, and the app's actions that open them.

A screen's module is imported only when it first opens, so the home screen draws without
them. Screens open other screens through `open_screen` too, never by importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from zoomapp.core.content.model import Content
    from zoomapp.core.journal.store import Journal
    from zoomapp.core.sealing import Keys
    from zoomapp.core.settings import Settings
    from zoomapp.core.workspace import Workspace

# The screens that read the journal: a locked one asks for its passphrase first.
READS = frozenset({"journal", "search", "progress", "helps", "school", "plan"})

# The name an action opens -> (its module in ui/screens, the screen's class).
SCREENS = {
    "ground": ("grounding", "GroundingScreen"),
    "breathe": ("breathe", "BreatheScreen"),
    "patterns": ("breathe", "PatternChooser"),
    "zoom": ("zoom", "ZoomScreenView"),
    "help": ("help", "HelpScreen"),
    "add_number": ("help", "AddNumberScreen"),
    "safety_plan": ("safety_plan", "SafetyPlanScreen"),
    "country": ("country", "CountryScreen"),
    "settings": ("settings", "SettingsScreen"),
    "themes": ("themes", "ThemeScreen"),
    "packs": ("packs", "PacksScreen"),
    "problems": ("problems", "ProblemsScreen"),
    "note": ("note", "NoteScreen"),
    "checkin": ("checkin", "CheckinScreen"),
    "journal": ("journal", "JournalScreen"),
    "search": ("search", "SearchScreen"),
    "progress": ("progress", "ProgressScreen"),
    "helps": ("helps", "HelpsScreen"),
    "confirm": ("confirm", "ConfirmScreen"),
    "school": ("school", "SchoolScreen"),
    "export_choice": ("export_choice", "ExportChoiceScreen"),
    "plan": ("plan", "PlanScreen"),
    "passphrase": ("lock", "PassphraseScreen"),
    "lock": ("lock", "LockScreen"),
}


def screen_class(name: str) -> type[Screen[Any]]:
    module, cls = SCREENS[name]
    return getattr(import_module(f"zoomapp.ui.screens.{module}"), cls)


def showing(app: App[None], name: str) -> bool:
    """Whether the screen on top is the one `name` opens (without importing it)."""
    module, cls = SCREENS[name]
    shown = type(app.screen)
    return shown.__name__ == cls and shown.__module__ == f"zoomapp.ui.screens.{module}"


if TYPE_CHECKING:
    _App = App[None]
else:
    _App = object  # Textual sets up each App subclass as it is made: a cost at every launch


class Opening(_App):
    """The app's actions that open a screen: each a line of SCREENS, and what it needs.
    Mixed into the app."""

    content: Content
    settings: Settings
    workspace: Workspace

    if TYPE_CHECKING:

        @property
        def journal(self) -> Journal: ...

    def open_screen(
        self,
        name: str,
        *args: Any,
        then: Callable[[Any], Any] | None = None,
        **kwargs: Any,
    ) -> None:
        """Open a screen; one that reads a locked journal asks for its passphrase first."""
        if name in READS and not self.journal_readable():
            self.ask_passphrase(lambda: self.open_screen(name, *args, then=then, **kwargs))
            return
        self.push_screen(screen_class(name)(*args, **kwargs), then)

    # --- the lock: asked once per run, and only to read ---------------------------------

    @property
    def lock_keys(self) -> Keys | None:
        """The journal's keys when the data folder is locked (opened once asked), else None
        - as the folder is now: another app or device may have locked it meanwhile."""
        return self.journal.files.refresh()

    def journal_readable(self) -> bool:
        keys = self.lock_keys
        return keys is None or keys.is_open

    def ask_passphrase(self, then: Callable[[], Any], why: str = "lock_ask_why") -> None:
        """Ask for the passphrase (Esc gives up), then do `then` once the journal is open."""
        keys = self.lock_keys
        if keys is None or keys.is_open:
            then()
            return
        self.open_screen("passphrase", keys, why, then=lambda opened: then() if opened else None)

    def journal_locked(self, keys: Keys) -> None:
        """Locked just now (from Settings): from here the journal is sealed."""
        self.journal.files.keys = keys

    def action_ground(self, recipe_id: str = "") -> None:
        self.open_screen("ground", self.content.recipe_for(recipe_id or self.settings.recipe))

    def action_breathe(
        self,
        pattern_id: str = "",
        minutes: float | None = None,
    ) -> None:
        if pattern_id in self.content.patterns:
            self.open_screen("breathe", self.content.patterns[pattern_id], minutes)
        else:
            self.open_screen("patterns", minutes)

    def action_zoom(self, direction: str) -> None:
        self.open_screen("zoom", direction)

    def action_open_help(self) -> None:
        if not showing(self, "help"):
            self.open_screen("help")

    def action_choose_country(self) -> None:
        """Which country are you in? The screen below draws again with its numbers."""
        below = self.screen

        async def chosen(_: bool | None) -> None:
            redraw = getattr(below, "country_chosen", None)
            if redraw is not None:
                await redraw()

        if not showing(self, "country"):
            self.open_screen("country", then=chosen)

    def action_settings(self) -> None:
        self.open_screen("settings")

    def action_packs(self) -> None:
        self.open_screen("packs")

    def action_problems(self) -> None:
        self.open_screen("problems")

    def action_note(self, kind: str = "wins") -> None:
        self.open_screen("note", kind)

    def action_checkin(self) -> None:
        self.open_screen("checkin")

    def action_journal(self) -> None:
        self.open_screen("journal")

    def action_school(self) -> None:
        self.open_screen("school")
