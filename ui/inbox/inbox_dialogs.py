"""Small dialogs of the inbox: close with a reason, escalate, moderate."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.services.charter.rules import ModerationRule
from app.services.clients.workspaces import ContactInfo
from app.services.inbox.escalation import Suggestion


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    box.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    box.button(QDialogButtonBox.StandardButton.Ok).setObjectName("primaryButton")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class StatusDialog(QDialog):
    """Close or ignore: a reason, and for a complaint how it was resolved."""

    def __init__(self, status: str, count: int, complaint: bool, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxStatusDialog")
        self.status = status
        title = self.tr("Close") if status == "closed" else self.tr("Ignore")
        if status == "closed":
            self.setWindowTitle(self.tr("Close %Ln message(s)", "", count))
        else:
            self.setWindowTitle(self.tr("Ignore %Ln message(s)", "", count))
        layout = QFormLayout(self)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why (required)"))
        layout.addRow(self.tr("Reason"), self.reason)
        self.resolution = QPlainTextEdit()
        self.resolution.setPlaceholderText(
            self.tr("How was it actually resolved? (required for a complaint)")
        )
        self.resolution.setMaximumHeight(90)
        self.resolution.setVisible(status == "closed")
        if status == "closed":
            layout.addRow(self.tr("Resolution"), self.resolution)
        if complaint and status == "closed":
            hint = QLabel(self.tr("A complaint is closed only once its resolution is recorded."))
            hint.setObjectName("hint")
            hint.setWordWrap(True)
            layout.addRow(hint)
        self.buttons = _buttons(self, title)
        layout.addRow(self.buttons)


class EscalateDialog(QDialog):
    """Whom to ask (the charter's contact first), by which channel, with a note."""

    def __init__(
        self, contacts: list[ContactInfo], suggestion: Suggestion | None, parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inboxEscalateDialog")
        self.setWindowTitle(self.tr("Escalate"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.contact = QComboBox()
        self.contact.setObjectName("escalateContact")
        if suggestion is not None and suggestion.contact_id is None:
            self.contact.addItem(f"{suggestion.name} <{suggestion.email}>", ("rule", suggestion))
        for c in contacts:
            self.contact.addItem(f"{c.name} — {c.role}" if c.role else c.name, ("contact", c.id))
        if suggestion is not None and suggestion.contact_id is not None:
            index = self.contact.findData(("contact", suggestion.contact_id))
            if index >= 0:
                self.contact.setCurrentIndex(index)
        form.addRow(self.tr("Contact"), self.contact)
        self.hint = QLabel(
            self.tr("The charter names {name}: answer within {h} h.").format(
                name=suggestion.name, h=round(suggestion.answer_within_minutes / 60, 1)
            )
            if suggestion
            else self.tr("The charter names nobody for this message: choose a contact.")
        )
        self.hint.setObjectName("hint")
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        form.addRow(self.hint)
        self.channel = QComboBox()
        self.channel.setObjectName("escalateChannel")
        self.channel.addItem(self.tr("Open my mail client"), "mailto")
        self.channel.addItem(self.tr("Save an .eml file"), "eml")
        self.channel.addItem(self.tr("Send by SMTP (client's server)"), "smtp")
        form.addRow(self.tr("Channel"), self.channel)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("A word for the contact (optional)"))
        self.note.setMaximumHeight(80)
        form.addRow(self.tr("Note"), self.note)
        layout.addLayout(form)
        self.buttons = _buttons(self, self.tr("Escalate"))
        layout.addWidget(self.buttons)
        self.setEnabled(self.contact.count() > 0 or True)

    def choice(self) -> dict:
        kind, value = self.contact.currentData() or ("", None)
        out = {"channel": self.channel.currentData(), "note": self.note.toPlainText()}
        if kind == "contact":
            out["contact_id"] = value
        elif kind == "rule":
            out["contact_name"], out["contact_email"] = value.name, value.email
        return out


class ModerateDialog(QDialog):
    """An action and the charter rule that justifies it."""

    def __init__(self, rules: tuple[ModerationRule, ...], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxModerateDialog")
        self.setWindowTitle(self.tr("Moderate"))
        self.setMinimumWidth(420)
        form = QFormLayout(self)
        self.rule = QComboBox()
        self.rule.setObjectName("moderationRule")
        for r in rules:
            if not set(r.actions) & {"hide", "delete", "ban", "report"}:
                continue  # "answer" rules are not moderation: the reply box handles them
            label = r.label + (self.tr(" (second approval)") if r.requires_second_approval else "")
            self.rule.addItem(label, r)
        form.addRow(self.tr("Charter rule"), self.rule)
        self.action = QComboBox()
        self.action.setObjectName("moderationAction")
        form.addRow(self.tr("Action"), self.action)
        self.note = QLineEdit()
        form.addRow(self.tr("Note"), self.note)
        hint = QLabel(
            self.tr("Criticism is answered, never hidden: complaints cannot be hidden or deleted.")
        )
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form.addRow(hint)
        self.buttons = _buttons(self, self.tr("Apply"))
        form.addRow(self.buttons)
        self.rule.currentIndexChanged.connect(self._fill_actions)
        self._fill_actions()

    def _fill_actions(self) -> None:
        labels = {
            "hide": self.tr("Hide"),
            "delete": self.tr("Delete (the original is kept)"),
            "ban": self.tr("Ban the author"),
            "report": self.tr("Report to the network"),
        }
        self.action.clear()
        rule = self.rule.currentData()
        for a in rule.actions if rule else ():
            if a in labels:
                self.action.addItem(labels[a], a)
