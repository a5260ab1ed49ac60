"""Which screen each action opens, in one table, and the app's actions that open them.

A screen's module is imported only when it first opens, so the home screen draws without
them. Screens open other screens through `open_screen` too, never by importing each other.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING, Any

from textual.app import App

if TYPE_CHECKING:
    from textual.screen import Screen

    from zoomapp.core.content.model import Content
    from zoomapp.core.settings import Settings

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
    "packs": ("packs", "PacksScreen"),
    "problems": ("problems", "ProblemsScreen"),
    "note": ("note", "NoteScreen"),
    "checkin": ("checkin", "CheckinScreen"),
    "journal": ("journal", "JournalScreen"),
    "search": ("search", "SearchScreen"),
    "progress": ("progress", "ProgressScreen"),
    "helps": ("helps", "HelpsScreen"),
    "confirm": ("confirm", "ConfirmScreen"),
}


def screen_class(name: str) -> type[Screen[Any]]:
    module, cls = SCREENS[name]
    return getattr(import_module(f"zoomapp.ui.screens.{module}"), cls)


def showing(app: App[None], name: str) -> bool:
    """Whether the screen on top is the one `name` opens (without importing it)."""
    module, cls = SCREENS[name]
    shown = type(app.screen)
    return shown.__name__ == cls and shown.__module__ == f"zoomapp.ui.screens.{module}"


class Opening(App[None]):
    """The app's actions that open a screen: each a line of SCREENS, and what it needs."""

    content: Content
    settings: Settings

    def open_screen(
        self,
        name: str,
        *args: Any,
        then: Callable[[Any], Any] | None = None,
        **kwargs: Any,
    ) -> None:
        self.push_screen(screen_class(name)(*args, **kwargs), then)

    def action_ground(self, recipe_id: str = "") -> None:
        recipe_id = recipe_id or self.settings.recipe
        if recipe_id not in self.content.recipes:
            recipe_id = "two-minute"
        self.open_screen("ground", self.content.recipes[recipe_id])

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
