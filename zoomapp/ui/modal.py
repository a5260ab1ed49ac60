"""ZoomModal: a dialog over the screen below, whose keys are described by `KEYS`.

Apart from `keys` so that a launch, which opens no dialog, does not make the class.
"""

from textual.screen import ModalScreen

from zoomapp.ui.keys import KeyedMixin


class ZoomModal(KeyedMixin, ModalScreen):
    """A modal screen whose keys are described by `KEYS`."""
