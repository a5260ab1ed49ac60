"""Recipes expanded into steps, runs through them, and pause accounting."""

from __future__ import annotations

import random

import pytest

from tests.conftest import FakeClock
from zoomapp.core.clock import Stopwatch, format_duration, spoken_duration
from zoomapp.core.content.packs import load_content
from zoomapp.core.practice.sessions import Run, expand

CONTENT = load_content()


def plan_for(recipe_id: str, seed: int = 1):
    return expand(CONTENT.recipes[recipe_id], CONTENT, random.Random(seed))


def test_two_minute_plan_has_every_part_and_lasts_two_minutes() -> None:
    plan = plan_for("two-minute")
    assert plan.total_seconds == 120
    assert plan.steps[0].is_breathing
    assert [s.deck for s in plan.steps[1:]] == [
        "body",
        "body",
        "surroundings",
        "surroundings",
        "needs",
        "strengths",
        "perspective",
    ]
    assert all(s.prompt for s in plan.steps[1:])


def test_prompts_are_never_repeated_within_a_session() -> None:
    for seed in range(30):
        plan = plan_for("zoom-in", seed)
        prompts = [s.prompt for s in plan.steps]
        assert len(prompts) == len(set(prompts)) == 12


def test_a_deck_smaller_than_asked_shows_each_prompt_once() -> None:
    from zoomapp.core.content.model import Recipe, RecipeStep

    recipe = Recipe("r", "R", "", (RecipeStep(seconds=5, deck="needs", prompts=20),))
    plan = expand(recipe, CONTENT, random.Random(0))
    assert len(plan.steps) == len(CONTENT.decks["needs"].prompts)


def test_sections_group_steps_by_deck() -> None:
    titles = [t for t, _ in plan_for("zoom-in").sections()]
    assert titles == ["Your body", "Around you", "Your child", "Their strengths"]


def test_run_auto_advances_and_finishes() -> None:
    run = Run(plan_for("two-minute"))
    assert run.time_left(0) == 120
    run.update(21.9)
    assert run.index == 0
    run.update(22.0)
    assert run.index == 1
    assert run.time_left(30) == pytest.approx(90)
    run.update(119.9)
    assert not run.finished
    run.update(120)
    assert run.finished and run.time_left(120) == 0


def test_skipping_moves_on_and_time_left_counts_only_what_remains() -> None:
    run = Run(plan_for("two-minute"))
    run.next(3.0)  # skip the breathing after 3 s
    assert run.index == 1
    assert run.time_left(3.0) == 120 - 22
    run.previous(5.0)
    assert run.index == 0 and run.step_left(5.0) == 22


def test_without_auto_advance_a_step_waits_for_the_parent() -> None:
    run = Run(plan_for("two-minute"), auto_advance=False)
    assert run.next_change_in(20.0) == pytest.approx(2.0)
    assert not run.update(300.0)  # long past the breathing step's 22 s
    assert run.index == 0 and run.waiting(300.0)
    assert run.next_change_in(300.0) is None  # nothing will change on its own
    assert run.time_left(300.0) == 120 - 22  # the countdown stands still while it waits
    run.next(300.0)
    assert run.index == 1 and not run.waiting(300.0)
    assert run.step_left(310.0) == run.step.seconds - 10


def test_stopwatch_stops_while_paused() -> None:
    clock = FakeClock()
    watch = Stopwatch(clock)
    watch.start()
    clock.advance(10)
    watch.pause()
    clock.advance(300)
    assert watch.elapsed() == 10
    watch.resume()
    clock.advance(5)
    assert watch.elapsed() == 15
    assert watch.toggle() is True
    clock.advance(1000)
    assert watch.toggle() is False
    assert watch.elapsed() == 15


def test_durations_read_like_a_timer_and_like_speech() -> None:
    assert format_duration(119.2, round_up=True) == "2:00"
    assert format_duration(0.0, round_up=True) == "0:00"
    assert format_duration(61.9) == "1:01"
    assert spoken_duration(120, CONTENT.text) == "2 min"
    assert spoken_duration(45, CONTENT.text) == "45 seconds"
    assert spoken_duration(1, CONTENT.text) == "1 second"
    assert spoken_duration(75, CONTENT.text) == "1 min 15 s"


def test_a_run_knows_exactly_when_it_finished_even_if_asked_late() -> None:
    run = Run(plan_for("one-minute"))
    run.update(75.0)
    assert run.finished and run.finished_at == 60.0


def _repeat_rate(recent_for_each_session) -> float:
    """Share of back-to-back two-minute sessions that show a prompt from the one before."""
    import random as _random

    from zoomapp.core.content.packs import load_content
    from zoomapp.core.practice.sessions import expand

    content = load_content()
    rng = _random.Random(11)
    last: set[str] = set()
    repeats = 0
    for _ in range(1000):
        plan = expand(content.recipes["two-minute"], content, rng, recent=recent_for_each_session())
        shown = {step.prompt for step in plan.steps if step.prompt}
        repeats += bool(shown & last)
        last = shown
    return repeats / 1000


def test_back_to_back_sessions_rarely_repeat_a_prompt() -> None:
    from zoomapp.core.practice.recent import Recent

    remembered = Recent()
    assert _repeat_rate(lambda: remembered) < 0.05
    assert _repeat_rate(Recent) > 0.3  # without the memory, most would repeat one


def test_what_was_shown_is_remembered_across_runs_without_the_words(tmp_path) -> None:
    from zoomapp.core.practice.recent import Recent, load_recent, save_recent

    recent = Recent()
    recent.add(["Feel your feet on the floor.", "You noticed this: so kind to her brother"])
    path = tmp_path / "recent.toml"
    save_recent(path, recent)
    assert "kind" not in path.read_text() and path.stat().st_mode & 0o777 == 0o600
    again = load_recent(path)
    assert again.rank("Feel your feet on the floor.") == 0 and again.rank("new") == -1
    path.write_text("shown = [")  # damaged: a fresh start, no error
    assert load_recent(path).shown == []
