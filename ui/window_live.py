"""The window's side of the change feed: one :class:`ui.live.LiveFeed` per open database,
shared with the areas (``AreaServices.feed``); the sidebar's badges and client list follow
it. A part :class:`ui.main_window.MainWindow` owns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

if TYPE_CHECKING:
    from app.db import Database


def same_scope(old, new) -> bool:
    """Whether the areas can keep showing ``old``'s data for ``new`` (same client, time
    zone, language and archive state): another seat's rename or note reloads nothing."""
    return (old.id, old.timezone, old.language, old.archived) == (
        new.id,
        new.timezone,
        new.language,
        new.archived,
    )


class WindowLive(QObject):
    """A part of the main window (``window.live_part``); the feed itself is ``window.live``."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.live = None
        self.badges_soon = QTimer(self, singleShot=True, interval=150)
        self.badges_soon.timeout.connect(window.refresh_badges)

    def start(self, db: Database) -> None:
        """This seat's change feed: other seats' commits and this seat's operations, one
        signal for the areas (which connect to it themselves) and the sidebar."""
        from ui.live import LiveFeed

        if self.live is not None:
            self.live.stop()
            self.live.deleteLater()
        self.live = self.window.live = LiveFeed(db, self.window)
        self.live.changed.connect(self._on_changes)
        self.live.state_changed.connect(self._live_state)
        self.live.start()

    def stop(self) -> None:
        if self.live is not None:
            self.live.stop()
        self.badges_soon.stop()

    def _on_changes(self, changeset) -> None:
        """Badges follow the inbox, accounts and clients at once; another seat's change to
        the clients themselves (a new one, a rename, an archive) reloads the list."""
        if changeset.kinds() & {"inbox", "accounts", "clients", "sync", "posts"}:
            self.badges_soon.start()
        if not changeset.local and changeset.touches("clients"):
            self.window.reload_clients()

    def _live_state(self, state: str) -> None:
        self.window.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow", "Connection to the shared database lost: retrying…"
            )
            if state == "reconnecting"
            else ""
        )

    def relabel_client(self, client) -> None:
        """The client shown changed but not what the areas show (time zone, language,
        archive): new name and details, without reloading the areas (selection kept)."""
        w = self.window
        w.current_client = client
        w.setWindowTitle(f"Tribune — {client.name}")
        w.client_title.setText(client.name)
        for area in w._areas.values():
            area.client = client
        w.client_changed.emit(client)
