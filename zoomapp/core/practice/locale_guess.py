"""What the computer's locale says, as a first guess: the country whose help lines to show
(`LANG=en_GB.UTF-8` is GB) and the language to speak (es_MX is Spanish).

Apart from the help lines themselves, so that a first launch can guess without reading them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

_LOCALE = re.compile(r"^([A-Za-z]{2,3})_([A-Za-z]{2})\b")


def country_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """'GB' for LANG=en_GB.UTF-8 (LC_ALL and LC_MESSAGES first, as the C library does)."""
    return _from_locale(2, environ).upper()


def language_from_locale(environ: Mapping[str, str] | None = None) -> str:
    """'es' for LANG=es_MX.UTF-8; '' for a locale that names no language (C.UTF-8)."""
    return _from_locale(1, environ).lower()


def _from_locale(part: int, environ: Mapping[str, str] | None) -> str:
    environ = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        match = _LOCALE.match(environ.get(name, ""))
        if match:
            return match.group(part)
    return ""
