"""Keys and the actions they run: one list per screen, read by bindings, footer and palette.

Labels are text keys from the content packs, so the footer speaks the parent's language.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from rich.markup import escape
from textual.binding import Binding, BindingsMap
from textual.keys import format_key
from textual.screen import Screen

from zoomapp.core.safe_text import printable
from zoomapp.ui.textual_private import class_bindings, use_bindings

if TYPE_CHECKING:
    from textual import events
    from textual.app import App
    from textual.dom import DOMNode
    from textual.widget import Widget

    from zoomapp.core.content.model import Content
    from zoomapp.ui.app import ZoomApp


# A label naming a session rather than a text key: "recipe:school-morning" is shown as that
# recipe's own name, a coach's included.
RECIPE_LABEL = "recipe:"


class Key(NamedTuple):
    """A key, the action it runs, the text key of its label (or RECIPE_LABEL and a recipe's
    id), and whether the footer shows it."""

    keys: str
    action: str
    label: str
    show: bool = True
    palette: bool = True
    key_display: str | None = None
    priority: bool = False


def enabled(app: Any, owner: Any, action: str) -> bool:
    """Whether `action` (as a Key names it: "app.problems", "step('done')") works now, as
    its owner's check_action says: the command palette offers only what would."""
    from textual.actions import parse

    where, name, parameters = parse(action)
    target = app if where == "app" else app.screen if where == "screen" else owner
    return target.check_action(name, parameters) is True


def label_words(label: str, content: Content) -> str:
    """A key's label in the content's words: its text key's, or its recipe's own name."""
    if label.startswith(RECIPE_LABEL):
        return content.recipe_for(label.removeprefix(RECIPE_LABEL)).name
    return content.text(label)


def typed(key: str) -> bool:
    """Whether `key` types a character ("w", "3", "slash" for "/"), not "enter" or "up"."""
    character = format_key(key)  # "/" for "slash", "⏎" for "enter", "ctrl+p" as it is
    return len(character) == 1 and character.isascii() and character.isprintable()


def with_keys(
    base: BindingsMap | None, keys: tuple[Key, ...], content: Content, letters_first: bool = False
) -> BindingsMap:
    """`base` plus `keys`, labelled in the content's words; `keys` win over base bindings.
    With `letters_first`, every key that is one character is acted on as it is typed."""
    merged = {key: list(found) for key, found in (base.key_to_bindings if base else {}).items()}
    # Textual's key panel reads a description as markup: escaped, a coach's [words] stay.
    labelled = [
        Binding(
            k.keys,
            k.action,
            escape(printable(label_words(k.label, content))),
            show=k.show,
            key_display=k.key_display,
            priority=k.priority,
        )
        for k in keys
    ]
    for binding in Binding.make_bindings(labelled):
        if letters_first and typed(binding.key):
            binding = replace(binding, priority=True)
        merged.setdefault(binding.key, []).insert(0, binding)
    return BindingsMap.from_keys(merged)


class KeyedMixin:
    """Gives a screen its `KEYS` as bindings whose labels come from content."""

    KEYS: tuple[Key, ...] = ()  # a screen may choose its own as it is made (zoom in, out)
    # A screen with no box to type in: each of its letters is acted on the moment it is
    # read, before the keys typed after it. A letter that opens a box has opened it when
    # the words typed straight after it arrive, and they go into it (on_key).
    LETTERS_FIRST = False
    if TYPE_CHECKING:  # what the Screen this is mixed into provides
        app: App[Any]
        focused: Widget | None

    def __init__(self) -> None:
        super().__init__()
        self._install_keys()

    @property
    def zoomapp(self) -> ZoomApp:
        """The app, as what it is: the one typed way a screen reaches the journal,
        settings, clocks and the rest."""
        return cast("ZoomApp", self.app)

    @property
    def content(self) -> Content:
        return self.zoomapp.content

    def on_key(self, event: events.Key) -> None:
        """Words typed while this screen was opening reached the screen itself, before its
        box had the focus: they go into the box, in the order typed. (Once it has the focus
        the box takes every letter itself, so none comes here.)"""
        box = self.focused
        if box is None or not event.is_printable or event.character is None:
            return
        from textual.widgets import Input, TextArea  # loaded already by a screen with a box

        if isinstance(box, Input):
            box.insert_text_at_cursor(event.character)
        elif isinstance(box, TextArea) and not box.read_only:
            box.insert(event.character, maintain_selection_offset=False)
        else:
            return
        event.stop()

    def _install_keys(self) -> None:
        node = cast("DOMNode", self)
        keys = with_keys(class_bindings(node), self.KEYS, self.content, self.LETTERS_FIRST)
        use_bindings(node, keys)


class ZoomScreen(KeyedMixin, Screen):
    """A full screen whose keys are described by `KEYS`."""
