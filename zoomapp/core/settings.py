"""The parent's settings, kept in settings.toml: read forgivingly, saved atomically."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import NamedTuple

from zoomapp.core.files import atomic_write, plain_reason, read_file, set_aside

DEFAULT_THEME = "nord"


@dataclass
class Settings:
    theme: str = DEFAULT_THEME
    reduced_motion: bool = False
    bell: bool = False
    auto_advance: bool = True  # False: each step waits for the parent to move on
    recipe: str = "two-minute"
    language: str = "en"
    country: str = ""  # for help numbers; "" : from the locale (LANG=en_GB.UTF-8 is GB)
    intro_seen: bool = False
    disabled_packs: list[str] = field(default_factory=list)  # pack ids switched off

    def switch_pack(self, pack_id: str, on: bool) -> None:
        """Switch a pack on or off; it stays installed either way."""
        self.disabled_packs = [p for p in self.disabled_packs if p != pack_id]
        if not on:
            self.disabled_packs.append(pack_id)


class LoadedSettings(NamedTuple):
    settings: Settings
    set_aside_as: Path | None = None  # where an unreadable file was moved
    left_alone: str = ""  # why a file that is there could not be read; it must not be saved over


MAX_SETTINGS_BYTES = 1_000_000


def load_settings(path: Path) -> LoadedSettings:
    """Read settings; a value of the wrong type falls back to its default.

    A file that is not valid TOML is moved aside (never overwritten) and reported. One
    that cannot be read at all (not the user's, a folder, a FIFO) is left exactly as it
    is and reported; the defaults are used for this run only.
    """
    try:
        raw = read_file(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as exc:
        return LoadedSettings(Settings(), left_alone=plain_reason(exc))
    import tomllib  # here: a launch that finds its settings in the launch cache never needs it

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        try:
            return LoadedSettings(Settings(), set_aside(path))
        except OSError as exc:
            return LoadedSettings(Settings(), left_alone=plain_reason(exc))
    settings = Settings()
    for item in fields(Settings):
        value = data.get(item.name)
        if isinstance(value, type(getattr(settings, item.name))):
            if isinstance(value, list):
                value = [v for v in value if isinstance(v, str)]
            setattr(settings, item.name, value)
    return LoadedSettings(settings)


def save_settings(path: Path, settings: Settings) -> None:
    import tomli_w

    atomic_write(path, tomli_w.dumps(asdict(settings)))
