"""Home is on screen before Textual has loaded: the frame it drew last time, shown at once,
with nothing typed in the gap lost and the terminal given back as it was. Real terminals."""

from __future__ import annotations

import termios
import time
from pathlib import Path

import pytest

from tests.terminal import Terminal
from zoomapp.core.launch_cache import SETTLED_SECONDS
from zoomapp.ui.remembered_frame import FRAME_FILE

QUESTION = b"What do you need right now?"
TEXTUAL_STARTS = b"\x1b[?1000h"  # the first thing Textual's driver asks of the terminal


@pytest.fixture(scope="module")
def homes(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Three homes with settings saved, old enough to be kept in the launch cache; the
    third has a coach's pack whose home question is a lone "?"."""
    found = tuple(tmp_path_factory.mktemp(n) for n in ("remembered", "fresh", "coach"))
    for home in found:
        (home / "settings.toml").write_text("intro_seen = true\ncountry_asked = true\n")
    (found[2] / "packs").mkdir()
    (found[2] / "packs" / "coach.toml").write_text(
        'format = 1\n[pack]\nid = "c"\nname = "C"\nversion = "1"\nlanguage = "en"\n'
        '[text]\nhome_question = "?"\n'
    )
    time.sleep(SETTLED_SECONDS + 0.1)  # once for all
    return found


def open_and_quit(home: Path, question: str = QUESTION.decode()) -> None:
    terminal = Terminal(home)
    terminal.wait_for(question)
    frame = home / "cache" / FRAME_FILE
    deadline = time.monotonic() + 10
    while not frame.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    terminal.press("q")
    assert terminal.process.wait(timeout=10) == 0


def test_home_is_drawn_before_textual_loads_and_a_key_typed_at_once_is_kept(homes) -> None:
    tmp_path, *_ = homes
    open_and_quit(tmp_path)
    assert (tmp_path / "cache" / FRAME_FILE).stat().st_mode & 0o777 == 0o600

    terminal = Terminal(tmp_path)
    terminal.wait_for(QUESTION.decode())
    terminal.press("\r")  # Enter at once, as a parent would: likely before Textual reads keys
    terminal.wait_for("left")  # the grounding session it starts ("1:59 left")
    written = terminal.written()
    assert TEXTUAL_STARTS in written
    home, textual = written.index(QUESTION), written.index(TEXTUAL_STARTS)
    assert home < textual
    after_home = written[written.rindex(b"\x1b[1;1H", home, textual) + 6 : textual]
    assert after_home.replace(b"\x1b[?1049h", b"") == b""  # nothing echoed over home
    terminal.press("\x11")  # ctrl+q: end the session and quit
    assert terminal.process.wait(timeout=10) == 0
    flags = termios.tcgetattr(terminal.master)[3]
    assert flags & termios.ECHO and flags & termios.ICANON  # the terminal as it was
    terminal.close_window()


def test_without_a_remembered_frame_textual_draws_home_first(homes) -> None:
    _, tmp_path, _ = homes
    terminal = Terminal(tmp_path)
    terminal.wait_for(QUESTION.decode())
    written = terminal.written()
    assert written.index(TEXTUAL_STARTS) < written.index(QUESTION)
    terminal.press("q")
    assert terminal.process.wait(timeout=10) == 0
    terminal.close_window()


def test_a_coachs_home_question_however_short_is_remembered(homes) -> None:
    *_, home = homes
    open_and_quit(home, "Two-minute grounding")
    assert (home / "cache" / FRAME_FILE).exists()
