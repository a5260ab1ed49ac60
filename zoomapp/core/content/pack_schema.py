"""The pack format as JSON Schema, built from the same spec the loader checks against.

TOML editors (taplo, VS Code's Even Better TOML) read it from a pack's `#:schema` line to
offer completion and flag mistakes while a coach types.
"""

from __future__ import annotations

import json
from typing import Any

from zoomapp.core.content.schema import DOCUMENT, ID_PATTERN, LANGUAGE_PATTERN, SHAPES, Field

SCHEMA_FILE = "pack.schema.json"


def _field(spec: Field, text_keys: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {"description": spec.doc}
    kind = spec.kind
    if kind in ("str", "id"):
        out["type"] = "string"
        out["minLength"] = 1
        if kind == "id":
            out["pattern"] = ID_PATTERN.pattern
        if spec.choices:
            out["enum"] = list(spec.choices)
    elif kind in ("int", "number"):
        out["type"] = "integer" if kind == "int" else "number"
        if spec.low is not None:
            out["minimum"] = spec.low
        if spec.high is not None:
            out["maximum"] = spec.high
    elif kind == "bool":
        out["type"] = "boolean"
    elif kind in SHAPES:
        out["type"] = "string"
        out["pattern"] = f"^(?:{SHAPES[kind][0].pattern})$"
    elif kind == "ids":
        one = {"type": "string", "pattern": ID_PATTERN.pattern}
        out["anyOf"] = [one, {"type": "array", "items": one, "minItems": 1}]
    elif kind == "date":
        out["type"] = "string"  # how TOML editors see a local date
        out["format"] = "date"
    elif kind == "strings":
        out["type"] = "array"
        out["items"] = {"type": "string", "minLength": 1}
    elif kind == "table":
        out.update(_table(spec.fields, text_keys))
    elif kind == "tables":
        out["type"] = "array"
        out["items"] = _table(spec.fields, text_keys)
    elif kind == "texts":
        out["type"] = "object"
        out["properties"] = {key: {"type": "string", "minLength": 1} for key in text_keys}
        out["additionalProperties"] = False
    return out


def _table(fields: dict[str, Field], text_keys: tuple[str, ...]) -> dict[str, Any]:
    table: dict[str, Any] = {
        "type": "object",
        "properties": {name: _field(spec, text_keys) for name, spec in fields.items()},
        "additionalProperties": False,
    }
    required = [name for name, spec in fields.items() if spec.required]
    if required:
        table["required"] = required
    return table


def json_schema() -> dict[str, Any]:
    from zoomapp.core.content.packs import builtin_text_keys

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "zoomapp content pack",
        "description": "Prompts, breathing patterns, sessions and words for zoomapp. "
        "See docs/packs.md.",
        **_table(DOCUMENT, builtin_text_keys()),
    }
    language = schema["properties"]["pack"]["properties"]["language"]
    language["pattern"] = LANGUAGE_PATTERN.pattern
    schema["properties"]["format"]["const"] = 1
    return schema


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
