"""The right pane: the message, its thread, the author's history, notes and the reply box.

Everything from the internet goes through QPlainTextEdit or plain-text labels: markup is
shown as typed, never interpreted. Watch words are highlighted by a syntax highlighter.
"""

from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QSyntaxHighlighter, QTextCharFormat
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.models.client import network_label
from app.services.inbox.reading import MessageDetail
from app.services.inbox.replies import PRIVATE_REPLY_NETWORKS
from app.services.inbox.triage import category_label, kind_label, status_label
from app.textsafe import tooltip
from ui.formatting import datetime_text, shown_handle
from ui.inbox.inbox_style import follow_scheme, notice_sheet
from ui.inbox.inbox_thread import ConversationView


class WatchHighlighter(QSyntaxHighlighter):
    def __init__(self, document) -> None:
        super().__init__(document)
        self.pattern: re.Pattern | None = None
        self.fmt = QTextCharFormat()
        self.fmt.setFontWeight(700)
        follow_scheme(self, self._restyle)

    def _restyle(self, scheme) -> None:
        """Watch words: the warning token on its soft background (readable in both schemes)."""
        self.fmt.setBackground(QColor(scheme.warning_soft))
        self.fmt.setForeground(QColor(scheme.warning))
        self.rehighlight()

    def set_words(self, words) -> None:
        words = [re.escape(w) for w in words if w]
        self.pattern = re.compile("|".join(words), re.IGNORECASE) if words else None
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if self.pattern is None:
            return
        for m in self.pattern.finditer(text):
            self.setFormat(m.start(), m.end() - m.start(), self.fmt)


def _plain_label(object_name: str = "") -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if object_name:
        label.setObjectName(object_name)
    return label


