"""PySide6 6.12.0 drops a reference to None on every void call and aborts Python 3.11.

pyproject.toml excludes it; this keeps the guard honest on whatever version is installed.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(200):  # warm caches first
        label.setText("x")
    before = sys.getrefcount(None)
    for i in range(20_000):
        label.setText("x" if i % 2 else "y")
        label.setObjectName("n")
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references"
