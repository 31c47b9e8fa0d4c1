"""Create or edit a client with its contacts and network accounts (deleting one: see
:mod:`ui.client_delete_dialog`)."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.errors import Conflict
from app.models import NETWORKS
from app.models.client import network_label
from app.services.clients import workspaces as client_service
from app.services.clients.form import AccountRow, ClientForm, ContactRow, save_client_form
from app.services.clients.workspaces import ClientInfo
from app.services.sync.health import not_connected_text, reconnect_typed
from app.textsafe import tooltip
from ui.account_help import account_help
from ui.conflict_dialog import MINE, ask_conflict
from ui.messages import error_text, log_unexpected
from ui.tasks import TaskRunner

TIMEZONES = sorted(available_timezones())


def _status_label(status: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "unknown": QCoreApplication.translate("ClientDialog", "Not synced yet"),
        "connected": QCoreApplication.translate("ClientDialog", "Connected"),
        "reconnect_needed": QCoreApplication.translate("ClientDialog", "Reconnect needed"),
        "error": QCoreApplication.translate("ClientDialog", "Error"),
    }.get(status, status)


class ClientDialog(QDialog):
    """The client form. Loads and saves off the GUI thread; errors show inline.

    Signals:
        saved(object): the ClientInfo after a successful save.
    """

    saved = Signal(object)
    C_NAME, C_ROLE, C_EMAIL, C_PHONE, C_DEPTS = range(5)
    A_NETWORK, A_HANDLE, A_URL, A_STATUS, A_TOKEN = range(5)

    def __init__(
        self,
        db: Database,
        tasks: TaskRunner,
        client_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.client_id = client_id
        self.version: int | None = None
        self.known_contacts: dict[int, int] = {}
        self.known_accounts: set[int] = set()
        self.colour: str | None = None
        self.logo: bytes | None = None
        self.setObjectName("clientDialog")
        self.setWindowTitle(self.tr("New client") if client_id is None else self.tr("Client"))
        self.resize(760, 560)
        self._build()
        if client_id is not None:
            self._set_busy(True)
            self.tasks.run(self._load, self._loaded, self._failed)

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget()
        general = QWidget()
        form = QFormLayout(general)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Boulangeries Maison Dupré"))
        self.sector_edit = QLineEdit()
        self.sector_edit.setPlaceholderText(self.tr("e.g. Bakery chain, 18 shops"))
        self.tz_combo = QComboBox()
        self.tz_combo.setEditable(True)
        self.tz_combo.addItems(TIMEZONES)
        self.tz_combo.setCurrentText("Europe/Paris")
        completer = QCompleter(TIMEZONES, self.tz_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tz_combo.setCompleter(completer)
        self.language_combo = QComboBox()
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.colour_button = QPushButton(self.tr("Choose…"))
        self.colour_button.clicked.connect(self._choose_colour)
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(48, 48)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_button = QPushButton(self.tr("Choose an image…"))
        self.logo_button.clicked.connect(self._choose_logo)
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_button)
        logo_row.addStretch(1)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("What the team should know about this client"))
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Sector"), self.sector_edit)
        form.addRow(self.tr("&Time zone"), self.tz_combo)
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.tr("&Colour"), self.colour_button)
        form.addRow(self.tr("Logo"), logo_row)
        form.addRow(self.tr("N&otes"), self.notes_edit)
        self.tabs.addTab(general, self.tr("General"))

        self.contacts_table = QTableWidget(0, 5)
        self.contacts_table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Role"),
                self.tr("E-mail"),
                self.tr("Phone"),
                self.tr("Departments (comma-separated)"),
            ]
        )
        self.contacts_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts_table.verticalHeader().hide()
        contacts_page = self._table_page(
            self.contacts_table,
            self.tr("Add contact"),
            self._add_contact_row,
            self.tr(
                "The client's people who answer for their departments: escalations go to them."
            ),
        )
        self.add_contact_button = contacts_page.add_button
        self.tabs.addTab(contacts_page, self.tr("Contacts"))

        self.accounts_table = QTableWidget(0, 5)
        self.accounts_table.setHorizontalHeaderLabels(
            [
                self.tr("Network"),
                self.tr("Handle"),
                self.tr("Server address"),
                self.tr("Status"),
                self.tr("Access token"),
            ]
        )
        self.accounts_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.accounts_table.verticalHeader().hide()
        accounts_page = self._table_page(
            self.accounts_table,
            self.tr("Add account"),
            self._add_account_row,
            self.tr(
                "Tokens typed here go straight to the "
                "system keyring; they are never stored in "
                "the database."
            ),
        )
        self.add_account_button = accounts_page.add_button
        self.add_account_button.setText(self.tr("Advanced: paste a token"))
        self.connect_account_button = QPushButton(self.tr("Connect…"))
        self.connect_account_button.setObjectName("connectAccountButton")
        self.connect_account_button.clicked.connect(self.connect_account)
        if self.client_id is None:
            self.connect_account_button.setEnabled(False)
            self.connect_account_button.setToolTip(self.tr("Save the client first."))
        accounts_page.layout().itemAt(2).layout().insertWidget(0, self.connect_account_button)
        self.health_view = self.dialog_sync_bar = None
        if self.client_id is not None:  # connectors: health per account, sync now
            from ui.sync import AccountHealthView, SyncBar

            self.health_view = AccountHealthView(self.tasks)
            self.dialog_sync_bar = SyncBar(self.tasks)
            self.dialog_sync_bar.set_database(self.db)
            self.dialog_sync_bar.set_client(self.client_id)
            self.dialog_sync_bar.synced.connect(
                lambda _r: self.health_view.load(self.db, self.client_id)
            )
            accounts_page.layout().addWidget(self.health_view)
            accounts_page.layout().addWidget(self.dialog_sync_bar)
        self.tabs.addTab(accounts_page, self.tr("Network accounts"))

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._update_colour_button()

    def _table_page(self, table: QTableWidget, add_text: str, add_slot, hint: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = QLabel(hint)
        note.setWordWrap(True)
        note.setObjectName("hint")
        layout.addWidget(note)
        layout.addWidget(table)
        row = QHBoxLayout()
        add = QPushButton(add_text)
        add.clicked.connect(lambda: add_slot())
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(
            lambda: table.removeRow(table.currentRow()) if table.currentRow() >= 0 else None
        )
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        layout.addLayout(row)
        page.add_button, page.remove_button = add, remove
        return page

    def _add_contact_row(self, contact=None) -> int:
        t = self.contacts_table
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
                item.setData(Qt.ItemDataRole.UserRole, contact.id)
                item.setData(Qt.ItemDataRole.UserRole + 1, contact.version)
                item.setData(Qt.ItemDataRole.UserRole + 2, "\x1f".join(values))
            t.setItem(row, col, item)
        if contact is None:
            t.setCurrentCell(row, 0)
            t.editItem(t.item(row, 0))
        return row

    def _add_account_row(self, account=None) -> int:
        t = self.accounts_table
        row = t.rowCount()
        t.insertRow(row)
        combo = QComboBox()
        for network in NETWORKS:
            combo.addItem(network_label(network), network)
        handle = QTableWidgetItem(account.handle if account else "")
        url = QTableWidgetItem(account.base_url if account else "")
        status = QTableWidgetItem(_status_label(account.status) if account else "")
        status.setFlags(status.flags() & ~Qt.ItemFlag.ItemIsEditable)
        token = QLineEdit()
        token.setEchoMode(QLineEdit.EchoMode.Password)
        token.setPlaceholderText(self.tr("unchanged") if account else self.tr("paste the token"))
        if account is not None:
            combo.setCurrentIndex(max(0, combo.findData(account.network)))
            combo.setEnabled(False)
            handle.setFlags(handle.flags() & ~Qt.ItemFlag.ItemIsEditable)
            url.setFlags(url.flags() & ~Qt.ItemFlag.ItemIsEditable)
            handle.setData(Qt.ItemDataRole.UserRole, account.id)
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
        if handle.data(Qt.ItemDataRole.UserRole) is None:  # a new account: say what to paste
            token.setPlaceholderText(help_[2])

    # -- loading ----------------------------------------------------------------------------
    def _load(self) -> ClientInfo:
        with self.db.read() as session:
            return client_service.get_client(session, self.client_id)

    def _loaded(self, info: ClientInfo) -> None:
        self._set_busy(False)
        self.version = info.version
        # what this dialog was shown: only these rows can be removed by leaving them out
        self.known_contacts = {c.id: c.version for c in info.contacts}
        self.known_accounts = {a.id for a in info.accounts}
        self.setWindowTitle(self.tr("Client — {name}").format(name=info.name))
        self.name_edit.setText(info.name)
        self.sector_edit.setText(info.sector)
        self.tz_combo.setCurrentText(info.timezone)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(info.language)))
        self.colour = info.colour
        self._update_colour_button()
        self._show_logo(info.logo)
        self.notes_edit.setPlainText(info.notes)
        for contact in info.contacts:
            self._add_contact_row(contact)
        for account in info.accounts:
            self._add_account_row(account)
        if self.health_view is not None:
            self.health_view.load(self.db, info.id, info.timezone)

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        log_unexpected(exc)
        self.show_error(error_text(exc), getattr(exc, "field", None))
        if isinstance(exc, Conflict) and exc.details is not None:
            from zoneinfo import ZoneInfo

            try:
                zone = ZoneInfo(self.tz_combo.currentText().strip())
            except (ValueError, KeyError):
                zone = None
            ask_conflict(self, exc, self._conflict_chosen, mergeable=False, zone=zone)

    def _conflict_chosen(self, dialog) -> None:
        """Keep mine: save again over theirs (knowingly); keep theirs: show what is stored."""
        d = dialog.details
        if dialog.choice == MINE:
            if d.kind == "client":
                self.version = d.version
            elif d.kind == "contact":
                self.known_contacts[d.target_id] = d.version
                t = self.contacts_table
                for row in range(t.rowCount()):
                    item = t.item(row, 0)
                    if item is not None and item.data(Qt.ItemDataRole.UserRole) == d.target_id:
                        item.setData(Qt.ItemDataRole.UserRole + 1, d.version)
            self.save()
            return
        self.error_label.hide()
        self.contacts_table.setRowCount(0)
        self.accounts_table.setRowCount(0)
        self._set_busy(True)
        self.tasks.run(self._load, self._loaded, self._failed)

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.tabs.setEnabled(not busy)

    # -- fields -----------------------------------------------------------------------------
    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(
            QColor(self.colour or "#3b6fd8"), self, self.tr("Client colour")
        )
        if colour.isValid():
            self.colour = colour.name()
            self._update_colour_button()

    def _update_colour_button(self) -> None:
        colour = self.colour or "#3b6fd8"
        self.colour_button.setStyleSheet(
            f"QPushButton {{ background: {colour}; color: white; border-radius: 4px;"
            f" padding: 4px 12px; }}"
        )

    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Client logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> None:
        pix = QPixmap(path)
        if pix.isNull():
            self.show_error(self.tr("This file is not an image Tribune can read."))
            return
        pix = pix.scaled(
            256, 256, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        pix.save(buffer, "PNG")
        self.logo = bytes(data.data())
        self._show_logo(self.logo)

    def _show_logo(self, data: bytes | None) -> None:
        if not data:
            self.logo_preview.clear()
            return
        pix = QPixmap()
        pix.loadFromData(data)
        self.logo_preview.setPixmap(
            pix.scaled(
                48,
                48,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    # -- saving -----------------------------------------------------------------------------
    def form(self) -> ClientForm:
        contacts = []
        t = self.contacts_table
        for row in range(t.rowCount()):

            def cell(col, row=row):
                item = t.item(row, col)
                return item.text().strip() if item else ""

            first = t.item(row, 0)
            shown = first.data(Qt.ItemDataRole.UserRole + 2) if first else None
            now = "\x1f".join(cell(c) for c in range(5))
            contacts.append(
                ContactRow(
                    name=cell(self.C_NAME),
                    role=cell(self.C_ROLE),
                    email=cell(self.C_EMAIL),
                    phone=cell(self.C_PHONE),
                    departments=[d.strip() for d in cell(self.C_DEPTS).split(",") if d.strip()],
                    id=first.data(Qt.ItemDataRole.UserRole) if first else None,
                    version=first.data(Qt.ItemDataRole.UserRole + 1) if first else None,
                    changed=shown is None or shown != now,
                )
            )
        accounts = []
        t = self.accounts_table
        for row in range(t.rowCount()):
            handle = t.item(row, self.A_HANDLE)
            url = t.item(row, self.A_URL)
            accounts.append(
                AccountRow(
                    network=t.cellWidget(row, self.A_NETWORK).currentData(),
                    handle=handle.text().strip() if handle else "",
                    base_url=url.text().strip() if url else "",
                    token=t.cellWidget(row, self.A_TOKEN).text(),
                    id=handle.data(Qt.ItemDataRole.UserRole) if handle else None,
                )
            )
        return ClientForm(
            name=self.name_edit.text(),
            timezone=self.tz_combo.currentText().strip(),
            language=self.language_combo.currentData(),
            colour=self.colour,
            sector=self.sector_edit.text(),
            notes=self.notes_edit.toPlainText(),
            logo=self.logo,
            contacts=contacts,
            accounts=accounts,
            client_id=self.client_id,
            expected_version=self.version,
            known_contacts=dict(self.known_contacts) if self.client_id is not None else None,
            known_accounts=set(self.known_accounts) if self.client_id is not None else None,
        )

    def save(self) -> None:
        form = self.form()
        if not form.name.strip():
            self.show_error(self.tr("A client needs a name."), "name")
            return
        self.error_label.hide()
        self._set_busy(True)
        typed = [(a.id, a.token) for a in form.accounts if a.id is not None and a.token.strip()]

        def work():  # connectors: a new token for an existing account reconnects it at once
            info = save_client_form(self.db, form)
            return info, reconnect_typed(self.db, info.id, typed) if typed else []

        self.tasks.run(work, self._saved, self._failed)

    def _saved(self, result) -> None:
        info, health = result
        self._set_busy(False)
        self.saved.emit(info)
        still = not_connected_text(health)
        if not still:
            self.accept()
            return
        self.contacts_table.setRowCount(0)  # saved: show the stored state, stay open
        self.accounts_table.setRowCount(0)
        self._loaded(info)
        self.tabs.setCurrentWidget(self.accounts_table.parentWidget())
        self.show_error(still)

    def connect_account(self) -> None:
        """Connect… : the browser (or an app password) instead of pasting a token."""
        from ui.account_connect_dialog import AccountConnectDialog

        dialog = AccountConnectDialog(self.db, self.tasks, self.client_id, self)
        dialog.connected.connect(self._accounts_connected)
        self.connect_dialog = dialog
        dialog.open()

    def _accounts_connected(self, infos: list) -> None:
        for info in infos:  # stored already: shown as stored rows, kept on save
            self.known_accounts.add(info.id)
            self._add_account_row(info)
        if self.health_view is not None:
            self.health_view.load(self.db, self.client_id)

    def show_error(self, text: str, field: str | None = None) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        target = {
            "name": self.name_edit,
            "timezone": self.tz_combo,
            "language": self.language_combo,
        }.get(field or "")
        if target is not None:
            self.tabs.setCurrentIndex(0)
            target.setFocus()
