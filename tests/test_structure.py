"""The shape of the code: no import cycles, the core never imports Textual, and shell
commands load only what they use."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1] / "zoomapp"


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _top_level_imports(path: Path) -> set[str]:
    """Modules of zoomapp imported when `path` is imported: not inside functions, and not
    under `if TYPE_CHECKING:`."""
    tree = ast.parse(path.read_text())
    found: set[str] = set()

    def visit(nodes: list[ast.stmt]) -> None:
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(a.name for a in node.names if a.name.startswith("zoomapp"))
            elif isinstance(node, ast.ImportFrom) and node.module:
                if node.module.startswith("zoomapp"):
                    found.add(node.module)
            elif isinstance(node, ast.If):
                test = node.test
                if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
                    visit(node.orelse)
                    continue
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, (ast.Try, ast.With)):
                visit(node.body)
                for handler in getattr(node, "handlers", []):
                    visit(handler.body)
            elif isinstance(node, ast.ClassDef):
                visit(node.body)

    visit(tree.body)
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in ROOT.rglob("*.py")}
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in _top_level_imports(path):
            while imported not in modules and "." in imported:
                imported = imported.rsplit(".", 1)[0]  # `from zoomapp.core import x`
            if imported in modules and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def walk(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == "open":
                found.append(stack[stack.index(target) :] + [target])
            elif target not in state:
                walk(target)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            walk(node)
    return found


def test_the_finder_sees_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_another_that_imports_it_back() -> None:
    graph = _graph()
    assert len(graph) > 40
    assert _cycles(graph) == []


def test_the_core_never_imports_textual() -> None:
    for path in (ROOT / "core").rglob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(n.split(".")[0] in ("textual", "rich") for n in names), path


def _loaded_by(args: list[str], tmp_path: Path) -> set[str]:
    code = (
        "import sys\nfrom zoomapp.cli import main\n"
        f"code = main({args!r})\n"
        "print('\\n'.join(sorted(sys.modules)), file=sys.stderr)\n"
    )
    env = {"ZOOMAPP_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "LANG": "en_GB.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    return set(done.stderr.split())


def test_noting_a_win_loads_no_pack_tooling_and_no_textual(tmp_path: Path) -> None:
    """The built-in packs of every language are read (their danger phrases read the win:
    tests/test_help_after_writing.py), but never checked: they ship checked."""
    _loaded_by(["win", "First"], tmp_path)  # the first run reads the packs, once
    loaded = _loaded_by(["win", "Shoes on"], tmp_path)
    assert "zoomapp.core.journal.store" in loaded  # it did run
    heavy = {
        "textual",
        "rich",
        "zoomapp.commands.pack",
        "zoomapp.core.content.checking",
        "zoomapp.core.content.schema",
    }
    heavy |= {"zoomapp.core.practice.sessions", "zoomapp.ui.app", "tomli_w", "subprocess"}
    heavy |= {"textual_serve", "aiohttp", "zoomapp.serve"}
    assert not heavy & loaded, heavy & loaded


def test_a_journal_list_loads_no_pack_tooling_either(tmp_path: Path) -> None:
    _loaded_by(["win", "Shoes on"], tmp_path)  # the launch cache is made by the first
    loaded = _loaded_by(["journal", "list"], tmp_path)
    assert not {"textual", "zoomapp.commands.pack", "zoomapp.core.content.packs"} & loaded


def test_plain_mode_loads_no_textual(tmp_path: Path) -> None:
    """ground, breathe and zoom --plain are for a screen reader: line by line, started fast."""
    for args in (["ground", "--plain"], ["breathe", "--plain", "box"], ["zoom", "out", "--plain"]):
        loaded = _loaded_by(args, tmp_path)  # stdin ends at once: the session ends there
        assert "zoomapp.core.practice.plain_session" in loaded  # it did run
        assert not {"textual", "rich", "zoomapp.ui.app", "zoomapp.commands.pack"} & loaded


def test_only_zoomapp_serve_imports_the_web_server() -> None:
    """The terminal app and the shell commands never load textual-serve or aiohttp: only the
    server (serve.py) and the command that starts it (commands/serve.py)."""
    doors = {ROOT / "serve.py", ROOT / "commands" / "serve.py"}
    for path in ROOT.rglob("*.py"):
        if path in doors:
            continue
        for name in _all_imports(path):
            assert not name.startswith(("textual_serve", "aiohttp", "zoomapp.serve")), path


def _all_imports(path: Path) -> set[str]:
    """Every module imported anywhere in `path`, zoomapp's own or not."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _every_own_import(path: Path) -> set[str]:
    """zoomapp's modules imported anywhere in `path`, inside functions too; not what is
    imported only for type checking."""
    tree = ast.parse(path.read_text())
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
        for inner in ast.walk(node)
    }
    found = set()
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("zoomapp"))
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("zoomapp"):
            found.add(str(node.module))
    return found


