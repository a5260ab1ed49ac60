"""My safety plan: written by the parent on a calm day, there when it is needed.

The standard parts of a safety plan - the warning signs, what I can do on my own, people
and places that help, who to call, making things safe at home - each a few lines in the
parent's own words, kept in safety-plan.toml beside the journal (private, saved
atomically). The packs give each part its heading and one short example.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from zoomapp.core.files import atomic_write, read_file, set_aside
from zoomapp.core.safe_text import printable

if TYPE_CHECKING:
    from zoomapp.core.content.model import Content

PARTS = ("signs", "cope", "places", "call", "safe")  # in the order a plan is read
MAX_PART = 2_000  # characters: a few lines, never a diary


def plan_file(data_dir: Path) -> Path:
    return data_dir / "safety-plan.toml"


def _read(data_dir: Path) -> dict[str, object] | None:
    """The file as TOML; {} when there is none; None when it is there but cannot be read."""
    import tomllib

    try:
        return tomllib.loads(read_file(plan_file(data_dir), 1_000_000).decode("utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError):
        return None


def load_plan(data_dir: Path) -> dict[str, str]:
    """Each part's words ("" when not written); a file that cannot be read gives an empty
    plan (see `plan_unreadable`) and is left exactly as it is."""
    doc = _read(data_dir) or {}
    return {part: printable(str(doc.get(part, ""))).strip() for part in PARTS}


def plan_unreadable(data_dir: Path) -> bool:
    return _read(data_dir) is None


def save_plan(data_dir: Path, plan: dict[str, str]) -> None:
    """Keep the plan (atomically, 0600); a file there that could not be read is first set
    aside beside it, every byte kept. Raises ValueError for a part far too long."""
    import tomli_w

    kept = {part: plan.get(part, "").strip() for part in PARTS}
    for part, words in kept.items():
        if len(words) > MAX_PART:
            raise ValueError(part)
    if plan_unreadable(data_dir) and plan_file(data_dir).is_file():
        set_aside(plan_file(data_dir))
    atomic_write(plan_file(data_dir), tomli_w.dumps({k: v for k, v in kept.items() if v}))


def plan_lines(plan: dict[str, str], content: Content) -> list[str]:
    """The written parts as lines to read in a hard moment: a heading, then 'Part: words'."""
    written = [(part, plan.get(part, "")) for part in PARTS if plan.get(part, "").strip()]
    if not written:
        return []
    lines = [content.text("plan_title")]
    for part, words in written:
        joined = "; ".join(line.strip() for line in words.splitlines() if line.strip())
        lines.append(f"{content.text(f'plan_{part}_title')}: {joined}")
    return lines
