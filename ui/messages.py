"""One way to tell the user something went wrong: a readable message, never a crash."""

from __future__ import annotations

import logging
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import TribuneError

log = logging.getLogger("tribune.ui")


def error_text(exc: BaseException) -> str:
    if isinstance(exc, TribuneError):
        return exc.message
    return QCoreApplication.translate(
        "Messages",
        "Something unexpected happened ({kind}). Your data is safe; details were "
        "written to the log file.",
    ).format(kind=type(exc).__name__)


def log_unexpected(exc: BaseException) -> None:
    if isinstance(exc, TribuneError):
        return
    text = getattr(exc, "__traceback_text__", None) or "".join(
        traceback.format_exception(type(exc), exc, exc.__traceback__)
    )
    log.error("unexpected error: %s", text)
    try:
        from app.config import data_dir

        with open(data_dir() / "crash.log", "a", encoding="utf-8") as fh:
            fh.write(text + "\n")
    except OSError:
        pass


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    from PySide6.QtCore import Qt  # creating the Qt namespace costs ~15 ms: not at start-up

    log_unexpected(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title or QCoreApplication.translate("Messages", "Tribune"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(error_text(exc))
    box.setObjectName("errorBox")
    box.open()
