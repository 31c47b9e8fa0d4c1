"""Triage from the inbox (assign, categorise, status, priority) and the one write path.

Every change is checked against what the user saw (the list row or the conversation): when
a colleague changed the message meanwhile, the conflict dialog shows theirs and "keep mine"
applies mine over it knowingly. A mixin of :class:`ui.inbox.inbox_area.InboxArea` (strings
keep the ``InboxArea`` context).
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QMenu

from app.errors import Conflict
from app.services.inbox import triage as inbox_triage
from app.services.people.actor import current_actor
from ui.conflict_dialog import ask_queue_too, show_conflict_notice
from ui.inbox.inbox_dialogs import StatusDialog
from ui.messages import show_error
from ui.operations import WriteOp


class InboxTriageActions:
    def _triage(self, ids: list[int], field: str, make) -> None:
        """A triage write ``make(session, seen)`` checked against what the user saw; on a
        conflict the dialog shows theirs, and "keep mine" applies mine over it."""
        cid, seen = self.client.id, self._seen(ids, field)

        def keep_mine():
            self._write(lambda s: make(s, inbox_triage.current_values(s, cid, ids, field)))

        self._write(lambda s: make(s, seen), on_conflict=keep_mine)

    def _write(self, fn, *, keep: int | None = None, then=None, on_conflict=None) -> None:
        """Run ``fn(session)`` in one unit of work off the GUI thread (a WriteOp): what it
        changed comes back through the change feed, which refreshes the list, the counts and
        the conversation (see InboxLive); then ``then(result)``. A conflict shows theirs (the
        row re-read) with the conflict dialog; other errors are shown."""
        keep = keep if keep is not None else self.current_id()

        def failed(exc):
            if isinstance(exc, Conflict):  # someone else got there first: show theirs
                self.refresh(keep)
                self.counts_changed.emit()
                kind = exc.details.kind if exc.details is not None else ""
                if kind == "reply_queued" and on_conflict is not None:
                    ask_queue_too(self, exc, on_conflict)
                    return
                if kind:
                    zone = ZoneInfo(self.client.timezone) if self.client else None
                    show_conflict_notice(self, exc, on_conflict, zone)
                    return
            show_error(self, exc)

        WriteOp(self, fn, then).failure(failed).run()

    def _seen(self, ids: list[int], field: str) -> dict:
        """What the user saw of ``field`` for each selected message (id → value)."""
        d, seen = self.conv.detail, {}
        names = {st.name: st.id for st in self.staff}
        for row in range(self.model.rowCount()):
            r = self.model.message_row(row)
            if r is not None and r.id in ids:
                if field == "assignee_id":
                    seen[r.id] = names.get(r.assignee) if r.assignee else None
                else:
                    seen[r.id] = getattr(r, field)
        if d is not None and d.id in ids:  # the conversation was read later than the list
            seen[d.id] = getattr(d, field)
        return seen

    def assign_to_me(self) -> None:
        me = next((st for st in self.staff if st.name == current_actor()), None)
        if me is None:
            menu = QMenu(self)
            for st in self.staff:
                menu.addAction(st.name, lambda sid=st.id: self.assign(sid))
            menu.popup(self.conv.assign_me.mapToGlobal(self.conv.assign_me.rect().bottomLeft()))
            self.assign_menu = menu
            return
        self.assign(me.id)

    def assign(self, staff_id: int | None) -> None:
        ids, cid = self.selected_ids(), self.client.id
        if ids:
            self._triage(
                ids,
                "assignee_id",
                lambda s, seen: inbox_triage.assign(s, cid, ids, staff_id, seen=seen),
            )

    def categorise(self, category: str) -> None:
        ids, cid = self.selected_ids(), self.client.id
        if ids:
            self._triage(
                ids,
                "category",
                lambda s, seen: inbox_triage.set_category(s, cid, ids, category, seen=seen),
            )

    def change_status(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids or self.client is None:
            return
        complaint = self.conv.detail is not None and self.conv.detail.category == "complaint"
        dialog = StatusDialog(status, len(ids), complaint, self)
        cid = self.client.id

        def done():
            reason, resolution = dialog.reason.text(), dialog.resolution.toPlainText()
            self._triage(
                ids,
                "status",
                lambda s, seen: inbox_triage.set_status(
                    s, cid, ids, status, reason, resolution, seen=seen
                ),
            )

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def set_priority(self, level: int) -> None:
        ids, cid = self.selected_ids(), self.client.id
        if ids:
            self._write(lambda s: inbox_triage.set_priority(s, cid, ids, level))

    def set_status_now(self, status: str) -> None:
        ids, cid = self.selected_ids(), self.client.id
        if ids:
            self._triage(
                ids,
                "status",
                lambda s, seen: inbox_triage.set_status(s, cid, ids, status, seen=seen),
            )
