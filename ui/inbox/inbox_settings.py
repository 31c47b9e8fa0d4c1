"""The inbox's tools around the messages: saved replies, the client's SMTP server, the CSV
import and the escalation log's export.

A part of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context).
Reads and writes are QueryOps and WriteOps; the SMTP conversation runs in a QueryOp after
its read transaction ended. The CSV import is a DatabaseOp with progress and a cancel
button; what it committed (a cancelled or failed import's batches too) goes out on the
change feed (the list, the badges and other areas follow).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from app.services.inbox import escalation_export, escalation_smtp
from app.services.inbox import replies as inbox_replies
from app.services.inbox.csv_import import import_csv
from ui.inbox.inbox_more_dialogs import SavedRepliesDialog, SmtpDialog
from ui.messages import show_error
from ui.operations import DatabaseOp, QueryOp, WriteOp


class InboxTools(QObject):
    def __init__(
        self,
        host,
        context,
        show_saved: Callable[[list], None],
        say: Callable[[str], None],
    ) -> None:
        super().__init__(host)
        self.host, self.context = host, context
        self.show_saved, self.say = show_saved, say
        self.last_smtp: str | None = None
        self.last_import = None
        self.import_summary = ""

    # -- saved replies --------------------------------------------------------------------
    def manage_saved(self) -> None:
        cid = self.context.client_id
        if cid is None:
            return
        dialog = SavedRepliesDialog(self.context.saved, self.host)
        # the version each saved reply had when shown: a rewrite meanwhile is a conflict
        versions = {r.id: r.version for r in self.context.saved}
        host = self.host

        def reload(keep=None):
            def loaded(saved):
                versions.clear()
                versions.update({r.id: r.version for r in saved})
                self.show_saved(saved)
                dialog.set_replies(saved, keep)

            QueryOp(host, lambda s: inbox_replies.saved_replies(s, cid), loaded).run()

        def write(fn, keep=None, retry=None):
            WriteOp(host, fn, lambda _r: reload(keep)).failure(
                lambda exc: dialog.failed(exc, retry, lambda: reload(keep))
            ).run()

        def save(rid, title, body, version=None):
            v = versions.get(rid) if version is None else version
            write(
                lambda s: inbox_replies.update_saved_reply(
                    s, cid, rid, title, body, expected_version=v
                ),
                rid,
                lambda current, text: save(rid, title, text, current),  # keep mine: over theirs
            )

        def delete(rid, version=None):
            v = versions.get(rid) if version is None else version
            write(
                lambda s: inbox_replies.delete_saved_reply(s, cid, rid, expected_version=v),
                retry=lambda current, _text: delete(rid, current),
            )

        dialog.save_requested.connect(save)
        dialog.delete_requested.connect(delete)
        host.dialog = dialog
        dialog.open()

    # -- SMTP -----------------------------------------------------------------------------
    def smtp_settings(self) -> None:
        cid = self.context.client_id
        if cid is None:
            return
        QueryOp(
            self.host,
            lambda s: escalation_smtp.get_settings(s, cid),
            lambda settings: self._smtp_dialog(cid, settings),
        ).run()

    def _smtp_dialog(self, cid: int, settings) -> None:
        dialog = SmtpDialog(settings, self.host)

        def done():
            chosen, password = dialog.settings(), dialog.password.text()
            WriteOp(
                self.host,
                lambda s: escalation_smtp.save_settings(s, cid, chosen, password),
                lambda _r: self.say(
                    QCoreApplication.translate("InboxArea", "SMTP settings saved.")
                ),
            ).run()

        dialog.accepted.connect(done)
        self.host.dialog = dialog
        dialog.open()

    def send_escalation_smtp(self, info) -> None:
        """The escalation is recorded; now send its e-mail through the client's server."""
        cid = self.context.client_id

        def work(s):
            job = escalation_smtp.prepare(s, cid, info.id)
            s.rollback()  # the read is over: the network waits outside any transaction
            escalation_smtp.send(job)
            return job.info.contact_email

        def sent(address):
            self.last_smtp = address
            self.say(
                QCoreApplication.translate("InboxArea", "E-mail sent to {address}.").format(
                    address=address
                )
            )

        def failed(exc):
            self.last_smtp = None
            show_error(self.host, exc)

        QueryOp(self.host, work, sent).failure(failed).run()

    # -- import / export ------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> None:
        host = self.host
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                host, QCoreApplication.translate("InboxArea", "Import messages"), "", "CSV (*.csv)"
            )
        if not path:
            return
        cid = self.context.client_id
        progress = QProgressDialog(
            QCoreApplication.translate("InboxArea", "Importing messages…"),
            QCoreApplication.translate("InboxArea", "Cancel"),
            0,
            0,
            host,
        )
        progress.setObjectName("inboxImportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()

        def on_progress(done, total, _label):
            progress.setMaximum(total)
            progress.setValue(done)

        def work(db, progress_of, tok):
            return import_csv(db, cid, Path(path), progress_of, tok)

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
            self.say(lines[0])
            self.import_summary = "\n".join(lines)
            box = QMessageBox(host)
            box.setObjectName("inboxImportReport")
            box.setIcon(QMessageBox.Icon.Warning if report.errors else QMessageBox.Icon.Information)
            box.setWindowTitle(QCoreApplication.translate("InboxArea", "Import messages"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText(lines[0])
            if report.errors:  # every bad row, with its line, in the details
                box.setDetailedText("\n".join(lines[1:]))
            box.open()

        def failed(exc):
            progress.close()
            show_error(host, exc)

        # batches of units of work: the whole Database; each batch committed goes on the feed
        # (the list, the badges, other areas), a cancelled or failed import's batches too
        op = DatabaseOp(host, work, finished).writes().with_progress(on_progress).failure(failed)
        progress.canceled.connect(op.run().cancel)

    def export_log(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.host,
            QCoreApplication.translate("InboxArea", "Export the escalation log"),
            "escalations.pdf",
            "PDF (*.pdf);;CSV (*.csv)",
        )
        if not path:
            return
        cid = self.context.client_id
        fn = (
            escalation_export.export_csv
            if path.lower().endswith(".csv")
            else escalation_export.export_pdf
        )
        QueryOp(
            self.host,
            lambda s: fn(s, cid, Path(path)),
            lambda n: self.say(
                QCoreApplication.translate("InboxArea", "%Ln escalation(s) exported.", "", n)
            ),
        ).run()
