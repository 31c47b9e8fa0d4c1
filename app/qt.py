"""A Qt application object for headless work (CLI, PDF rendering, translations).

The core renders PDFs with QtGui (QPdfWriter, QTextDocument), which needs a
QGuiApplication; with no display the offscreen platform is used. If the desktop app (or a
test) already created an application object, that one is reused.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtCore import QCoreApplication


def ensure_app() -> QCoreApplication:
    app = QCoreApplication.instance()
    if app is not None:
        return app
    if not os.environ.get("QT_QPA_PLATFORM") and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0] if sys.argv else "tribune"])
    return app
