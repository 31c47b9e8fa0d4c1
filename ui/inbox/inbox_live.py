"""How the inbox follows the change feed: what another seat (or this one) changed shows up
within the poll interval, without losing the selection, the scroll position or what is typed.

A part of :class:`ui.inbox.inbox_area.InboxArea`, given the list, the conversation, the
inbox's context and two of the area's reads (the client's settings, the counts). Changes are
gathered for 100 ms, then the rows shown are read again and swapped in place (new messages
appear, closed ones leave an "Open" list), the counts and banner are recomputed, and the open
conversation is read again when it may have changed. The charter or the staff changing
reloads the rules first.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from app.changes import ChangeSet


class LiveRefresh(QObject):
    def __init__(
        self,
        host,
        context,
        messages,
        conversation,
        reload_settings: Callable[[Callable[[], None]], None],
        load_counts: Callable[[], None],
    ) -> None:
        super().__init__(host)
        self.context, self.messages, self.conversation = context, messages, conversation
        self.reload_settings, self.load_counts = reload_settings, load_counts
        self._changes: list[ChangeSet] = []
        self.timer = QTimer(self, singleShot=True, interval=100)
        self.timer.timeout.connect(self._apply)
        host.services.feed.changed.connect(self.on_changes)

    def on_changes(self, changeset: ChangeSet) -> None:
        """From the change feed (GUI thread): gather what concerns the client shown."""
        cid = self.context.client_id
        if cid is None:
            return
        if any(changeset.touches(kind, cid) for kind in ("inbox", "charter", "clients")):
            self._changes.append(changeset)
            self.timer.start()

    def _apply(self) -> None:
        gathered = ChangeSet.merge(self._changes)
        self._changes = []
        cid = self.context.client_id
        if cid is None or self.context.rules is None:
            return
        if gathered.touches("charter", cid) or gathered.touches("clients", cid):
            # delays, watch words, staff, contacts: read again, then the list with them
            self.reload_settings(lambda: self.refresh(gathered))
        else:
            self.refresh(gathered)

    def refresh(self, changeset: ChangeSet | None = None) -> None:
        """Read the rows shown, the counts and (if it may have changed) the conversation."""
        cid = self.context.client_id
        if cid is None:
            return

        def swapped(current: int | None, lost: set) -> None:
            if current is not None and current in lost:  # it left the list: the next one
                if not self.messages.model.rowCount():
                    self.conversation.show_message(None)
            elif current is not None and self._may_concern(changeset, cid, current):
                self.conversation.show_message(current, quiet=True)

        self.messages.reload_in_place(swapped)
        self.load_counts()

    def _may_concern(self, changeset: ChangeSet | None, cid: int, current: int) -> bool:
        """Could the change touch the open conversation (its message, or one in its thread)?"""
        if changeset is None:
            return True
        ids = changeset.ids("inbox", cid)
        if ids is None or current in ids:
            return True
        return bool(ids - self.messages.shown_ids())  # maybe a reply in this thread
