"""Merging packs by id into one Content: English first, then the chosen language, so every
item falls back to English one by one. What a merge leaves missing, and which pack to set
aside for it, is gaps.py's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from zoomapp.core.content.model import (
    FALLBACK_LANGUAGE,
    Content,
    Deck,
    HelpItem,
    Pack,
    Pattern,
    Phase,
    Recipe,
    RecipeStep,
)

if TYPE_CHECKING:
    from zoomapp.core.content.problem import Problem


def _build_item(kind: str, data: dict[str, Any], pack: Pack) -> Any:
    if kind == "decks":
        return Deck(data["id"], data.get("title", ""), tuple(data.get("prompts", ())), pack.id)
    if kind == "patterns":
        phases = tuple(
            Phase(p["kind"], float(p["seconds"]), p.get("label", ""), p.get("bells"))
            for p in data["phases"]
        )
        return Pattern(
            data["id"],
            data["name"],
            data.get("description", ""),
            phases,
            pack.id,
            large=bool(data.get("large", False)),
            note=data.get("note", ""),
        )
    if kind == "recipes":
        steps = tuple(
            RecipeStep(
                seconds=s["seconds"],
                breathe=s["breathe"] if isinstance(s.get("breathe"), str) else "",
                patterns=tuple(s["breathe"]) if isinstance(s.get("breathe"), list) else (),
                deck=s.get("deck", ""),
                prompts=s.get("prompts", 1),
            )
            for s in data["steps"]
        )
        return Recipe(
            data["id"],
            data["name"],
            data.get("description", ""),
            steps,
            bool(data.get("ask_rating", False)),
            bool(data.get("offer_win", False)),
            pack.id,
        )
    checked = data.get("checked", "")
    return HelpItem(
        data["id"],
        data["title"],
        data["text"],
        pack.id,
        country=data.get("country", "").upper(),
        number=data.get("number", ""),
        hours=data.get("hours", ""),
        free=data.get("free"),
        source=data.get("source", ""),
        checked=checked.isoformat() if hasattr(checked, "isoformat") else str(checked),
        emergency=bool(data.get("emergency", False)),
    )


ONLY_ADDED_TO = ("danger-", "words-")  # the What-if box's decks (see core/practice/danger.py)


def merge(
    packs: list[Pack],
    language: str = FALLBACK_LANGUAGE,
    problems: list[Problem] | None = None,
    languages: set[str] | None = None,
) -> Content:
    """Merge packs (lowest precedence first) into Content, preferring `language`; the
    problems found on the way, and every language the packs come in, go into it too.

    English packs are applied first and packs in `language` after them, so an item missing
    from a translation falls back to English by id. Packs in other languages are not used.
    """
    ordered = [p for p in packs if p.language == FALLBACK_LANGUAGE]
    if language != FALLBACK_LANGUAGE:
        ordered += [p for p in packs if p.language == language]
    texts: dict[str, str] = {}
    merged: dict[str, dict[str, Any]] = {k: {} for k in ("decks", "patterns", "recipes", "help")}
    for pack in ordered:
        texts.update(pack.texts)
        for kind, items in pack.items.items():
            for data in items:
                item_id = data["id"]
                # The safety net's words only ever grow: a pack adds to them, never
                # replaces or hides them (a mistake there would silence help).
                grows = kind == "decks" and item_id.startswith(ONLY_ADDED_TO)
                if data.get("enabled") is False and not grows:
                    merged[kind].pop(item_id, None)
                    continue
                if kind == "decks" and (data.get("extend") or grows) and item_id in merged[kind]:
                    base = merged[kind][item_id]
                    merged[kind][item_id] = base._replace(
                        prompts=base.prompts + tuple(data.get("prompts", ())),
                        title=data.get("title", base.title),
                    )
                    continue
                merged[kind][item_id] = _build_item(kind, data, pack)
    return Content(
        texts=texts,
        decks=merged["decks"],
        patterns=merged["patterns"],
        recipes=merged["recipes"],
        help=merged["help"],
        language=language,
        packs=list(packs),
        problems=problems,
        languages=languages,
    )
