"""Every private Textual API zoomapp relies on, in one place.

Textual does not promise these between releases, so none is used anywhere else, and
tests/test_textual_private.py fails loudly, naming the one that moved, when an upgrade
changes any of them. That is what lets pyproject.toml accept a range of Textual
versions rather than one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.terminal_theme import TerminalTheme
    from textual.app import App
    from textual.binding import BindingsMap
    from textual.css.stylesheet import Stylesheet
    from textual.dom import DOMNode

# What each one is, for the test: (owner, name, "method" or "attribute").
USED = (
    ("DOMNode", "_merged_bindings", "attribute"),
    ("DOMNode", "_bindings", "attribute"),
    ("App", "_refresh_truecolor_filter", "method"),
    ("App", "_exception", "attribute"),
    ("App", "_exit_renderables", "attribute"),
    ("App", "_close_messages_no_wait", "method"),
    ("App", "_fatal_error", "method"),
    ("App", "_driver", "attribute"),
    ("Stylesheet", "_parse_cache", "attribute"),
)


def class_bindings(node: DOMNode) -> BindingsMap | None:
    """The bindings a widget, screen or app has from its classes (BINDINGS)."""
    return node._merged_bindings


def use_bindings(node: DOMNode, bindings: BindingsMap) -> None:
    """Give a node these bindings instead (labelled in the content's words)."""
    node._bindings = bindings


def set_truecolor_filter(app: App[Any], theme: TerminalTheme) -> None:
    """What assigning `app.theme` does for colours, without restyling every widget."""
    app._refresh_truecolor_filter(theme)


def write_to_terminal(app: App[Any], data: str) -> None:
    """Send `data` as it is to the terminal (or the browser tab) the app draws in, as
    `App.bell` does: Textual has no public way to send an escape sequence of one's own."""
    if not app.is_headless and app._driver is not None:
        app._driver.write(data)


def failure(app: App[Any]) -> BaseException | None:
    """The exception that is bringing the app down, if any."""
    return app._exception


def parsed_sheets(stylesheet: Stylesheet) -> dict[Any, Any]:
    """Every sheet `stylesheet` has parsed and still holds, under Textual's key for it
    (the CSS text first, then where it came from and its scope); a sheet since changed or
    let go is left out."""
    cache = stylesheet._parse_cache
    held = {source.content for source in stylesheet.source.values()}
    return {key: cache.get(key) for key in list(cache.keys()) if key[0] in held}


def use_parsed_sheets(stylesheet: Stylesheet, sheets: dict[Any, Any]) -> None:
    """Let `stylesheet` use sheets parsed before, with the same variables, as its own."""
    cache = stylesheet._parse_cache
    for key, rules in sheets.items():
        cache.set(key, rules)


def close_with_words(app: App[Any], words: str) -> None:
    """End the app at once, leaving `words` printed where the app was."""
    app._exit_renderables.append(words)
    app._close_messages_no_wait()


class FatalErrorHook:
    """Mixed into the app: Textual's private `_fatal_error` (it prints a traceback) hands
    over to the app's public `fatal_error`, which closes calmly instead."""

    def fatal_error(self) -> None:
        raise NotImplementedError

    def _fatal_error(self) -> None:
        self.fatal_error()
