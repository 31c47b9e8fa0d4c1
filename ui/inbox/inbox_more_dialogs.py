"""Inbox settings dialogs: the client's SMTP server for escalations, the saved replies.

They only present and collect; the area runs the service calls in the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from app.errors import Conflict
from app.services.inbox.escalation_smtp import SmtpSettings
from app.services.inbox.replies import SavedReplyInfo
from ui.conflict_dialog import MERGED, MINE, ask_conflict
from ui.inbox.inbox_dialogs import _buttons
from ui.messages import show_error


class SmtpDialog(QDialog):
    """Host, port, user, sender, STARTTLS; the password goes to the keyring, never shown."""

    def __init__(self, settings: SmtpSettings, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxSmtpDialog")
        self.setWindowTitle(self.tr("SMTP server for escalation e-mails"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.host = QLineEdit(settings.host)
        self.host.setPlaceholderText("smtp.example.fr")
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(settings.port)
        self.username = QLineEdit(settings.username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("Unchanged (kept in the keyring)"))
        self.sender = QLineEdit(settings.sender)
        self.sender.setPlaceholderText("cm@agence.fr")
        self.starttls = QCheckBox(self.tr("Use STARTTLS"))
        self.starttls.setChecked(settings.starttls)
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("User"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Sender"), self.sender)
        form.addRow(self.starttls)
        hint = QLabel(self.tr("The password is stored in the system keyring, not in Tribune."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        self.buttons = _buttons(self, self.tr("Save"))
        form.addRow(self.buttons)

    def settings(self) -> SmtpSettings:
        return SmtpSettings(
            self.host.text(),
            self.port.value(),
            self.username.text(),
            self.sender.text(),
            self.starttls.isChecked(),
        )


class SavedRepliesDialog(QDialog):
    """The client's saved replies: pick one, edit its title and text, save or delete it.

    Signals:
        save_requested(int, str, str): reply id, title, body.
        delete_requested(int): reply id.
    """

    save_requested = Signal(int, str, str)
    delete_requested = Signal(int)

    def __init__(self, replies: list[SavedReplyInfo], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxSavedRepliesDialog")
        self.setWindowTitle(self.tr("Saved replies"))
        self.resize(620, 380)
        layout = QHBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("savedRepliesList")
        layout.addWidget(self.list, 1)
        right = QVBoxLayout()
        self.title = QLineEdit()
        self.title.setObjectName("savedReplyTitle")
        self.body = QPlainTextEdit()
        self.body.setObjectName("savedReplyBody")
        hint = QLabel(self.tr("Placeholders: {first_name}, {order}, {signature}"))
        hint.setObjectName("hint")
        hint.setTextFormat(Qt.TextFormat.PlainText)
        right.addWidget(self.title)
        right.addWidget(self.body, 1)
        right.addWidget(hint)
        row = QHBoxLayout()
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.setObjectName("savedReplyDelete")
        self.save = QPushButton(self.tr("Save changes"))
        self.save.setObjectName("savedReplySave")
        close = QPushButton(self.tr("Close"))
        row.addWidget(self.delete)
        row.addStretch(1)
        row.addWidget(self.save)
        row.addWidget(close)
        right.addLayout(row)
        layout.addLayout(right, 2)
        self.list.currentItemChanged.connect(self._show)
        self.save.clicked.connect(self._save)
        self.delete.clicked.connect(self._delete)
        close.clicked.connect(self.accept)
        self.set_replies(replies)

    def set_replies(self, replies: list[SavedReplyInfo], keep: int | None = None) -> None:
        current = keep if keep is not None else self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for r in replies:
            item = QListWidgetItem(r.title)
            item.setData(Qt.ItemDataRole.UserRole, r)
            self.list.addItem(item)
        self.list.blockSignals(False)
        rows = [i for i, r in enumerate(replies) if r.id == current]
        self.list.setCurrentRow(rows[0] if rows else (0 if replies else -1))
        self._show(self.list.currentItem(), None)

    def current_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole).id if item is not None else None

    def _show(self, item, _previous) -> None:
        reply = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        self.title.setText(reply.title if reply else "")
        self.body.setPlainText(reply.body if reply else "")
        for w in (self.title, self.body, self.save, self.delete):
            w.setEnabled(reply is not None)

    def _save(self) -> None:
        rid = self.current_id()
        if rid is not None:
            self.save_requested.emit(rid, self.title.text(), self.body.toPlainText())

    def _delete(self) -> None:
        rid = self.current_id()
        if rid is not None:
            self.delete_requested.emit(rid)

    # -- a save or delete that failed -------------------------------------------------------
    def failed(self, exc: BaseException, keep_mine=None, keep_theirs=None) -> None:
        """A colleague rewrote the reply meanwhile: the conflict dialog (mine, theirs, who,
        when), never an error box. Keep mine: ``keep_mine(version, text)`` saves again over
        theirs (the merged text after a merge by hand); keep theirs: ``keep_theirs()``
        shows the reply as stored. Any other failure: one message."""
        d = getattr(exc, "details", None)
        if not (isinstance(exc, Conflict) and d is not None and d.kind == "saved_reply"):
            show_error(self, exc)
            return
        if getattr(self, "conflict_dialog", None) is not None:
            return  # one at a time

        def chosen(dialog) -> None:
            self.conflict_dialog = None
            if dialog.choice in (MINE, MERGED) and keep_mine is not None:
                text = dialog.merged_text if dialog.choice == MERGED else d.mine
                if dialog.choice == MERGED:
                    self.body.setPlainText(text)
                keep_mine(d.version, text)
            elif keep_theirs is not None:
                keep_theirs()

        self.conflict_dialog = ask_conflict(self, exc, chosen, mergeable=bool(d.mine))
