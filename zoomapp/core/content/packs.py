"""Content packs: read TOML files, check them, and merge them by id into one Content.

Precedence, lowest first: the built-in pack(s), packs in the user's `packs/` folder in
file-name order, then the parent's own `my.toml`. Packs in the chosen language are merged
after English ones, so every item falls back to English one by one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from zoomapp.core.content.locate import too_deep
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
from zoomapp.core.content.schema import (
    CYCLE_MAX,
    DOCUMENT,
    FORMAT_VERSION,
    HOLD_MAX,
    HOLD_WARN,
    LANGUAGE_PATTERN,
    Checker,
    Problem,
    shorten,
)
from zoomapp.core.files import plain_reason, read_file
from zoomapp.core.paths import builtin_paths
from zoomapp.core.safe_text import is_invisible

MAX_PACK_BYTES = 2_000_000
BUILTIN_ID = "builtin"


def is_reserved(pack_id: str) -> bool:
    """The built-in packs' ids (builtin, builtin-es, ...): no other pack may take one."""
    return pack_id == BUILTIN_ID or pack_id.startswith(f"{BUILTIN_ID}-")


# --- reading one file -------------------------------------------------------------------

_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


_builtin_texts: tuple[str, ...] = ()


def builtin_text_keys() -> tuple[str, ...]:
    """The text keys the app knows: those of the built-in English pack."""
    if not _builtin_texts:
        _builtin_packs({FALLBACK_LANGUAGE})  # reading it records its keys
    return _builtin_texts


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


def parse_pack(
    data: bytes, file: str, *, check_texts: bool = True
) -> tuple[Pack | None, list[Problem]]:
    """Parse and check one pack's bytes. Returns the pack (None if it has errors) and problems.

    Never raises for bad input: every kind of broken file becomes a Problem.
    """
    if len(data) > MAX_PACK_BYTES:
        return None, [
            Problem(file, "", f"the file is {len(data) // 1_000_000} MB; a pack must be under 2 MB")
        ]
    if data.startswith(b"\xef\xbb\xbf"):
        return None, [
            Problem(
                file,
                "",
                "the file starts with a byte-order mark (BOM) - save it as UTF-8 without BOM",
                1,
                1,
            )
        ]
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [
            Problem(
                file,
                "",
                "the file is not UTF-8 text - save it as UTF-8 in your editor",
                *_line_column(data[: exc.start].decode("utf-8", "replace"), exc.start),
            )
        ]
    if "\x00" in source:
        return None, [
            Problem(
                file,
                "",
                "the file holds binary data, not a TOML text pack",
                *_line_column(source, source.index("\x00")),
            )
        ]
    if not source.strip():
        return None, [
            Problem(file, "", "the file is empty - start from `zoomapp pack new NAME`", 1, 1)
        ]
    if is_invisible(source):
        return None, [
            Problem(
                file,
                "",
                "the file holds only invisible or control characters, no words - start from"
                " `zoomapp pack new NAME`",
                1,
                1,
            )
        ]
    import tomllib  # here: a launch that finds its packs in the launch cache never needs it

    try:
        doc = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        return None, [_syntax_problem(file, source, str(exc))]
    except RecursionError:  # nested past what the parser can follow: say where, plainly
        deep = too_deep(source, MAX_NESTING)
        return None, [
            Problem(
                file,
                "",
                f"arrays or tables are nested more than {MAX_NESTING} deep here"
                " - a pack never needs more than a few levels",
                *(_line_column(source, deep) if deep is not None else (1, 1)),
            )
        ]
    except ValueError as exc:
        return None, [Problem(file, "", f"TOML syntax: {shorten(str(exc), 80)}", 1, 1)]
    pack, problems = check_document(doc, file, check_texts=check_texts)
    return pack, [with_position(p, source) for p in problems]


MAX_NESTING = 50
_KEY_TUPLE = re.compile(r"\((?:'[^'\\]*(?:\\.[^'\\]*)*',? ?)+\)")
_CHAR_REPR = re.compile(r"'\\x([0-9a-f]{2})'|'\\u([0-9a-f]{4})'")


def _line_column(source: str, offset: int) -> tuple[int, int]:
    line = source.count("\n", 0, offset) + 1
    return line, offset - (source.rfind("\n", 0, offset) + 1) + 1


