"""Words kept in the journal that may speak of danger are followed by help, as a worry is.

A parent may write "I can't go on" as the day's feeling, or what their child said tonight
as a small win's note, rather than in the What-if box. The words are saved first, always;
then More help opens, saying why, and what comes next waits until it is closed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from zoomapp.core.practice.worries import recogniser, written_of_danger

if TYPE_CHECKING:
    from zoomapp.ui.keys import ZoomScreen


def read_ahead(screen: ZoomScreen) -> None:
    """Make the danger reading ready in a thread (half a second, once a run), so that
    saving never waits for it."""
    content = screen.content
    screen.run_worker(lambda: recogniser(content), thread=True, exit_on_error=False)


def help_first(screen: ZoomScreen, words: str, then: Callable[[], Any]) -> None:
    """`then` at once - or, when the words just kept may speak of danger, after More help,
    opened first with the reason."""
    content = screen.content
    if not written_of_danger(words, content):
        then()
        return
    because = content.text("journal_help_first")
    screen.zoomapp.open_screen("help", because, then=lambda _: then())
