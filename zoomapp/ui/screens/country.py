"""Which country are you in? Asked once, calmly, so More help always has a number to show.

The guess from the computer's locale is chosen already; Enter keeps it, Esc leaves it for
later (More help asks again, with s). The language can be changed here too, with l.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll

from zoomapp.core.practice.helplines import countries, country_name
from zoomapp.core.practice.locale_guess import country_from_locale
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.screens.settings import next_language
from zoomapp.ui.widgets.choices import ChoiceList
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.words import Words

ELSEWHERE = "-"  # the choice for a country zoomapp has no numbers for


class CountryScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (
        Key("enter", "choose", "key_choose", key_display="enter", priority=True),
        Key("l", "language", "key_language"),
        Key("escape", "skip", "key_not_now", key_display="esc"),
    )

    def compose(self) -> ComposeResult:
        text = self.content.text
        with Vertical(id="country"):  # the question stays in view; the list scrolls
            yield Words(text("country_question"), id="question")
            yield Words(text("country_why"), classes="help-item", id="country-why")
            with VerticalScroll(id="country-list"):
                yield ChoiceList(self._choices(), id="countries")
            yield Words(self._language_line(), id="country-language", classes="help-dim")
        yield KeyBar()

    def _choices(self) -> list[tuple[str, Text]]:
        codes = sorted(countries(self.content), key=lambda c: country_name(self.content, c))
        rows = [(code, Text(country_name(self.content, code))) for code in codes]
        rows.append((ELSEWHERE, Text(self.content.text("country_elsewhere"))))
        return rows

    def _language_line(self) -> str:
        code = self.zoomapp.settings.language
        name = self.content.texts.get(f"language_{code}", code)  # a coach's language: its code
        return self.content.text("country_language", language=name)

    def on_mount(self) -> None:
        self._highlight(self.zoomapp.settings.country or country_from_locale())

    def _highlight(self, country: str) -> None:
        choices = self.query_one(ChoiceList)
        ids = [choice_id for choice_id, _ in self._choices()]
        if country in ids:
            choices.highlighted = ids.index(country)
        choices.focus()
        self.call_after_refresh(choices.reveal)  # a tiny terminal scrolls to the guess

    def on_choice_list_selected(self, event: ChoiceList.Selected) -> None:
        settings = self.zoomapp.settings
        settings.country = "" if event.choice_id == ELSEWHERE else event.choice_id
        settings.country_asked = True
        self.zoomapp.save_settings()
        self.dismiss(True)

    def action_choose(self) -> None:
        self.query_one(ChoiceList).action_select()

    def action_skip(self) -> None:
        self.zoomapp.settings.country_asked = True  # asked; More help asks again
        self.zoomapp.save_settings()
        self.dismiss(False)

    async def action_language(self) -> None:
        app = self.zoomapp
        choices = self.query_one(ChoiceList)
        kept = [choice_id for choice_id, _ in self._choices()][choices.highlighted]
        app.choose_language(next_language(self.content.languages, app.settings.language))
        app.save_settings()
        app.reload_content()
        self._install_keys()
        await self.recompose()  # names sort differently in another language: keep the country
        self._highlight(kept)
        self.refresh_bindings()
