"""`zoomapp pack preview`: the app watches the coach's pack file and reloads it on save,
saying in one short line whether the pack now works."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from zoomapp.core.launch_cache import stamps

if TYPE_CHECKING:
    from zoomapp.core.content.model import Content
    from zoomapp.ui.app import ZoomApp

PREVIEW_EVERY_SECONDS = 0.5  # how often `pack preview` looks for a saved pack file


def watch_pack(app: ZoomApp, file: str) -> None:
    """Reload `file` each time it is saved. The app's toasts stay one line (app.tcss,
    `.-preview`), so a notice never hides the screen the coach is looking at."""
    path = Path(file)
    seen = [stamps([path])]
    app.set_class(True, "-preview")

    def reload_if_saved() -> None:
        stamp = stamps([path])
        if stamp == seen[0]:
            return
        seen[0] = stamp
        app.reload_content()
        app.clear_notifications()  # one notice at a time: the newest save's
        notice = problems_notice(app.content, path)
        if notice:
            app.notify(notice, severity="error", timeout=8)
        else:
            app.notify(app.content.text("preview_reloaded", file=path.name), timeout=3)

    app.set_interval(PREVIEW_EVERY_SECONDS, reload_if_saved)


def problems_notice(content: Content, path: Path) -> str:
    """One short line: how many problems the previewed pack has and where the first is
    ("" when it has none); `d` shows them all."""
    mine = [p for p in content.problems if Path(p.file) == path and not p.warning]
    if not mine:
        return ""
    first = mine[0]
    return content.counted("preview_problems", len(mine), file=path.name, line=first.line or 1)
