"""The client dialog's Contacts and Network accounts pages, parts it owns: each a table
with its buttons, and the rows it gives back for :class:`app.services.clients.form.ClientForm`
(see :class:`ui.client_dialog.ClientDialog`)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
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

from app.models import NETWORKS
from app.models.client import network_label
from app.services.clients.form import AccountRow, ContactRow
from app.textsafe import tooltip
from ui import icons
from ui.account_help import account_help
from ui.design import set_role

ID, VERSION, SHOWN = (Qt.ItemDataRole.UserRole + i for i in range(3))


def status_label(status: str) -> str:
    return {
        "unknown": QCoreApplication.translate("ClientDialog", "Not synced yet"),
        "connected": QCoreApplication.translate("ClientDialog", "Connected"),
        "reconnect_needed": QCoreApplication.translate("ClientDialog", "Reconnect needed"),
        "error": QCoreApplication.translate("ClientDialog", "Error"),
    }.get(status, status)


class TablePage(QWidget):
    """A hint, a table, and Add / Remove under it (``buttons_row`` takes more)."""

    def __init__(self, headers: list[str], add_text: str, hint: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        layout.addWidget(self.table)
        self.buttons_row = QHBoxLayout()
        self.add_button = QPushButton(add_text)
        set_role(self.add_button, "secondary")
        icons.set_icon(self.add_button, "add")
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton(self.tr("Remove"))
        set_role(self.remove_button, "quiet")
        icons.set_icon(self.remove_button, "delete")
        self.remove_button.clicked.connect(self.remove_current)
        self.buttons_row.addWidget(self.add_button)
        self.buttons_row.addWidget(self.remove_button)
        self.buttons_row.addStretch(1)
        layout.addLayout(self.buttons_row)

    def remove_current(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def clear(self) -> None:
        self.table.setRowCount(0)

    def add_row(self, record=None) -> int:  # pragma: no cover - overridden
        raise NotImplementedError


class ContactsPage(TablePage):
    C_NAME, C_ROLE, C_EMAIL, C_PHONE, C_DEPTS = range(5)

    def __init__(self) -> None:
        super().__init__(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("E-mail"),
                self.tr("Phone"),
                self.tr("Departments"),
            ],
            self.tr("Add contact"),
            self.tr(
                "The client's people who answer for their departments: escalations go to them."
            ),
        )
        departments = self.table.horizontalHeaderItem(self.C_DEPTS)
        departments.setToolTip(self.tr("Departments (comma-separated)"))

    def add_row(self, contact=None) -> int:
        t = self.table
        row = t.rowCount()
        t.insertRow(row)
        values = (
            [
                contact.name,
                contact.role,
                contact.email,
                contact.phone,
                ", ".join(contact.departments),
            ]
            if contact
            else [""] * 5
        )
        for col, value in enumerate(values):
            item = QTableWidgetItem(value)
            if col == 0 and contact is not None:
                item.setData(ID, contact.id)
                item.setData(VERSION, contact.version)
                item.setData(SHOWN, "\x1f".join(values))
            t.setItem(row, col, item)
        if contact is None:
            t.setCurrentCell(row, 0)
            t.editItem(t.item(row, 0))
        return row

    def set_version(self, contact_id: int, version: int) -> None:
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.data(ID) == contact_id:
                item.setData(VERSION, version)

    def rows(self) -> list[ContactRow]:
        t, contacts = self.table, []
        for row in range(t.rowCount()):

            def cell(col, row=row):
                item = t.item(row, col)
                return item.text().strip() if item else ""

            first = t.item(row, 0)
            shown = first.data(SHOWN) if first else None
            now = "\x1f".join(cell(c) for c in range(5))
            contacts.append(
                ContactRow(
                    name=cell(self.C_NAME),
                    role=cell(self.C_ROLE),
                    email=cell(self.C_EMAIL),
                    phone=cell(self.C_PHONE),
                    departments=[d.strip() for d in cell(self.C_DEPTS).split(",") if d.strip()],
                    id=first.data(ID) if first else None,
                    version=first.data(VERSION) if first else None,
                    changed=shown is None or shown != now,
                )
            )
        return contacts


class AccountsPage(TablePage):
    A_NETWORK, A_HANDLE, A_URL, A_STATUS, A_TOKEN = range(5)

    def __init__(self) -> None:
        super().__init__(
            [
                self.tr("Network"),
                self.tr("Handle"),
                self.tr("Server address"),
                self.tr("Status"),
                self.tr("Access token"),
            ],
            self.tr("Advanced: paste a token"),
            self.tr(
                "Tokens typed here go straight to the system keyring; they are never stored in "
                "the database."
            ),
        )
        self.add_button.setText(self.tr("Advanced: paste a token"))
        set_role(self.add_button, "quiet")
        self.connect_button = QPushButton(self.tr("Connect…"))
        self.connect_button.setObjectName("connectAccountButton")
        set_role(self.connect_button, "primary")
        icons.set_icon(self.connect_button, "add", "on_accent")
        self.buttons_row.insertWidget(0, self.connect_button)

    def add_row(self, account=None) -> int:
        t = self.table
        row = t.rowCount()
        t.insertRow(row)
        combo = QComboBox()
        for network in NETWORKS:
            combo.addItem(network_label(network), network)
        handle = QTableWidgetItem(account.handle if account else "")
        url = QTableWidgetItem(account.base_url if account else "")
        status = QTableWidgetItem(status_label(account.status) if account else "")
        status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
        token = QLineEdit()
        token.setEchoMode(QLineEdit.EchoMode.Password)
        token.setPlaceholderText(self.tr("unchanged") if account else self.tr("paste the token"))
        if account is not None:
            combo.setCurrentIndex(max(0, combo.findData(account.network)))
            combo.setEnabled(False)
            handle.setFlags(handle.flags() & ~Qt.ItemFlag.ItemIsEditable)
            url.setFlags(url.flags() & ~Qt.ItemFlag.ItemIsEditable)
            handle.setData(ID, account.id)
            if account.status_reason:
                status.setToolTip(tooltip(account.status_reason))
        t.setCellWidget(row, self.A_NETWORK, combo)
        t.setItem(row, self.A_HANDLE, handle)
        t.setItem(row, self.A_URL, url)
        t.setItem(row, self.A_STATUS, status)
        t.setCellWidget(row, self.A_TOKEN, token)
        combo.currentIndexChanged.connect(
            lambda _i, c=combo, h=handle, u=url, k=token: self._explain(c.currentData(), h, u, k)
        )
        self._explain(combo.currentData(), handle, url, token)
        return row

    def _explain(self, network: str, handle, url, token: QLineEdit) -> None:
        """What to type for this network: tooltips on the cells, the token's placeholder."""
        help_ = account_help(network)
        if help_ is None:
            return
        handle.setToolTip(help_[0])
        url.setToolTip(help_[1])
        token.setToolTip(help_[2])
        if handle.data(ID) is None:  # a new account: say what to paste
            token.setPlaceholderText(help_[2])

    def rows(self) -> list[AccountRow]:
        t, accounts = self.table, []
        for row in range(t.rowCount()):
            handle = t.item(row, self.A_HANDLE)
            url = t.item(row, self.A_URL)
            accounts.append(
                AccountRow(
                    network=t.cellWidget(row, self.A_NETWORK).currentData(),
                    handle=handle.text().strip() if handle else "",
                    base_url=url.text().strip() if url else "",
                    token=t.cellWidget(row, self.A_TOKEN).text(),
                    id=handle.data(ID) if handle else None,
                )
            )
        return accounts
