"""How the inbox reads: every query runs in the TaskRunner, results land on the GUI thread.

A mixin of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context).
With a shared PostgreSQL server each query is a network round trip, so nothing here waits on
the database on the GUI thread. Loads are :class:`ui.operations.QueryOp` with a ``latest``
key: a result that arrives after the client, the filter or the selected message changed is
dropped.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QLocale
from shiboken6 import isValid

from app.services.charter.in_force import rules_in_force
from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.clients import workspaces as clients
from app.services.inbox import crisis as inbox_crisis
from app.services.inbox import drafts as inbox_drafts
from app.services.inbox import escalation, resubmit
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.people import agency as agency_service
from ui.formatting import datetime_text
from ui.inbox.inbox_model import COL_TEXT, IdRole
from ui.messages import show_error
from ui.operations import QueryOp, drop_pending, ops_pending

PAGE = 200


class InboxLoading:
    _pending = 0
    _keep_id: int | None = None
    _select_pending = False
    _want_row: int | None = None

    # -- the one way this area touches the database ---------------------------------------
    def _bg(self, fn, done=None, failed=None) -> None:
        """Run ``fn()`` (which opens its own session) off the GUI thread; ``done(result)`` on it."""
        self._pending += 1

        def ok(result):
            self._pending -= 1
            if isValid(self) and done is not None:
                done(result)

        def bad(exc):
            self._pending -= 1
            if isValid(self):
                (failed or (lambda e: show_error(self, e)))(exc)

        self.services.tasks.run(fn, ok, bad)

    def idle(self) -> bool:
        """No load or write of this area is on its way (tests wait on it)."""
        return (
            self._pending == 0
            and ops_pending(self) == 0
            and not self.model.busy()
            and not self._select_pending
            and not self._live_timer.isActive()
        )

    # -- client -----------------------------------------------------------------------------
    def set_client(self, client) -> None:
        super().set_client(client)
        drop_pending(self, "client", "counts", "detail", "rows")
        if client is None:
            self.model.reset_source(None)
            self.conv.show_detail(None, "Europe/Paris")
            return
        self.model.reset_source(None)
        self.conv.show_detail(None, client.timezone)
        self.count_label.setText(QCoreApplication.translate("InboxArea", "Loading…"))
        self._load_client_settings(client.id)

    def _load_client_settings(self, cid: int, then=None) -> None:
        """The charter's rules, the staff, contacts and saved replies; then the list."""

        def load(s):
            return (
                rules_in_force(s, cid),
                agency_service.list_staff(s),
                clients.list_contacts(s, cid),
                inbox_replies.saved_replies(s, cid),
            )

        QueryOp(self, load, lambda result: self._client_loaded(result, then)).latest("client").run()

    def _client_loaded(self, result, then=None) -> None:
        if self.client is None:
            return
        self.rules, self.staff, self.contacts, saved = result
        self.assignee.blockSignals(True)
        self.assignee.clear()
        self.assignee.addItem(QCoreApplication.translate("InboxArea", "Anyone"), None)
        for st in self.staff:
            self.assignee.addItem(st.name, st.id)
        self.assignee.blockSignals(False)
        self.fill_saved(saved)
        self.model.watch_words = self.rules.watch_words
        self.conv.highlighter.set_words(self.rules.watch_words)
        (then or self.refresh)()

    def fill_saved(self, saved) -> None:
        self.saved_list = list(saved)
        self.conv.saved.clear()
        self.conv.saved.addItem(QCoreApplication.translate("InboxArea", "Saved replies…"), None)
        for r in saved:
            self.conv.saved.addItem(r.title, r.body)

    # -- list, counts, banner -----------------------------------------------------------------
    def refresh(self, keep_id: int | None = None) -> None:
        if self.client is None or self.rules is None:
            return
        keep_id = keep_id if isinstance(keep_id, int) and keep_id is not True else None
        client_id, filt = self.client.id, self.current_filter()

        def fetch(conn, cursor, limit):  # a Core connection: no ORM session for a read-only page
            return inbox.page(conn, client_id, filt, cursor, limit)

        self._keep_id, self._select_pending, self._want_row = keep_id, True, None
        self.count_label.setText(QCoreApplication.translate("InboxArea", "Loading…"))
        self.model.reset_source(fetch, self.client.timezone)
        self.load_counts()

    def load_counts(self) -> None:
        """The total, the crisis alert and late escalations, for the filter shown."""
        client_id, filt = self.client.id, self.current_filter()

        def counts(s):
            return (
                inbox.count(s, client_id, filt) if not filt.search else None,
                inbox_crisis.crisis_for(s, client_id),
                escalation.overdue(s, client_id),
            )

        QueryOp(self, counts, self._counts_loaded).latest("counts").run()

    def _counts_loaded(self, result) -> None:
        total, crisis, late = result
        self.total = total
        self._show_count()
        self._show_banner(crisis, late)

    def _show_count(self) -> None:
        total = getattr(self, "total", None)
        if self.model.loading and not self.model.rowCount():
            self.count_label.setText(QCoreApplication.translate("InboxArea", "Loading…"))
        elif total is not None:
            self.count_label.setText(
                QCoreApplication.translate("InboxArea", "{n} messages").format(n=total)
            )
        else:
            self.count_label.setText(
                QCoreApplication.translate("InboxArea", "{n} found").format(n=self.model.rowCount())
            )

    def _page_loaded(self) -> None:
        self._show_count()
        if self._want_row is not None:
            row, self._want_row = self._want_row, None
            if row < self.model.rowCount():
                self.select_row(row)
        if not self._select_pending:
            return
        self._select_pending = False
        row = self.model.row_of(self._keep_id) if self._keep_id else 0
        if self.model.rowCount():
            self.select_row(max(row, 0))
        else:
            self.conv.show_detail(None, self.client.timezone if self.client else "Europe/Paris")

    def _load_failed(self, exc) -> None:
        self._select_pending = False
        self.count_label.setText("")
        show_error(self, exc)

    def _show_banner(self, crisis, late) -> None:
        lines = []
        if crisis.alert:
            lines.append(
                QCoreApplication.translate(
                    "InboxArea",
                    "Crisis alert: {n} complaints or negative messages in the last {h} hours "
                    "(usually {usual}). Warn the client's crisis contacts.",
                ).format(
                    n=crisis.recent,
                    h=crisis.window_hours,
                    usual=QLocale().toString(float(crisis.usual), "f", 1),
                )
            )
        if late:
            count = len(late)
            text = QCoreApplication.translate(
                "InboxArea", "Escalations overdue (%n): remind {names}.", "", count
            )
            lines.append(text.format(names=", ".join(sorted({e.contact_name for e in late}))))
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        self.holding_button.setVisible(bool(crisis.alert))

    def draft_holding(self) -> None:
        """The charter's holding message as a post in review for every network (one click)."""
        if self.client is None:
            return
        from app.services.listening.holding import draft_holding_posts
        from ui.operations import WriteOp

        cid = self.client.id
        self.holding_button.setEnabled(False)

        def drafted(post) -> None:
            self.holding_button.setEnabled(True)
            self.status_message.emit(
                QCoreApplication.translate(
                    "InboxArea",
                    "Holding message drafted: it waits in the calendar for a lead's approval.",
                )
            )
            self.holding_drafted.emit(post.id)

        def failed(exc: BaseException) -> None:
            self.holding_button.setEnabled(True)
            show_error(self, exc)

        WriteOp(self, lambda s: draft_holding_posts(s, cid), drafted).failure(failed).run()

    # -- selection and the conversation ---------------------------------------------------
    def select_row(self, row: int) -> None:
        index = self.model.index(row, COL_TEXT)  # the one column shown (the card)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def move(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self._want_row = row  # selected when the next page arrives
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.select_row(row)

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return [self.model.row_id(r) for r in sorted(rows)]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def _current_changed(self, current, _previous) -> None:
        self.show_message(current.data(IdRole) if current.isValid() else None)

    def show_message(self, message_id: int | None, *, quiet: bool = False) -> None:
        """Show the conversation of ``message_id``; ``quiet``: a refresh of the one shown
        (no "Loading…" in between, what is typed stays)."""
        if message_id is None or message_id != self._draft_for:
            self._leave_draft()  # another message: its reply box is its own
        if message_id is None or self.client is None:
            drop_pending(self, "detail")
            self.conv.show_detail(None, "Europe/Paris")
            return
        cid = self.client.id
        if not quiet:
            self.conv.show_loading()

        def load(s):
            return (
                inbox.detail(s, cid, message_id),
                escalation.for_message(s, cid, message_id),
                inbox_drafts.get_draft(s, cid, message_id),
                resubmit.sent_back_for(s, cid, message_id),  # my reply a lead sent back
            )

        QueryOp(self, load, self._detail_loaded).latest("detail").run()

    def _detail_loaded(self, result) -> None:
        if self.client is None:
            return
        d, escs, draft, back = result
        self.conv.show_detail(d, self.client.timezone)
        self.conv.show_sent_back(back)
        if d.id != self._draft_for:  # a refresh of the same message keeps what is typed
            if back is not None and not draft.text.strip():  # rework it where it was left
                draft = inbox_drafts.Draft(d.id, back.text, back.private)
            self._enter_draft(d.id, draft)
        self.conv.category.setCurrentIndex(MESSAGE_CATEGORIES.index(d.category))
        tz = ZoneInfo(self.client.timezone)
        channels = {
            "mailto": QCoreApplication.translate("InboxArea", "e-mail (their mail program)"),
            "eml": QCoreApplication.translate("InboxArea", "e-mail (file sent by hand)"),
            "smtp": QCoreApplication.translate("InboxArea", "e-mail (sent by Tribune)"),
        }
        self.conv.escalations.setPlainText(
            "\n\n".join(
                QCoreApplication.translate(
                    "InboxArea", "{who} asked {contact} by {channel}; due {due}. {answer}"
                ).format(
                    who=e.asked_by,
                    contact=e.contact_name,
                    channel=channels.get(e.channel, e.channel),
                    due=datetime_text(e.due_at, tz),
                    answer=(
                        QCoreApplication.translate("InboxArea", "Answer: {a}").format(a=e.answer)
                        if e.answered_at
                        else QCoreApplication.translate("InboxArea", "No answer yet.")
                    ),
                )
                for e in escs
            )
        )
        self.conv.answer_add.setEnabled(any(e.answered_at is None for e in escs))
        now = dt.datetime.now(dt.UTC)
        self.conv.remind.setEnabled(any(e.answered_at is None and e.due_at < now for e in escs))
        self._check_style()
