"""Home: "What do you need right now?" - one key starts each choice."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult

from zoomapp.core.content.quoting import shorten
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

# (key, action, label text key, hint text key), in the order they are listed.
CHOICES = (
    ("g", "app.ground", "choice_ground", "choice_ground_hint"),
    ("i", "app.zoom('in')", "choice_zoom_in", "choice_zoom_in_hint"),
    ("o", "app.zoom('out')", "choice_zoom_out", "choice_zoom_out_hint"),
    ("b", "app.breathe", "choice_breathe", "choice_breathe_hint"),
    ("w", "app.note('wins')", "choice_win", "choice_win_hint"),
    ("c", "app.checkin", "choice_checkin", "choice_checkin_hint"),
    ("j", "app.journal", "choice_journal", "choice_journal_hint"),
    ("k", "app.school", "choice_school", "choice_school_hint"),
    ("h", "app.open_help", "choice_help", "choice_help_hint"),
)


class HomeScreen(ZoomScreen):
    _laid_out: tuple[str, bool] = ("", False)  # (g's session, tiny) the choices show

    KEYS = (
        *(Key(key, action, label, show=False) for key, action, label, _ in CHOICES),
        Key("s", "app.settings", "key_settings"),
        Key("p", "app.packs", "key_packs"),
        Key("d", "app.problems", "key_details"),  # only when a pack was skipped
        Key("q", "app.quit", "key_quit"),
    )

    def compose(self) -> ComposeResult:
        text = self.content.text
        # Straight on the screen, and only what has something to say: every widget
        # spared makes the first frame sooner.
        yield Words(text("app_title"), id="title")
        yield Words(text("home_question"), id="question")
        yield ChoiceList(self._choices(), id="choices")
        for widget_id, words in (
            ("encouragement", self._encouragement()),
            ("note", self._first_run_note()),
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
        names = {label: self.content.text(label) for _, _, label, _ in CHOICES}
        # g starts the session chosen in Settings: its own name says which.
        chosen = self.content.recipes.get(self.zoomapp.settings.recipe)
        if chosen is not None:
            names["choice_ground"] = chosen.name
        options = []
        width = max(len(name) for name in names.values())
        for key, action, label, hint in CHOICES:
            name = names[label]
            line = Text.assemble((f" {key} ", "bold"), "  ")
            if tiny:
                line.append(name, "bold")
            else:
                line.append(name.ljust(width), "bold")
                line.append_text(Text.assemble("   ", (self.content.text(hint), "dim italic")))
            options.append((action, line))
        return options

    def _layout(self) -> tuple[str, bool]:
        return self.zoomapp.settings.recipe, self.zoomapp.has_class("-tiny")

    def _relayout(self) -> None:
        """Draw the choices again when g starts another session, or the terminal turned
        tiny (or back): nothing else changes them."""
        if self._laid_out != self._layout():
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
        self.query_one("#choices", ChoiceList).focus()
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
