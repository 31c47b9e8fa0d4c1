"""How the Listening area follows the change feed — a part the area owns (``area.live``).

Another seat's sync adding items, an item sent to the inbox or dismissed, a crisis opened or
declared over: any ``listening`` change of the client shown reads the rows shown again and
swaps them in place (the selection and scroll stay), and reads the figures again (volume,
top authors, whether a crisis is open — so "Crisis over" leaves every seat's screen when one
seat clicks it). Changes are gathered for 150 ms: one reload for a burst.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from app.change_set import ChangeSet

if TYPE_CHECKING:
    from ui.listening.area import ListeningArea


class ListeningLive(QObject):
    def __init__(self, area: ListeningArea) -> None:
        super().__init__(area)
        self.area = area
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(self._apply)
        area.services.feed.changed.connect(self.on_changes)

    def on_changes(self, changeset: ChangeSet) -> None:
        """From the change feed (GUI thread): gather what concerns the client shown."""
        client = self.area.client
        if client is not None and changeset.touches("listening", client.id):
            self.timer.start()

    def _apply(self) -> None:
        if self.area.client is None:
            return
        self.area.model.reload()
        self.area.reload_figures()
