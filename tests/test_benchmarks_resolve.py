"""The benchmarks are run by hand (``make bench``), not by CI: make sure every name they
import from Tribune, even inside functions, still exists — a refactor once broke
``benchmarks/charter_export.py`` silently."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

# the benchmarks themselves; helpers beside them (``_ratios.py``: timing only) import nothing
# from Tribune
BENCHMARKS = sorted(
    p
    for p in (Path(__file__).resolve().parents[1] / "benchmarks").glob("*.py")
    if not p.name.startswith("_")
)


@pytest.mark.parametrize("script", BENCHMARKS, ids=lambda p: p.stem)
def test_every_import_of_a_benchmark_resolves(script):
    tree = ast.parse(script.read_text(encoding="utf-8"))
    trees = [tree]
    for node in ast.walk(tree):  # programs run in child processes, given as strings
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and "import" in node.value
        ):
            try:
                trees.append(ast.parse(node.value))
            except SyntaxError:
                pass  # a fragment joined to others at run time, or prose
    checked = 0
    for node in (n for t in trees for n in ast.walk(t)):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] not in ("app", "ui"):
                continue
            module = importlib.import_module(node.module)
            for alias in node.names:
                assert hasattr(module, alias.name) or importlib.util.find_spec(
                    f"{node.module}.{alias.name}"
                ), f"{script.name}: {node.module} has no {alias.name}"
                checked += 1
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ("app", "ui"):
                    importlib.import_module(alias.name)
                    checked += 1
    if script.name != "run_all.py":
        assert checked, f"{script.name} imports nothing from Tribune"
