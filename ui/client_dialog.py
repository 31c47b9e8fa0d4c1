"""Create or edit a client with its contacts and network accounts (deleting one: see
:mod:`ui.client_delete_dialog`).

The dialog owns three pages — :class:`ui.client_general.ClientGeneralPage`,
:class:`ui.client_tables.ContactsPage` and :class:`ui.client_tables.AccountsPage` — and
does the loading (a QueryOp), the saving and the conflicts. Saving writes the form in one
unit of work, then stores typed tokens in the keyring and checks them (the network): its
changes reach the change feed like a WriteOp's.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTabWidget, QVBoxLayout, QWidget

from app.db import Database
from app.errors import Conflict
from app.services.clients import workspaces as client_service
from app.services.clients.form import ClientForm, save_client_form
from app.services.clients.workspaces import ClientInfo
from app.services.sync.health import not_connected_text, reconnect_typed
from ui.client_general import ClientGeneralPage
from ui.client_tables import AccountsPage, ContactsPage
from ui.conflict_dialog import MINE, ask_conflict
from ui.design import set_tone, style_button_box
from ui.messages import error_text, log_unexpected
from ui.operations import DatabaseOp, QueryOp
from ui.tasks import ChangeHub, TaskRunner


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
        window = getattr(parent, "services", None)  # the window's change feed, if any
        self.services = SimpleNamespace(
            db=db, tasks=tasks, feed=window.feed if window is not None else ChangeHub(self)
        )
        self.client_id = client_id
        self.version: int | None = None
        self.known_contacts: dict[int, int] = {}
        self.known_accounts: set[int] = set()
        self.setObjectName("clientDialog")
        self.setWindowTitle(self.tr("New client") if client_id is None else self.tr("Client"))
        self.resize(760, 560)
        self._build()
        if client_id is not None:
            self._load()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.tabs = QTabWidget()
        self.general = ClientGeneralPage(self.show_error)
        self.tabs.addTab(self.general, self.tr("General"))
        g = self.general
        self.name_edit, self.sector_edit, self.notes_edit = g.name_edit, g.sector_edit, g.notes_edit
        self.tz_combo, self.language_combo = g.tz_combo, g.language_combo
        self.colour_button, self.logo_button = g.colour_button, g.logo_button
        self.logo_preview, self.set_logo_file = g.logo_preview, g.set_logo_file

        self.contacts = ContactsPage()
        self.contacts_table, self.add_contact_button = self.contacts.table, self.contacts.add_button
        self.tabs.addTab(self.contacts, self.tr("Contacts"))

        self.accounts = accounts = AccountsPage()
        self.accounts_table, self.add_account_button = accounts.table, accounts.add_button
        self.connect_account_button = accounts.connect_button
        self.connect_account_button.clicked.connect(self.connect_account)
        if self.client_id is None:
            self.connect_account_button.setEnabled(False)
            self.connect_account_button.setToolTip(self.tr("Save the client first."))
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
            accounts.layout().addWidget(self.health_view)
            accounts.layout().addWidget(self.dialog_sync_bar)
        self.tabs.addTab(accounts, self.tr("Network accounts"))

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.error_label, "danger")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        style_button_box(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    # the general page's choices, read and set by tests and the save
    colour = property(
        lambda self: self.general.colour, lambda self, v: setattr(self.general, "colour", v)
    )
    logo = property(
        lambda self: self.general.logo, lambda self, v: setattr(self.general, "logo", v)
    )

    def _add_contact_row(self, contact=None) -> int:
        return self.contacts.add_row(contact)

    def _add_account_row(self, account=None) -> int:
        return self.accounts.add_row(account)

    # -- loading ----------------------------------------------------------------------------
    def _load(self) -> None:
        self._set_busy(True)
        client_id = self.client_id
        QueryOp(self, lambda s: client_service.get_client(s, client_id), self._loaded).failure(
            self._failed
        ).latest("client").run()

    def _loaded(self, info: ClientInfo) -> None:
        self._set_busy(False)
        self.version = info.version
        # what this dialog was shown: only these rows can be removed by leaving them out
        self.known_contacts = {c.id: c.version for c in info.contacts}
        self.known_accounts = {a.id for a in info.accounts}
        self.setWindowTitle(self.tr("Client — {name}").format(name=info.name))
        self.general.load(info)
        for contact in info.contacts:
            self.contacts.add_row(contact)
        for account in info.accounts:
            self.accounts.add_row(account)
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
                self.contacts.set_version(d.target_id, d.version)
            self.save()
            return
        self.error_label.hide()
        self.contacts.clear()
        self.accounts.clear()
        self._load()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.setEnabled(not busy)
        self.tabs.setEnabled(not busy)

    # -- saving -----------------------------------------------------------------------------
    def form(self) -> ClientForm:
        return ClientForm(
            name=self.name_edit.text(),
            timezone=self.tz_combo.currentText().strip(),
            language=self.language_combo.currentData(),
            colour=self.general.colour,
            sector=self.sector_edit.text(),
            notes=self.notes_edit.toPlainText(),
            logo=self.general.logo,
            contacts=self.contacts.rows(),
            accounts=self.accounts.rows(),
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

        def work(db):  # connectors: a new token for an existing account reconnects it at once
            info = save_client_form(db, form)
            return info, reconnect_typed(db, info.id, typed) if typed else []

        # the form, the keyring, the connectors: the whole Database; the operation announces
        # what the save wrote to every area
        DatabaseOp(self, work, self._saved).writes().failure(self._failed).run()

    def _saved(self, result) -> None:
        info, health = result
        self._set_busy(False)
        self.saved.emit(info)
        still = not_connected_text(health)
        if not still:
            self.accept()
            return
        self.contacts.clear()  # saved: show the stored state, stay open
        self.accounts.clear()
        self._loaded(info)
        self.tabs.setCurrentWidget(self.accounts)
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
            self.accounts.add_row(info)
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
