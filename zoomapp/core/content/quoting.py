"""How a problem in a pack quotes what the coach wrote: printable, cut short if long, and
the known word nearest to a probable typo ("did you mean ...?")."""

from __future__ import annotations

from zoomapp.core.safe_text import printable


def closest(word: str, options: list[str] | tuple[str, ...]) -> str | None:
    """The known word nearest to a probable typo, or None when nothing is close."""
    import difflib  # only needed when something is wrong

    matches = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return matches[0] if matches else None


def as_id(word: str) -> str | None:
    """What a mistyped id was probably meant to be ("Body" -> "body", "Calm Mornings" ->
    "calm-mornings"), or None when nothing id-like is left."""
    import re

    lowered = re.sub(r"[\s_]+", "-", word.strip().lower())
    shaped = re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9_.-]", "", lowered)).strip("-.")
    return shaped[:64] if shaped and shaped != word else None


def nearest_id(word: str, known: list[str] | tuple[str, ...]) -> str | None:
    """The known id a mistyped one was meant to be: the same but for case ("Body"), else
    the closest ("bodyy")."""
    folded = {k.lower(): k for k in known}
    return folded.get(word.lower()) or closest(word.lower(), list(known))


def counted(count: int, noun: str) -> str:
    """An English count with its noun: "1 problem", "2 problems", "9,950 problems"."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"


def shorten(text: str, limit: int = 40) -> str:
    """A value as a message may quote it: printable, and cut short if long."""
    text = printable(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
