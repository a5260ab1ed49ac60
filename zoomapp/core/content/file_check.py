"""Checking a pack file as `zoomapp pack check` and `pack install` do: its own problems,
then what it means beside the built-in content (what it refers to, what it hides), then
What-if phrases in it that could never match - all in the order they are in the file.
"""

from __future__ import annotations

from pathlib import Path

from zoomapp.core.content.gaps import gaps_within
from zoomapp.core.content.merging import merge
from zoomapp.core.content.model import Content, Pack, is_reserved
from zoomapp.core.content.packs import read_pack_file, resolve_with_builtin
from zoomapp.core.content.problem import Problem, positioned
from zoomapp.core.content.quoting import nearest_id
from zoomapp.core.practice.worries import unmatchable


def check_file(path: Path) -> tuple[Pack | None, list[Problem]]:
    """One pack's problems in file order, references resolved against the built-in content.

    The pack comes back only when it has no errors (warnings are fine). A built-in pack
    (or a copy of one) is checked on its own: it is what the others are checked against,
    so everything it refers to must be in it.
    """
    pack, problems = read_pack_file(path)  # read once, however large
    if pack is not None and is_reserved(pack.id):  # a copy of one: what it refers to is in it
        alone = merge([pack], pack.language, [])
        problems += gaps_within(pack, alone) + _danger_phrases(alone, pack, path)
    elif pack is not None:
        content = resolve_with_builtin(pack)
        problems += [p for p in content.problems if p.file == str(path)]
        if pack not in content.packs:
            pack = None
        else:
            problems += _danger_phrases(content, pack, path)
            problems += _changes_nothing(content, pack, path)
    problems.sort(key=lambda p: (p.line is None, p.line, p.column))
    if any(not p.warning for p in problems):
        pack = None
    return pack, problems


def _changes_nothing(content: Content, pack: Pack, path: Path) -> list[Problem]:
    """An item that extends or hides an id no other pack has (a typo: "bodyy", "Box")
    changes nothing the coach meant to: a warning, with the id it was probably meant to be."""
    earlier = merge([p for p in content.packs if p is not pack], pack.language)
    found = []
    for kind, items in pack.items.items():
        known = list(getattr(earlier, kind))
        for index, data in enumerate(items):
            item_id = data["id"]
            extends = kind == "decks" and data.get("extend") is True
            if item_id in known or not (extends or data.get("enabled") is False):
                continue
            meant = nearest_id(item_id, known)
            does = "extend = true adds to" if extends else "enabled = false hides"
            hint = f"did you mean '{meant}'?" if meant else f"known {kind}: {', '.join(known)}"
            said = f"{does} '{item_id}', but no other pack has it - {hint}"
            found.append(positioned(Problem(str(path), f"{kind}[{index}].id", said, warning=True)))
    return found


def _danger_phrases(content: Content, pack: Pack, path: Path) -> list[Problem]:
    """A What-if phrase that can never match is a warning: the worry it was for would get
    no help, and nothing else would say so."""
    return [
        positioned(
            Problem(
                str(path),
                f"decks[{d}].prompts[{i}]" if i >= 0 else f"decks[{d}].enabled",
                f"this phrase can never match: {why}" if i >= 0 else why,
                warning=True,
            )
        )
        for d, i, why in unmatchable(content, pack.id)
    ]