def _syntax_problem(file: str, source: str, message: str) -> Problem:
    """tomllib's message in a coach's words, always with a line and a column.

    `Cannot declare ('a', 'c') twice` becomes `a.c is declared twice`; a character shown
    as a Python escape becomes U+001B; the end of the file gets its own line and column.
    """
    match = _POSITION.search(message)
    if match:
        where = int(match.group(1)), int(match.group(2))
    else:
        where = _line_column(source, len(source.rstrip("\n")))
    text = _POSITION.sub("", message).replace("(at end of document)", "").strip().rstrip(".")

    def dotted(found: re.Match[str]) -> str:
        import ast

        try:
            parts = ast.literal_eval(found.group())
        except (ValueError, SyntaxError):
            return found.group()
        parts = parts if isinstance(parts, tuple) else (parts,)
        return shorten(".".join(str(p) for p in parts), 60)

    text = _KEY_TUPLE.sub(dotted, text)
    text = _CHAR_REPR.sub(lambda m: f"U+{(m.group(1) or m.group(2)).upper():0>4}", text)
    for pattern, said in _SAID_PLAINLY:
        text = re.sub(pattern, said, text)
    return Problem(file, "", f"TOML syntax: {text[:1].lower()}{text[1:]}", *where)


_SAID_PLAINLY = (
    (r"^Cannot declare (.+) twice$", r"\1 is declared twice - keep one of them"),
    (
        r"^Cannot mutate immutable namespace (.+)$",
        r"\1 was written inline ({ ... }) or as an array, so it cannot be added to here",
    ),
    (r"^Cannot redefine namespace (.+)$", r"\1 is already a table - it cannot be set again"),
    (r"^Duplicate inline table key '(.+)'$", r"\1 is written twice in the same { ... }"),
    (r"^Cannot overwrite a value$", "this key already has a value - keep one of them"),
    (r"^Unterminated string$", 'a string is not closed - end it with "'),
)


def with_position(problem: Problem, source: str) -> Problem:
    """The problem with the line and column of its key, when the text shows where it is."""
    if problem.line is not None or not problem.key:
        return problem
    from zoomapp.core.content.locate import locate

    found = locate(source, problem.key)
    if found is None:
        return problem
    return problem._replace(line=found[0], column=found[1])


def check_document(
    doc: dict[str, Any], file: str, *, check_texts: bool = True
) -> tuple[Pack | None, list[Problem]]:
    """Check a parsed document against the format and build a Pack from it."""
    known = builtin_text_keys() if check_texts else ()
    checker = Checker(file, known)
    if not any(k in doc for k in DOCUMENT):
        return None, [
            Problem(
                file,
                "",
                "this is not a zoomapp pack - a pack starts with `format = 1` and a [pack] table",
            )
        ]
    checker.table(doc, DOCUMENT, "")
    fmt = doc.get("format")
    if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt != FORMAT_VERSION:
        checker.error(
            "format",
            f"format {fmt} is not known to this zoomapp - use format = {FORMAT_VERSION}"
            " or update zoomapp",
        )
    found_header = doc.get("pack")
    header: dict[str, Any] = found_header if isinstance(found_header, dict) else {}
    language = header.get("language")
    if isinstance(language, str) and language.strip() and not LANGUAGE_PATTERN.match(language):
        checker.error(
            "pack.language", f'language must be a code like "en" or "es", got "{language}"'
        )
    _check_items(doc, checker)
    problems = checker.problems
    summary = checker.summary()
    if summary is not None:
        problems = [*problems, summary]
    if checker.has_errors:
        return None, problems
    pack = Pack(
        id=header["id"],
        name=header["name"],
        version=header["version"],
        language=header["language"],
        authors=tuple(header.get("authors", ())),
        description=header.get("description", ""),
        path=file,
        texts=dict(doc.get("text", {})),
        items={kind: list(doc.get(kind, [])) for kind in ("decks", "patterns", "recipes", "help")},
    )
    return pack, problems


def _check_items(doc: dict[str, Any], checker: Checker) -> None:
    """Rules the spec alone cannot say: duplicates, what each item needs, breathing safety."""
    for kind in ("decks", "patterns", "recipes", "help"):
        items = doc.get(kind)
        if not isinstance(items, list):
            continue
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            path = f"{kind}[{index}]"
            item_id = item.get("id")
            if isinstance(item_id, str):
                if item_id in seen and checker.full:
                    checker.count_error()
                elif item_id in seen:
                    checker.error(
                        f"{path}.id",
                        f"id '{item_id}' is used twice in {kind} (also {kind}[{seen[item_id]}])"
                        " - give each one its own id",
                    )
                seen.setdefault(item_id, index)
            if item.get("enabled") is False:
                continue  # hiding an item needs nothing but its id
            needs = {
                "decks": ("prompts",),
                "patterns": ("name", "phases"),
                "recipes": ("name", "steps"),
                "help": ("title", "text"),
            }[kind]
            for key in needs:
                if key not in item:
                    checker.error(f"{path}.{key}", f"'{key}' is missing - add {key} = ...")
            if kind == "decks" and isinstance(item.get("prompts"), list) and not item["prompts"]:
                checker.error(f"{path}.prompts", "prompts is empty - add at least one prompt")
            if kind == "patterns":
                _check_pattern(item, path, checker)
            if kind == "recipes":
                _check_recipe(item, path, checker)
            if kind == "help" and "number" in item:
                for key, what in (
                    ("source", "the official page it is on"),
                    ("checked", "the date"),
                ):
                    if key not in item:
                        checker.error(
                            f"{path}.{key}",
                            f"a help item with a number needs {key} = ... ({what} you checked"
                            " it) - families must be able to trust the number",
                        )


