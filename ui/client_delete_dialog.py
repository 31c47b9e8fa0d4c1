"""Deleting a client for good: the user types the client's name to confirm.

Everything of the client goes (charter, calendar, inbox, reports, keyring entries); an audit
entry remains. Archiving, in the client menu, keeps everything instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout

from app.db import Database
from app.errors import TribuneError
from app.services.clients.workspaces import ClientInfo
from ui.messages import error_text, log_unexpected
from ui.operations import DatabaseOp
from ui.tasks import TaskRunner


class DeleteClientDialog(QDialog):
    """Deleting a client is final: the user types the client's name to confirm.

    Signals:
        deleted(): the client and its keyring entries are gone (an audit entry remains).
    """

    deleted = Signal()

    def __init__(self, db: Database, client: ClientInfo, tasks: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.client = client
        self.tasks = tasks  # the deletion (rows, keyring entries) runs off the GUI thread
        self.setObjectName("deleteClientDialog")
        self.setWindowTitle(self.tr("Delete client"))
        text = QLabel(
            self.tr(
                "This deletes {name} with its charter, calendar, inbox, reports and stored "
                "credentials. It cannot be undone; archiving keeps everything instead.\n\n"
                "Type the client's name to confirm:"
            ).format(name=client.name)
        )
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.PlainText)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setPlaceholderText(client.name)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = self.buttons.addButton(
            self.tr("Delete for ever"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.delete_button.setEnabled(False)
        self.delete_button.setObjectName("dangerButton")
        from ui import icons
        from ui.design import set_tone, style_button_box

        style_button_box(self.buttons)  # Cancel secondary, the deletion in the danger role
        icons.set_icon(self.delete_button, "delete", "on_accent")
        set_tone(self.error_label, "danger")
        self.confirm_edit.textChanged.connect(
            lambda t: self.delete_button.setEnabled(t.strip() == client.name)
        )
        self.delete_button.clicked.connect(self.delete)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.confirm_edit)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def delete(self) -> None:
        from app.services.clients.workspace import delete_client_everywhere

        client_id, typed = self.client.id, self.confirm_edit.text()
        self.delete_button.setEnabled(False)
        self.confirm_edit.setEnabled(False)
        self.error_label.setText(self.tr("Deleting…"))
        self.error_label.show()

        # every table of the client, then its keyring entries: the whole Database; the areas
        # and the sidebar hear of it on the feed
        DatabaseOp(
            self,
            lambda db: delete_client_everywhere(db, client_id, typed),
            self._done,
            db=self.db,
            tasks=self.tasks,
        ).writes().failure(self._failed).run()

    def _done(self, _result) -> None:
        self.deleted.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        if not isinstance(exc, TribuneError):
            log_unexpected(exc)
        self.error_label.setText(error_text(exc))
        self.confirm_edit.setEnabled(True)
        self.delete_button.setEnabled(self.confirm_edit.text().strip() == self.client.name)