# Imports that go against the grain, each on purpose and named with why.
LAZY_ON_PURPOSE = {
    ("zoomapp.ui.launch", "zoomapp.ui.app"): "run_app loads Textual only when the app opens",
}
CORE_MAY_USE = {
    "zoomapp": "the version, which the launch cache is keyed by",
    "zoomapp.content": "the built-in packs, read as package data",
}
SHELL_MAY_OPEN = {"zoomapp.ui.launch": "the one door into the app (open, pack preview)"}


def test_no_cycle_even_through_imports_inside_functions() -> None:
    modules = {_module_name(p): p for p in ROOT.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        graph[name] = set()
        for imported in _every_own_import(path):
            while imported not in modules and "." in imported:
                imported = imported.rsplit(".", 1)[0]
            if imported != name and (name, imported) not in LAZY_ON_PURPOSE:
                graph[name].add(imported)
    assert _cycles(graph) == []


def test_the_layers_hold() -> None:
    """The core imports only the core; the shell commands reach the app through one door."""
    wrong = []
    for path in ROOT.rglob("*.py"):
        name = _module_name(path)
        for imported in _every_own_import(path):
            in_core = name.startswith("zoomapp.core")
            in_shell = not in_core and not name.startswith(("zoomapp.ui", "zoomapp.content"))
            if in_core and not imported.startswith("zoomapp.core"):
                wrong += [] if imported in CORE_MAY_USE else [f"{name} imports {imported}"]
            if in_shell and imported.startswith("zoomapp.ui"):
                wrong += [] if imported in SHELL_MAY_OPEN else [f"{name} imports {imported}"]
    assert wrong == []


def test_the_layer_check_sees_an_import_hidden_in_a_function(tmp_path: Path) -> None:
    hidden = tmp_path / "m.py"
    hidden.write_text("def f():\n    from zoomapp.ui.app import ZoomApp\n")
    typed = tmp_path / "t.py"
    typed.write_text("if TYPE_CHECKING:\n    from zoomapp.ui.app import ZoomApp\n")
    assert _every_own_import(hidden) == {"zoomapp.ui.app"}
    assert _every_own_import(typed) == set()


def test_every_screen_an_action_opens_is_where_the_table_says() -> None:
    from textual.screen import Screen

    from zoomapp.ui.opening import SCREENS, screen_class

    for name in SCREENS:
        assert issubclass(screen_class(name), Screen), name


def test_screens_open_screens_through_the_table() -> None:
    """No screen imports and pushes another: the table says what opens where."""
    for path in (ROOT / "ui" / "screens").glob("*.py"):
        assert ".push_screen(" not in path.read_text(), path.name


def test_every_module_and_function_is_small_enough_to_read() -> None:
    """No module over 450 lines, no function over 60: a part that grows past that is
    doing two things, and is split before it lands."""
    long = []
    for path in ROOT.rglob("*.py"):
        source = path.read_text()
        if source.count("\n") > 450:
            long.append(f"{path.relative_to(ROOT)}: {source.count(chr(10))} lines")
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > 60:
                    long.append(f"{path.relative_to(ROOT)}: {node.name} is {size} lines")
    assert long == []


def test_every_package_is_installed_by_pip_install() -> None:
    """The Quick start installs with `pip install .`, which copies only the packages
    pyproject.toml names: a folder left off that list works in the repository and is
    missing on a parent's computer."""
    import tomllib

    project = tomllib.loads((ROOT.parent / "pyproject.toml").read_text())
    listed = set(project["tool"]["setuptools"]["packages"])
    found = {
        ".".join(("zoomapp", *path.parent.relative_to(ROOT).parts))
        for path in ROOT.rglob("__init__.py")
    }
    assert found - listed == set()