def _check_pattern(item: dict[str, Any], path: str, checker: Checker) -> None:
    phases = item.get("phases")
    if not isinstance(phases, list):
        return
    if not phases:
        checker.error(f"{path}.phases", "phases is empty - add at least one breath in and out")
        return
    total = 0.0
    kinds = []
    for index, phase in enumerate(phases):
        if not isinstance(phase, dict):
            return
        seconds = phase.get("seconds")
        if isinstance(seconds, (int, float)) and not isinstance(seconds, bool):
            total += seconds
            if phase.get("kind") == "hold":
                where = f"{path}.phases[{index}].seconds"
                if seconds > HOLD_MAX:
                    checker.error(
                        where,
                        f"a hold must be at most {HOLD_MAX} seconds, got {seconds:g}"
                        " - long breath holds can make people dizzy",
                    )
                elif seconds > HOLD_WARN:
                    checker.warn(
                        where,
                        f"a {seconds:g}-second hold: long holds can feel uncomfortable"
                        " for beginners",
                    )
        kinds.append(phase.get("kind"))
    if total > CYCLE_MAX:
        checker.error(
            f"{path}.phases",
            f"one breath lasts {total:g} seconds; keep a cycle to {CYCLE_MAX} seconds or less"
            " so it stays comfortable",
        )
    if "in" not in kinds or "out" not in kinds:
        checker.error(f"{path}.phases", "a pattern needs at least one 'in' and one 'out' phase")


def _check_recipe(item: dict[str, Any], path: str, checker: Checker) -> None:
    steps = item.get("steps")
    if not isinstance(steps, list):
        return
    if not steps:
        checker.error(f"{path}.steps", "steps is empty - add at least one step")
    for index, step in enumerate(steps):
        if not isinstance(step, dict):
            continue
        where = f"{path}.steps[{index}]"
        has_breathe, has_deck = "breathe" in step, "deck" in step
        if has_breathe == has_deck:
            checker.error(
                where,
                'each step needs either breathe = "PATTERN" or deck = "DECK", not both',
            )
        if has_breathe and "prompts" in step:
            checker.error(f"{where}.prompts", "prompts belongs to deck steps - remove it here")


# --- merging ------------------------------------------------------------------------------


