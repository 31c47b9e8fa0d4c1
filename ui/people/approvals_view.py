"""What waits for a lead: a junior's replies and moderation requests needing a second person.
Approving is a lead's (or an administrator's), never the requester's; others see why not."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.operations import QueryOp, WriteOp


def _load(s):
    from app.services.people import approvals, releases, whoami

    return whoami(s), approvals.waiting(s), releases.returned_to(s)


class ApprovalsView(QWidget):
    """What waits for a lead's approval. Reads with a QueryOp and decides with a WriteOp
    (``services``: the window's, so that a decision reaches the change feed: the inbox and
    the other seats follow)."""

    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.db, self.tasks = services.db, services.tasks
        self.me = None
        self.items = []
        self.notice = QLabel()
        self.notice.setObjectName("approvalsNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("approvalsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Asked"), self.tr("Client"), self.tr("By"), self.tr("What"), self.tr("Text")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.approve_button = QPushButton(self.tr("Approve"))
        self.approve_button.setObjectName("approveButton")
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.back_button = QPushButton(self.tr("Send back…"))
        self.back_button.setObjectName("sendBackButton")
        self.back_button.clicked.connect(lambda: self.decide(False))
        bar = QHBoxLayout()
        bar.addWidget(self.approve_button)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        # What a lead sent back to this person, with their comment: to rework.
        self.returned = []
        self.returned_title = QLabel(self.tr("Returned to me"))
        self.returned_title.setObjectName("sectionTitle")
        self.returned_title.setStyleSheet("font-weight: 600;")
        self.returned_table = QTableWidget(0, 5)
        self.returned_table.setObjectName("returnedTable")
        self.returned_table.setHorizontalHeaderLabels(
            [self.tr("Sent back"), self.tr("Client"), self.tr("By"), self.tr("Comment"),
             self.tr("Your reply")]
        )  # fmt: skip
        self.returned_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.returned_table.verticalHeader().setVisible(False)
        self.returned_table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 2)
        layout.addLayout(bar)
        layout.addWidget(self.returned_title)
        layout.addWidget(self.returned_table, 1)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        QueryOp(self, _load, self._loaded, services=self.services).latest("approvals").run()

    def _loaded(self, result) -> None:
        self.me, self.items, self.returned = result
        self._fill_returned()
        kinds = {"reply": self.tr("reply to send"), "moderation": self.tr("moderation")}
        self.table.setRowCount(len(self.items))
        for r, w in enumerate(self.items):
            values = (
                w.requested_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                w.client_name,
                w.requested_by,
                kinds.get(w.kind, w.kind),
                w.summary,
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(html.escape(value))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        if not self.items:
            self.notice.setText(self.tr("Nothing waits for approval."))
        elif self.me.can("approve"):
            self.notice.setText(
                self.tr("A second person approves: you cannot approve what you asked for.")
            )
        else:
            self.notice.setText(self.tr("Only a lead approves these; you can see what waits."))
        self._update_buttons()

    def _fill_returned(self) -> None:
        self.returned_table.setRowCount(len(self.returned))
        for r, back in enumerate(self.returned):
            when = (
                back.decided_at.astimezone().strftime("%Y-%m-%d %H:%M") if back.decided_at else ""
            )
            values = (when, back.client_name, back.decided_name, back.note, back.text)
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)  # plain text: what people typed
                item.setToolTip(html.escape(value))
                self.returned_table.setItem(r, c, item)
        self.returned_table.resizeColumnsToContents()
        show = bool(self.returned) or (self.me is not None and self.me.held)
        self.returned_title.setVisible(show)
        self.returned_table.setVisible(show)

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.items[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        item = self.selected()
        lead = self.me is not None and self.me.can("approve")
        own = item is not None and self.me is not None and item.requested_login == self.me.login
        ok = lead and item is not None and not own
        for button in (self.approve_button, self.back_button):
            button.setEnabled(ok)
            if not lead:
                button.setToolTip(self.tr("Only a lead approves."))
            elif own:
                button.setToolTip(self.tr("You asked for this: another person decides."))
            else:
                button.setToolTip("")

    def decide(self, approve: bool) -> None:
        item = self.selected()
        if item is None:
            return
        note = ""
        if not approve:
            note, ok = QInputDialog.getText(
                self, self.tr("Send back"), self.tr("What should change?")
            )
            if not ok or not note.strip():
                return
        from app.services.people import approvals

        WriteOp(
            self,
            lambda s: approvals.decide(s, item, approve, note),
            lambda _r: self.reload(),
            services=self.services,
        ).run()
