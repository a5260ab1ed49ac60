"""Check every built-in pack afresh and keep the results beside them, in
content/checked.pickle, as zoomapp ships them (see zoomapp/core/content/shipped.py); and
what each built-in danger phrase needs, in content/danger-needs.pickle
(zoomapp/core/practice/shipped_needs.py).

    .venv/bin/python tests/ship_checked.py
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zoomapp.core.content.packs import builtin_files, check_builtin  # noqa: E402
from zoomapp.core.content.shipped import SHIPPED_FILE, content_folder, shelf  # noqa: E402
from zoomapp.core.practice import shipped_needs  # noqa: E402


def write(folder: Path) -> Path:
    shipped = shelf(builtin_files(), check_builtin)
    target = folder / SHIPPED_FILE
    target.write_bytes(pickle.dumps(shipped, protocol=pickle.HIGHEST_PROTOCOL))
    return target


def needs_now() -> bytes:
    """What each built-in danger phrase needs, worked out afresh."""
    from zoomapp.core.content.packs import load_content
    from zoomapp.core.practice.danger import Recogniser
    from zoomapp.core.practice.worries import danger_decks

    decks = danger_decks(load_content())
    reader = Recogniser(dict(decks))
    phrases = [*reader.exceptions, *(p for ps in reader.categories.values() for p in ps)]
    once: dict[frozenset[str], frozenset[str]] = {}  # a need many phrases share, kept once:
    needs = {  # half the time to read back
        phrase.text: tuple(once.setdefault(need, need) for need in phrase.needs)
        for phrase in phrases
    }
    return shipped_needs.shelf(decks, needs)


if __name__ == "__main__":
    folder = content_folder()
    if folder is None:
        sys.exit("the built-in packs are not in a folder here")
    print(f"wrote {write(folder)}")
    (folder / shipped_needs.NEEDS_FILE).write_bytes(needs_now())
    print(f"wrote {folder / shipped_needs.NEEDS_FILE}")