def _build_item(kind: str, data: dict[str, Any], pack: Pack) -> Any:
    if kind == "decks":
        return Deck(data["id"], data.get("title", ""), tuple(data.get("prompts", ())), pack.id)
    if kind == "patterns":
        phases = tuple(
            Phase(p["kind"], float(p["seconds"]), p.get("label", "")) for p in data["phases"]
        )
        return Pattern(
            data["id"],
            data["name"],
            data.get("description", ""),
            phases,
            pack.id,
            large=bool(data.get("large", False)),
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


def merge(packs: list[Pack], language: str = FALLBACK_LANGUAGE) -> Content:
    """Merge packs (lowest precedence first) into Content, preferring `language`.

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
    known = ", ".join(sorted(getattr(content, gap.kind)))
    return gap.where, f"no {name} '{gap.item_id}' - known {gap.kind}: {known}"


def _file_key(pack: Pack, key: str) -> str:
    """recipes.ID.steps[1] -> recipes[N].steps[1], where N is the recipe's place in the file."""
    if not key.startswith("recipes."):
        return key
    recipe_id, _, rest = key.removeprefix("recipes.").partition(".steps")
    for index, data in enumerate(pack.items.get("recipes", [])):
        if data.get("id") == recipe_id:
            return f"recipes[{index}].steps{rest}"
    return key


def positioned(problem: Problem) -> Problem:
    """The problem with the line and column of its key, read from its file."""
    try:
        source = Path(problem.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return problem
    return with_position(problem, source)


def resolve(packs: list[Pack], language: str = FALLBACK_LANGUAGE) -> Content:
    """Merge packs, setting aside any pack that leaves a gap, and say why; repeat until whole."""
    problems: list[Problem] = []
    active = list(packs)
    while True:
        content = merge(active, language)
        gaps = find_gaps(content)
        if not gaps:
            break
        gap = gaps[0]
        hider = _hider_of(active, gap.kind, gap.item_id)
        culprit = hider or next((p for p in active if p.id == gap.pack), None)
        key, message = _explain(gap, content, hider)
        if culprit is None or is_reserved(culprit.id):
            # The built-in pack never leaves a gap (a test guards it); never loop on it.
            problems.append(Problem("built-in content", key, message))
            break
        problems.append(positioned(Problem(culprit.path, _file_key(culprit, key), message)))
        active = [p for p in active if p is not culprit]
    content.packs = active
    content.problems = problems
    return content


def read_pack_file(path: Path) -> tuple[Pack | None, list[Problem]]:
    """Read one pack file from disk; a file that cannot be read becomes a Problem.

    Only a regular file is read, and no more than a pack may hold: a FIFO or a device
    (/dev/zero) never blocks or reads without end.
    """
    try:
        data = read_file(path, MAX_PACK_BYTES)
    except OSError as exc:
        return None, [Problem(str(path), "", f"cannot be read: {plain_reason(exc)}")]
    return parse_pack(data, str(path))


_builtin_cache: dict[str, tuple[Pack | None, tuple[Problem, ...]]] = {}


def builtin_languages() -> set[str]:
    """Languages of the built-in packs, from their file names (en.toml, es.toml)."""
    names = [p.name for p in builtin_paths()] or [name for name, _ in builtin_files()]
    return {name.removesuffix(".toml") for name in names}


def _builtin_packs(languages: set[str]) -> tuple[list[Pack], list[Problem]]:
    """The built-in packs in these languages, each parsed once per process.

    A built-in pack is named after its language, so packs in other languages need not be
    read at all - which keeps launch quick.
    """
    global _builtin_texts
    unread = {code for code in languages if f"{code}.toml" not in _builtin_cache}
    for name, data in builtin_files(unread) if unread else ():
        # The English built-in pack defines the text keys, so it is not checked against them.
        english = name == "en.toml"
        pack, found = parse_pack(data, f"built-in {name}", check_texts=not english)
        if pack is not None and english:
            _builtin_texts = tuple(pack.texts)
        _builtin_cache[name] = (pack, tuple(found))
    packs: list[Pack] = []
    problems: list[Problem] = []
    wanted = [f"{code}.toml" for code in languages if f"{code}.toml" in _builtin_cache]
    for name in sorted(wanted, key=lambda n: (n != "en.toml", n)):
        builtin, kept = _builtin_cache[name]
        problems += kept
        if builtin is not None:
            packs.append(builtin)
    return packs, problems


def resolve_with_builtin(pack: Pack) -> Content:
    """The built-in content in the pack's language with `pack` on top: what a coach's pack
    is checked against (its references, what it hides), without reading any file again."""
    packs, _ = _builtin_packs({FALLBACK_LANGUAGE, pack.language})
    return resolve([*packs, pack], pack.language)


def in_every_language(content: Content) -> list[Content]:
    """`content`'s packs merged once for each language they (and the built-in packs) are
    in: what words mean danger is read from all of them, whatever language is in use."""
    builtin, _ = _builtin_packs(builtin_languages())
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
    packs, problems = _builtin_packs({FALLBACK_LANGUAGE, language})
    for path in [*user_files, *extra]:
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
    content = resolve(packs, language)
    content.problems = problems + content.problems
    content.languages = builtin_languages() | {p.language for p in packs}
    return content


BUILT_IN = "built in"  # where a built-in pack lives, in `pack list` and on Packs


class PackRow(NamedTuple):
    """One pack as the parent or coach sees it in a list."""

    id: str
    name: str
    version: str
    language: str
    items: int
    state: str  # "on", "off", "skipped", or "other" (another language than the one in use)
    where: str  # BUILT_IN or the file's path
    problems: tuple[Problem, ...]
    readable: bool = True  # False: too broken to be read as a pack (known by file name)


def inventory(user_files: list[Path], content: Content, disabled: Iterable[str]) -> list[PackRow]:
    """Every pack, built in or the user's, with whether it is in use and why not."""
    disabled = set(disabled)
    used = {p.id for p in content.packs}
    languages = {FALLBACK_LANGUAGE, content.language}
    rows = []
    for pack in _builtin_packs(builtin_languages())[0]:
        state = "on" if pack.language in languages else "other"
        rows.append(_row(pack, state, BUILT_IN, ()))
    for path in user_files:
        read, found = read_pack_file(path)
        mine = [p for p in [*found, *content.problems] if p.file == str(path) and not p.warning]
        problems = tuple(dict.fromkeys(mine))
        if read is None:  # too broken to have an id: known by its file name
            row = PackRow(path.name, path.name, "-", "-", 0, "skipped", str(path), problems, False)
            rows.append(row)
            continue
        if read.id in disabled:
            state = "off"
        elif read.id not in used:
            state = "skipped"
        else:
            state = "on" if read.language in languages else "other"
        rows.append(_row(read, state, str(path), problems))
    return rows


def _row(pack: Pack, state: str, where: str, problems: tuple[Problem, ...]) -> PackRow:
    return PackRow(
        pack.id, pack.name, pack.version, pack.language, pack.item_count(), state, where, problems
    )
