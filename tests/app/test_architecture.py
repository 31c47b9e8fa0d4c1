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
