"""Home: "What do you need right now?" - one key starts each choice."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from rich.text import Text
from textual.app import ComposeResult

from zoomapp.core.content.quoting import shorten
from zoomapp.ui.keys import RECIPE_LABEL, Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

if TYPE_CHECKING:
    from zoomapp.core.content.model import Content


class Choice(NamedTuple):
    key: str
    action: str
    label: str  # a text key; or RECIPE_LABEL + id: that session's own name and description
    hint: str = ""  # the text key of the words beside it (a session's: its description)
    same_as: str = ""  # the session it shows: listed once, as g's, when g starts that one


# The session g starts is the one chosen in Settings: its line is added as home is drawn.
SCHOOL_MORNING = "school-morning"
MORNING = f"app.ground('{SCHOOL_MORNING}')"
CHOICES = (
    Choice("m", MORNING, RECIPE_LABEL + SCHOOL_MORNING, same_as=SCHOOL_MORNING),
    Choice("i", "app.zoom('in')", "choice_zoom_in", "choice_zoom_in_hint", "zoom-in"),
    Choice("o", "app.zoom('out')", "choice_zoom_out", "choice_zoom_out_hint", "zoom-out"),
    Choice("b", "app.breathe", "choice_breathe", "choice_breathe_hint"),
    Choice("w", "app.note('wins')", "choice_win", "choice_win_hint"),
    Choice("c", "app.checkin", "choice_checkin", "choice_checkin_hint"),
    Choice("j", "app.journal", "choice_journal", "choice_journal_hint"),
    Choice("k", "app.school", "choice_school", "choice_school_hint"),
    Choice("h", "app.open_help", "choice_help", "choice_help_hint"),
)


def listed(content: Content, chosen: str) -> list[Choice]:
    """Home's choices when g starts `chosen`: g's first, then the others, without the one
    that would show the same session again (Zoom in twice) or a session no pack has."""
    g = content.recipe_for(chosen).id
    choices = [Choice("g", "app.ground", RECIPE_LABEL + g, same_as=g)]
    for choice in CHOICES:
        recipe = choice.label.removeprefix(RECIPE_LABEL)
        if choice.same_as == g or (recipe != choice.label and recipe not in content.recipes):
            continue
        choices.append(choice)
    return choices


class HomeScreen(ZoomScreen):
    LETTERS_FIRST = True  # no box here: a letter that opens one, opens it at once
    _laid_out: tuple[str, bool] = ("", False)  # (g's session, tiny) the choices show

    def _install_keys(self) -> None:
        """Every choice's key works, listed or not; the palette names each session once."""
        shown = {choice.key for choice in listed(self.content, self.zoomapp.settings.recipe)}
        every = (Choice("g", "app.ground", RECIPE_LABEL + self.zoomapp.settings.recipe), *CHOICES)
        self.KEYS = (
            *(Key(c.key, c.action, c.label, show=False, palette=c.key in shown) for c in every),
            Key("s", "app.settings", "key_settings"),
            Key("p", "app.packs", "key_packs"),
            Key("d", "app.problems", "key_details"),  # only when a pack was skipped
            Key("q", "app.quit", "key_quit"),
        )
        super()._install_keys()

    def compose(self) -> ComposeResult:
        text = self.content.text
        # Straight on the screen, and only what has something to say: every widget
        # spared makes the first frame sooner.
        yield Words(text("app_title"), id="title")
        yield Words(text("home_question"), id="question")
        yield ChoiceList(self._choices(), id="choices")
        note = self._first_run_note()
        for widget_id, words in (
            # The very first time, what zoomapp is takes the place of the day's encouragement.
            ("note", note) if note else ("encouragement", self._encouragement()),
            ("problems", self._problem_line()),
        ):
            if words:
                yield Words(words, id=widget_id)
        yield KeyBar()

    def _choices(self) -> list[tuple[str, Text]]:
        """One line each; in a tiny terminal without the hints, so every choice - More
        help, the last, included - stays on screen."""
        self._laid_out = self._layout()
        tiny = self._laid_out[1]
        content = self.content
        lines = []
        for choice in listed(content, self._laid_out[0]):
            if choice.label.startswith(RECIPE_LABEL):  # a session: its own words
                recipe = content.recipe_for(choice.label.removeprefix(RECIPE_LABEL))
                lines.append((choice, recipe.name, recipe.description))
            else:
                lines.append((choice, content.text(choice.label), content.text(choice.hint)))
        width = max(len(name) for _, name, _ in lines)
        options = []
        for choice, name, hint in lines:
            line = Text.assemble((f" {choice.key} ", "bold"), "  ")
            if tiny or not hint:
                line.append(name, "bold")
            else:
                line.append(name.ljust(width), "bold")
                line.append_text(Text.assemble("   ", (hint, "dim italic")))
            options.append((choice.action, line))
        return options

    def _layout(self) -> tuple[str, bool]:
        return self.zoomapp.settings.recipe, self.zoomapp.has_class("-tiny")

    def _relayout(self) -> None:
        """Draw the choices again when g starts another session, or the terminal turned
        tiny (or back): nothing else changes them."""
        if self._laid_out != self._layout():
            if self._laid_out[0] != self._layout()[0]:
                self._install_keys()  # the palette names the session g starts now
                self.refresh_bindings()
            self.query_one("#choices", ChoiceList).set_choices(self._choices())

    def on_screen_resume(self) -> None:
        self._relayout()  # back from Settings

    def on_resize(self) -> None:
        self._relayout()

    def on_mount(self) -> None:
        self.query_one("#choices", ChoiceList).focus()

    async def show_content(self) -> None:
        """Draw again from the app's current content (after `pack preview` reloads)."""
        self._install_keys()
        await self.recompose()
        # A file saved twice at once recomposes twice: the choices may be between the two.
        for choices in self.query("#choices").results(ChoiceList):
            choices.focus()
        self.refresh_bindings()

    async def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        await self.run_action(event.choice_id)

    def _encouragement(self) -> str:
        """The day's: the same all day, so home opens just as it was last drawn."""
        deck = self.content.decks.get("encouragements")
        if not deck or not deck.prompts:
            return ""
        day = self.zoomapp.wall_clock().date().toordinal()
        return deck.prompts[day % len(deck.prompts)]

    def _first_run_note(self) -> str:
        settings = self.zoomapp.settings
        if settings.intro_seen:
            return ""
        settings.intro_seen = True
        self.call_after_refresh(self.zoomapp.save_settings)  # after the first frame
        return self.content.text("companion_note")

    def _problem_line(self) -> str:
        text = self.content.text
        lines = []
        notice = self.zoomapp.workspace.settings_notice()
        if notice:
            lines.append(notice)
        skipped = list(dict.fromkeys(p.file for p in self.content.errors))
        if len(skipped) == 1:
            name = shorten(Path(skipped[0]).name, 40)
            lines.append(text("packs_skipped", file=name))
        elif skipped:
            lines.append(text("packs_skipped_more", count=len(skipped)))
        return "\n".join(lines)
