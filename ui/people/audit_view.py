"""The audit trail, per client and per person, filtered, exported as CSV (formulas
neutralised). Reads with QueryOps (the newest filter's read is the one shown); shows the
newest 500 entries of the filter."""

from __future__ import annotations

import html
import json
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui.operations import QueryOp

LIMIT = 500
ACTION_PREFIXES = ("client.", "people.", "inbox.", "calendar.", "post.", "charter.")


def _choices(s):
    from sqlalchemy import select

    from app.models import AuditEvent, Client

    clients = [tuple(r) for r in s.execute(select(Client.id, Client.name).order_by(Client.name))]
    query = select(AuditEvent.actor_login).distinct().order_by(AuditEvent.actor_login)
    logins = [r for r in s.scalars(query) if r]
    return clients, logins


class AuditView(QWidget):
    def __init__(self, services, parent=None) -> None:
        super().__init__(parent)
        self.services = services
        self.db, self.tasks = services.db, services.tasks
        self.client_combo = QComboBox()
        self.client_combo.setObjectName("auditClient")
        self.client_combo.addItem(self.tr("All clients"), None)
        self.person_combo = QComboBox()
        self.person_combo.setObjectName("auditPerson")
        self.person_combo.addItem(self.tr("Everyone"), None)
        self.action_combo = QComboBox()
        self.action_combo.addItem(self.tr("Every action"), None)
        for prefix in ACTION_PREFIXES:
            self.action_combo.addItem(prefix + "*", prefix)
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search…"))
        self.search_edit.setClearButtonEnabled(True)
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("auditExport")
        self.export_button.clicked.connect(self.export)
        filters = QHBoxLayout()
        for widget in (self.client_combo, self.person_combo, self.action_combo):
            filters.addWidget(widget)
        filters.addWidget(self.search_edit, 1)
        filters.addWidget(self.export_button)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("When"),
                self.tr("Person"),
                self.tr("Client"),
                self.tr("Action"),
                self.tr("Target"),
                self.tr("Details"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        for combo in (self.client_combo, self.person_combo, self.action_combo):
            combo.currentIndexChanged.connect(self.reload)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        QueryOp(self, _choices, self._choices_loaded, services=services).run()

    def _choices_loaded(self, result) -> None:
        clients, logins = result
        for combo in (self.client_combo, self.person_combo):
            combo.blockSignals(True)
        for cid, name in clients:
            self.client_combo.addItem(name, cid)
        for login in logins:
            self.person_combo.addItem(login, login)
        for combo in (self.client_combo, self.person_combo):
            combo.blockSignals(False)
        self.reload()

    def current_filter(self):
        from app.services.people.audit import AuditFilter

        return AuditFilter(
            client_id=self.client_combo.currentData(),
            actor_login=self.person_combo.currentData(),
            action=self.action_combo.currentData(),
            search=self.search_edit.text(),
        )

    def reload(self) -> None:
        f = self.current_filter()

        def read(s):
            from app.services.people import audit

            return audit.entries(s, filter=f, limit=LIMIT), audit.count(s, filter=f)

        QueryOp(self, read, self._loaded, services=self.services).latest("entries").run()

    def _loaded(self, result) -> None:
        entries, total = result
        self.table.setRowCount(len(entries))
        for r, e in enumerate(entries):
            details = json.dumps(e.details, ensure_ascii=False, sort_keys=True, default=str)
            person = (
                f"{e.actor} ({e.actor_login})"
                if e.actor_login and e.actor_login != e.actor
                else e.actor
            )
            values = (
                e.at.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
                person,
                e.client_name,
                e.action,
                f"{e.target_type} {e.target_id}".strip(),
                details,
            )
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(html.escape(value))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.count_label.setText(
            self.tr("{shown} of {total} entries (newest first)").format(
                shown=len(entries), total=total
            )
        )

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the audit log"), "tribune-audit.csv", self.tr("CSV (*.csv)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        f = self.current_filter()

        def read_and_write(s):
            from app.services.people import audit

            data = audit.export_csv(s, f)
            Path(path).write_text(data, encoding="utf-8-sig", newline="")
            return path

        QueryOp(
            self,
            read_and_write,
            lambda p: self.count_label.setText(self.tr("Exported to {path}").format(path=p)),
            services=self.services,
        ).run()
