"""Text as the safety net reads it: lower case, no accents or apostrophes, words only."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_NOT_WORD = re.compile(r"[^\w]+")
_APOSTROPHES = re.compile(r"['’‘`´]")
_STRETCHED = re.compile(r"(\w)\1{2,}")  # "sooooo" -> "so", "diiie" -> "die"
# Shortenings as common in a hurried message as the word itself, and never another word.
_SHORTENED = {"q": "que", "xq": "porque", "porq": "porque"}
_PLAIN_ALREADY = re.compile(r"[a-z0-9]+")  # one word that plain() would leave as it is


def plain(text: str) -> str:
    """' dont want to live ' for "Don't want to LIVE!": lower case, no accents, no
    apostrophes, one space between words and one at each end."""
    text = _APOSTROPHES.sub("", text.casefold())
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    text = _STRETCHED.sub(r"\1", text.replace("_", " "))
    words = (_SHORTENED.get(word, word) for word in _NOT_WORD.split(text) if word)
    return f" {' '.join(words)} "


@lru_cache(maxsize=8192)
def words_of(form: str) -> tuple[str, ...]:
    """The plain words of one form of a phrase's word, its `~` and `*` left out: most
    phrases share their words, so each is made plain once."""
    form = form.lstrip("~").rstrip("*")
    if _PLAIN_ALREADY.fullmatch(form) and form not in _SHORTENED and not _STRETCHED.search(form):
        return (form,)  # as most are ("die", "pills"): plain() would leave it as it is
    return tuple(plain(form).split())
