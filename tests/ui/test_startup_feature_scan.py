"""PySide6's import hook reads no module's source once the app is imported (ui.feature_scan)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import types

from tests.conftest import REPO
from ui.feature_scan import uses_pyside

CHILD = r"""
import inspect, json, sys
import PySide6.QtCore
reads = []
original = inspect.getsource
def counting(obj):
    reads.append(getattr(obj, "__name__", "?"))
    return original(obj)
inspect.getsource = counting
if sys.argv[1] == "app":
    import ui.application  # installs ui.feature_scan
before = len(reads)
import ui.sidebar, sqlalchemy.orm, email.message
feature = sys.modules["shibokensupport.feature"]
print(json.dumps({
    "reads": len(reads) - before,
    "answers": {n: feature.pyside_feature_dict.get(n) for n in ("sqlalchemy", "email", "ui")},
}))
"""


def _run(mode: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, mode],
        capture_output=True, text=True, env=env, cwd=REPO, timeout=60,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_modules_imported_after_the_app_cost_no_source_read():
    plain = _run("plain")  # PySide6 alone reads every later module's source ...
    assert plain["reads"] > 50
    app = _run("app")  # ... the app's start-up path reads none
    assert app["reads"] == 0
    # the same answers as PySide's own scan: a module without PySide is ignored
    assert app["answers"]["sqlalchemy"] == plain["answers"]["sqlalchemy"] == -1
    assert app["answers"]["email"] == -1


def test_a_module_holding_pyside_objects_uses_pyside():
    from PySide6.QtWidgets import QLabel

    with_class = types.ModuleType("with_class")
    with_class.QLabel = QLabel
    with_module = types.ModuleType("with_module")
    import PySide6.QtCore

    with_module.QtCore = PySide6.QtCore
    without = types.ModuleType("without")
    without.json = json
    without.value = 3
    for module in (with_class, with_module, without):
        module.__file__ = f"/somewhere/{module.__name__}.py"
    assert uses_pyside(with_class) and uses_pyside(with_module)
    assert not uses_pyside(without)
    with_class.__file__ = "/somewhere/with_class.cpython-311-x86_64-linux-gnu.so"
    assert not uses_pyside(with_class)  # no source: PySide's own scan says False too


def test_no_module_selects_a_pyside_feature():
    """The shortcut answers "ignore" for modules without PySide: right only while no module
    of the app selects ``snake_case`` or ``true_property``."""
    offenders = [
        str(path.relative_to(REPO))
        for folder in ("app", "ui", "benchmarks", "scripts")
        for path in (REPO / folder).rglob("*.py")
        if re.search(r"^\s*(from|import) __feature__", path.read_text(encoding="utf-8"), re.M)
    ]
    assert offenders == []
