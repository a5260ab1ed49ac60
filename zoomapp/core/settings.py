"""The parent's settings, kept in settings.toml: read forgivingly, saved atomically."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from zoomapp.core.files import atomic_write, plain_reason, read_file, set_aside

DEFAULT_THEME = "nord"


class Settings:
    """What the parent chose. A plain class rather than a dataclass: every journal command
    reads settings, and starts faster without importing dataclasses."""

    DEFAULTS: dict[str, Any] = {
        "theme": DEFAULT_THEME,
        "reduced_motion": False,
        "bell": False,
        "auto_advance": True,  # False: each step waits for the parent to move on
        "recipe": "two-minute",
        "language": "en",
        "country": "",  # for help numbers; "" : from the locale (LANG=en_GB.UTF-8 is GB)
        "country_asked": False,  # the country question was shown once (chosen or not)
        "intro_seen": False,
        "disabled_packs": [],  # pack ids switched off
    }
    __slots__ = tuple(DEFAULTS)

    theme: str
    reduced_motion: bool
    bell: bool
    auto_advance: bool
    recipe: str
    language: str
    country: str
    country_asked: bool
    intro_seen: bool
    disabled_packs: list[str]

    def __init__(self, **values: Any) -> None:
        unknown = set(values) - set(self.DEFAULTS)
        if unknown:
            raise TypeError(f"Settings has no {', '.join(sorted(unknown))}")
        for name, default in self.DEFAULTS.items():
            value = values.get(name, default)
            setattr(self, name, list(value) if isinstance(value, list) else value)

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.DEFAULTS}

    def replace(self, **changes: Any) -> Settings:
        return Settings(**{**self.as_dict(), **changes})

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Settings) and self.as_dict() == other.as_dict()

    def __repr__(self) -> str:
        return f"Settings({', '.join(f'{k}={v!r}' for k, v in self.as_dict().items())})"

    def __getstate__(self) -> dict[str, Any]:  # for the launch cache
        return self.as_dict()

    def __setstate__(self, state: dict[str, Any]) -> None:
        Settings.__init__(self, **{k: v for k, v in state.items() if k in self.DEFAULTS})

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
    for name, default in Settings.DEFAULTS.items():
        value = data.get(name)
        if isinstance(value, type(default)):
            if isinstance(value, list):
                value = [v for v in value if isinstance(v, str)]
            setattr(settings, name, value)
    return LoadedSettings(settings)


def save_settings(path: Path, settings: Settings) -> None:
    import tomli_w

    atomic_write(path, tomli_w.dumps(settings.as_dict()))
