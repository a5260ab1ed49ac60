"""Merging packs by id into one Content: English first, then the chosen language, so every
item falls back to English one by one; a pack that leaves a gap is set aside, and why said.
"""

from __future__ import annotations

from typing import Any, NamedTuple

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
    is_reserved,
)
from zoomapp.core.content.problem import Problem, positioned
from zoomapp.core.content.quoting import nearest_id


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


# Items the app itself opens by id: a pack may replace them, but not hide them.
NEEDED_BY_APP = (
    ("recipes", "two-minute"),
    ("recipes", "zoom-in"),
    ("recipes", "zoom-out"),
)


class Gap(NamedTuple):
    """Something used by id that is not there after merging."""

    pack: str  # the pack whose item uses it ("" for the app itself)
    where: str  # key path of the use, e.g. recipes.calm.steps[0].deck
    kind: str  # "decks", "patterns" or "recipes"
    item_id: str


def find_gaps(content: Content) -> list[Gap]:
    """Every recipe step naming a missing deck or pattern, and every missing needed item."""
    gaps = []
    for recipe in content.recipes.values():
        for index, step in enumerate(recipe.steps):
            where = f"recipes.{recipe.id}.steps[{index}]"
            for choice in step.breathe_choices:
                if choice not in content.patterns:
                    gaps.append(Gap(recipe.pack, f"{where}.breathe", "patterns", choice))
            if step.deck and step.deck not in content.decks:
                gaps.append(Gap(recipe.pack, f"{where}.deck", "decks", step.deck))
    for kind, item_id in NEEDED_BY_APP:
        if item_id not in getattr(content, kind):
            gaps.append(Gap("", "", kind, item_id))
    return gaps


_KIND_NAMES = {"decks": "deck", "patterns": "breathing pattern", "recipes": "recipe"}


def _hider_of(packs: list[Pack], kind: str, item_id: str) -> Pack | None:
    for pack in reversed(packs):
        for data in pack.items.get(kind, []):
            if data["id"] == item_id and data.get("enabled") is False:
                return pack
    return None


def _explain(gap: Gap, content: Content, hider: Pack | None) -> tuple[str, str]:
    """(key, message) for the problem a gap causes, said to the pack that must change."""
    name = _KIND_NAMES[gap.kind]
    if hider is not None:
        user = gap.where.split(".steps")[0] if gap.where else "zoomapp itself"
        return (
            f"{gap.kind}",
            f"hides {name} '{gap.item_id}', which {user} needs"
            " - replace it with your own version instead of hiding it",
        )
    ids = sorted(getattr(content, gap.kind))
    meant = nearest_id(gap.item_id, ids)
    if meant:
        return gap.where, f"no {name} '{gap.item_id}' - did you mean '{meant}'?"
    return gap.where, f"no {name} '{gap.item_id}' - known {gap.kind}: {', '.join(ids)}"


def _file_key(pack: Pack, key: str) -> str:
    """recipes.ID.steps[1] -> recipes[N].steps[1], where N is the recipe's place in the file."""
    if not key.startswith("recipes."):
        return key
    recipe_id, _, rest = key.removeprefix("recipes.").partition(".steps")
    for index, data in enumerate(pack.items.get("recipes", [])):
        if data.get("id") == recipe_id:
            return f"recipes[{index}].steps{rest}"
    return key


def resolve(
    packs: list[Pack],
    language: str = FALLBACK_LANGUAGE,
    problems: list[Problem] | None = None,
    languages: set[str] | None = None,
) -> Content:
    """Merge packs, setting aside any pack that leaves a gap, and say why; repeat until
    whole. `problems` found before (in reading the files) come first in the content's."""
    found = list(problems or [])
    active = list(packs)
    while True:
        content = merge(active, language, list(found), languages)
        gaps = find_gaps(content)
        if not gaps:
            return content
        gap = gaps[0]
        hider = _hider_of(active, gap.kind, gap.item_id)
        culprit = hider or next((p for p in active if p.id == gap.pack), None)
        key, message = _explain(gap, content, hider)
        if culprit is None or is_reserved(culprit.id):
            # The built-in pack never leaves a gap (a test guards it); never loop on it.
            found.append(Problem("built-in content", key, message))
            return merge(active, language, found, languages)
        found.append(positioned(Problem(culprit.path, _file_key(culprit, key), message)))
        active = [p for p in active if p is not culprit]


def gaps_within(pack: Pack, content: Content) -> list[Problem]:
    """What `pack` refers to (decks, patterns) that is not in it: a built-in pack, or a
    copy of one kept under its id, must hold everything it names. `content` is the pack
    merged alone (`merge([pack], pack.language, [])`)."""
    return [
        positioned(Problem(pack.path, _file_key(pack, key), message))
        for key, message in (_explain(gap, content, None) for gap in find_gaps(content))
    ]
