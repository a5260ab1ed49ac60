"""phase_at: where the breath is, from elapsed time alone - exact after ten hours."""

from __future__ import annotations

import pytest

from zoomapp.core.content.packs import load_content
from zoomapp.core.practice.breathing import phase_at

PATTERNS = load_content().patterns
TEN_HOURS = 10 * 3600


@pytest.mark.parametrize("pattern_id", sorted(PATTERNS))
def test_each_phase_starts_exactly_where_the_pattern_says(pattern_id: str) -> None:
    pattern = PATTERNS[pattern_id]
    start = 0.0
    for index, phase in enumerate(pattern.phases):
        state = phase_at(pattern, start + 0.001)
        assert state.phase_number == index
        assert state.whole_seconds_left == int(-(-phase.seconds // 1))
        before_end = phase_at(pattern, start + phase.seconds - 0.001)
        assert before_end.phase_number == index and before_end.whole_seconds_left == 1
        start += phase.seconds
    assert phase_at(pattern, start).phase_number == 0
    assert phase_at(pattern, start).cycle == 1


@pytest.mark.parametrize("pattern_id", sorted(PATTERNS))
def test_no_drift_after_ten_hours(pattern_id: str) -> None:
    pattern = PATTERNS[pattern_id]
    cycles = int(TEN_HOURS // pattern.cycle_seconds)
    offset = cycles * pattern.cycle_seconds
    for t in (0.0, 0.5, 1.25, pattern.phases[0].seconds + 0.1):
        early, late = phase_at(pattern, t), phase_at(pattern, offset + t)
        assert late.phase_number == early.phase_number
        assert late.cycle == cycles + early.cycle
        assert late.seconds_left == pytest.approx(early.seconds_left, abs=1e-6)


def test_478_at_ten_hours_exactly() -> None:
    # 36000 s = 1894 full 19-second breaths (35986 s) + 14 s: 3 s into the 8-second out-breath.
    state = phase_at(PATTERNS["4-7-8"], 36000)
    assert (state.phase.kind, state.cycle) == ("out", 1894)
    assert state.seconds_left == pytest.approx(5.0)


def test_the_shape_grows_in_holds_and_shrinks_out() -> None:
    box = PATTERNS["box"]
    sizes = [phase_at(box, t).size for t in (0, 2, 3.999, 5, 7.999, 10, 11.999, 14)]
    assert sizes[0] == pytest.approx(0.0)
    assert 0 < sizes[1] < 1
    assert sizes[2] == pytest.approx(1.0, abs=1e-3)
    assert sizes[3] == 1.0  # hold after breathing in stays full
    assert sizes[4] == pytest.approx(1.0)
    assert 0 < sizes[5] < 1
    assert sizes[6] == pytest.approx(0.0, abs=1e-3)
    assert sizes[7] == 0.0  # hold after breathing out stays empty


def test_second_inhale_of_a_sigh_keeps_growing() -> None:
    sigh = PATTERNS["sigh"]
    assert phase_at(sigh, 2.5).size == pytest.approx(1.0 - 0.5 * 0, abs=1.0)
    assert phase_at(sigh, 2.999).size == pytest.approx(1.0, abs=1e-3)
    assert phase_at(sigh, 2.5).phase.label == "Breathe in again"


def test_negative_elapsed_is_the_start() -> None:
    assert phase_at(PATTERNS["box"], -3).phase_number == 0