class ConversationPanel(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxConversation")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        self.title = _plain_label("inboxAuthor")
        self.meta = _plain_label("hint")
        self.newcomer = _plain_label("inboxNewcomer")
        self.newcomer.setText(self.tr("★ First message from this author: welcome them."))
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.newcomer)
        self.tags = QLineEdit()
        self.tags.setObjectName("inboxTags")
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas (Enter saves)"))
        layout.addWidget(self.tags)

        actions = QHBoxLayout()
        self.assign_me = QPushButton(self.tr("Assign to me"))
        self.category = QComboBox()
        self.category.setObjectName("inboxCategory")
        self.escalate = QPushButton(self.tr("Escalate…"))
        self.moderate = QPushButton(self.tr("Moderate…"))
        self.close_btn = QPushButton(self.tr("Close…"))
        actions.addWidget(self.assign_me)
        actions.addWidget(self.category, 1)
        actions.addWidget(self.close_btn)
        layout.addLayout(actions)
        actions2 = QHBoxLayout()
        actions2.addWidget(self.escalate)
        actions2.addWidget(self.moderate)
        actions2.addStretch(1)
        layout.addLayout(actions2)

        self.thread = ConversationView()
        self.highlighter = WatchHighlighter(self.thread.document())
        self.tabs = QTabWidget()
        self.history = QPlainTextEdit()
        self.history.setReadOnly(True)
        # the conversation tab: the thread with the notes inline, and a line to add one
        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        add = QHBoxLayout()
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("inboxNoteEdit")
        self.note_edit.setPlaceholderText(self.tr("Internal note (never sent)"))
        self.note_add = QPushButton(self.tr("Add note"))
        add.addWidget(self.note_edit, 1)
        add.addWidget(self.note_add)
        notes_layout.addWidget(self.thread, 1)
        notes_layout.addLayout(add)
        self.escalations = QPlainTextEdit()
        self.escalations.setReadOnly(True)
        self.answer_edit = QLineEdit()
        self.answer_edit.setPlaceholderText(self.tr("The contact's answer"))
        self.answer_add = QPushButton(self.tr("Record answer"))
        self.remind = QPushButton(self.tr("Remind"))
        self.remind.setObjectName("inboxRemind")
        esc_box = QWidget()
        esc_layout = QVBoxLayout(esc_box)
        esc_layout.setContentsMargins(0, 0, 0, 0)
        esc_layout.addWidget(self.escalations)
        row = QHBoxLayout()
        row.addWidget(self.answer_edit, 1)
        row.addWidget(self.answer_add)
        row.addWidget(self.remind)
        esc_layout.addLayout(row)
        self.tabs.addTab(notes_box, self.tr("Conversation"))
        self.tabs.setTabToolTip(
            0, self.tr("Their messages on the left, our replies on the right, notes in yellow")
        )
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.setTabToolTip(1, self.tr("Author's history"))
        self.tabs.addTab(esc_box, self.tr("Escalations"))
        layout.addWidget(self.tabs, 3)

        reply_head = QHBoxLayout()
        self.saved = QComboBox()
        self.saved.setObjectName("inboxSavedReplies")
        reply_head.addWidget(self.saved, 1)
        self.save_template = QPushButton(self.tr("Save…"))
        self.save_template.setToolTip(self.tr("Save as saved reply…"))
        self.save_template.setObjectName("inboxSaveTemplate")
        reply_head.addWidget(self.save_template)
        self.manage_saved = QPushButton(self.tr("Manage…"))
        self.manage_saved.setObjectName("inboxManageSaved")
        self.manage_saved.setToolTip(self.tr("Edit or delete the saved replies"))
        reply_head.addWidget(self.manage_saved)
        layout.addLayout(reply_head)
        # a reply of mine a lead sent back: their note, above the box it is reworked in
        self.sent_back = _plain_label("inboxSentBack")
        follow_scheme(
            self.sent_back, lambda s: self.sent_back.setStyleSheet(notice_sheet("inboxSentBack", s))
        )
        self.sent_back.hide()
        layout.addWidget(self.sent_back)
        self.reply = QPlainTextEdit()
        self.reply.setObjectName("inboxReply")
        self.reply.setPlaceholderText(
            self.tr("Write a reply in the charter's tone… (Ctrl+Enter sends)")
        )
        self.reply.setMaximumHeight(110)
        self.reply.setTabChangesFocus(True)  # Tab goes on to Send, Shift+Tab back
        layout.addWidget(self.reply, 1)
        self.warnings = _plain_label("inboxWarnings")
        layout.addWidget(self.warnings)
        send_row = QHBoxLayout()
        self.private = QCheckBox(self.tr("Private reply"))
        self.counter = _plain_label("hint")
        self.send = QPushButton(self.tr("Send reply"))
        self.send.setObjectName("primaryButton")
        send_row.addWidget(self.private)
        send_row.addWidget(self.counter)
        send_row.addStretch(1)
        send_row.addWidget(self.send)
        layout.addLayout(send_row)
        self.returned = None  # the resubmit.SentBack shown, if any
        self.show_detail(None, "Europe/Paris")

    def show_sent_back(self, back) -> None:
        """My reply a lead sent back (``resubmit.SentBack``) or ``None``: the lead's note
        shows above the reply box and Send resubmits the reworked text for approval."""
        self.returned = back
        if back is None:
            self.sent_back.hide()
            self.send.setText(self.tr("Send reply"))
            return
        self.sent_back.setText(
            self.tr("Sent back by {lead}: {note}").format(lead=back.decided_name, note=back.note)
        )
        self.sent_back.setToolTip(
            tooltip(  # plain text, never HTML
                self.tr("Your reworked reply goes back to a lead, who sees it in the approvals.")
                + "\n\n"
                + self.tr("Your reply was:")
                + "\n"
                + back.text
            )
        )
        self.sent_back.show()
        self.send.setText(self.tr("Resubmit for approval"))

    def show_loading(self) -> None:
        """The message is on its way: say so, and keep the actions off until it is here."""
        self.show_detail(None, "Europe/Paris")
        self.title.setText(self.tr("Loading…"))
        self.meta.setText("")

    def _on_network(self, action: str, state: str, text: str) -> str:
        """What became of a moderation action on the network, in a few words."""
        what = {
            "hide": self.tr("hiding"),
            "delete": self.tr("deletion"),
            "ban": self.tr("author block"),
            "report": self.tr("report"),
        }.get(action, action)
        if state == "pending":
            return self.tr("{what}: sent to the network at the next sync").format(what=what)
        if state == "done":  # a network's own words first ("Held for review by YouTube")
            return text or self.tr("{what}: done on the network").format(what=what)
        if state == "unsupported":
            return self.tr("{what}: in Tribune only ({reason})").format(what=what, reason=text)
        if state == "failed":
            return self.tr("{what}: refused by the network ({reason})").format(
                what=what, reason=text
            )
        if state == "unhide":
            return self.tr("shown again on the network at the next sync")
        if state == "restored":  # a held message published, or a hiding undone on the network
            if text:
                return self.tr("{held}, then published").format(held=text)
            return self.tr("{what}: undone, shown again on the network").format(what=what)
        if state == "rejected":  # a held message the network's own moderation turned down
            return self.tr("{held}, then rejected").format(held=text or what)
        return ""

    def show_detail(self, d: MessageDetail | None, timezone: str) -> None:
        same = d is not None and self.detail is not None and self.detail.id == d.id
        self.detail = d
        enabled = d is not None
        for w in (
            self.assign_me,
            self.category,
            self.escalate,
            self.moderate,
            self.close_btn,
            self.reply,
            self.send,
            self.note_add,
            self.note_edit,
            self.saved,
            self.tags,
        ):
            w.setEnabled(enabled)
        # a private message is answered privately: never a public reply to a private message
        direct = d is not None and d.kind == "message"
        public_only = d is not None and d.network not in PRIVATE_REPLY_NETWORKS
        if direct or public_only:  # (else the box is the draft's: a refresh keeps the choice)
            self.private.setChecked(direct and not public_only)
        self.private.setEnabled(enabled and not direct and not public_only)
        if public_only:
            tip = self.tr("{network} has no private answer through its API.").format(
                network=network_label(d.network)
            )
        elif direct:
            tip = self.tr("A private message is always answered privately.")
        else:
            tip = self.tr("Answer in a private message instead of a public reply")
        self.private.setToolTip(tip)
        if not (same and self.tags.hasFocus()):  # a refresh never replaces tags being typed
            self.tags.setText(", ".join(d.tags) if d is not None else "")
        if d is None:
            self.show_sent_back(None)
            self.title.setText(self.tr("No message selected"))
            self.meta.setText(self.tr("J / K: next / previous · R: reply · E: escalate · X: close"))
            self.newcomer.hide()
            for w in (self.thread, self.history, self.escalations):
                w.setPlainText("")
            return
        tz = ZoneInfo(timezone)

        def when(value):
            return datetime_text(value, tz) if value else ""

        handle = f" ({shown_handle(d.author_handle)})" if d.author_handle else ""
        self.title.setText(f"{d.author}{handle}")
        parts = [
            network_label(d.network),
            kind_label(d.kind),
            when(d.received_at),
            status_label(d.status),
            category_label(d.category),
        ]
        if d.assignee:
            parts.append(self.tr("assigned to {name}").format(name=d.assignee))
        if d.due_at:
            parts.append(self.tr("due {when}").format(when=when(d.due_at)))
        if d.deleted:
            parts.append(self.tr("deleted (original kept)"))
        elif d.hidden:
            parts.append(self.tr("hidden"))
        moderated = [text for row in d.network_moderation if (text := self._on_network(*row))]
        if d.resolution:
            parts.append(self.tr("resolution: {text}").format(text=d.resolution))
        self.meta.setText("\n".join([" · ".join(parts), *("• " + m for m in moderated)]))
        self.newcomer.setVisible(d.newcomer)
        self.thread.show_detail(d, tz)
        self.history.setPlainText(
            "\n\n".join(
                f"{when(h.received_at)} · {category_label(h.category)} · "
                f"{status_label(h.status)}\n{h.snippet}"
                for h in d.history
            )
            or self.tr("No earlier message from this author.")
        )
