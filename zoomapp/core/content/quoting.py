"""How a problem in a pack quotes what the coach wrote: printable, cut short if long, and
the known word nearest to a probable typo ("did you mean ...?")."""

from __future__ import annotations

from zoomapp.core.safe_text import printable


def closest(word: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The known word nearest to a probable typo, or None when nothing is close."""
    import difflib  # only needed when something is wrong

    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def shorten(text: str, limit: int = 40) -> str:
    """A value as a message may quote it: printable, and cut short if long."""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
