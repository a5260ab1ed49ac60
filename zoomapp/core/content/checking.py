"""Checking one pack: its bytes read as TOML, every table, key, type and limit checked
against the format (schema.py), each problem given the line and column it is on.

Checking never reads another pack: the text keys a pack may use are given to it.
"""

from __future__ import annotations

from typing import Any

from zoomapp.core.content.checker import Checker
from zoomapp.core.content.locate import too_deep
from zoomapp.core.content.model import (
    Pack,
)
from zoomapp.core.content.problem import Problem, with_position
from zoomapp.core.content.quoting import shorten
from zoomapp.core.content.schema import (
    CYCLE_MAX,
    DOCUMENT,
    FORMAT_VERSION,
    HOLD_MAX,
    HOLD_WARN,
    LANGUAGE_PATTERN,
)
from zoomapp.core.content.syntax import line_column, syntax_problem
from zoomapp.core.safe_text import is_invisible

MAX_PACK_BYTES = 2_000_000


def _as_text(data: bytes, file: str) -> tuple[str | None, list[Problem]]:
    """The pack's text, or None and why it cannot be a text pack at all (too big, a BOM,
    not UTF-8, binary, empty, nothing visible)."""
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
                *line_column(data[: exc.start].decode("utf-8", "replace"), exc.start),
            )
        ]
    if "\x00" in source:
        return None, [
            Problem(
                file,
                "",
                "the file holds binary data, not a TOML text pack",
                *line_column(source, source.index("\x00")),
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
    return source, []


def check_pack(
    data: bytes, file: str, known_texts: tuple[str, ...] = ()
) -> tuple[Pack | None, list[Problem]]:
    """Parse and check one pack's bytes. Returns the pack (None if it has errors) and problems.

    `known_texts`: the text keys the app knows, to check the pack's [text] keys against
    (the built-in English pack defines them, so it is checked without).

    Never raises for bad input: every kind of broken file becomes a Problem.
    """
    source, refused = _as_text(data, file)
    if source is None:
        return None, refused
    import tomllib  # here: a launch that finds its packs in the launch cache never needs it

    try:
        doc = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        return None, [syntax_problem(file, source, str(exc))]
    except RecursionError:  # nested past what the parser can follow: say where, plainly
        deep = too_deep(source, MAX_NESTING)
        return None, [
            Problem(
                file,
                "",
                f"arrays or tables are nested more than {MAX_NESTING} deep here"
                " - a pack never needs more than a few levels",
                *(line_column(source, deep) if deep is not None else (1, 1)),
            )
        ]
    except ValueError as exc:
        return None, [Problem(file, "", f"TOML syntax: {shorten(str(exc), 80)}", 1, 1)]
    pack, problems = check_document(doc, file, known_texts)
    return pack, [with_position(p, source) for p in problems]


MAX_NESTING = 50


def check_document(
    doc: dict[str, Any], file: str, known_texts: tuple[str, ...] = ()
) -> tuple[Pack | None, list[Problem]]:
    """Check a parsed document against the format and build a Pack from it."""
    checker = Checker(file, known_texts)
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
