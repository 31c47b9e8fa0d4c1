"""What the conversation's buttons and keys do: reply (or resubmit a reply a lead sent
back), notes, saved replies, escalations, reminders and moderation.

A part of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context),
given the panel, the list, the inbox's context, the writer, the draft keeper and the tools
(which send an escalation by SMTP). Each action is one service call in one WriteOp.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog

from app.services.inbox import escalation, moderation, resubmit
from app.services.inbox import replies as inbox_replies
from app.services.inbox import triage as inbox_triage
from ui.inbox.inbox_dialogs import EscalateDialog, ModerateDialog
from ui.operations import QueryOp


class ReplyActions(QObject):
    def __init__(
        self, host, context, messages, panel, writer, drafts, say: Callable[[str], None]
    ) -> None:
        super().__init__(host)
        self.host, self.context, self.messages, self.panel = host, context, messages, panel
        self.writer, self.drafts, self.say = writer, drafts, say
        self.send_by_smtp: Callable[[object], None] = lambda _info: None  # set by the area

    def add_note(self) -> None:
        mid, text, cid = (
            self.messages.current_id(),
            self.panel.note_edit.text(),
            self.context.client_id,
        )
        if mid is not None:
            self.writer.write(
                lambda s: inbox_triage.add_note(s, cid, mid, text),
                then=lambda _r: self.panel.note_edit.clear(),
            )

    def send_reply(self) -> None:
        self.drafts.stop()  # the reply is being sent: no draft write behind it
        panel = self.panel
        mid, text = self.messages.current_id(), panel.reply.toPlainText()
        private, cid = panel.private.isChecked(), self.context.client_id
        if mid is None:
            return

        def sent(held):
            panel.reply.clear()
            self.say(
                QCoreApplication.translate(
                    "InboxArea", "Reply waiting for a lead's approval before it is sent."
                )
                if held
                else QCoreApplication.translate("InboxArea", "Reply queued for sending.")
            )

        def write(s, also_if_queued=False):
            from app.services.people import whoami

            inbox_replies.create_reply(
                s, cid, mid, text, private=private, also_if_queued=also_if_queued
            )
            return whoami(s).held  # a junior's reply waits for a lead

        back = panel.returned
        if back is not None and back.message_id == mid:  # sent back by a lead: resubmitted

            def write(s, also_if_queued=False):
                resubmit.resubmit(s, cid, back.release_id, text, also_if_queued=also_if_queued)
                return True  # it waits for a lead again

        def queue_too():  # a colleague queued a reply first: the user said "queue mine too"
            self.writer.write(lambda s: write(s, also_if_queued=True), then=sent)

        self.writer.write(write, then=sent, on_conflict=queue_too)

    def check_style(self, *_args) -> None:
        panel, rules = self.panel, self.context.rules
        d, text = panel.detail, panel.reply.toPlainText()
        if d is None or rules is None or not text.strip():
            panel.warnings.setText("")
            panel.counter.setText("")
            return
        warnings = inbox_replies.style_warnings(text, rules.style, d.network, d.category)
        panel.warnings.setText("\n".join("⚠ " + w.message for w in warnings))
        limit = inbox_replies.NETWORK_LIMITS.get(d.network)
        panel.counter.setText(f"{len(text)} / {limit}" if limit else str(len(text)))

    # -- saved replies ------------------------------------------------------------------------
    def show_saved(self, saved) -> None:
        self.context.saved = list(saved)
        self.panel.saved.clear()
        self.panel.saved.addItem(QCoreApplication.translate("InboxArea", "Saved replies…"), None)
        for r in saved:
            self.panel.saved.addItem(r.title, r.body)

    def reload_saved(self) -> None:
        cid = self.context.client_id
        QueryOp(self.host, lambda s: inbox_replies.saved_replies(s, cid), self.show_saved).run()

    def use_saved(self, index: int) -> None:
        body, mid = self.panel.saved.itemData(index), self.messages.current_id()
        self.panel.saved.setCurrentIndex(0)
        if not body or mid is None:
            return
        cid = self.context.client_id

        def fill(values):
            if self.messages.current_id() == mid:
                self.panel.reply.setPlainText(inbox_replies.render_template(body, values))

        QueryOp(self.host, lambda s: inbox_replies.placeholders_for(s, cid, mid), fill).run()

    def save_template(self) -> None:
        """Keep the reply being written as a saved reply ({first_name}, {order}... allowed)."""
        body = self.panel.reply.toPlainText()
        dialog = QInputDialog(self.host)
        dialog.setObjectName("inboxTemplateTitle")
        dialog.setWindowTitle(QCoreApplication.translate("InboxArea", "Saved reply"))
        dialog.setLabelText(
            QCoreApplication.translate(
                "InboxArea",
                "Title of the saved reply (placeholders: {first_name}, {order}, {signature}):",
            )
        )
        cid = self.context.client_id

        def done(title):
            category = self.panel.detail.category if self.panel.detail else ""
            self.writer.write(
                lambda s: inbox_replies.save_reply_template(s, cid, title, body, category),
                then=lambda _r: self.reload_saved(),
            )

        dialog.textValueSelected.connect(done)
        self.host.dialog = dialog
        dialog.open()

    # -- escalations and moderation -----------------------------------------------------------
    def escalate(self) -> None:
        mid, cid = self.messages.current_id(), self.context.client_id
        if mid is None:
            return
        QueryOp(
            self.host,
            lambda s: escalation.suggest(s, cid, mid),
            lambda suggestion: self._escalate_dialog(cid, mid, suggestion),
        ).run()

    def _escalate_dialog(self, cid: int, mid: int, suggestion) -> None:
        dialog = EscalateDialog(self.context.contacts, suggestion, self.host)

        def done():
            choice = dialog.choice()
            self.writer.write(
                lambda s: escalation.escalate(s, cid, mid, **choice), then=self._escalated
            )

        dialog.accepted.connect(done)
        self.host.dialog = dialog
        dialog.open()

    def _escalated(self, info) -> None:
        if info.channel == "mailto":
            QDesktopServices.openUrl(QUrl(escalation.mailto_url(info)))
        elif info.channel == "smtp":
            self.send_by_smtp(info)
        else:
            path, _ = QFileDialog.getSaveFileName(
                self.host,
                QCoreApplication.translate("InboxArea", "Save the e-mail"),
                f"escalation-{info.id}.eml",
                "E-mail (*.eml)",
            )
            if path:
                escalation.write_eml(info, Path(path))

    def record_answer(self) -> None:
        panel = self.panel
        mid, text = self.messages.current_id(), panel.answer_edit.text()
        if mid is None:
            return
        cid = self.context.client_id

        def work(s):
            asked = escalation.for_message(s, cid, mid)
            pending = [e for e in asked if e.answered_at is None] or asked[-1:]
            if pending:  # answered meanwhile by a colleague: a conflict shows their answer
                escalation.record_answer(s, cid, pending[-1].id, text)

        d = panel.detail
        first = (d.author or "").split(" ")[0] if d is not None and d.id == mid else ""

        def recorded(_result):
            panel.answer_edit.clear()
            if first and not panel.reply.toPlainText().strip():  # a draft to the author
                panel.reply.setPlainText(
                    QCoreApplication.translate("InboxArea", "Hello {first}, {answer}").format(
                        first=first, answer=text.strip()
                    )
                )

        self.writer.write(work, then=recorded)

    def remind(self) -> None:
        """Remind the contacts whose answer is overdue: the e-mail again, marked as sent."""
        mid = self.messages.current_id()
        if mid is None:
            return
        cid, sent = self.context.client_id, []

        def work(s):
            for e in escalation.overdue(s, cid):
                if e.message_id == mid:
                    escalation.mark_reminded(s, cid, e.id)
                    sent.append(escalation.reminder(e))

        def reminded(_result):
            for info in sent:
                if "@" in info.contact_email:
                    QDesktopServices.openUrl(QUrl(escalation.mailto_url(info)))

        self.writer.write(work, then=reminded)

    def moderate(self) -> None:
        mid, rules = self.messages.current_id(), self.context.rules
        if mid is None or rules is None:
            return
        dialog = ModerateDialog(rules.moderation, self.host)
        cid = self.context.client_id

        def done():
            rule, action = dialog.rule.currentData(), dialog.action.currentData()
            note = dialog.note.text()
            self.writer.write(
                lambda s: moderation.request(s, cid, mid, action, rule.key if rule else "", note)
            )

        dialog.accepted.connect(done)
        self.host.dialog = dialog
        dialog.open()
