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
    node = {"App": app, "Stylesheet": app.stylesheet}.get(owner, Widget())
    assert hasattr(node, name), f"Textual no longer has {owner}.{name}"
    value = getattr(node, name)
    if kind == "method":
        assert callable(value), f"{owner}.{name} is no longer a method"
    elif name in ("_bindings", "_merged_bindings"):
        assert value is None or isinstance(value, BindingsMap)
    elif name == "_parse_cache":  # read and filled through the cache's public methods
        assert all(callable(getattr(value, method, None)) for method in ("keys", "get", "set"))


def textual_privates() -> set[str]:
    """Every private name (`_x`, not `__x__`) on Textual's classes that zoomapp builds on."""
    import inspect

    import textual.app
    import textual.containers
    import textual.screen
    import textual.scroll_view
    import textual.widgets

    classes = [App, Widget, textual.screen.Screen, textual.screen.ModalScreen]
    classes += [textual.scroll_view.ScrollView, textual.containers.VerticalScroll]
    classes += [c for _, c in inspect.getmembers(textual.widgets, inspect.isclass)]
    made = [App(), Widget(), App().stylesheet]  # what an instance is given in __init__ too
    return {
        name
        for owner in [*classes, *made]
        for name in dir(owner)
        if name.startswith("_") and not name.startswith("__")
    }


# textual-serve's AppService and Server privates serve.py reads, named like Textual's.
TEXTUAL_SERVE_PRIVATES = frozenset({"_task", "_process", "_stdin", "_process_messages"})


def test_nothing_else_in_zoomapp_touches_textual_privates() -> None:
    """Any use or override of a private Textual name outside textual_private.py fails -
    not only the ones listed there, so a new one cannot slip in unlisted."""
    private = textual_privates()
    assert {name for _, name, _ in USED} <= private
    root = Path(__file__).resolve().parents[1] / "zoomapp"
    found = []
    for path in root.rglob("*.py"):
        if path.name == "textual_private.py":
            continue
        # serve.py builds on textual-serve's own privates (checked by name in
        # test_serve.py); some share a name with Textual's, and only those are let by.
        allowed = TEXTUAL_SERVE_PRIVATES if path.name == "serve.py" else frozenset()
        tree = ast.parse(path.read_text())
        modules = {  # os._exit is the os module's, not Textual's
            (alias.asname or alias.name).split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        }
        methods = {  # a function of a module's own never overrides anything
            item
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            for item in node.body
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        for node in ast.walk(tree):
            on_module = isinstance(node, ast.Attribute) and (
                isinstance(node.value, ast.Name) and node.value.id in modules
            )
            if isinstance(node, ast.Attribute) and node.attr in allowed:
                continue
            if isinstance(node, ast.Attribute) and node.attr in private and not on_module:
                found.append(f"{path.name}:{node.lineno} uses {node.attr}")
            if node in methods and node.name in private:  # type: ignore[union-attr]
                found.append(f"{path.name}:{node.lineno} overrides {node.name}")  # type: ignore[union-attr]
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and module.startswith("textual._"):
                found.append(f"{path.name}: imports {module}")
    assert found == []
