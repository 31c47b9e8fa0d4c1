"""Preferences: database (with a connection test and its password, kept in the keyring),
language, sync interval. Who I am is shown, not typed: it is the database login."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.config import default_database_url
from app.db import Database
from ui.messages import error_text
from ui.operations import CallOp
from ui.settings import Settings
from ui.tasks import TaskRunner


class SettingsDialog(QDialog):
    """Changes take effect at the next start for the database and the language."""

    def __init__(self, settings: Settings, tasks: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.tasks = tasks
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout()
        self.db_edit = QLineEdit(settings.database_url)
        self.db_edit.setPlaceholderText(default_database_url())
        self.db_edit.setToolTip(
            self.tr(
                "Leave empty for the local database. For a shared agency database: "
                "postgresql://your-login@server/tribune, and your password below (it is kept "
                "in the system keyring, never in the settings)."
            )
        )
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        db_row = QHBoxLayout()
        db_row.addWidget(self.db_edit, 1)
        db_row.addWidget(self.test_button)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextFormat(Qt.TextFormat.PlainText)
        self.language_combo = QComboBox()
        self.language_combo.addItem(self.tr("Same as the system"), "")
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(settings.language)))
        from ui.design.theme import saved_mode

        self.theme_combo = QComboBox()
        self.theme_combo.addItem(self.tr("Same as the system"), "system")
        self.theme_combo.addItem(self.tr("Light"), "light")
        self.theme_combo.addItem(self.tr("Dark"), "dark")
        self.theme_combo.setCurrentIndex(max(0, self.theme_combo.findData(saved_mode(settings.q))))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(self.tr("Unchanged — kept in the system keyring"))
        # Who I am is not typed: it is the login of the database connection.
        self.identity_label = QLabel(self._identity_text())
        self.identity_label.setObjectName("hint")
        self.identity_label.setWordWrap(True)
        self.identity_label.setTextFormat(Qt.TextFormat.PlainText)
        self.sync_spin = QSpinBox()
        self.sync_spin.setRange(0, 1440)
        self.sync_spin.setSuffix(self.tr(" min"))
        self.sync_spin.setSpecialValueText(self.tr("Never (manual only)"))
        self.sync_spin.setValue(settings.sync_interval_minutes)
        from PySide6.QtWidgets import QCheckBox

        self.tray_check = QCheckBox(
            self.tr("&Keep listening in the tray when the window is closed")
        )
        self.tray_check.setChecked(settings.keep_in_tray)
        self.tray_check.setToolTip(
            self.tr(
                "Closing the window hides Tribune in the system tray: the background sync and "
                "crisis alerts keep running. Quit from the tray icon's menu."
            )
        )
        db_label = QLabel(self.tr("&Database"))
        db_label.setBuddy(self.db_edit)  # (a row holding a layout shows its "&" otherwise)
        form.addRow(db_label, db_row)
        form.addRow("", self.test_result)
        form.addRow(self.tr("&Password"), self.password_edit)
        form.addRow(self.tr("You are"), self.identity_label)
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.tr("A&ppearance"), self.theme_combo)
        form.addRow(self.tr("Background &sync every"), self.sync_spin)
        form.addRow("", self.tray_check)
        note = QLabel(self.tr("A new database or language applies at the next start."))
        note.setObjectName("hint")
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        from ui import icons
        from ui.design import set_role, style_button_box

        style_button_box(buttons)
        set_role(self.test_button, "secondary")
        icons.set_icon(self.test_button, "database")
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)
        # tall enough for every row (the wrapped "You are" line included), never squeezed
        self.identity_label.setMinimumWidth(420)
        self.resize(self.sizeHint().expandedTo(QSize(640, 300)))

    def _identity_text(self) -> str:
        from app.services.people.actor import current_login

        return self.tr(
            "{login} — on a shared database, the login in its address (ask an administrator "
            "to be added); on a local file, your account on this computer."
        ).format(login=current_login())

    def _url_and_password(self) -> tuple[str, str]:
        """The URL without any password (a typed one moves to the password field)."""
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        url, password = self.db_edit.text().strip(), self.password_edit.text()
        try:
            parsed = make_url(url) if url else None
        except ArgumentError:
            return url, password
        if parsed is not None and parsed.password:
            password = password or parsed.password
            url = parsed._replace(password=None).render_as_string(hide_password=False)
        return url, password

    def test_connection(self) -> None:
        url, password = self._url_and_password()
        url = url or default_database_url()
        if password:
            from sqlalchemy.engine import make_url

            url = make_url(url).set(password=password).render_as_string(hide_password=False)
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Connecting…"))

        def work():
            db = Database(url)
            try:
                db.check_connection()
                return db.needs_upgrade()
            finally:
                db.dispose()

        def done(needs_upgrade: bool) -> None:
            self.test_button.setEnabled(True)
            self.test_result.setText(
                self.tr("Connected. The database will be prepared at the next start.")
                if needs_upgrade
                else self.tr("Connected. The database is up to date.")
            )

        def failed(exc: BaseException) -> None:
            self.test_button.setEnabled(True)
            self.test_result.setText(error_text(exc))

        CallOp(self, work, done, tasks=self.tasks).failure(failed).run()  # a database of its own

    def accept(self) -> None:
        url, password = self._url_and_password()
        if password and url:
            try:
                _store_password(url, password)
            except Exception as exc:  # no keyring: say so, keep the dialog open
                self.test_result.setText(error_text(exc))
                return
        self.settings.database_url = url
        self.settings.language = self.language_combo.currentData()
        self.settings.sync_interval_minutes = self.sync_spin.value()
        self.settings.keep_in_tray = self.tray_check.isChecked()
        from PySide6.QtWidgets import QApplication

        from ui.design.theme import apply_theme, current_mode, save_mode

        mode = self.theme_combo.currentData()
        save_mode(mode, self.settings.q)
        if mode != current_mode():  # the appearance changes at once
            apply_theme(QApplication.instance(), mode)
        self.settings.sync()
        super().accept()


def _store_password(url: str, password: str) -> None:
    """The password of ``url``'s login on its server, into the keyring (app.secrets)."""
    from sqlalchemy.engine import make_url

    from app import secrets
    from app.errors import ValidationError

    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or not parsed.username:
        raise ValidationError(
            QCoreApplication.translate(
                "SettingsDialog", "A password goes with a PostgreSQL address that names a login."
            )
        )
    server = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    secrets.store_database_password(server, parsed.username, password)
