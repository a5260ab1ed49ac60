"""Check every built-in pack afresh and keep the results beside them, in
content/checked.pickle, as zoomapp ships them (see zoomapp/core/content/shipped.py).

    .venv/bin/python tests/ship_checked.py
"""

from __future__ import annotations

import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from zoomapp.core.content.packs import builtin_files, check_builtin  # noqa: E402
from zoomapp.core.content.shipped import SHIPPED_FILE, content_folder, shelf  # noqa: E402


def write(folder: Path) -> Path:
    shipped = shelf(builtin_files(), check_builtin)
    target = folder / SHIPPED_FILE
    target.write_bytes(pickle.dumps(shipped, protocol=pickle.HIGHEST_PROTOCOL))
    return target


if __name__ == "__main__":
    folder = content_folder()
    if folder is None:
        sys.exit("the built-in packs are not in a folder here")
    print(f"wrote {write(folder)}")
