"""Cues for breathing with eyes closed: bells in a terminal, soft tones in a browser tab.

Each phase starts with its own number of bells (`bells_for`: one to breathe in, two to
hold, three to breathe out, unless the pack says otherwise). They are spaced by GAP: slow
enough to count, and past the fifth of a second in which some terminals merge bells into
one; quick enough to be heard as one cue. Textual timers ring them: nothing ever waits.

In a tab of `zoomapp serve` a bell makes no sound, so the page is told the phase instead
(TONE: an escape sequence terminals, xterm.js included, ignore) and plays one soft tone
per bell, lower for each phase (ui/web/app_index.html).
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.widget import Widget

from zoomapp.core.content.model import Phase
from zoomapp.core.practice.breathing import bells_for
from zoomapp.ui.textual_private import write_to_terminal

GAP = 0.4  # seconds between the bells of one cue
TONE = "\x1b]7701;zoomapp-breath;{kind};{bells}\x07"  # the page listens for this


class BreathCues:
    """Rings a phase's cue once, as it starts: the screen says which phase is showing."""

    def __init__(self, owner: Widget, gap: float | None = None) -> None:
        self._owner = owner
        self.gap = GAP if gap is None else gap
        self._showing: Hashable = None

    def follow(self, showing: Hashable, phase: Phase, bell_on: bool) -> None:
        """`phase` is showing, named by `showing` (cycle and phase): a new one is cued,
        the first included, so eyes can close from the start. Bell off: no cue at all."""
        if showing == self._showing:
            return
        self._showing = showing
        if bell_on:
            self.ring(phase)

    def ring(self, phase: Phase) -> None:
        bells = bells_for(phase)
        app = self._owner.app
        if bells <= 0:
            return
        if app.is_web:
            write_to_terminal(app, TONE.format(kind=phase.kind, bells=bells))
            return
        app.bell()
        for later in range(1, bells):
            self._owner.set_timer(later * self.gap, app.bell)
