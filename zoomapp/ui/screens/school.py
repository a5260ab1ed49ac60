"""The way back to school: how today went (one key), the ladder of steps (tried, done -
a small win too - added, retired), and the one change in the family's help.

Every note is added to the journal like a win, so a locked journal takes it without the
passphrase; the screen reads the plan, so opening it asks once (opening.READS).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.core.errors import JournalError
from zoomapp.core.journal.dates import spoken_day, written_date
from zoomapp.core.journal.store import Saved
from zoomapp.core.school import record
from zoomapp.core.school.notes import DAY_WENT
from zoomapp.core.school.plan import Plan, Step, plan_of
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

LADDER, EXAMPLES = "ladder", "ladder-examples"


def day_words(plan: Plan, day: date, text: Callable[..., str]) -> str:
    """'part of the day, arrived 10:15' for `day`, or '' when nothing is noted."""
    noted = plan.days.get(day)
    return noted.words(text) if noted is not None else ""


def step_line(number: int, step: Step, plan: Plan, today: date, text: Callable[..., str]) -> Text:
    """'2. Walk to the gate  4/10  last noted yesterday: done'."""
    line = Text(f"{number}. {step.text}")
    if step.hard is not None:
        line.append("  " + text("school_hard", hard=step.hard), "dim")
    tried = [t for t in plan.tried if t.step == step.id]
    if tried:
        day = spoken_day(tried[-1].day, today, text)
        went = text(f"school_tried_{tried[-1].went}")
        line.append("  " + text("cli_step_last", day=day, went=went), "dim")
    return line


def noted(screen: ZoomScreen, status: str, note: Callable[[], Saved]) -> bool:
    """Do `note` (a note of the plan); a problem is said in `status`, never raised."""
    try:
        saved = note()
    except JournalError as exc:
        screen.query_one(status, Words).say(screen.content.explain(exc))
        return False
    screen.zoomapp.report_set_aside(saved.set_aside_as)
    return True


class SchoolScreen(ZoomScreen):
    LETTERS_FIRST = True  # no box here: a letter that opens one, opens it at once
    CSS_PATH = "lists.tcss"
    KEYS = (
        *(
            Key(str(n), f"day('{went}')", "key_school_day", show=n == 1, key_display="1-4")
            for n, went in enumerate(DAY_WENT, 1)
        ),
        Key("d", "step('done')", "key_step_done"),
        Key("t", "step('part')", "key_step_part"),
        Key("n", "step('not')", "key_step_not", show=False),
        Key("a", "add_step", "key_step_add"),
        Key("e", "edit_step", "key_edit", show=False),
        Key("shift+up", "move(-1)", "key_step_up", show=False),
        Key("shift+down", "move(1)", "key_step_down", show=False),
        Key("x", "retire", "key_step_retire", show=False),
        Key("m", "morning", "key_morning", show=False),
        Key("l", "left", "key_left", show=False),
        Key("u", "undo_retire", "key_undo", show=False),
        Key("p", "plan", "key_school_plan"),
        Key("escape", "back", "key_back", key_display="esc"),
    )

    retired: Step | None = None  # the step retired last, while u can bring it back

    def compose(self) -> ComposeResult:
        text = self.content.text
        self.plan = plan = plan_of(self.zoomapp.journal)
        today = self.zoomapp.wall_clock().date()
        with VerticalScroll(id="school"):
            yield Words(text("school_title"), id="question")
            noted = day_words(plan, today, text)
            yield Words(
                text("school_today", went=noted) if noted else text("school_today_none"),
                id="school-today",
                classes="help-item",
            )
            yield Words(text("school_day_keys"), classes="help-dim help-item")
            yield Words(text("school_steps_title"), classes="help-heading")
            if plan.ladder:
                rows = [
                    (step.id, step_line(n, step, plan, today, text))
                    for n, step in enumerate(plan.ladder, 1)
                ]
                yield ChoiceList(rows, id=LADDER)
                yield Words(text("school_steps_keys"), classes="help-dim help-item")
            else:
                yield Words(text("school_steps_none"), classes="help-dim help-item")
                examples = self.content.decks.get(EXAMPLES)  # a coach's ladder, to start from
                if examples:
                    listed = "\n".join(f"  - {example}" for example in examples.prompts)
                    yield Words(f"{text('cli_steps_examples')}\n{listed}", classes="help-item")
            yield Words(self._plan_words(plan), id="school-plan", classes="help-item")
            yield Words(id="school-status", classes="help-dim")
        yield KeyBar()

    def _plan_words(self, plan: Plan) -> str:
        text = self.content.text
        if plan.change is None:
            return text("school_plan_none")
        start = written_date(plan.change.start, text)
        words = text("school_plan_line", start=start, text=plan.change.text)
        return words + (
            "\n" + text("school_plan_say", say=plan.change.say) if plan.change.say else ""
        )

    def on_mount(self) -> None:
        for ladder in self.query(ChoiceList):
            ladder.focus()

    async def on_screen_resume(self) -> None:
        await self._redraw()

    async def _redraw(self, said: str = "") -> None:
        kept = self._highlighted()
        await self.recompose()
        if kept is not None:
            for ladder in self.query(ChoiceList):
                ids = [s.id for s in self.plan.ladder]
                ladder.highlighted = ids.index(kept.id) if kept.id in ids else 0
        self.on_mount()
        if said:
            self.query_one("#school-status", Words).say(said)

    def _highlighted(self) -> Step | None:
        for ladder in self.query(ChoiceList):
            if self.plan.ladder:
                return self.plan.ladder[min(ladder.highlighted, len(self.plan.ladder) - 1)]
        return None

    def _noted(self, note: Callable[[], Saved]) -> bool:
        return noted(self, "#school-status", note)

    async def action_day(self, went: str) -> None:
        """Today in one key; part of the day then asks when they arrived (Esc skips)."""
        today = self.zoomapp.wall_clock().date()
        if self._noted(lambda: record.note_day(self.zoomapp.journal, today, went)):
            await self._redraw(self.content.text("school_noted"))
            if went == "part":
                self._add_to_today("arrived")

    def action_morning(self) -> None:
        """How hard this morning was, 0 to 10, added to today's note."""
        if self.zoomapp.wall_clock().date() in self.plan.days:
            self._add_to_today("morning")

    def action_left(self) -> None:
        """The time they left, for a day at school for part of it."""
        today = self.plan.days.get(self.zoomapp.wall_clock().date())
        if today is not None and today.went == "part":
            self._add_to_today("left")

    def _add_to_today(self, box: str) -> None:
        """Today's note again, with the time they arrived or how hard the morning was."""
        journal, today = self.zoomapp.journal, self.zoomapp.wall_clock().date()

        def save(words: str) -> Saved:
            day = plan_of(journal).days[today]
            arrived = words if box == "arrived" else day.arrived
            left = words if box == "left" else day.left
            hard = words if box == "morning" else day.hard
            return record.note_day(journal, today, day.went, arrived, left, hard, day.why)

        self.zoomapp.open_screen("note", box, save=save)

    async def action_step(self, went: str) -> None:
        step = self._highlighted()
        if step is None:
            return
        today = self.zoomapp.wall_clock().date()
        win = self.content.text("school_step_win", text=step.text)
        if self._noted(lambda: record.try_step(self.zoomapp.journal, step, went, today, win)):
            await self._redraw(
                self.content.text("cli_step_win" if went == "done" else "school_noted")
            )

    def action_add_step(self) -> None:
        journal, order = self.zoomapp.journal, self.plan.next_order

        def save(words: str) -> Saved:
            return record.change_step(journal, record.new_step(journal, words, None, order))

        examples = self.content.decks.get(EXAMPLES)  # a coach's example steps, one at a time
        hint = self.zoomapp.rng.choice(examples.prompts) if examples else ""
        self.zoomapp.open_screen("note", LADDER, save=save, placeholder=hint)

    def action_edit_step(self) -> None:
        step, journal = self._highlighted(), self.zoomapp.journal
        if step is None:
            return

        def save(words: str) -> Saved:
            return record.change_step(journal, step._replace(text=words))

        self.zoomapp.open_screen("note", LADDER, save=save, words=step.text)

    async def action_move(self, by: int) -> None:
        """The highlighted step one place smaller (-1) or bigger (1) on the ladder."""
        step, ladder = self._highlighted(), self.plan.ladder
        if step is None:
            return
        place = ladder.index(step) + by
        if not 0 <= place < len(ladder):
            return
        beyond = place + by
        if 0 <= beyond < len(ladder):
            order = (ladder[place].order + ladder[beyond].order) / 2
        else:
            order = ladder[place].order + by
        if self._noted(
            lambda: record.change_step(self.zoomapp.journal, step._replace(order=order))
        ):
            await self._redraw()

    async def action_retire(self) -> None:
        step = self._highlighted()
        if step is not None and self._noted(
            lambda: record.change_step(self.zoomapp.journal, step._replace(retired=True))
        ):
            number = self.plan.ladder.index(step) + 1
            self.retired = step
            said = self.content.text("cli_step_retired", number=number, text=step.text)
            await self._redraw(f"{said} {self.content.text('school_retired_undo')}")

    async def action_undo_retire(self) -> None:
        """The step retired last, back where it was."""
        step, self.retired = self.retired, None
        if step is not None and self._noted(
            lambda: record.change_step(self.zoomapp.journal, step._replace(retired=False))
        ):
            await self._redraw(self.content.text("school_noted"))

    def action_plan(self) -> None:
        self.zoomapp.open_screen("plan")

    def action_back(self) -> None:
        self.app.pop_screen()
