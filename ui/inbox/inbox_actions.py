"""What the inbox's buttons and keys do: each action is one service call in one transaction.

A mixin of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QProgressDialog

from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.inbox import escalation, escalation_export, moderation, resubmit
from app.services.inbox import replies as inbox_replies
from app.services.inbox import triage as inbox_triage
from app.services.inbox.csv_import import import_csv
from ui.inbox.inbox_dialogs import EscalateDialog, ModerateDialog
from ui.messages import show_error
from ui.operations import QueryOp
from ui.rights import guard


class InboxActions:
    def add_note(self) -> None:
        mid, text, cid = self.current_id(), self.conv.note_edit.text(), self.client.id
        if mid is not None:
            self._write(
                lambda s: inbox_triage.add_note(s, cid, mid, text),
                then=lambda _r: self.conv.note_edit.clear(),
            )

    def send_reply(self) -> None:
        self._draft_timer.stop()  # the reply is being sent: no draft write behind it
        mid, text = self.current_id(), self.conv.reply.toPlainText()
        private, cid = self.conv.private.isChecked(), self.client.id
        if mid is None:
            return

        def sent(held):
            self.conv.reply.clear()
            self.status_message.emit(
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

        back = self.conv.returned
        if back is not None and back.message_id == mid:  # sent back by a lead: resubmitted

            def write(s, also_if_queued=False):
                resubmit.resubmit(s, cid, back.release_id, text, also_if_queued=also_if_queued)
                return True  # it waits for a lead again

        def queue_too():  # a colleague queued a reply first: the user said "queue mine too"
            self._write(lambda s: write(s, also_if_queued=True), then=sent)

        self._write(write, then=sent, on_conflict=queue_too)

    def _check_style(self) -> None:
        d, text = self.conv.detail, self.conv.reply.toPlainText()
        if d is None or self.rules is None or not text.strip():
            self.conv.warnings.setText("")
            self.conv.counter.setText("")
            return
        warnings = inbox_replies.style_warnings(text, self.rules.style, d.network, d.category)
        self.conv.warnings.setText("\n".join("⚠ " + w.message for w in warnings))
        limit = inbox_replies.NETWORK_LIMITS.get(d.network)
        self.conv.counter.setText(f"{len(text)} / {limit}" if limit else str(len(text)))

    def _use_saved(self, index: int) -> None:
        body, mid = self.conv.saved.itemData(index), self.current_id()
        self.conv.saved.setCurrentIndex(0)
        if not body or mid is None:
            return
        cid = self.client.id

        def fill(values):
            if self.current_id() == mid:
                self.conv.reply.setPlainText(inbox_replies.render_template(body, values))

        QueryOp(self, lambda s: inbox_replies.placeholders_for(s, cid, mid), fill).run()

    def escalate(self) -> None:
        mid = self.current_id()
        if mid is None:
            return
        cid = self.client.id
        QueryOp(
            self,
            lambda s: escalation.suggest(s, cid, mid),
            lambda suggestion: self._escalate_dialog(cid, mid, suggestion),
        ).run()

    def _escalate_dialog(self, cid: int, mid: int, suggestion) -> None:
        dialog = EscalateDialog(self.contacts, suggestion, self)

        def done():
            choice = dialog.choice()
            self._write(lambda s: escalation.escalate(s, cid, mid, **choice), then=self._escalated)

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def _escalated(self, info) -> None:
        if info.channel == "mailto":
            QDesktopServices.openUrl(QUrl(escalation.mailto_url(info)))
        elif info.channel == "smtp":
            self.send_escalation_smtp(info)
        else:
            path, _ = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("InboxArea", "Save the e-mail"),
                f"escalation-{info.id}.eml",
                "E-mail (*.eml)",
            )
            if path:
                escalation.write_eml(info, Path(path))

    def record_answer(self) -> None:
        mid, text = self.current_id(), self.conv.answer_edit.text()
        if mid is None:
            return
        cid = self.client.id

        def work(s):
            asked = escalation.for_message(s, cid, mid)
            pending = [e for e in asked if e.answered_at is None] or asked[-1:]
            if pending:  # answered meanwhile by a colleague: a conflict shows their answer
                escalation.record_answer(s, cid, pending[-1].id, text)

        d = self.conv.detail
        first = (d.author or "").split(" ")[0] if d is not None and d.id == mid else ""

        def recorded(_result):
            self.conv.answer_edit.clear()
            if first and not self.conv.reply.toPlainText().strip():  # a draft to the author
                self.conv.reply.setPlainText(
                    QCoreApplication.translate("InboxArea", "Hello {first}, {answer}").format(
                        first=first, answer=text.strip()
                    )
                )

        self._write(work, then=recorded)

    def bulk_menu(self) -> QMenu:
        """Actions on every selected message (right click on the list)."""
        menu = QMenu(self)
        n = len(self.selected_ids())
        menu.addSection(QCoreApplication.translate("InboxArea", "{n} selected").format(n=n))
        assign = menu.addMenu(QCoreApplication.translate("InboxArea", "Assign to"))
        for st in self.staff:
            assign.addAction(st.name, lambda sid=st.id: self.assign(sid))
        assign.addAction(
            QCoreApplication.translate("InboxArea", "Nobody"), lambda: self.assign(None)
        )
        categorise = menu.addMenu(QCoreApplication.translate("InboxArea", "Categorise"))
        for c in MESSAGE_CATEGORIES:
            categorise.addAction(inbox_triage.category_label(c), lambda c=c: self.categorise(c))
        priority = menu.addMenu(QCoreApplication.translate("InboxArea", "Priority"))
        for level, label in (
            (0, QCoreApplication.translate("InboxArea", "Normal")),
            (1, QCoreApplication.translate("InboxArea", "High")),
            (2, QCoreApplication.translate("InboxArea", "Urgent")),
        ):
            priority.addAction(label, lambda level=level: self.set_priority(level))
        menu.addAction(
            QCoreApplication.translate("InboxArea", "Mark in progress"),
            lambda: self.set_status_now("in_progress"),
        )
        menu.addAction(
            QCoreApplication.translate("InboxArea", "Close…"), lambda: self.change_status("closed")
        )
        menu.addAction(
            QCoreApplication.translate("InboxArea", "Ignore…"),
            lambda: self.change_status("ignored"),
        )
        for act in menu.actions():  # every one of them is triage (the section title too)
            guard(act, "triage")
        self.menu = menu
        return menu

    def save_template(self) -> None:
        """Keep the reply being written as a saved reply ({first_name}, {order}... allowed)."""
        body = self.conv.reply.toPlainText()
        dialog = QInputDialog(self)
        dialog.setObjectName("inboxTemplateTitle")
        dialog.setWindowTitle(QCoreApplication.translate("InboxArea", "Saved reply"))
        dialog.setLabelText(
            QCoreApplication.translate(
                "InboxArea",
                "Title of the saved reply (placeholders: {first_name}, {order}, {signature}):",
            )
        )
        cid = self.client.id

        def done(title):
            category = self.conv.detail.category if self.conv.detail else ""
            self._write(
                lambda s: inbox_replies.save_reply_template(s, cid, title, body, category),
                then=lambda _r: self.reload_saved(),
            )

        dialog.textValueSelected.connect(done)
        self.dialog = dialog
        dialog.open()

    def reload_saved(self) -> None:
        cid = self.client.id
        QueryOp(self, lambda s: inbox_replies.saved_replies(s, cid), self.fill_saved).run()

    def remind(self) -> None:
        """Remind the contacts whose answer is overdue: the e-mail again, marked as sent."""
        mid = self.current_id()
        if mid is None:
            return
        cid, sent = self.client.id, []

        def work(s):
            for e in escalation.overdue(s, cid):
                if e.message_id == mid:
                    escalation.mark_reminded(s, cid, e.id)
                    sent.append(escalation.reminder(e))

        def reminded(_result):
            for info in sent:
                if "@" in info.contact_email:
                    QDesktopServices.openUrl(QUrl(escalation.mailto_url(info)))

        self._write(work, then=reminded)

    def moderate(self) -> None:
        mid = self.current_id()
        if mid is None or self.rules is None:
            return
        dialog = ModerateDialog(self.rules.moderation, self)
        cid = self.client.id

        def done():
            rule, action = dialog.rule.currentData(), dialog.action.currentData()
            note = dialog.note.text()
            self._write(
                lambda s: moderation.request(s, cid, mid, action, rule.key if rule else "", note)
            )

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    # -- import / export through the TaskRunner ---------------------------------------------
    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, QCoreApplication.translate("InboxArea", "Import messages"), "", "CSV (*.csv)"
            )
        if not path:
            return
        db, cid = self.services.db, self.client.id
        progress = QProgressDialog(
            QCoreApplication.translate("InboxArea", "Importing messages…"),
            QCoreApplication.translate("InboxArea", "Cancel"),
            0,
            0,
            self,
        )
        progress.setObjectName("inboxImportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()

        def on_progress(done, total, _label):
            progress.setMaximum(total)
            progress.setValue(done)

        def finished(report):
            progress.close()
            self.last_import = report
            lines = [
                QCoreApplication.translate(
                    "InboxArea", "{a} added, {d} duplicates, {e} rejected"
                ).format(a=report.added, d=report.duplicates, e=len(report.errors))
            ]
            lines += [
                QCoreApplication.translate("InboxArea", "line {l}: {r}").format(
                    l=e.line, r=e.reason
                )
                for e in report.errors
            ]
            self.status_message.emit(lines[0])
            self.import_summary = "\n".join(lines)
            box = QMessageBox(self)
            box.setObjectName("inboxImportReport")
            box.setIcon(QMessageBox.Icon.Warning if report.errors else QMessageBox.Icon.Information)
            box.setWindowTitle(QCoreApplication.translate("InboxArea", "Import messages"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(lines[0])
            if report.errors:  # every bad row, with its line, in the details
                box.setDetailedText("\n".join(lines[1:]))
            box.open()
            self.refresh()
            self.counts_changed.emit()

        def failed(exc):
            progress.close()
            show_error(self, exc)

        token = self.services.tasks.run(
            lambda report, tok: import_csv(db, cid, Path(path), report, tok),
            finished,
            failed,
            on_progress=on_progress,
        )
        progress.canceled.connect(token.cancel)

    def export_log(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("InboxArea", "Export the escalation log"),
            "escalations.pdf",
            "PDF (*.pdf);;CSV (*.csv)",
        )
        if not path:
            return
        db, cid = self.services.db, self.client.id
        fn = (
            escalation_export.export_csv
            if path.lower().endswith(".csv")
            else escalation_export.export_pdf
        )

        def work():
            with db.read() as s:
                return fn(s, cid, Path(path))

        self.services.tasks.run(
            work,
            lambda n: self.status_message.emit(
                QCoreApplication.translate("InboxArea", "{n} escalations exported.").format(n=n)
            ),
            lambda exc: show_error(self, exc),
        )
