"""The People screen: who works here, their role, their clients, their last activity; and
the audit trail. Administrators change people; everyone else sees why they cannot."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.people import ROLES
from ui.design import style_button_box
from ui.formatting import compact_datetime
from ui.operations import QueryOp, WriteOp
from ui.people.approvals_view import ApprovalsView
from ui.people.audit_view import AuditView
from ui.rights import tooltip


def _load_people(s):
    from sqlalchemy import select

    from app.models import Client
    from app.services.people import admin, whoami

    me = whoami(s)
    rows = admin.list_people(s)
    clients = list(s.execute(select(Client.slug, Client.name).order_by(Client.name)).all())
    return me, rows, [tuple(c) for c in clients], s.get_bind().dialect.name == "sqlite"


def _own_services(db, tasks, parent):
    """A dialog opened outside a window (tests, tools): its own change hub."""
    from types import SimpleNamespace

    from ui.tasks import ChangeHub

    return SimpleNamespace(db=db, tasks=tasks, feed=ChangeHub(parent))


class PeopleTab(QWidget):
    """Reads with a QueryOp and writes with WriteOps (``services``: the window's, so that a
    change reaches the change feed and every open app re-reads the person's rights)."""

    def __init__(self, db, tasks, parent=None, *, services=None) -> None:
        super().__init__(parent)
        self.db, self.tasks = db, tasks
        self.services = services or _own_services(db, tasks, self)
        self.me = None
        self.on_me = None  # called with the person once loaded
        self.rows = []
        self.clients: list[tuple[str, str]] = []
        self.notice = QLabel(self.tr("Loading…"))
        self.notice.setObjectName("peopleNotice")
        self.notice.setWordWrap(True)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.notice.setContentsMargins(2, 4, 2, 4)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("peopleTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Login"),
                self.tr("Name"),
                self.tr("Tribune role"),
                self.tr("Clients"),
                self.tr("Last activity"),
                self.tr("State"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.buttons: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        from ui import icons
        from ui.design import set_role

        for key, label, slot, icon, role in (
            ("add", self.tr("Add a person…"), self.add_person, "add", "primary"),
            ("role", self.tr("Change role…"), self.change_role, "edit", "secondary"),
            ("grant", self.tr("Grant a client…"), self.grant_client, "add-client", "secondary"),
            ("revoke", self.tr("Revoke a client…"), self.revoke_client, "remove", "secondary"),
            ("suspend", self.tr("Suspend"), self.suspend, "suspend", "danger"),
            ("reset", self.tr("Reset access…"), self.reset_access, "refresh", "quiet"),
        ):
            button = QPushButton(label)
            set_role(button, role)
            icons.set_icon(button, icon, "on_accent" if role in ("primary", "danger") else None)
            button.setObjectName(f"people_{key}")
            button.clicked.connect(slot)
            button.setEnabled(False)
            self.buttons[key] = button
            bar.addWidget(button)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self.reload()

    # -- data -------------------------------------------------------------------------------
    def reload(self) -> None:
        QueryOp(self, _load_people, self._loaded, services=self.services).latest("people").run()

    def _loaded(self, result) -> None:
        self.me, self.rows, self.clients, local = result
        from app.services.people import role_label

        notes = []
        if local or not self.me.enforced:
            notes.append(
                self.tr(
                    "Rights are not enforced on a local file: anyone who can open it can change "
                    "it. Use a shared PostgreSQL database to enforce them."
                )
            )
        notes.append(
            self.tr("You are {login} ({role}).").format(
                login=self.me.login, role=role_label(self.me.role)
            )
        )
        if not self.me.can("people"):
            notes.append(self.tr("Only an administrator can add, change or suspend people."))
        self.notice.setText(" ".join(notes))
        self.table.setRowCount(len(self.rows))
        for r, p in enumerate(self.rows):
            clients = self.tr("all clients") if p.all_clients else ", ".join(p.clients)
            seen = compact_datetime(p.last_seen_at.astimezone()) if p.last_seen_at else ""
            state = self.tr("suspended") if p.suspended else self.tr("active")
            for c, value in enumerate((p.login, p.name, role_label(p.role), clients, seen, state)):
                item = QTableWidgetItem(value)
                item.setToolTip(html.escape(value))
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self._update_buttons()
        if self.on_me is not None:
            self.on_me(self.me)

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        admin = self.me is not None and self.me.can("people")
        chosen = self.selected() is not None
        why = "" if admin else self.tr("Only an administrator manages people.")
        for key, button in self.buttons.items():
            button.setEnabled(admin and (key == "add" or chosen))
            button.setToolTip(
                why or ("" if key == "add" or chosen else self.tr("Choose a person."))
            )

    def _run(self, work) -> None:
        WriteOp(self, work, lambda _r: self.reload(), services=self.services).run()

    # -- actions ----------------------------------------------------------------------------
    def add_person(self) -> None:
        dialog = AddPersonDialog(self.clients, needs_password=not self.db.is_sqlite, parent=self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        from app.services.people import admin

        self._run(lambda s: admin.add_person(s, **values))

    def change_role(self) -> None:
        person = self.selected()
        role, ok = QInputDialog.getItem(
            self, self.tr("Change role"), person.login, list(ROLES), ROLES.index(person.role), False
        )
        if ok:
            from app.services.people import admin

            self._run(lambda s: admin.set_role(s, person.login, role))

    def _client_choice(self, title: str, choices: list[str]) -> str | None:
        if not choices:
            return None
        value, ok = QInputDialog.getItem(self, title, self.selected().login, choices, 0, False)
        return value if ok else None

    def grant_client(self) -> None:
        person = self.selected()
        choices = [slug for slug, _ in self.clients if slug not in person.clients]
        if person.role in ("admin", "lead") and not person.all_clients:
            choices.append("all")
        slug = self._client_choice(self.tr("Grant a client"), choices)
        if slug:
            from app.services.people import admin

            self._run(lambda s: admin.grant(s, person.login, slug))

    def revoke_client(self) -> None:
        person = self.selected()
        choices = list(person.clients) + (["all"] if person.all_clients else [])
        slug = self._client_choice(self.tr("Revoke a client"), choices)
        if slug:
            from app.services.people import admin

            self._run(lambda s: admin.revoke(s, person.login, slug))

    def suspend(self) -> None:
        person = self.selected()
        answer = QMessageBox.question(
            self,
            self.tr("Suspend"),
            self.tr("{name} will no longer be able to connect. What they did stays.").format(
                name=person.name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            from app.services.people import admin

            self._run(lambda s: admin.suspend(s, person.login))

    def reset_access(self) -> None:
        person = self.selected()
        password = ""
        if not self.db.is_sqlite:
            password, ok = QInputDialog.getText(
                self,
                self.tr("Reset access"),
                self.tr("New password for {login} (at least 8 characters):").format(
                    login=person.login
                ),
                QLineEdit.EchoMode.Password,
            )
            if not ok:
                return
        from app.services.people import admin

        self._run(lambda s: admin.reset_access(s, person.login, password))


class AddPersonDialog(QDialog):
    def __init__(self, clients, *, needs_password: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add a person"))
        self.login_edit = QLineEdit()
        self.login_edit.setPlaceholderText(self.tr("their database login, e.g. lea.martin"))
        self.name_edit = QLineEdit()
        self.role_combo = QComboBox()
        from app.services.people import role_label

        for role in ROLES:
            self.role_combo.addItem(role_label(role), role)
        self.role_combo.setCurrentIndex(ROLES.index("cm"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setEnabled(needs_password)
        self.client_list = QListWidget()
        for slug, name in clients:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, slug)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.client_list.addItem(item)
        form = QFormLayout()
        form.addRow(self.tr("&Login"), self.login_edit)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Role"), self.role_combo)
        form.addRow(self.tr("&Password"), self.password_edit)
        form.addRow(self.tr("&Clients"), self.client_list)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        style_button_box(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict:
        clients = [
            self.client_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.client_list.count())
            if self.client_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {
            "login": self.login_edit.text(),
            "name": self.name_edit.text(),
            "role": self.role_combo.currentData(),
            "password": self.password_edit.text(),
            "clients": clients,
        }


class PeopleDialog(QDialog):
    """People and rights, what waits for approval, and the audit log."""

    PEOPLE, APPROVALS, AUDIT = range(3)

    def __init__(self, db, tasks, parent=None, *, tab: int = 0) -> None:
        super().__init__(parent)
        self.setObjectName("peopleDialog")
        self.setWindowTitle(self.tr("People, approvals and audit log"))
        self.resize(1000, 600)
        self.tabs = QTabWidget()
        services = getattr(parent, "services", None) or _own_services(db, tasks, self)
        self.people = PeopleTab(db, tasks, services=services)
        self.approvals = ApprovalsView(services)
        self.audit = AuditView(services)
        self.tabs.addTab(self.people, self.tr("People"))
        self.tabs.addTab(self.approvals, self.tr("Waiting for approval"))
        self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.tabs.setCurrentIndex(tab)
        self.people.on_me = self._restrict
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        style_button_box(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)

    def _restrict(self, me) -> None:
        """The People tab is an administrator's: others see it greyed, with the reason."""
        from app.services.people.capabilities import for_person

        caps = for_person(me)
        if caps.can_admin_people:
            return
        self.tabs.setTabEnabled(self.PEOPLE, False)
        self.tabs.setTabToolTip(self.PEOPLE, tooltip(caps.why("admin_people")))
        if self.tabs.currentIndex() == self.PEOPLE:
            self.tabs.setCurrentIndex(self.APPROVALS)
