"""Keep listening in the tray: with the option on (Settings), closing the main window hides
it and Tribune stays in the system tray — the background sync and listening timer keeps
running, crisis alerts still show — with Open / Sync now / Quit in the icon's menu.

A part of :class:`ui.main_window.MainWindow` (``window.tray_part``). The icon is the one the
sync bar shows crisis alerts with (:class:`ui.sync.tray.CrisisTray`): one icon per app.
Without a system tray (some desktops), closing quits as usual: a hidden window nobody can
reopen would be a lost app.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

from ui import icons


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class WindowTray(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.quitting = False
        self.hidden_in_tray = False
        self._told = False
        self.menu = QMenu()
        self.open_action = self.menu.addAction(self.tr("&Open Tribune"), self.open_window)
        icons.set_icon(self.open_action, "open")
        self.sync_action = self.menu.addAction(self.tr("S&ync now"), self.sync_now)
        icons.set_icon(self.sync_action, "sync")
        self.menu.addSeparator()
        self.quit_action = self.menu.addAction(self.tr("&Quit"), self.quit)
        icons.set_icon(self.quit_action, "quit")
        self._icon: QSystemTrayIcon | None = None

    def follow_alerts(self, bar) -> None:
        """A crisis message the sync bar shows while the window is open: its icon gets this
        menu too (called once the sync bar is built)."""
        bar.tray.shown.connect(lambda *_: self.icon())

    def keeps_running(self) -> bool:
        return self.window.settings.keep_in_tray and tray_available() and not self.quitting

    def icon(self) -> QSystemTrayIcon:
        if self._icon is None:
            self._icon = self.window.sync_bar.tray.icon()
            self._icon.setContextMenu(self.menu)
            self._icon.activated.connect(self._activated)
        return self._icon

    def close_requested(self, event) -> bool:
        """The window is being closed: hide it in the tray instead (True) when the option is
        on; else let it close (False)."""
        if not self.keeps_running():
            return False
        event.ignore()
        QApplication.setQuitOnLastWindowClosed(False)
        self.window.settings.save_geometry(self.window.saveGeometry())
        self.window.hide()
        self.hidden_in_tray = True
        icon = self.icon()
        icon.show()
        if not self._told:  # once per run: where the app went
            self._told = True
            icon.showMessage(
                "Tribune",
                self.tr("Tribune keeps listening in the tray. Quit from its menu."),
                QSystemTrayIcon.MessageIcon.Information,
                5000,
            )
        return True

    def _activated(self, reason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open_window()

    def open_window(self) -> None:
        w = self.window
        self.hidden_in_tray = False
        w.showNormal()
        w.raise_()
        w.activateWindow()

    def sync_now(self) -> None:
        """Every client's sync and listening, as the timer does."""
        self.window.sync_bar.sync_all()

    def quit(self) -> None:
        """Close for real (areas flushed, their writes landed, geometry saved), then leave
        the app."""
        self.quitting = True
        if self._icon is not None:
            self._icon.hide()
        if self.window.close():
            self.closed()
        # else the window closes once its writes landed, and calls closed() then

    def closed(self) -> None:
        """The window closed for real: leave the app if it was kept running for the tray."""
        if self.quitting and not QApplication.quitOnLastWindowClosed():
            self.leave_app()

    def leave_app(self) -> None:
        QCoreApplication.quit()
