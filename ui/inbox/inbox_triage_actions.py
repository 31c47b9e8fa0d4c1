"""The inbox's one write path and triage (assign, categorise, status, priority, tags).

Two parts of :class:`ui.inbox.inbox_area.InboxArea`. :class:`InboxWriter` runs a write as a
WriteOp (what it changed reaches the list and the conversation through the change feed) and
turns a conflict into the conflict dialog. :class:`TriageActions` checks every change
against what the user saw (the list row or the conversation): when a colleague changed the
message meanwhile, the dialog shows theirs and "keep mine" applies mine over it knowingly.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QMenu

from app.errors import Conflict
from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.inbox import triage as inbox_triage
from app.services.people.actor import current_actor
from ui.conflict_dialog import ask_queue_too, show_conflict_notice
from ui.inbox.inbox_dialogs import StatusDialog
from ui.messages import show_error
from ui.operations import WriteOp
from ui.rights import guard


class InboxWriter(QObject):
    """``write(fn)``: ``fn(session)`` in one unit of work off the GUI thread.

    ``host`` is the area (the operations' parent and the dialogs'); ``current_id()`` the
    message to keep current; ``reread(keep_id)`` reads the list again after a conflict."""

    def __init__(
        self,
        host,
        context,
        current_id: Callable[[], int | None],
        reread: Callable[[int | None], None],
    ) -> None:
        super().__init__(host)
        self.host, self.context = host, context
        self.current_id, self.reread = current_id, reread

    def write(self, fn, *, keep: int | None = None, then=None, on_conflict=None) -> None:
        """Run ``fn(session)`` as a WriteOp; then ``then(result)``. A conflict shows theirs
        (the rows read again) with the conflict dialog; other errors are shown."""
        keep = keep if keep is not None else self.current_id()
        host = self.host

        def failed(exc):
            if isinstance(exc, Conflict):  # someone else got there first: show theirs
                self.reread(keep)
                host.counts_changed.emit()
                kind = exc.details.kind if exc.details is not None else ""
                if kind == "reply_queued" and on_conflict is not None:
                    ask_queue_too(host, exc, on_conflict)
                    return
                if kind:
                    client = self.context.client
                    zone = ZoneInfo(client.timezone) if client else None
                    show_conflict_notice(host, exc, on_conflict, zone)
                    return
            show_error(host, exc)

        WriteOp(host, fn, then).failure(failed).run()


class TriageActions(QObject):
    """Assign, categorise, status, priority and tags, on the selected messages."""

    def __init__(self, host, context, messages, panel, writer: InboxWriter) -> None:
        super().__init__(host)
        self.host, self.context, self.messages = host, context, messages
        self.panel, self.writer = panel, writer

    def _triage(self, ids: list[int], field: str, make) -> None:
        """A triage write ``make(session, seen)`` checked against what the user saw; on a
        conflict the dialog shows theirs, and "keep mine" applies mine over it."""
        cid, seen = self.context.client_id, self._seen(ids, field)

        def keep_mine():
            self.writer.write(lambda s: make(s, inbox_triage.current_values(s, cid, ids, field)))

        self.writer.write(lambda s: make(s, seen), on_conflict=keep_mine)

    def _seen(self, ids: list[int], field: str) -> dict:
        """What the user saw of ``field`` for each selected message (id → value)."""
        d, seen = self.panel.detail, {}
        names = {st.name: st.id for st in self.context.staff}
        for r in self.messages.rows_seen(ids):
            if field == "assignee_id":
                seen[r.id] = names.get(r.assignee) if r.assignee else None
            else:
                seen[r.id] = getattr(r, field)
        if d is not None and d.id in ids:  # the conversation was read later than the list
            seen[d.id] = getattr(d, field)
        return seen

    def assign_to_me(self) -> None:
        staff = self.context.staff
        me = next((st for st in staff if st.name == current_actor()), None)
        if me is None:
            menu = QMenu(self.host)
            for st in staff:
                menu.addAction(st.name, lambda sid=st.id: self.assign(sid))
            button = self.panel.assign_me
            menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
            self.assign_menu = menu
            return
        self.assign(me.id)

    def assign(self, staff_id: int | None) -> None:
        ids, cid = self.messages.selected_ids(), self.context.client_id
        if ids:
            self._triage(
                ids,
                "assignee_id",
                lambda s, seen: inbox_triage.assign(s, cid, ids, staff_id, seen=seen),
            )

    def categorise(self, category: str) -> None:
        ids, cid = self.messages.selected_ids(), self.context.client_id
        if ids:
            self._triage(
                ids,
                "category",
                lambda s, seen: inbox_triage.set_category(s, cid, ids, category, seen=seen),
            )

    def change_status(self, status: str) -> None:
        ids, cid = self.messages.selected_ids(), self.context.client_id
        if not ids or cid is None:
            return
        d = self.panel.detail
        complaint = d is not None and d.category == "complaint"
        dialog = StatusDialog(status, len(ids), complaint, self.host)

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
        self.host.dialog = dialog
        dialog.open()

    def set_priority(self, level: int) -> None:
        ids, cid = self.messages.selected_ids(), self.context.client_id
        if ids:
            self.writer.write(lambda s: inbox_triage.set_priority(s, cid, ids, level))

    def set_status_now(self, status: str) -> None:
        ids, cid = self.messages.selected_ids(), self.context.client_id
        if ids:
            self._triage(
                ids,
                "status",
                lambda s, seen: inbox_triage.set_status(s, cid, ids, status, seen=seen),
            )

    def save_tags(self) -> None:
        d, cid = self.panel.detail, self.context.client_id
        if d is None or cid is None:
            return
        tags = [t.strip() for t in self.panel.tags.text().split(",") if t.strip()]
        if sorted(set(tags)) == sorted(d.tags):
            return
        seen = d.tags  # applied as additions and removals: a colleague's new tag stays
        self.writer.write(lambda s: inbox_triage.set_tags(s, cid, d.id, tags, seen=seen), keep=d.id)

    def bulk_menu(self) -> QMenu:
        """Actions on every selected message (right click on the list)."""
        menu = QMenu(self.host)
        n = len(self.messages.selected_ids())
        menu.addSection(QCoreApplication.translate("InboxArea", "%Ln selected", "", n))
        assign = menu.addMenu(QCoreApplication.translate("InboxArea", "Assign to"))
        for st in self.context.staff:
            assign.addAction(st.name, lambda sid=st.id: self.assign(sid))
        assign.addAction(
            QCoreApplication.translate("InboxArea", "Nobody"), lambda: self.assign(None)
        )
        categorise = menu.addMenu(QCoreApplication.translate("InboxArea", "Categorise"))
        for c in MESSAGE_CATEGORIES:
            categorise.addAction(inbox_triage.category_label(c), lambda c=c: self.categorise(c))
        priority = menu.addMenu(QCoreApplication.translate("InboxArea", "Priority"))
        for level, label in (
            (0, QCoreApplication.translate("InboxArea", "Normal")),
            (1, QCoreApplication.translate("InboxArea", "High")),
            (2, QCoreApplication.translate("InboxArea", "Urgent")),
        ):
            priority.addAction(label, lambda level=level: self.set_priority(level))
        menu.addAction(
            QCoreApplication.translate("InboxArea", "Mark in progress"),
            lambda: self.set_status_now("in_progress"),
        )
        menu.addAction(
            QCoreApplication.translate("InboxArea", "Close…"), lambda: self.change_status("closed")
        )
        menu.addAction(
            QCoreApplication.translate("InboxArea", "Ignore…"),
            lambda: self.change_status("ignored"),
        )
        for act in menu.actions():  # every one of them is triage (the section title too)
            guard(act, "triage")
        self.menu = menu
        return menu
