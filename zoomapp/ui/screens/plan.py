"""My plan: what I do now to spare my child (ticked), the one thing I am changing with the
sentence that tells my child, tonight's note of how holding to it went, and why one small
change, made kindly, helps."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.core.journal.dates import written_date
from zoomapp.core.journal.store import Saved
from zoomapp.core.school import record
from zoomapp.core.school.notes import HELD_WENT
from zoomapp.core.school.plan import ACCOMMODATIONS, WHY, Plan, plan_of
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.screens.school import noted
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


class PlanScreen(ZoomScreen):
    LETTERS_FIRST = True  # no box here: a letter that opens one, opens it at once
    CSS_PATH = "lists.tcss"
    KEYS = (
        Key("space", "tick", "key_tick", key_display="space"),
        Key("c", "change", "key_plan_change"),
        Key("a", "add", "key_plan_add"),
        *(
            Key(str(n), f"held('{went}')", "key_tonight", show=n == 1, key_display="1-3")
            for n, went in enumerate(HELD_WENT, 1)
        ),
        Key("w", "why", "key_plan_why"),
        Key("escape", "back", "key_back", key_display="esc"),
    )

    def compose(self) -> ComposeResult:
        text = self.content.text
        self.plan = plan = plan_of(self.zoomapp.journal)
        deck = self.content.decks.get(ACCOMMODATIONS)
        self.listed = plan.listed(list(deck.prompts) if deck else [])
        with VerticalScroll(id="plan"):
            yield Words(text("school_plan_title"), id="question")
            yield Words(text("school_plan_intro"), classes="help-dim help-item")
            rows = [
                (str(n), Text(f"[{'x' if plan.doing.get(item) else ' '}] {item}"))
                for n, item in enumerate(self.listed)
            ]
            yield ChoiceList(rows, id="plan-list")
            yield Words(self._change_words(plan), id="plan-change", classes="help-item")
            yield Words(id="plan-status", classes="help-dim help-item")
            why = self.content.decks.get(WHY)
            yield Words("\n\n".join(why.prompts) if why else "", id="plan-why", classes="help-item")
        yield KeyBar()

    def _change_words(self, plan: Plan) -> str:
        text = self.content.text
        if plan.change is None:
            return text("plan_change_none")
        start = written_date(plan.change.start, text)
        lines = [text("school_plan_line", start=start, text=plan.change.text)]
        if plan.change.say:
            lines.append(text("school_plan_say", say=plan.change.say))
        today = self.zoomapp.wall_clock().date()
        tonight = [h for h in plan.held if h.day == today]
        lines.append(
            text("plan_tonight", went=text(f"school_held_{tonight[-1].went}"))
            if tonight
            else text("plan_tonight_keys")
        )
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.query_one("#plan-why").display = False
        self.query_one(ChoiceList).focus()

    async def on_screen_resume(self) -> None:
        await self._redraw()

    async def _redraw(self, said: str = "") -> None:
        kept = self.query_one(ChoiceList).highlighted
        await self.recompose()
        self.on_mount()
        self.query_one(ChoiceList).highlighted = kept
        if said:
            self.query_one("#plan-status", Words).say(said)

    def _chosen(self) -> str:
        return self.listed[self.query_one(ChoiceList).highlighted]

    def _noted(self, note: Callable[[], Saved]) -> bool:
        return noted(self, "#plan-status", note)

    async def action_tick(self) -> None:
        item = self._chosen()
        doing = not self.plan.doing.get(item)
        own = item in self.plan.own
        if self._noted(lambda: record.set_help(self.zoomapp.journal, item, doing, own)):
            await self._redraw(
                self.content.text("cli_plan_ticked" if doing else "cli_plan_unticked", text=item)
            )

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        event.stop()
        self.run_worker(self.action_tick())

    def action_change(self) -> None:
        item, journal = self._chosen(), self.zoomapp.journal
        start = self.zoomapp.wall_clock().date()

        def save(words: str) -> Saved:
            return record.choose_change(journal, item, words, start)

        examples = self.content.decks.get("say-to-your-child")
        hint = self.zoomapp.rng.choice(examples.prompts).strip('"“”«»') if examples else ""
        self.zoomapp.open_screen("note", "say", save=save, placeholder=hint)

    def action_add(self) -> None:
        journal = self.zoomapp.journal

        def save(words: str) -> Saved:
            return record.set_help(journal, words, True, own=True)

        self.zoomapp.open_screen("note", "helps", save=save)

    async def action_held(self, went: str) -> None:
        today = self.zoomapp.wall_clock().date()
        if self.plan.change is not None and self._noted(
            lambda: record.log_held(self.zoomapp.journal, today, went)
        ):
            await self._redraw(self.content.text("school_noted"))

    def action_why(self) -> None:
        why = self.query_one("#plan-why")
        why.display = not why.display
        if why.display:
            self.query_one(VerticalScroll).scroll_end(animate=False)

    def action_back(self) -> None:
        self.app.pop_screen()
