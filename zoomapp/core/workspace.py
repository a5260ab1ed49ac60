"""Everything the app needs at start: paths, settings and merged content, read once."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from zoomapp import __version__
from zoomapp.core import launch_cache
from zoomapp.core.content.model import Content
from zoomapp.core.paths import Paths, builtin_paths, pack_files
from zoomapp.core.settings import Settings, load_settings

# The code that turns those files into what is remembered: every module of the core, in
# every folder of it, found by listing them, never by a hand-kept list. A change to any (an upgrade,
# a developer's edit, a module added) must not be answered with what it would not build.
_CODE = Path(__file__).parent


def _builders() -> launch_cache.Stamps:
    return launch_cache.stamps_under(_CODE, (".py",))


class Workspace(NamedTuple):
    paths: Paths
    settings: Settings
    content: Content
    settings_set_aside: Path | None = None
    settings_left_alone: str = ""  # why settings.toml could not be read; it is not saved over
    stored_language: str = ""  # the language in settings.toml, whatever --lang says this run
    launch_key: tuple | None = None  # all it was read from, as the launch cache keeps it
    unkept: tuple | None = None  # what the launch cache is to keep, when `keep` is left to write it

    def keep(self) -> None:
        """Write what was read from the files to the launch cache, for the next launch
        (`open_workspace(..., keep_now=False)` leaves it to this)."""
        if self.unkept is not None and self.launch_key is not None:
            launch_cache.remember(self.paths.launch_cache, self.launch_key, self.unkept)

    def settings_notice(self) -> str:
        """What the parent is told about a settings file that could not be used, or ''."""
        if self.settings_set_aside is not None:
            return self.content.text("settings_unreadable", file=str(self.settings_set_aside))
        if self.settings_left_alone:
            return self.content.text("settings_left_alone", reason=self.settings_left_alone)
        return ""

    def settings_to_save(self, settings: Settings) -> Settings | None:
        """What settings.toml should hold now; None: the file must be left as it is."""
        if self.settings_left_alone:
            return None
        return settings.replace(language=self.stored_language or settings.language)


def open_workspace(
    paths: Paths,
    language: str | None = None,
    extra_packs: tuple[Path, ...] = (),
    user_packs: bool = True,
    keep_now: bool = True,
) -> Workspace:
    """Read settings and packs. Never raises for bad files: they are reported instead.

    `user_packs=False` leaves out installed packs and my.toml (a preview shows the
    built-in content plus the pack being written, nothing else).

    The usual launch (the user's packs, nothing extra) is answered from the launch cache
    when no file it was read from has changed since. What was read from the files is kept
    there at once - or, with `keep_now=False`, when `Workspace.keep` is called: the app
    does so once home is on screen, since writing it costs more than a twentieth of the
    very first launch.
    """
    files = pack_files(paths) if user_packs else []
    cached = user_packs and not extra_packs
    if cached:
        sources = launch_cache.stamps([paths.settings_file, *builtin_paths(), *files]) + _builders()
        key = (__version__, language, sources)
        remembered = launch_cache.recall(paths.launch_cache, key)
        if remembered is not None:
            settings, content, stored_language = remembered
            return Workspace(
                paths, settings, content, stored_language=stored_language, launch_key=key
            )
    from zoomapp.core.content.packs import load_content  # only when the files must be read

    loaded = load_settings(paths.settings_file)
    settings = loaded.settings
    stored_language = settings.language
    if language:
        settings.language = language  # for this run; settings_to_save keeps the stored one
    content = load_content(
        files, settings.language, extra=extra_packs, disabled=settings.disabled_packs
    )
    troubled = loaded.set_aside_as is not None or loaded.left_alone
    kept = cached and not troubled and launch_cache.settled(sources)
    # Settings as read (the app may change its own copy before `keep` is called).
    unkept = (settings.replace(), content, stored_language) if kept else None
    if unkept is not None and keep_now:
        launch_cache.remember(paths.launch_cache, key, unkept)
        unkept = None
    return Workspace(
        paths,
        settings,
        content,
        loaded.set_aside_as,
        loaded.left_alone,
        stored_language,
        launch_key=key if kept else None,
        unkept=unkept,
    )


def in_the_locales_language(opened: Workspace, keep_now: bool = True) -> Workspace | None:
    """`opened` read again in the language of the computer's locale (LANG=es_MX.UTF-8),
    for a parent who has chosen none yet; None when that is the language already read,
    or no pack speaks it. `keep_now` as for `open_workspace`."""
    from zoomapp.core.practice.locale_guess import language_from_locale

    wanted = language_from_locale()
    if wanted == opened.settings.language or wanted not in opened.content.languages:
        return None
    return open_workspace(opened.paths, language=wanted, keep_now=keep_now)
