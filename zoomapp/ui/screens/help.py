"""More help: the parent's own numbers, the lines for their country with their sources,
and what to do first when anyone is in danger - all from the content packs."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input

from zoomapp.core.content.model import HelpItem
from zoomapp.core.files import plain_reason
from zoomapp.core.practice.helplines import (
    NumberError,
    add_number,
    country_name,
    details,
    gather,
    heading,
    load_numbers,
    numbers_file,
    source_line,
)
from zoomapp.core.practice.safety_plan import load_plan, plan_lines, plan_unreadable
from zoomapp.ui.drafting import DraftKeeper
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.modal import ZoomModal
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words


def _item(title: str, text: str) -> Words:
    return Words(Text.assemble((title, "bold"), "\n", text), classes="help-item")


class HelpScreen(ZoomScreen):
    LETTERS_FIRST = True  # no box here: a letter that opens one, opens it at once
    CSS_PATH = "lists.tcss"
    KEYS = (
        Key("escape,q", "back", "key_back", key_display="esc"),
        Key("a", "add", "key_add_number"),
        Key("s", "app.choose_country", "key_country"),
        Key("p", "plan", "key_plan"),
    )

    def __init__(self, because: str = "") -> None:
        """`because`: why help opened by itself (words just kept that may speak of
        danger: see ui/help_first.py), said before anything else."""
        super().__init__()
        self.because = because

    def compose(self) -> ComposeResult:
        text = self.content.text
        app = self.zoomapp
        country = app.country
        own = load_numbers(numbers_file(app.workspace.paths.data_dir))
        found = gather(self.content, country, own)
        with VerticalScroll(id="help"):
            if self.because:
                yield Words(self.because, id="help-because", classes="help-heading")
            yield Words(text("help_title"), id="question")
            for item in found.first:  # what to do when anyone is in danger always comes first
                yield _item(item.title, item.text)
            for item in found.emergency:  # and the number to call for it
                yield self._line(item)
            yield Words(text("help_own_title"), classes="help-heading")
            if own:
                lines = Text()
                for number in own:
                    lines.append(f"{number.name}: ", "bold")
                    lines.append(f"{number.number}\n")
                lines.rstrip()
                yield Words(lines, classes="help-item", id="own-numbers")
            else:
                yield Words(text("help_own_none"), classes="help-item help-dim", id="own-numbers")
            yield Words(text("plan_title"), classes="help-heading", id="plan-heading")
            plan = plan_lines(load_plan(app.workspace.paths.data_dir), self.content)[1:]
            if plan_unreadable(app.workspace.paths.data_dir):
                yield Words(text("plan_unreadable"), classes="help-item problem")
            shown = "\n".join(plan) or text("plan_empty")
            yield Words(shown, classes="help-item" if plan else "help-item help-dim", id="my-plan")
            name = country_name(self.content, country)
            if country:
                yield Words(text("help_numbers_for", country=name), classes="help-heading")
            else:
                yield Words(text("help_choose_country"), classes="help-heading")
            if country and not found.has_numbers:
                yield Words(text("help_no_numbers", country=name), classes="help-item")
            for item in found.lines:
                yield self._line(item)
            for item in found.advice:
                yield _item(item.title, item.text)
        yield KeyBar()

    def _line(self, item: HelpItem) -> Words:
        """A line to call: its heading, what it is for, when it answers, where it was checked."""
        line = Text.assemble((heading(item), "bold"), "\n", item.text)
        said = details(self.content, item)
        if said:
            line.append(f"\n{said}")
        source = source_line(self.content, item)
        if source:
            line.append(f"\n{source}", "dim")
        return Words(line, classes="help-item")

    def action_back(self) -> None:
        self.dismiss(None)  # what opened it may go on from here (see help_first)

    async def redraw(self) -> None:
        """Draw it all again: a country or language chosen, a number added, a plan written."""
        self._install_keys()
        await self.recompose()
        self.query_one("#help").focus()  # not the scroll that was there before: it is gone
        self.refresh_bindings()

    country_chosen = redraw

    def action_plan(self) -> None:
        async def written(saved: bool | None) -> None:
            if saved:
                await self.redraw()

        self.zoomapp.open_screen("safety_plan", then=written)

    def action_add(self) -> None:
        async def added(saved: bool | None) -> None:
            if saved:
                await self.redraw()

        self.zoomapp.open_screen("add_number", then=added)


class AddNumberScreen(ZoomModal):
    """Two boxes - who, and their number - kept in numbers.toml beside the journal."""

    CSS_PATH = "lists.tcss"  # its rules for a tiny terminal live there
    DEFAULT_CSS = """
    AddNumberScreen { align: center middle; }
    AddNumberScreen > Vertical {
        width: 64; max-width: 100%; height: auto; padding: 1 2;
        background: $panel; border: round $primary;
    }
    AddNumberScreen .add-label { padding-top: 1; }
    AddNumberScreen #add-status { color: $secondary; padding-top: 1; }
    AddNumberScreen #add-hint { color: $text-muted; padding-top: 1; }
    """
    KEYS = (Key("escape", "back", "key_back", key_display="esc"),)

    def compose(self) -> ComposeResult:
        text = self.content.text
        blink = self.zoomapp.cursor_blink
        with Vertical():
            yield Words(text("help_add_title"), classes="help-heading")
            yield Words(text("help_add_name"), classes="add-label")
            name = Input(placeholder=text("help_add_name_placeholder"), id="add-name")
            name.cursor_blink = blink
            yield name
            yield Words(text("help_add_number"), classes="add-label")
            number = Input(placeholder=text("help_add_number_placeholder"), id="add-number")
            number.cursor_blink = blink
            yield number
            yield Words(id="add-status")
            yield Words(text("help_add_hint"), id="add-hint")
        yield KeyBar()

    # Each box keeps a draft, as every box in zoomapp does: a closed window loses nothing.
    DRAFTS = {"add-name": "number-name", "add-number": "number-number"}

    def __init__(self) -> None:
        super().__init__()
        paths = self.zoomapp.workspace.paths
        self.drafts = {
            box: DraftKeeper(
                self,
                paths.drafts_dir,
                draft,
                lambda box=box: self._box_value(box),  # type: ignore[misc]
                self._draft_failed,
                keys=self.zoomapp.lock_keys,
            )
            for box, draft in self.DRAFTS.items()
        }

    def on_mount(self) -> None:
        for box, keeper in self.drafts.items():
            self.query_one(f"#{box}", Input).value = keeper.begin()[0]
        self.set_focus(self.query_one("#add-name", Input))  # now: see KeyedMixin.on_key

    def _box_value(self, box: str) -> str | None:
        return next((field.value for field in self.query(f"#{box}").results(Input)), None)

    def _draft_failed(self, error: OSError) -> None:
        for status in self.query("#add-status").results(Words):  # the words are still here
            status.say(self.content.text("note_draft_failed", reason=plain_reason(error)))

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id in self.drafts:
            self.drafts[event.input.id].changed(event.value)

    def keep_unsaved(self) -> None:
        """Keep what is typed as drafts (the app may be closing now)."""
        for keeper in self.drafts.values():
            keeper.keep()

    def on_unmount(self) -> None:
        self.keep_unsaved()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = self.query_one("#add-name", Input)
        if event.input is name and not self.query_one("#add-number", Input).value:
            self.query_one("#add-number", Input).focus()
            return
        self._save()

    def _save(self) -> None:
        status = self.query_one("#add-status", Words)
        path = numbers_file(self.zoomapp.workspace.paths.data_dir)
        try:
            saved = add_number(
                path,
                self.query_one("#add-name", Input).value,
                self.query_one("#add-number", Input).value,
            )
        except NumberError as exc:
            status.say(str(exc))
            return
        except OSError as exc:
            status.say(plain_reason(exc))
            return
        for box, keeper in self.drafts.items():  # saved: no draft, now or as the app closes
            keeper.forget(self._box_value(box) or "")
        self.notify(self.content.text("help_number_added", name=saved.name, number=saved.number))
        self.dismiss(True)

    def action_back(self) -> None:
        self.keep_unsaved()  # left without saving: the words wait for next time
        self.dismiss(False)
