"""What the shell commands say, and how they fail: one printable line, the right exit code.

Every line goes through `say` or `warn`, so nothing a pack or a journal holds can reach
the terminal as a control code, and a closed, broken or full output is one calm message
(or, for a reader that stopped reading, silence) instead of a traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from zoomapp.core.safe_text import printable

if TYPE_CHECKING:
    from zoomapp.core.paths import Paths
    from zoomapp.core.workspace import Workspace

EXIT_FAILED = 1  # something could not be done: a file, a folder, the output
EXIT_USAGE = 2  # what was asked for is not usable: nothing was tried


class UsageError(Exception):
    """Bad command-line input: printed as one line, exit code 2."""


class OutputClosed(Exception):
    """Standard output is closed (`>&-`): there is nowhere to say anything."""


def say(text: str = "") -> None:
    """One line (or lines) on standard output, printable whatever it holds."""
    write(text + "\n")


def write(text: str) -> None:
    if sys.stdout is None:
        raise OutputClosed
    sys.stdout.write(printable(text))


def warn(text: str) -> None:
    """'zoomapp: …' on standard error."""
    if sys.stderr is not None:
        try:
            sys.stderr.write(f"zoomapp: {printable(text)}\n")
            sys.stderr.flush()
        except OSError:
            pass  # nowhere left to tell


def not_utf8(argv: list[str]) -> str | None:
    """The first argument holding bytes that are not UTF-8 (Python keeps them as surrogates)."""
    for arg in argv:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            return arg.encode("utf-8", "replace").decode("utf-8")
    return None


def unknown_choice(kind: str, name: str, known: Sequence[str]) -> UsageError:
    """'no breathing pattern 'boxx' - did you mean 'box'? Known: …' as a usage error."""
    from zoomapp.core.content.quoting import closest

    hint = closest(name, tuple(known))
    guess = f" - did you mean '{hint}'?" if hint else ""
    return UsageError(f"no {kind} '{name}'{guess} Known: {', '.join(known)}")


def spoken(languages: set[str], language: str | None) -> None:
    """UsageError when `--lang` names a language that no pack speaks."""
    if language and language not in languages:
        known = ", ".join(sorted(languages))
        raise UsageError(f"no packs in language '{language}'. Available: {known}")


def read_workspace(
    paths: Paths, language: str | None = None, check_language: bool = False
) -> Workspace:
    """Settings and content as the app reads them; a settings file that could not be used
    is reported in the app's own words, as every command that reads settings must.

    With `check_language`, a `--lang` no pack speaks is a usage error. A parent who has
    saved no settings yet is answered in the language of the computer's locale
    (LANG=es_MX.UTF-8), when a pack speaks it, as the app's first frame is."""
    from zoomapp.core.workspace import in_the_locales_language, open_workspace

    opened = open_workspace(paths, language=language)
    if check_language:
        spoken(opened.content.languages, language)
    if language is None and not paths.settings_file.exists():
        opened = in_the_locales_language(opened) or opened
    notice = opened.settings_notice()
    if notice:
        warn(notice)
    return opened
