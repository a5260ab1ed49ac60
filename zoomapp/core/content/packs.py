"""Content packs in use: the built-in packs (read once per process), the user's files on top,
merged into one Content. The list of packs `pack list` and the Packs screen show is
`inventory`.

The checking code is imported only when a file must be checked: the built-in packs ship
already checked, so a launch with no packs of the user's never loads it.

Precedence, lowest first: the built-in packs, packs in the user's `packs/` folder in
file-name order, then the parent's own `my.toml`. Checking is in checking.py, merging in
merging.py, setting aside a pack that leaves a gap in gaps.py.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from zoomapp.core.content.merging import merge
from zoomapp.core.content.model import (
    FALLBACK_LANGUAGE,
    Content,
    Pack,
    is_reserved,
)
from zoomapp.core.files import plain_reason, read_file
from zoomapp.core.paths import builtin_paths

if TYPE_CHECKING:
    from zoomapp.core.content.problem import Problem


def builtin_text_keys() -> tuple[str, ...]:
    """The text keys the app knows: those of the built-in English pack."""
    english, _ = _builtin(f"{FALLBACK_LANGUAGE}.toml")
    return tuple(english.texts) if english is not None else ()


def builtin_english() -> Content:
    """The built-in English content alone: the words of the English shell commands."""
    packs, problems = builtin_packs({FALLBACK_LANGUAGE})
    return merge(packs, FALLBACK_LANGUAGE, list(problems))


def builtin_files(languages: Iterable[str] | None = None) -> list[tuple[str, bytes]]:
    """The built-in packs shipped in the package, as (name, bytes), English first.

    With `languages`, only the packs in those languages are read.
    """
    wanted = None if languages is None else {f"{code}.toml" for code in languages}
    found = builtin_paths()
    if found:
        return [(p.name, p.read_bytes()) for p in found if wanted is None or p.name in wanted]
    # Installed somewhere without plain folders (a zip): ask importlib.resources.
    from importlib import resources

    package = resources.files("zoomapp.content")
    entries = [
        (e.name, e.read_bytes())
        for e in package.iterdir()
        if e.name.endswith(".toml") and (wanted is None or e.name in wanted)
    ]
    return sorted(entries, key=lambda e: (e[0] != "en.toml", e[0]))


def read_pack_file(path: Path) -> tuple[Pack | None, list[Problem]]:
    """Read one pack file from disk; a file that cannot be read becomes a Problem.

    Only a regular file is read, and no more than a pack may hold: a FIFO or a device
    (/dev/zero) never blocks or reads without end.
    """
    from zoomapp.core.content.checking import MAX_PACK_BYTES
    from zoomapp.core.content.problem import Problem

    try:
        data = read_file(path, MAX_PACK_BYTES)
    except OSError as exc:
        return None, [Problem(str(path), "", f"cannot be read: {plain_reason(exc)}")]
    return parse_pack(data, str(path))


def parse_pack(data: bytes, file: str) -> tuple[Pack | None, list[Problem]]:
    """A coach's pack, checked as the app checks it: against the built-in text keys."""
    from zoomapp.core.content.checking import check_pack

    return check_pack(data, file, builtin_text_keys())


def builtin_languages() -> set[str]:
    """Languages of the built-in packs, from their file names (en.toml, es.toml)."""
    names = [p.name for p in builtin_paths()] or [name for name, _ in builtin_files()]
    return {name.removesuffix(".toml") for name in names}


@cache
def _builtin(name: str) -> tuple[Pack | None, tuple[Problem, ...]]:
    """One built-in pack (en.toml), read once per process; (None, ()) if there is none.
    As shipped already checked when its bytes are those it was built from.

    The English one defines the text keys, so it is not checked against them.
    """
    found = dict(builtin_files({name.removesuffix(".toml")}))
    if name not in found:
        return None, ()
    from zoomapp.core.content.shipped import checked

    return checked(name, found[name]) or check_builtin(name, found[name])


def check_builtin(name: str, data: bytes) -> tuple[Pack | None, tuple[Problem, ...]]:
    """A built-in pack's bytes, parsed and checked (as shipped.py keeps them, too)."""
    from zoomapp.core.content.checking import check_pack

    known = () if name == f"{FALLBACK_LANGUAGE}.toml" else builtin_text_keys()
    pack, problems = check_pack(data, f"built-in {name}", known)
    return pack, tuple(problems)


def builtin_packs(languages: set[str]) -> tuple[list[Pack], list[Problem]]:
    """The built-in packs in these languages, English first.

    A built-in pack is named after its language, so packs in other languages need not be
    read at all - which keeps launch quick.
    """
    packs: list[Pack] = []
    problems: list[Problem] = []
    for code in sorted(languages, key=lambda code: (code != FALLBACK_LANGUAGE, code)):
        builtin, kept = _builtin(f"{code}.toml")
        problems += kept
        if builtin is not None:
            packs.append(builtin)
    return packs, problems


def resolve_with_builtin(pack: Pack) -> Content:
    """The built-in content in the pack's language with `pack` on top: what a coach's pack
    is checked against (its references, what it hides), without reading any file again."""
    from zoomapp.core.content.gaps import resolve

    packs, _ = builtin_packs({FALLBACK_LANGUAGE, pack.language})
    return resolve([*packs, pack], pack.language)


def in_every_language(content: Content) -> list[Content]:
    """`content`'s packs merged once for each language they (and the built-in packs) are
    in: what words mean danger is read from all of them, whatever language is in use."""
    builtin, _ = builtin_packs(builtin_languages())
    packs = [*builtin, *(p for p in content.packs if not is_reserved(p.id))]
    languages = sorted({p.language for p in packs}, key=lambda code: code != content.language)
    return [content if code == content.language else merge(packs, code) for code in languages]


def load_content(
    user_files: Iterable[Path] = (),
    language: str = FALLBACK_LANGUAGE,
    extra: Iterable[Path] = (),
    disabled: Iterable[str] = (),
) -> Content:
    """Load built-in packs, then the user's files, then `extra`; skip and report bad ones.

    Packs whose id is in `disabled` are read (so their problems still show) but not used.
    """
    disabled = set(disabled)
    extra = tuple(extra)
    packs, problems = builtin_packs({FALLBACK_LANGUAGE, language})
    users = [*user_files, *extra]
    if not users:  # the built-in packs alone never leave a gap (a test guards it)
        return merge(packs, language, problems, builtin_languages())
    from zoomapp.core.content.gaps import resolve
    from zoomapp.core.content.problem import Problem, positioned

    for path in users:
        pack, found = read_pack_file(path)
        problems += found
        if pack is None:
            continue
        if is_reserved(pack.id):
            reserved = f"the id '{pack.id}' belongs to a built-in pack - choose another id"
            problems.append(positioned(Problem(str(path), "pack.id", reserved)))
            continue
        if pack.id in disabled and path not in extra:
            continue
        packs.append(pack)
    return resolve(packs, language, problems, builtin_languages() | {p.language for p in packs})
