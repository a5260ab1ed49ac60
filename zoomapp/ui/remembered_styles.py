"""Textual's styles as worked out last time, so a launch need not work them out again.

Turning the theme into CSS variables and parsing the stylesheets (Textual's own and
zoomapp's) is about a twentieth of a launch (tests/bench: instructions), and it gives the
same result every time for the same theme, CSS and Textual. So the result is kept beside
the launch cache. Each parsed sheet is kept under Textual's own key for it, which holds
the CSS text itself: a sheet that changed is simply parsed again. The whole is used only
with the same theme and colour mode, and Textual's files as they were (an upgrade works
everything out again). A missing or damaged file is not used; it can be deleted at any
time.

The very first launch has nothing kept yet, so zoomapp ships what the default theme works
out to (`shipped-styles.pickle`, written by tests/ship_styles.py), used only with the very
Textual version it was made with. The paths of the CSS files in it are kept relative to
Textual's and zoomapp's folders, and put back where they are on this machine.
"""

from __future__ import annotations

import functools
import io
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zoomapp import __version__
from zoomapp.core import launch_cache
from zoomapp.ui.textual_private import parsed_sheets, use_parsed_sheets

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

STYLES_FILE = "styles.pickle"
FORMAT = 1  # the layout of what the file holds: a new layout is a new number
SHIPPED = Path(__file__).with_name("shipped-styles.pickle")
_APP = Path(__file__).with_name("app.py")


def _sources() -> launch_cache.Stamps:
    """The files that shape what is kept: Textual's that make the variables and parse the
    CSS (a new version of Textual changes them all), and zoomapp's that choose the theme."""
    import textual
    import textual.css.stylesheet
    import textual.design
    import textual.theme

    shaping = (textual, textual.css.stylesheet, textual.design, textual.theme)
    return launch_cache.stamps([*(m.__file__ or "" for m in shaping), _APP, Path(__file__)])


def _is_variables(value: object) -> bool:
    return isinstance(value, dict) and {*map(type, value), *map(type, value.values())} <= {str}


@functools.cache
def _folders() -> tuple[str, ...]:
    """Textual's folder and zoomapp's: where the CSS files are, on this machine (asked
    once per path in a file: worked out once)."""
    import textual

    import zoomapp

    return tuple(os.path.dirname(m.__file__ or "") + os.sep for m in (textual, zoomapp))


class _Relocating(pickle.Pickler):
    """Writes a path under Textual's or zoomapp's folder as (which folder, the rest)."""

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) is str:
            for i, folder in enumerate(_folders()):
                if obj.startswith(folder):
                    return (i, obj[len(folder) :])
        return None


class _Relocated(pickle.Unpickler):
    """Reads such a path back as the path on this machine."""

    def persistent_load(self, pid: Any) -> Any:
        folder, rest = pid
        return _folders()[folder] + rest


def _made_for(theme: str, ansi: bool | None) -> tuple[Any, ...]:
    """What shipped styles fit, Textual's version apart: the theme, the colour mode and the
    app's code that makes the variables (app.py: a variable added there is never taken
    from a file made before it)."""
    import zlib

    return (FORMAT, theme, ansi, zlib.crc32(_APP.read_bytes()))


def _textual_is(version: str) -> bool:
    """Whether the Textual installed is `version`: its dist-info folder is beside it.
    (Asking importlib.metadata, as `textual.__version__` does, costs more than all the
    shipped styles save.)"""
    import textual

    folder = os.path.dirname(os.path.dirname(textual.__file__ or ""))
    return os.path.isdir(os.path.join(folder, f"textual-{version}.dist-info"))


def write_shipped(
    file: Path, theme: str, ansi: bool | None, variables: dict[str, str], sheets: dict[Any, Any]
) -> None:
    """Ship what `theme` works out to with this Textual (tests/ship_styles.py)."""
    import textual

    held = io.BytesIO()
    _Relocating(held, protocol=pickle.HIGHEST_PROTOCOL).dump((variables, sheets))
    key = (*_made_for(theme, ansi), textual.__version__)
    file.write_bytes(pickle.dumps((key, held.getvalue())))


def read_shipped(file: Path, theme: str, ansi: bool | None) -> Any:
    """What ships for `theme` with this Textual, or None (read only when both fit)."""
    try:
        (*made_for, version), held = pickle.loads(file.read_bytes())
        if tuple(made_for) != _made_for(theme, ansi) or not _textual_is(version):
            return None
        return _Relocated(io.BytesIO(held)).load()
    except Exception:  # missing or damaged: work it all out
        return None


class RememberedStyles:
    """One launch's part: the variables and parsed sheets kept last time, and keeping them."""

    def __init__(self, file: Path, theme: str, ansi: bool | None) -> None:
        self.file = file
        self.key = (theme, ansi, FORMAT, __version__, _sources())
        self._kept_variables: dict[str, str] | None = None
        self._kept_sheets: dict[Any, Any] = {}
        self._kept_here = False  # kept in `file`, not only shipped
        kept = launch_cache.recall(file, self.key)
        if kept is not None:
            self._kept_here = self._use(kept)
        if not self._kept_here:
            self._use(read_shipped(SHIPPED, theme, ansi))

    def _use(self, kept: Any) -> bool:
        if isinstance(kept, tuple) and len(kept) == 2:
            variables, sheets = kept
            if _is_variables(variables) and isinstance(sheets, dict):
                self._kept_variables, self._kept_sheets = variables, sheets
                return True
        return False

    def variables(self, theme: str, ansi: bool | None) -> dict[str, str] | None:
        """The CSS variables kept for this theme and colour mode, or None."""
        if self._kept_variables is None or self.key[:2] != (theme, ansi):
            return None
        return dict(self._kept_variables)

    def fill(self, stylesheet: Stylesheet, variables: dict[str, str]) -> None:
        """Give `stylesheet`, set to `variables`, the sheets parsed last time - when they
        were parsed with those same variables."""
        if variables == self._kept_variables:
            use_parsed_sheets(stylesheet, self._kept_sheets)

    def keep(
        self, theme: str, ansi: bool | None, variables: dict[str, str], stylesheet: Stylesheet
    ) -> None:
        """Keep the variables and what `stylesheet` parsed with them, unless that is what
        was kept already or the theme is no longer the launch's."""
        if (theme, ansi) != self.key[:2]:
            return
        sheets = parsed_sheets(stylesheet)
        if self._kept_here and (variables, sheets.keys()) == (
            self._kept_variables,
            self._kept_sheets.keys(),
        ):
            return
        self._kept_variables, self._kept_sheets, self._kept_here = dict(variables), sheets, True
        launch_cache.remember(self.file, self.key, (self._kept_variables, sheets))
