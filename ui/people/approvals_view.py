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

from ui.messages import show_error


def _load(db):
    from app.services.people import approvals, whoami

    with db.read() as s:
        return whoami(s), approvals.waiting(s)


class ApprovalsView(QWidget):
    def __init__(self, db, tasks, parent=None) -> None:
        super().__init__(parent)
        self.db, self.tasks = db, tasks
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
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self._update_buttons()
        self.reload()

    def reload(self) -> None:
        db = self.db
        self.tasks.run(lambda: _load(db), self._loaded, lambda exc: show_error(self, exc))

    def _loaded(self, result) -> None:
        self.me, self.items = result
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
        db = self.db

        def work():
            from app.services.people import approvals

            with db.session() as s:
                approvals.decide(s, item, approve, note)

        self.tasks.run(work, lambda _r: self.reload(), lambda exc: show_error(self, exc))
