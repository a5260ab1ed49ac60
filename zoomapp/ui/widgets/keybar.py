"""The key bar at the bottom: the keys that work right now, in the parent's language.

It reads the screen's active bindings (built from each screen's KEYS), like Textual's
Footer, but draws them as one line in one widget, which keeps every screen quick to open.
A click on a key presses it. A key is shown whole or not at all: what does not fit is left
out (it is still in the command palette), never cut in the middle of a word.
"""

from __future__ import annotations

import functools

from rich.text import Text
from textual import events
from textual.widget import Widget

from zoomapp.core.safe_text import printable


class KeyBar(Widget):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text-muted; }
    KeyBar > .keybar--key { color: $accent; text-style: bold; }
    """
    COMPONENT_CLASSES = {"keybar--key"}

    def __init__(self) -> None:
        super().__init__()
        self._spans: list[tuple[int, int, str]] = []  # (start, end, key) for clicks
        self.left_out: list[str] = []  # the keys that did not fit, last time it was drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _: self.refresh())

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _shown(self) -> list[tuple[str, str, str]]:
        """(key, what it shows, description) for each key worth showing, first binding wins."""
        seen: set[str] = set()
        shown = []
        # A screen may show fewer keys where the focus is (they all still work).
        wanted = getattr(self.screen, "shows_in_key_bar", lambda action: True)
        for key, (_, binding, enabled, _) in self.screen.active_bindings.items():
            if not binding.show or not enabled or binding.action in seen:
                continue
            if not wanted(binding.action):
                continue
            seen.add(binding.action)
            shown.append((key, self.app.get_key_display(binding), binding.description))
        return shown

    def render(self) -> Text:
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        line = Text(no_wrap=True, overflow="ellipsis")
        self._spans = []
        self.left_out = []
        width = self.size.width
        for key, display, description in self._shown():
            shown = Text.assemble((f" {printable(display)} ", key_style), _described(description))
            if self.left_out or line.cell_len + shown.cell_len > width:
                self.left_out.append(key)
                continue
            start = len(line)
            line.append_text(shown)
            line.append(" ")
            self._spans.append((start, len(line), key))
        content = getattr(self.app, "content", None)
        if content is not None and self.app.ENABLE_COMMAND_PALETTE:
            hint = f" ^p {content.text('key_palette')}"
            if not self.left_out and line.cell_len + len(hint) <= width:  # only when there is room
                start = len(line)
                line.append(" ^p ", key_style)
                line.append(printable(content.text("key_palette")))
                self._spans.append((start, len(line), "ctrl+p"))
        return line

    async def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                await self.app.run_action(f"simulate_key('{key}')")
                return


@functools.lru_cache(maxsize=256)
def _described(description: str) -> Text:
    """A binding's description, escaped when the keys were made, so shown as written (no
    emoji codes either); read once, as every render of every key bar asks again."""
    return Text.from_markup(description, emoji=False)
