"""The notice bar an editor shows when another seat changed what it has open: who, when, and
a Reload button. Never a silent replacement of what is being typed: the user chooses."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton

from app.changes import Change
from ui import icons
from ui.design import current, set_role, theme_notifier


def changed_text(change: Change, zone=None) -> str:
    when = change.at.astimezone(zone).strftime("%H:%M") if change.at else ""
    who = change.actor or QCoreApplication.translate("ChangeNotice", "someone")
    return QCoreApplication.translate(
        "ChangeNotice", "Changed by {who} at {time} on another seat."
    ).format(who=who, time=when)


class ChangeNotice(QFrame):
    """Hidden until :meth:`show_change`. Signals: reload_requested()."""

    reload_requested = Signal()

    def __init__(self, parent=None, *, reload_text: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changeNotice")
        self._restyle()
        theme_notifier().changed.connect(self._restyle)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the actor's name is untrusted
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.reload_button = QPushButton(
            reload_text or QCoreApplication.translate("ChangeNotice", "Reload")
        )
        self.reload_button.setToolTip(
            QCoreApplication.translate(
                "ChangeNotice", "Show the other seat's version (what you typed here is dropped)"
            )
        )
        self.reload_button.clicked.connect(self.reload_requested)
        set_role(self.reload_button, "secondary")
        icons.set_icon(self.reload_button, "refresh")
        layout.addWidget(self.reload_button)
        close = self.close_button = QToolButton()
        close.setToolTip(QCoreApplication.translate("ChangeNotice", "Keep my version"))
        close.setAccessibleName(close.toolTip())
        icons.set_icon(close, "close")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        layout.addWidget(close)
        self.change: Change | None = None
        self.hide()

    def _restyle(self, _scheme=None) -> None:
        """Warning colours of the scheme on screen (readable in Light and Dark)."""
        p = current()
        self.setStyleSheet(
            f"#changeNotice {{ background: {p.warning_soft}; border: 1px solid {p.warning};"
            f" border-radius: 6px; }}"
            f"#changeNotice QLabel {{ color: {p.text}; background: transparent; border: none; }}"
        )

    def show_change(self, change: Change, zone=None) -> None:
        self.change = change
        self.label.setText(changed_text(change, zone))
        self.show()
