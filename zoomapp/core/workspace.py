"""Everything the app needs at start: paths, settings and merged content, read once."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from zoomapp.core.packs import Content, load_content, pack_files
from zoomapp.core.settings import Settings, load_settings
from zoomapp.paths import Paths


class Workspace(NamedTuple):
    paths: Paths
    settings: Settings
    content: Content
    settings_set_aside: Path | None = None


def open_workspace(
    paths: Paths,
    language: str | None = None,
    extra_packs: tuple[Path, ...] = (),
    user_packs: bool = True,
) -> Workspace:
    """Read settings and packs. Never raises for bad files: they are reported instead.

    `user_packs=False` leaves out installed packs and my.toml (a preview shows the
    built-in content plus the pack being written, nothing else).
    """
    loaded = load_settings(paths.settings_file)
    settings = loaded.settings
    if language:
        settings.language = language
    files = pack_files(paths) if user_packs else []
    content = load_content(
        files, settings.language, extra=extra_packs, disabled=settings.disabled_packs
    )
    return Workspace(paths, settings, content, loaded.set_aside_as)
