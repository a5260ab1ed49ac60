"""The private Textual APIs zoomapp uses (zoomapp/ui/textual_private.py) are still there.

If this fails after a Textual upgrade, it names what moved: fix that one module, and
the range of Textual versions in pyproject.toml can stay as it is.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from textual.app import App
from textual.binding import BindingsMap
from textual.widget import Widget

from zoomapp.ui.textual_private import USED


@pytest.mark.parametrize(("owner", "name", "kind"), USED)
def test_each_private_api_is_still_there(owner: str, name: str, kind: str) -> None:
    app = App()
    node = app if owner == "App" else Widget()
    assert hasattr(node, name), f"Textual no longer has {owner}.{name}"
    value = getattr(node, name)
    if kind == "method":
        assert callable(value), f"{owner}.{name} is no longer a method"
    elif name in ("_bindings", "_merged_bindings"):
        assert value is None or isinstance(value, BindingsMap)


def test_nothing_else_in_zoomapp_touches_textual_privates() -> None:
    names = {name for _, name, _ in USED} | {"_replace_via_keyboard", "_on_key"}
    root = Path(__file__).resolve().parents[1] / "zoomapp"
    for path in root.rglob("*.py"):
        if path.name == "textual_private.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute):
                assert node.attr not in names, f"{path.name} uses {node.attr}"
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                assert node.name not in names, f"{path.name} overrides {node.name}"
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith("textual._"), f"{path.name}: {node.module}"
