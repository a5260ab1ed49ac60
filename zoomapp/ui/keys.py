"""Keys and the actions they run: one list per screen, read by bindings, footer and palette.

Labels are text keys from the content packs, so the footer speaks the parent's language.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple

from textual.binding import Binding, BindingsMap
from textual.screen import ModalScreen, Screen

if TYPE_CHECKING:
    from zoomapp.core.packs import Content


class Key(NamedTuple):
    """A key, the action it runs, the text key of its label, and whether the footer shows it."""

    keys: str
    action: str
    label: str
    show: bool = True
    palette: bool = True
    key_display: str | None = None
    priority: bool = False


def make_bindings(keys: tuple[Key, ...], content: Content) -> list[Binding]:
    return [
        Binding(
            k.keys,
            k.action,
            content.text(k.label),
            show=k.show,
            key_display=k.key_display,
            priority=k.priority,
        )
        for k in keys
    ]


class KeyedMixin:
    """Gives a screen its `KEYS` as bindings whose labels come from content."""

    KEYS: ClassVar[tuple[Key, ...]] = ()

    def __init__(self) -> None:
        super().__init__()
        self._install_keys()

    @property
    def content(self) -> Content:
        return self.app.content  # type: ignore[attr-defined]

    def _install_keys(self) -> None:
        content = self.app.content  # type: ignore[attr-defined]
        merged = self._merged_bindings.copy() if self._merged_bindings else BindingsMap()  # type: ignore[attr-defined]
        keys = {key: list(bindings) for key, bindings in merged.key_to_bindings.items()}
        for binding in Binding.make_bindings(make_bindings(self.KEYS, content)):
            keys.setdefault(binding.key, []).insert(0, binding)
        self._bindings = BindingsMap.from_keys(keys)  # type: ignore[attr-defined]


class ZoomScreen(KeyedMixin, Screen):
    """A full screen whose keys are described by `KEYS`."""


class ZoomModal(KeyedMixin, ModalScreen):
    """A modal screen whose keys are described by `KEYS`."""
