"""Inbox actions around the messages: tags, saved replies, the client's SMTP server.

A mixin of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context).
Every read, write and the SMTP conversation itself run in the TaskRunner.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.services.inbox import escalation_smtp
from app.services.inbox import replies as inbox_replies
from app.services.inbox import triage as inbox_triage
from ui.inbox.inbox_more_dialogs import SavedRepliesDialog, SmtpDialog
from ui.messages import show_error
from ui.operations import QueryOp, WriteOp


class InboxSettingsActions:
    # -- tags -------------------------------------------------------------------------------
    def save_tags(self) -> None:
        d, cid = self.conv.detail, self.client.id if self.client else None
        if d is None or cid is None:
            return
        tags = [t.strip() for t in self.conv.tags.text().split(",") if t.strip()]
        if sorted(set(tags)) == sorted(d.tags):
            return
        seen = d.tags  # applied as additions and removals: a colleague's new tag stays
        self._write(lambda s: inbox_triage.set_tags(s, cid, d.id, tags, seen=seen), keep=d.id)

    # -- saved replies --------------------------------------------------------------------
    def manage_saved(self) -> None:
        if self.client is None:
            return
        dialog = SavedRepliesDialog(getattr(self, "saved_list", []), self)
        cid = self.client.id
        # the version each saved reply had when shown: a rewrite meanwhile is a conflict
        versions = {r.id: r.version for r in getattr(self, "saved_list", [])}

        def reload(keep=None):
            def loaded(saved):
                versions.clear()
                versions.update({r.id: r.version for r in saved})
                self.fill_saved(saved)
                dialog.set_replies(saved, keep)

            QueryOp(self, lambda s: inbox_replies.saved_replies(s, cid), loaded).run()

        def write(fn, keep=None, retry=None):
            WriteOp(self, fn, lambda _r: reload(keep)).failure(
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
        self.dialog = dialog
        dialog.open()

    # -- SMTP -----------------------------------------------------------------------------
    def smtp_settings(self) -> None:
        if self.client is None:
            return
        cid = self.client.id
        QueryOp(
            self,
            lambda s: escalation_smtp.get_settings(s, cid),
            lambda settings: self._smtp_dialog(cid, settings),
        ).run()

    def _smtp_dialog(self, cid: int, settings) -> None:
        dialog = SmtpDialog(settings, self)

        def done():
            chosen, password = dialog.settings(), dialog.password.text()
            WriteOp(
                self,
                lambda s: escalation_smtp.save_settings(s, cid, chosen, password),
                lambda _r: self.status_message.emit(
                    QCoreApplication.translate("InboxArea", "SMTP settings saved.")
                ),
            ).run()

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def send_escalation_smtp(self, info) -> None:
        """The escalation is recorded; now send its e-mail through the client's server."""
        db, cid = self.services.db, self.client.id

        def work():
            with db.read() as s:
                job = escalation_smtp.prepare(s, cid, info.id)
            escalation_smtp.send(job)  # the network, outside any session
            return job.info.contact_email

        def sent(address):
            self.last_smtp = address
            self.status_message.emit(
                QCoreApplication.translate("InboxArea", "E-mail sent to {address}.").format(
                    address=address
                )
            )

        def failed(exc):
            self.last_smtp = None
            show_error(self, exc)

        self._bg(work, sent, failed)
