"""How the inbox follows the change feed: what another seat (or this one) changed shows up
within the poll interval, without losing the selection, the scroll position or what is typed.

A mixin of :class:`ui.inbox.inbox_area.InboxArea`. Changes are gathered for 100 ms, then:
the rows shown are read again and swapped in place (new messages appear, closed ones leave
an "Open" list), the counts and banner are recomputed, and the open conversation is read
again when it may have changed. The charter or the staff changing reloads the rules first.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QAbstractItemView

from app.changes import ChangeSet
from ui.inbox.inbox_model import COL_TEXT


class InboxLive:
    def _init_live(self) -> None:
        self._live_changes: list[ChangeSet] = []
        self._live_timer = QTimer(self, singleShot=True, interval=100)
        self._live_timer.timeout.connect(self._apply_changes)
        self.services.feed.changed.connect(self.on_changes)

    def on_changes(self, changeset: ChangeSet) -> None:
        """From the change feed (GUI thread): gather what concerns the client shown."""
        client = self.client
        if client is None:
            return
        if any(changeset.touches(kind, client.id) for kind in ("inbox", "charter", "clients")):
            self._live_changes.append(changeset)
            self._live_timer.start()

    def _apply_changes(self) -> None:
        gathered = ChangeSet.merge(self._live_changes)
        self._live_changes = []
        if self.client is None or self.rules is None:
            return
        cid = self.client.id
        if gathered.touches("charter", cid) or gathered.touches("clients", cid):
            # delays, watch words, staff, contacts: read again, then the list with them
            self._load_client_settings(cid, then=lambda: self.live_refresh(gathered))
        else:
            self.live_refresh(gathered)

    def live_refresh(self, changeset: ChangeSet | None = None) -> None:
        """Read the rows shown, the counts and (if it may have changed) the conversation."""
        if self.client is None:
            return
        cid = self.client.id
        view = self.table
        top = view.indexAt(QPoint(1, 1))
        at_top = view.verticalScrollBar().value() == 0
        top_id = self.model.row_id(top.row()) if top.isValid() else None
        current = self.current_id()
        current_row = view.currentIndex().row()

        def swapped(lost: set[int]) -> None:
            if not at_top and top_id is not None and (row := self.model.row_of(top_id)) >= 0:
                view.scrollTo(
                    self.model.index(row, COL_TEXT), QAbstractItemView.ScrollHint.PositionAtTop
                )
            if current is not None and current in lost:  # it left the list: the next one
                if self.model.rowCount():
                    self.select_row(min(max(current_row, 0), self.model.rowCount() - 1))
                else:
                    self.show_message(None)
            elif current is not None and self._may_concern(changeset, cid, current):
                self.show_message(current, quiet=True)

        self.model.reload(swapped)
        self.load_counts()

    def _may_concern(self, changeset: ChangeSet | None, cid: int, current: int) -> bool:
        """Could the change touch the open conversation (its message, or one in its thread)?"""
        if changeset is None:
            return True
        ids = changeset.ids("inbox", cid)
        if ids is None or current in ids:
            return True
        shown = {self.model.row_id(r) for r in range(self.model.rowCount())}
        return bool(ids - shown)  # a message not in the list: maybe a reply in this thread
