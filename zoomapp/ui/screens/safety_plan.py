"""My safety plan, written on a calm day: five short parts, each in a box of its own.

Every box keeps a draft a moment after the last key and whenever the app closes, as every
box in zoomapp does; ctrl+s (or Enter in the last box) saves the plan.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll

from zoomapp.core.files import plain_reason
from zoomapp.core.practice.safety_plan import PARTS, load_plan, save_plan
from zoomapp.ui.drafting import DraftKeeper
from zoomapp.ui.keys import Key, ZoomScreen
from zoomapp.ui.widgets.keybar import KeyBar
from zoomapp.ui.widgets.notebox import NoteBox
from zoomapp.ui.widgets.words import Words


class SafetyPlanScreen(ZoomScreen):
    CSS_PATH = "lists.tcss"
    KEYS = (
        Key("ctrl+s", "save", "key_save", key_display="ctrl+s"),
        Key("ctrl+j", "new_line", "key_new_line", key_display="ctrl+j", palette=False),
        Key("escape", "back", "key_back", key_display="esc"),
    )

    def __init__(self) -> None:
        super().__init__()
        paths = self.zoomapp.workspace.paths
        self.saved = load_plan(paths.data_dir)
        self.drafts = {
            part: DraftKeeper(
                self,
                paths.drafts_dir,
                f"plan-{part}",
                lambda part=part: self._box_text(part),  # type: ignore[misc]
                self._draft_failed,
                stored=self.saved[part],
                keys=self.zoomapp.lock_keys,
            )
            for part in PARTS
        }

    def compose(self) -> ComposeResult:
        text = self.content.text
        blink = self.zoomapp.cursor_blink
        with VerticalScroll(id="plan"):
            yield Words(text("plan_title"), id="question")
            yield Words(text("plan_intro"), classes="help-item plan-intro")
            for part in PARTS:
                yield Words(text(f"plan_{part}_title"), classes="help-heading plan-label")
                yield NoteBox(text(f"plan_{part}_example"), id=f"plan-{part}", blink=blink)
            yield Words(id="plan-status")
            yield Words(text("plan_hint"), id="plan-hint", classes="help-dim")
        yield KeyBar()

    def _box_text(self, part: str) -> str | None:
        boxes = self.query(f"#plan-{part}").results(NoteBox)
        return next((box.text for box in boxes), None)

    def on_mount(self) -> None:
        for part in PARTS:
            words, _ = self.drafts[part].begin()
            self.query_one(f"#plan-{part}", NoteBox).value = words
        self.set_focus(self.query_one(f"#plan-{PARTS[0]}", NoteBox))  # now: see on_key

    def on_text_area_changed(self, event: NoteBox.Changed) -> None:
        part = (event.text_area.id or "").removeprefix("plan-")
        if part in self.drafts:
            self.drafts[part].changed(event.text_area.text)

    def keep_unsaved(self) -> None:
        """Keep what is typed as drafts (the app may be closing now)."""
        for keeper in self.drafts.values():
            keeper.keep()

    def _draft_failed(self, error: OSError) -> None:
        for status in self.query("#plan-status").results(Words):  # the words are still here
            status.say(self.content.text("note_draft_failed", reason=plain_reason(error)))

    def on_unmount(self) -> None:
        self.keep_unsaved()

    def on_note_box_submitted(self, event: NoteBox.Submitted) -> None:
        """Enter moves to the next part; in the last, it saves."""
        event.stop()
        part = (event.box.id or "").removeprefix("plan-")
        if part == PARTS[-1]:
            self.action_save()
        else:
            self.query_one(f"#plan-{PARTS[PARTS.index(part) + 1]}", NoteBox).focus()

    def action_new_line(self) -> None:
        if isinstance(self.focused, NoteBox):
            self.focused.new_line()

    def action_save(self) -> None:
        status = self.query_one("#plan-status", Words)
        plan = {part: self.query_one(f"#plan-{part}", NoteBox).text for part in PARTS}
        try:
            save_plan(self.zoomapp.workspace.paths.data_dir, plan)
        except ValueError:
            status.say(self.content.text("plan_too_long"))
            return
        except OSError as exc:
            status.say(self.content.text("note_draft_failed", reason=plain_reason(exc)))
            return
        for part, keeper in self.drafts.items():
            keeper.stored = plan[part].strip()
            keeper.forget(plan[part])
        self.notify(self.content.text("plan_saved"))
        self.dismiss(True)

    def action_back(self) -> None:
        self.keep_unsaved()  # left without saving: the words wait for next time
        self.dismiss(False)
