"""ZoomApp: the Textual application - screens, theme, app-wide keys and the command palette."""

from __future__ import annotations

import gc
import random
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from textual import events
from textual.app import App, SystemCommand
from textual.screen import Screen

from zoomapp.core.clock import Clock
from zoomapp.core.files import plain_reason
from zoomapp.core.settings import DEFAULT_THEME, save_settings
from zoomapp.core.workspace import Workspace, in_the_locales_language, open_workspace
from zoomapp.ui.keys import Key, enabled, label_words, with_keys
from zoomapp.ui.launch import Start
from zoomapp.ui.opening import Opening
from zoomapp.ui.remembered_styles import STYLES_FILE, RememberedStyles
from zoomapp.ui.textual_private import (
    FatalErrorHook,
    class_bindings,
    close_with_words,
    failure,
    set_truecolor_filter,
    use_bindings,
)

if TYPE_CHECKING:
    from rich.console import RenderableType
    from textual.notifications import SeverityLevel

    from zoomapp.core.content.model import Content, Recipe
    from zoomapp.core.journal.store import Journal
    from zoomapp.core.practice.sessions import Plan, SessionResult


def get_plain_commands() -> type:
    """The palette's provider, imported only when the palette opens."""
    from zoomapp.ui.commands import PlainCommands

    return PlainCommands


APP_KEYS = (
    Key("exclamation_mark,h", "open_help", "key_help", key_display="!"),  # h: where not typed
    # ctrl+c quits, as in any terminal program: nothing is lost by quitting.
    Key("ctrl+c", "quit", "key_quit", show=False, palette=False, priority=True),
    # Textual adds this binding itself, but to the bindings that `_install_keys` replaces.
    Key("ctrl+p", "command_palette", "key_palette", show=False, palette=False, priority=True),
)

SECONDS_TO_CLOSE = 3  # after a signal, the longest the app may take to close

# Below this size the screens hide everything but the essentials.
TINY_WIDTH = 60
TINY_HEIGHT = 18


