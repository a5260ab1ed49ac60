"""What a merge leaves missing - a recipe step naming a deck or pattern no pack has, an
item the app opens by id that a pack hides - and `resolve`, which sets aside the pack
that leaves it, says why, and merges again until nothing is missing.

Only needed when a pack of the user's is merged: the built-in packs never leave a gap (a
test guards it), so a launch with none of the user's never loads this.
"""

from __future__ import annotations

from typing import NamedTuple

from zoomapp.core.content.merging import merge
from zoomapp.core.content.model import FALLBACK_LANGUAGE, Content, Pack, is_reserved
from zoomapp.core.content.problem import Problem, positioned
from zoomapp.core.content.quoting import nearest_id

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
