"""Settings: theme (tried on from a list: themes.py), reduced motion, bell, the grounding
session and language; saved at once."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical

from zoomapp.core.errors import JournalError
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


def next_language(languages: set[str], current: str) -> str:
    """The language after `current`, in the order Settings lists them (and back round)."""
    return _cycle(sorted(languages), current)


def _cycle(options: list[str], current: str) -> str:
    if not options:
        return current
    index = options.index(current) if current in options else -1
    return options[(index + 1) % len(options)]


class SettingsScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (
        Key("space", "change", "key_choose", key_display="space"),
        Key("escape,q", "back", "key_back", key_display="esc"),
    )

    def compose(self) -> ComposeResult:
        with Vertical(id="settings"):
            yield Words(self.content.text("settings_title"), id="question")
            yield ChoiceList(self._choices(), id="settings-list")
            yield Words(self.content.text("settings_hint"), id="settings-hint")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(ChoiceList).focus()

    def _rows(self) -> list[tuple[str, str, str, Callable[[], None]]]:
        """(id, label, shown value, change) for each setting."""
        app = self.zoomapp
        settings = app.settings
        text = self.content.text
        content = self.content

        def on_off(value: bool) -> str:
            return text("setting_on" if value else "setting_off")

        def theme() -> None:
            app.open_screen("themes", then=self._redraw)  # each tried on as it is highlighted

        def motion() -> None:
            settings.reduced_motion = not settings.reduced_motion

        def bell() -> None:
            settings.bell = not settings.bell

        def advance() -> None:
            settings.auto_advance = not settings.auto_advance

        def recipe() -> None:
            settings.recipe = _cycle(list(content.recipes), settings.recipe)

        def language() -> None:
            app.choose_language(next_language(content.languages, settings.language))

        def country() -> None:
            app.action_choose_country()  # a list to choose from, with the locale's guess

        def lock() -> None:
            keys = app.lock_keys
            if keys is not None:  # a lock cut short is finished; turning it off is for the shell
                from zoomapp.core.locking import seal_remaining

                try:
                    said = text("lock_already", count=seal_remaining(app.workspace.paths, keys))
                except (OSError, JournalError) as exc:
                    said = content.explain(exc) if isinstance(exc, JournalError) else str(exc)
                app.notify(f"{said} {text('lock_unlock_how')}", timeout=10)
                return
            from zoomapp.core.sealing import Keys

            app.open_screen("lock", Keys(app.workspace.paths.data_dir), then=self._redraw)

        chosen = content.recipes.get(settings.recipe)
        recipe_name = chosen.name if chosen else settings.recipe
        # Each language by its own name ("español"); a coach's language by its code.
        language_name = content.texts.get(f"language_{settings.language}", settings.language)
        return [
            ("theme", text("setting_theme"), app.theme, theme),
            ("motion", text("setting_reduced_motion"), on_off(settings.reduced_motion), motion),
            ("bell", text("setting_bell"), on_off(settings.bell), bell),
            ("advance", text("setting_auto_advance"), on_off(settings.auto_advance), advance),
            ("recipe", text("setting_recipe"), recipe_name, recipe),
            ("language", text("setting_language"), language_name, language),
            ("country", text("setting_country"), self._country_shown(), country),
            ("lock", text("setting_lock"), on_off(app.lock_keys is not None), lock),
        ]

    def _redraw(self, _: bool | None) -> None:
        self.query_one(ChoiceList).set_choices(self._choices())

    def _country_shown(self) -> str:
        from zoomapp.core.practice.helplines import country_name
        from zoomapp.core.practice.locale_guess import country_from_locale

        chosen = self.zoomapp.settings.country
        if chosen:
            return country_name(self.content, chosen)
        found = country_from_locale()
        name = country_name(self.content, found) if found else self.content.text("country_none")
        return self.content.text("setting_country_auto", country=name)

    def _choices(self) -> list[tuple[str, Text]]:
        rows = self._rows()
        width = max(len(label) for _, label, _, _ in rows)
        return [
            (row_id, Text.assemble(label.ljust(width), "   ", (value, "bold")))
            for row_id, label, value, _ in rows
        ]

    async def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        for row_id, _, _, change in self._rows():
            if row_id == event.choice_id:
                change()
        self.zoomapp.save_settings()
        if event.choice_id == "language":
            # Every word changes: read the packs again and redraw in the new language.
            self.zoomapp.reload_content()
            self._install_keys()
            await self.recompose()
            choices = self.query_one(ChoiceList)
            choices.highlighted = [row[0] for row in self._rows()].index("language")
            choices.focus()
            self.refresh_bindings()
            return
        self.query_one(ChoiceList).set_choices(self._choices())

    async def country_chosen(self) -> None:
        """Back from choosing a country (and perhaps a language there): draw it again."""
        self._install_keys()
        choices = self.query_one(ChoiceList)
        highlighted = choices.highlighted
        await self.recompose()
        choices = self.query_one(ChoiceList)
        choices.highlighted = highlighted
        choices.focus()
        self.refresh_bindings()

    def action_change(self) -> None:
        self.query_one(ChoiceList).action_select()

    def action_back(self) -> None:
        self.app.pop_screen()
