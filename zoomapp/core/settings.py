"""The parent's settings, kept in settings.toml: read forgivingly, saved atomically."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, NamedTuple

from zoomapp.core.files import atomic_write, plain_reason, read_file, set_aside

DEFAULT_THEME = "nord"
FORMAT = 1  # a file of a later format is a newer zoomapp's: read by none, saved over never


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
    """Read settings. A file zoomapp does not wholly understand is never saved over:

    - not valid TOML, or a value of the wrong type (`bell = "yes"`, a theme that is a
      table): moved aside as it is and reported; each value that could be read is used;
    - one that cannot be read at all (not the user's, a folder, a FIFO, a link to nothing)
      or a newer zoomapp's (`format` above FORMAT): left exactly as it is and reported; the
      defaults are used for this run only.
    Keys zoomapp does not know are kept when it saves (see save_settings).
    """
    if os.path.islink(path) and not os.path.exists(path):
        return LoadedSettings(Settings(), left_alone=f"a link to {os.readlink(path)}, not there")
    try:
        raw = read_file(path, MAX_SETTINGS_BYTES)
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except OSError as exc:
        return LoadedSettings(Settings(), left_alone=plain_reason(exc))
    data = _read(raw)
    written = data.get("format", FORMAT) if data is not None else FORMAT
    if type(written) is int and written > FORMAT:  # a newer zoomapp's: never downgraded
        return LoadedSettings(Settings(), left_alone=f"written by a newer zoomapp: {written}")
    settings = Settings()
    whole = data is not None and type(written) is int  # `format = true`: set aside below
    for name, default in Settings.DEFAULTS.items():
        value = data.get(name, default) if data is not None else default
        if type(value) is not type(default) or (
            isinstance(value, list) and not all(isinstance(v, str) for v in value)
        ):
            whole = False  # this one stays as it was by default
            continue
        setattr(settings, name, list(value) if isinstance(value, list) else value)
    if whole:
        return LoadedSettings(settings)
    try:
        return LoadedSettings(settings, set_aside(path))
    except OSError as exc:
        return LoadedSettings(settings, left_alone=plain_reason(exc))


def _read(raw: bytes) -> dict[str, Any] | None:
    """settings.toml's table, or None when it is not TOML."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    try:
        found = as_zoomapp_writes_it(text)
        if found is not None:
            return found
        import tomllib  # here: a launch that finds its settings in the launch cache never needs it

        return tomllib.loads(text)
    except (ValueError, RecursionError):  # not TOML, or a number too long for Python to read
        return None


def as_zoomapp_writes_it(text: str) -> dict[str, Any] | None:
    """`text` read as TOML when it is written exactly as save_settings writes it - one
    `name = value` a line, each value true, false, a whole number, a string without `"`,
    `\\` or control characters, or a list of such strings one a line - and None for
    anything else, which tomllib reads. Importing tomllib is 1.5 % of a launch that must
    read the settings (tests/bench: instructions); what this reads, it reads exactly as
    tomllib does (a test compares them)."""
    found: dict[str, Any] = {}
    lines = iter(text.split("\n"))
    for line in lines:
        if not line:
            continue
        name, equals, written = line.partition(" = ")
        if not equals or not _bare_key(name) or name in found:
            return None
        if written == "[":
            items = []
            for item in lines:
                if item == "]":
                    break
                value = (
                    _string(item[4:-1]) if item.startswith("    ") and item[-1:] == "," else None
                )
                if value is None:
                    return None
                items.append(value)
            else:
                return None
            found[name] = items
            continue
        value = _value(written)
        if value is None:
            return None
        found[name] = value
    return found


def _value(written: str) -> Any:
    if written in ("true", "false"):
        return written == "true"
    if written == "[]":
        return []
    return _string(written) if written[:1] == '"' else _whole(written)


def _bare_key(name: str) -> bool:
    return name.isascii() and name.replace("_", "a").replace("-", "a").isalnum()


def _string(written: str) -> str | None:
    inner = written[1:-1]
    plain = len(written) >= 2 and written[0] == written[-1] == '"' and inner.isprintable()
    return inner if plain and '"' not in inner and "\\" not in inner else None


def _whole(written: str) -> int | None:
    digits = written.isascii() and written.isdigit()
    return int(written) if digits and (written == "0" or written[0] != "0") else None


def save_settings(path: Path, settings: Settings) -> None:
    """Write the settings atomically, keeping any keys and tables zoomapp does not know
    (a newer zoomapp's, or a person's) and writing through a link to its file."""
    import tomllib

    import tomli_w

    linked = os.path.islink(path)
    if linked:  # written through to the file it leads to, whose folder is left as it is
        path = path.resolve()
    kept: dict[str, Any] = {}
    try:
        before = tomllib.loads(read_file(path, MAX_SETTINGS_BYTES).decode("utf-8"))
        kept = {k: v for k, v in before.items() if k not in Settings.DEFAULTS}
    except (OSError, ValueError, RecursionError):  # none yet, or set aside: nothing to keep
        pass
    atomic_write(path, tomli_w.dumps({**kept, **settings.as_dict()}), private_folder=not linked)
