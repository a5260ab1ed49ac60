"""Where zoomapp keeps its files (platformdirs, or all under $ZOOMAPP_HOME), and where packs are."""

from __future__ import annotations

import os
from pathlib import Path
from typing import NamedTuple

APP_NAME = "zoomapp"


class Paths(NamedTuple):
    """The folders and files zoomapp reads and writes."""

    config_dir: Path
    data_dir: Path
    cache_dir: Path | None = None  # None: a "cache" folder in data_dir

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def packs_dir(self) -> Path:
        return self.config_dir / "packs"

    @property
    def own_pack(self) -> Path:
        """The parent's own pack, applied after every other."""
        return self.config_dir / "my.toml"

    @property
    def journal_dir(self) -> Path:
        return self.data_dir / "journal"

    @property
    def drafts_dir(self) -> Path:
        return self.data_dir / "drafts"

    @property
    def launch_cache(self) -> Path:
        """Settings and packs as last read, so home opens without parsing TOML (safe to delete)."""
        return (self.cache_dir or self.data_dir / "cache") / "launch.pickle"


def default_paths() -> Paths:
    """Everything under $ZOOMAPP_HOME when it is set, else the platform's usual folders."""
    home = os.environ.get("ZOOMAPP_HOME")
    if home:
        root = Path(home).expanduser()
        return Paths(config_dir=root, data_dir=root, cache_dir=root / "cache")
    import platformdirs

    return Paths(
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        cache_dir=Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)),
    )


def pack_files(paths: Paths) -> list[Path]:
    """The user's pack files in precedence order: `packs/*.toml` by name, then `my.toml`."""
    files = sorted(paths.packs_dir.glob("*.toml")) if paths.packs_dir.is_dir() else []
    if paths.own_pack.is_file():
        files.append(paths.own_pack)
    return files


def builtin_paths() -> list[Path]:
    """The built-in pack files, English first; [] when the package lives inside a zip."""
    try:
        import zoomapp.content as package  # type: ignore[import-not-found]  # package data

        folders = [Path(p) for p in package.__path__]
    except ModuleNotFoundError:  # running from a source tree that was never installed
        folders = [Path(__file__).resolve().parents[2] / "content"]
    found = [p for folder in folders for p in folder.glob("*.toml")]
    return sorted(found, key=lambda p: (p.name != "en.toml", p.name))
