"""Desktop notifications of crisis alerts, from the system tray.

The background sync listens for every client (see
:mod:`app.services.listening.background`); when a charter's crisis signal fires, this shows a
tray message naming the client and the reason — whether the window is open, minimised or
hidden — and keeps a record of what it showed (the status bar and the tests read it).
Reasons are plain text: the tray renders no markup.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QSystemTrayIcon

MESSAGE_MS = 15_000


class CrisisTray(QObject):
    """One tray icon for the application; ``shown(title, text)`` after each message."""

    shown = Signal(str, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._icon: QSystemTrayIcon | None = None
        self.messages: list[tuple[str, str]] = []

    def icon(self) -> QSystemTrayIcon:
        if self._icon is None:
            app_icon = QGuiApplication.windowIcon()
            self._icon = QSystemTrayIcon(app_icon if not app_icon.isNull() else QIcon(), self)
            self._icon.setToolTip("Tribune")
        return self._icon

    def notify(self, heard) -> int:
        """A message per client whose crisis signals fired; returns how many were shown."""
        count = 0
        for client in heard or ():
            if not client.alerts:
                continue
            title = self.tr("Crisis alert: {client}").format(client=client.client_name)
            text = "\n".join(a.reason for a in client.alerts)
            icon = self.icon()
            icon.show()
            icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, MESSAGE_MS)
            self.messages.append((title, text))
            self.shown.emit(title, text)
            count += 1
        return count