class ZoomApp(FatalErrorHook, Opening, App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "zoomapp"
    ENABLE_COMMAND_PALETTE = True
    COMMANDS: ClassVar = {get_plain_commands}
    _styles: RememberedStyles | None = None  # set as the theme is chosen, in __init__

    def __init__(
        self,
        workspace: Workspace,
        start: Start | None = None,
        *,
        clock: Clock = time.monotonic,
        rng: random.Random | None = None,
        wall_clock: Callable[[], datetime] = datetime.now,
        cursor_blink: bool = True,
    ) -> None:
        super().__init__()
        self.workspace = workspace
        self.content: Content = workspace.content
        self.settings = workspace.settings
        self.start = start or Start()
        if not self.settings.intro_seen and self._ask_country():  # nothing chosen yet at all
            self._speak_the_locales_language()
        self.clock = clock
        self.wall_clock = wall_clock
        self.cursor_blink = cursor_blink
        self.rng = rng or random.Random()
        self._journal: Journal | None = None
        self._recorded: dict[tuple, tuple] = {}  # what each session was last saved as
        self._install_keys()
        self._start_with_theme(self.settings.theme)

    def _install_keys(self) -> None:
        use_bindings(self, with_keys(class_bindings(self), APP_KEYS, self.content))

    def _start_with_theme(self, name: str) -> None:
        """Choose the theme before anything is styled.

        Assigning `self.theme` schedules a restyle of every widget, which before the first
        frame is wasted work (about a tenth of launch). This does what that watcher does,
        minus the restyle: the stylesheet is parsed after this with the right variables.
        """
        name = name if name in self.available_themes else DEFAULT_THEME
        self.set_reactive(ZoomApp.theme, name)
        theme = self.current_theme
        self.set_class(True, f"-theme-{name}", update=False)
        self.set_class(theme.dark, "-dark-mode", update=False)
        self.set_class(not theme.dark, "-light-mode", update=False)
        set_truecolor_filter(self, self.ansi_theme)
        file = self.workspace.paths.launch_cache.with_name(STYLES_FILE)
        self._styles = RememberedStyles(file, name, self.ansi_color)
        variables = self.get_css_variables()
        self.stylesheet.set_variables(variables)
        self._styles.fill(self.stylesheet, variables)

    def get_css_variables(self) -> dict[str, str]:
        """The theme's colours as CSS variables, as remembered from the last launch when
        the theme is the same. None are worked out while Textual sets the app up, before
        the theme is chosen: `_start_with_theme` gives the stylesheet its own."""
        if self._styles is None:
            return {}
        remembered = self._styles.variables(self.theme, self.ansi_color)
        if remembered is None:
            return super().get_css_variables()
        self.theme_variables = remembered
        return remembered

    # --- screens -----------------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        from zoomapp.ui.screens.home import HomeScreen

        return HomeScreen()

    def on_mount(self) -> None:
        self._watch_signals()
        self._fit(self.size.width, self.size.height)
        self.call_after_refresh(self._started)
        start = self.start
        if start.preview:
            from zoomapp.ui.preview import watch_pack

            watch_pack(self, start.preview)
        if start.screen == "ground":
            self.action_ground(start.recipe)
        elif start.screen == "breathe":
            self.action_breathe(start.pattern, start.minutes)
        elif start.screen in ("zoom-in", "zoom-out"):
            self.action_zoom(start.screen.removeprefix("zoom-"))
        elif self._ask_country():
            self.call_after_refresh(self.action_choose_country)  # over home, once drawn

    def _speak_the_locales_language(self) -> None:
        """A first run on a computer set to Spanish (LANG=es_MX.UTF-8) speaks Spanish from
        the first frame, question included (kept once a country is chosen or put off)."""
        workspace = in_the_locales_language(self.workspace, keep_now=False)  # kept in _started
        if workspace is None:
            return
        self.workspace = workspace._replace(settings=self.settings)
        self.content = workspace.content
        self.choose_language(workspace.settings.language)  # stored when the answer is

    def _ask_country(self) -> bool:
        """Whether to ask which country this is: once, on a home of the parent's own (not a
        preview, not a run told its country), until a country is chosen or the question
        was put aside."""
        settings, start = self.settings, self.start
        return not (settings.country or settings.country_asked or start.country or start.preview)

    def _started(self) -> None:
        """Home is on screen: collect garbage again (the command line paused it to start),
        and keep what was read and worked out for the next launch.

        Everything made so far lives until the app closes, so it is frozen first and the
        collector never has to walk it again, which keeps the breathing animation smooth.
        """
        if not gc.isenabled():
            gc.freeze()
            gc.enable()
        self.workspace.keep()  # the launch cache, when the packs were read from their files
        if self._styles is not None:
            self._styles.keep(self.theme, self.ansi_color, self.theme_variables, self.stylesheet)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "problems":
            return bool(self.content.errors)  # details of a skipped pack, when there is one
        return True

    def go_home(self) -> None:
        """Back to 'What do you need right now?', whatever is on top."""
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def reload_content(self) -> None:
        """Read every pack again and redraw home with it (other screens keep what they show)."""
        from zoomapp.ui.screens.home import HomeScreen

        workspace = open_workspace(
            self.workspace.paths,
            language=self.settings.language,
            extra_packs=(Path(self.start.preview),) if self.start.preview else (),
            user_packs=not self.start.preview,
        )
        self.workspace = workspace._replace(settings=self.settings)
        self.content = workspace.content
        self._install_keys()  # app-wide keys speak the new words too
        home = self.screen_stack[0]
        if isinstance(home, HomeScreen):
            self.call_next(home.show_content)

    # --- results and settings ----------------------------------------------------------

    @property
    def country(self) -> str:
        """Whose help numbers to show: --country, then Settings, then the locale."""
        from zoomapp.core.practice.locale_guess import country_from_locale

        return (self.start.country or self.settings.country or country_from_locale()).upper()

    @property
    def journal(self) -> Journal:
        """The parent's journal, opened on first use (not needed to show home)."""
        if self._journal is None:
            from zoomapp.core.journal.store import Journal

            self._journal = Journal(self.workspace.paths.journal_dir, now=self.wall_clock)
        return self._journal

    def record_session(self, result: SessionResult) -> None:
        """The one hand-off point for a session: it goes into the journal (or is updated
        there), unless it was too short to be more than a key pressed by mistake.

        Screens hand it over whenever it may have changed (it ends, a rating comes, the app
        closes); a session already saved as it stands is not written again.
        """
        from zoomapp.core.journal.store import JournalError

        which = (result.kind, result.item_id, result.started)
        if not result.worth_keeping or self._recorded.get(which) == result.as_tuple():
            return
        try:
            saved = self.journal.record_session(result)
        except JournalError as exc:
            self.notify(self.content.explain(exc), severity="warning", timeout=8)
            return
        self._recorded[which] = result.as_tuple()
        self.report_set_aside(saved.set_aside_as)

    def report_set_aside(self, moved: Path | None) -> None:
        if moved is not None:
            self.notify(self.content.text("note_set_aside", file=str(moved)), timeout=12)

    def plan(self, recipe: Recipe) -> Plan:
        """A session's steps, as plain mode plans them too (core/practice/own_words.py)."""
        from zoomapp.core.practice.own_words import plan_for

        journal = self.journal if self.journal_readable() else None  # a session never asks
        data_dir, today = self.workspace.paths.data_dir, self.wall_clock().date()
        return plan_for(recipe, self.content, data_dir, journal, today, self.rng)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """A toast. Its words are shown as written: a coach's [brackets] are never markup
        and control characters never reach the terminal, whoever calls this."""
        from zoomapp.core.safe_text import printable

        del markup  # never markup, whatever the caller asked
        super().notify(
            printable(message),
            title=printable(title),
            severity=severity,
            timeout=timeout,
            markup=False,
        )

    def save_settings(self) -> None:
        """Keep the settings as they are now (never --lang, never over an unreadable file)."""
        settings = self.workspace.settings_to_save(self.settings)
        if settings is None:
            return  # home said so: changes last until the app closes
        try:
            save_settings(self.workspace.paths.settings_file, settings)
        except OSError as exc:
            self.notify(self.content.text("settings_not_saved", reason=plain_reason(exc)))

    def choose_language(self, language: str) -> None:
        """The parent chose a language in Settings: from now on it is the stored one too."""
        self.settings.language = language
        self.workspace = self.workspace._replace(stored_language=language)

    def watch_theme(self, theme: str) -> None:
        if self.settings.theme != theme:
            self.settings.theme = theme
            self.save_settings()

    # --- the command palette lists every action of the current screen -----------------

    def action_command_palette(self) -> None:
        """Textual's command palette, with its search prompt in the content's words."""
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            prompt = self.content.text("palette_search")
            self.push_screen(CommandPalette(placeholder=prompt, id="--command-palette"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        owners: list[tuple[Key, Screen[Any] | App[None]]]
        owners = [(key, screen) for key in getattr(screen, "KEYS", ())]
        owners += [(key, self) for key in APP_KEYS]
        for key, owner in owners:
            if not key.palette or not enabled(self, owner, key.action):  # only what works now
                continue
            shown = key.key_display or key.keys.split(",")[0]
            yield SystemCommand(
                label_words(key.label, self.content),
                shown,
                lambda action=key.action, target=owner: self.call_later(target.run_action, action),
            )
        # Textual's own entries that matter to a parent, in the content's words. (Not its
        # screenshot: it would write what is on screen, the journal too, to a file.)
        text = self.content.text
        yield SystemCommand(
            text("palette_theme"), text("palette_theme_help"), self.action_change_theme
        )
        if screen.query("HelpPanel"):
            yield SystemCommand(
                text("palette_keys"), text("palette_keys_hide"), self.action_hide_help_panel
            )
        else:
            yield SystemCommand(
                text("palette_keys"), text("palette_keys_help"), self.action_show_help_panel
            )
        yield SystemCommand(text("palette_quit"), text("palette_quit_help"), self.action_quit)

    # --- never a traceback on screen ----------------------------------------------------

    def fatal_error(self) -> None:
        """An unexpected error: close calmly, keep the details in a file, say one line.

        Everything the parent wrote was saved before this point (every save is atomic and
        drafts are kept as they type), so the message can honestly say nothing was lost.
        """
        self.keep_everything()
        where = self._log_error(failure(self)) or "(the details could not be saved)"
        self.bell()
        close_with_words(
            self,
            "zoomapp met an unexpected problem and closed. Nothing you wrote was lost. "
            f"Details: {where}",
        )

    # --- closing: from a key, or from outside (the window closed, a logout, kill) -------

    def keep_everything(self) -> None:
        """Every screen keeps what it holds: a session as it stands, typed words as a draft.

        Each save is on its own, so one that fails cannot stop the others.
        """
        for screen in list(self.screen_stack):
            keep = getattr(screen, "keep_unsaved", None)
            if keep is None:
                continue
            try:
                keep()
            except Exception:  # noqa: BLE001 - the rest must still be kept
                self._log_error()

    def exit(
        self,
        result: None = None,
        return_code: int = 0,
        message: RenderableType | None = None,
    ) -> None:
        self.keep_everything()
        super().exit(result, return_code, message)

    def _watch_signals(self) -> None:
        """A closed window (SIGHUP) or a logout or kill (SIGTERM) closes the app as q does."""
        import asyncio
        import signal

        loop = asyncio.get_running_loop()
        for number in (signal.SIGHUP, signal.SIGTERM):
            loop.add_signal_handler(number, self._closed_from_outside, number)

    def _closed_from_outside(self, number: int) -> None:
        import os
        import threading

        self.keep_everything()  # first, before anything can go wrong with the terminal
        # With the window gone, restoring the terminal may fail or hang: whatever happens,
        # the process ends soon, and everything is saved already.
        stop = threading.Timer(SECONDS_TO_CLOSE, os._exit, (128 + number,))
        stop.daemon = True
        stop.start()
        super().exit(return_code=128 + number)

    def _log_error(self, error: BaseException | None = None) -> str:
        """Keep an unexpected error's details in error.log; return where, or ''."""
        import sys

        from zoomapp.core.files import log_error

        error = error or sys.exc_info()[1]
        if error is None:
            return ""
        return log_error(self.workspace.paths.data_dir, error, self.wall_clock())

    # --- tiny terminals ------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        tiny = width < TINY_WIDTH or height < TINY_HEIGHT
        if tiny == self.has_class("-tiny"):
            return
        self.set_class(tiny, "-tiny")
        # Textual restyles only the screen on top; those beneath would come back as they were.
        for screen in self.screen_stack[:-1]:
            screen.update_node_styles(animate=False)
