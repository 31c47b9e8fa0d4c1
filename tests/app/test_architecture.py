"""The dependency rule: the core never imports the UI nor QtWidgets, and runs headless."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module
            for alias in node.names:
                yield f"{node.module}.{alias.name}"


def test_app_never_imports_ui_or_qtwidgets():
    offenders = []
    for path in APP.rglob("*.py"):
        for name in _imports(path):
            if name == "ui" or name.startswith("ui.") or "QtWidgets" in name:
                offenders.append(f"{path.relative_to(APP.parent)}: {name}")
    assert offenders == []


def test_cli_runs_without_loading_qtwidgets():
    code = "import sys; from app.cli import main; main(['--version'])"
    probe = f"import sys\ntry:\n    exec({code!r})\nexcept SystemExit: pass\n"
    probe += "print('QtWidgets' in ' '.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr


def _module_graph() -> dict[str, set[str]]:
    """Which module of app/ imports which, counting imports inside functions too."""
    modules = {}
    for path in APP.rglob("*.py"):
        name = ".".join(path.relative_to(APP.parent).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path

    def resolve(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for imported in _imports(path):
            target = resolve(imported)
            if target and target != name and not name.startswith(target + "."):
                graph[name].add(target)
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_import_cycle_in_the_core_even_through_function_level_imports():
    assert _cycles(_module_graph()) == []


def test_the_cycle_finder_sees_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


# Screens still over 400 lines, to be split into their parts (issue #18); none may grow.
LONG_SCREENS: dict[str, int] = {}  # screens once over 400 lines, none left


def test_no_module_over_400_lines_and_the_listed_screens_never_grow():
    root = APP.parent
    long = {}
    for folder in ("app", "ui"):
        for path in (root / folder).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            lines = len(path.read_text(encoding="utf-8").splitlines())
            rel = str(path.relative_to(root))
            if lines > LONG_SCREENS.get(rel, 400):
                long[rel] = lines
    assert long == {}, long
