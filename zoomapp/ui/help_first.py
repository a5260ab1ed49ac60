"""Words kept in the journal that may speak of danger are followed by help, as a worry is.

A parent may write "I can't go on" as the day's feeling, or what their child said tonight
as a small win's note, rather than in the What-if box. The words are saved first, always.
When a danger phrase names harm, More help opens next, saying why, and what comes next
waits until it is closed. When only the weights lean that way (a journal is not a worry,
and many an everyday line leans a little), one quiet line says where help is instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from zoomapp.core.practice.danger import UNSURE, Finding
from zoomapp.core.practice.worries import danger_in_written, recogniser

if TYPE_CHECKING:
    from zoomapp.ui.keys import ZoomScreen


def read_ahead(screen: ZoomScreen) -> None:
    """Make the danger reading ready in a thread (half a second, once a run), so that
    saving never waits for it."""
    content = screen.content
    screen.run_worker(lambda: recogniser(content), thread=True, exit_on_error=False)


def help_first(screen: ZoomScreen, words: str, then: Callable[[], Any]) -> None:
    """`then` at once - or, when the words just kept name harm, after More help, opened
    first with the reason (near the line: a quiet line says where help is, and `then`)."""
    content = screen.content
    try:
        found = danger_in_written(words, content)
    except Exception:  # the words are kept: a reading that failed must not undo that
        found = Finding(UNSURE, "")  # and, unsure, it says where help is
    if found is not None and found.category != UNSURE:

        def after(_: object) -> None:  # returns nothing: `then` may dismiss its screen
            then()

        screen.zoomapp.open_screen("help", content.text("journal_help_first"), then=after)
        return
    if found is not None:
        screen.zoomapp.notify(content.text("journal_help_near"), timeout=12)
    then()
