"""Textual's styles as worked out last time, so a launch need not work them out again.

Turning the theme into CSS variables and parsing the stylesheets (Textual's own and
zoomapp's) is about a twentieth of a launch (tests/bench: instructions), and it gives the
same result every time for the same theme, CSS and Textual. So the result is kept beside
the launch cache. Each parsed sheet is kept under Textual's own key for it, which holds
the CSS text itself: a sheet that changed is simply parsed again. The whole is used only
with the same theme and colour mode, and Textual's files as they were (an upgrade works
everything out again). A missing or damaged file is not used; it can be deleted at any
time.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from zoomapp import __version__
from zoomapp.core import launch_cache
from zoomapp.ui.textual_private import parsed_sheets, use_parsed_sheets

if TYPE_CHECKING:
    from textual.css.stylesheet import Stylesheet

STYLES_FILE = "styles.pickle"
FORMAT = 1  # the layout of what the file holds: a new layout is a new number


def _sources() -> launch_cache.Stamps:
    """The files that shape what is kept: Textual's that make the variables and parse the
    CSS (a new version of Textual changes them all), and zoomapp's that choose the theme."""
    import textual
    import textual.css.stylesheet
    import textual.design
    import textual.theme

    shaping = (textual, textual.css.stylesheet, textual.design, textual.theme)
    here = Path(__file__).parent
    return launch_cache.stamps(
        [*(m.__file__ or "" for m in shaping), here / "app.py", here / "remembered_styles.py"]
    )


def _is_variables(value: object) -> bool:
    return isinstance(value, dict) and {*map(type, value), *map(type, value.values())} <= {str}


class RememberedStyles:
    """One launch's part: the variables and parsed sheets kept last time, and keeping them."""

    def __init__(self, file: Path, theme: str, ansi: bool | None) -> None:
        self.file = file
        self.key = (theme, ansi, FORMAT, __version__, _sources())
        self._kept_variables: dict[str, str] | None = None
        self._kept_sheets: dict[Any, Any] = {}
        kept = launch_cache.recall(file, self.key)
        if isinstance(kept, tuple) and len(kept) == 2:
            variables, sheets = kept
            if _is_variables(variables) and isinstance(sheets, dict):
                self._kept_variables, self._kept_sheets = variables, sheets

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
        if variables == self._kept_variables and sheets.keys() == self._kept_sheets.keys():
            return
        self._kept_variables, self._kept_sheets = dict(variables), sheets
        launch_cache.remember(self.file, self.key, (self._kept_variables, sheets))
