"""Where a breathing pattern is at any moment: a pure function of elapsed time."""

from __future__ import annotations

import math
from typing import NamedTuple

from zoomapp.core.content.model import Pattern, Phase

# The cue as each kind of phase starts, eyes closed: the bells count the order of a breath
# (one to breathe in, two to hold, three to breathe out), so nothing has to be learned.
BELLS = {"in": 1, "hold": 2, "out": 3}


def bells_for(phase: Phase) -> int:
    """How many bells (or tones) start `phase`: the pack's choice, or its kind's own."""
    return BELLS.get(phase.kind, 1) if phase.bells is None else phase.bells


class BreathState(NamedTuple):
    """The breath at one instant."""

    phase_number: int  # which phase of the cycle
    phase: Phase
    progress: float  # 0.0 at the start of the phase, 1.0 at its end
    seconds_left: float  # until the phase changes
    cycle: int  # completed breaths
    size: float  # 0.0 lungs empty .. 1.0 lungs full, for the visual

    @property
    def whole_seconds_left(self) -> int:
        """The countdown a person reads: 4, 3, 2, 1 - never 0 while the phase lasts."""
        return max(1, math.ceil(self.seconds_left - 1e-9))


def _level_after(phases: tuple[Phase, ...], index: int) -> float:
    """How full the lungs are at the end of phase `index` (holds keep the level before)."""
    for step in range(len(phases)):
        phase = phases[(index - step) % len(phases)]
        if phase.kind == "in":
            return 1.0
        if phase.kind == "out":
            return 0.0
    return 0.5


def _ease(t: float) -> float:
    """Smooth start and end, so the visual moves like a breath rather than a ramp."""
    return 0.5 - 0.5 * math.cos(math.pi * t)


def phase_at(pattern: Pattern, elapsed: float) -> BreathState:
    """The breath `elapsed` seconds after starting `pattern`.

    Computed from elapsed time alone (never from counted ticks), so it cannot drift:
    after ten hours it is exactly where the arithmetic says it is.
    """
    phases = pattern.phases
    cycle_length = pattern.cycle_seconds
    elapsed = max(0.0, elapsed)
    cycle, into_cycle = divmod(elapsed, cycle_length)
    start = 0.0
    index = len(phases) - 1
    for position, phase in enumerate(phases):
        if into_cycle < start + phase.seconds:
            index = position
            break
        start += phase.seconds
    else:
        start = cycle_length - phases[-1].seconds
    phase = phases[index]
    into_phase = into_cycle - start
    progress = min(1.0, max(0.0, into_phase / phase.seconds))
    before = _level_after(phases, index - 1)
    if phase.kind == "in":
        size = before + (1.0 - before) * _ease(progress)
    elif phase.kind == "out":
        size = before * (1.0 - _ease(progress))
    else:
        size = before
    return BreathState(
        phase_number=index,
        phase=phase,
        progress=progress,
        seconds_left=phase.seconds - into_phase,
        cycle=int(cycle),
        size=size,
    )
