"""Preferences: database (with a connection test), language, who I am, sync interval."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
        self.resize(620, 300)
        form = QFormLayout()
        self.db_edit = QLineEdit(settings.database_url)
        self.db_edit.setPlaceholderText(default_database_url())
        self.db_edit.setToolTip(
            self.tr(
                "Leave empty for the local database. For a shared agency database: "
                "postgresql://user@server/tribune (the password is asked by the server's own "
                "authentication, e.g. ~/.pgpass)."
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
        self.user_edit = QLineEdit(settings.user_name)
        self.user_edit.setPlaceholderText(self.tr("Your name, as shown in the audit trail"))
        self.sync_spin = QSpinBox()
        self.sync_spin.setRange(0, 1440)
        self.sync_spin.setSuffix(self.tr(" min"))
        self.sync_spin.setSpecialValueText(self.tr("Never (manual only)"))
        self.sync_spin.setValue(settings.sync_interval_minutes)
        form.addRow(self.tr("&Database"), db_row)
        form.addRow("", self.test_result)
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.tr("&Your name"), self.user_edit)
        form.addRow(self.tr("Background &sync every"), self.sync_spin)
        note = QLabel(self.tr("A new database or language applies at the next start."))
        note.setObjectName("hint")
        self.buttons = buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def test_connection(self) -> None:
        url = self.db_edit.text().strip() or default_database_url()
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

        self.tasks.run(work, done, failed)

    def accept(self) -> None:
        from app.services.actor import set_current_actor

        self.settings.database_url = self.db_edit.text().strip()
        self.settings.language = self.language_combo.currentData()
        self.settings.user_name = self.user_edit.text().strip()
        self.settings.sync_interval_minutes = self.sync_spin.value()
        if self.settings.user_name:
            set_current_actor(self.settings.user_name)
        self.settings.sync()
        super().accept()
