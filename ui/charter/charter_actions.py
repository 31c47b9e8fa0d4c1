"""The charter's version actions: new draft, send, sign, compare, export the PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar, QPushButton

from app.errors import TribuneError
from app.services.charter import signing as charter_signing
from app.services.charter import versions as charter
from app.services.people import agency as agency_service
from ui.charter.charter_dialogs import CompareDialog, SignDialog
from ui.messages import show_error


class CharterActions:
    """Mixed into :class:`CharterArea` (which provides doc, client, services, load, flush)."""

    def build_action_buttons(self, row) -> None:
        def button(text: str, slot, name: str) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            # Hidden until refresh_actions shows the ones the version allows: all of them
            # at once would widen the bar past the screen, and Qt grows the window to fit.
            b.hide()
            row.addWidget(b)
            return b

        self.new_draft_button = button(self.tr("New draft"), self.new_draft, "newDraftButton")
        self.send_button = button(
            self.tr("Send for signature"), self.send_for_signature, "sendButton"
        )
        self.withdraw_button = button(
            self.tr("Back to draft"), self.back_to_draft, "withdrawButton"
        )
        self.sign_button = button(self.tr("Record signature…"), self.record_signature, "signButton")
        self.scan_button = button(self.tr("Attach signed copy…"), self.attach_scan, "scanButton")
        self.compare_button = button(self.tr("Compare…"), self.compare, "compareButton")
        self.export_button = button(self.tr("Export PDF…"), self.export, "exportButton")
        self.export_button.setProperty("primary", True)
        self.export_progress = QProgressBar()
        self.export_progress.setRange(0, 0)  # busy: QTextDocument cannot report progress
        self.export_progress.setMaximumWidth(120)
        self.export_progress.setToolTip(self.tr("Writing the PDF…"))
        self.export_progress.hide()
        row.addWidget(self.export_progress)

    def refresh_actions(self) -> None:
        doc = self.doc
        status = doc.version.status if doc else None
        latest = self.versions[0] if self.versions else None
        is_latest = bool(doc and latest and latest.number == doc.version.number)
        self.new_draft_button.setVisible(bool(latest and latest.status != "draft"))
        self.send_button.setVisible(status == "draft")
        self.withdraw_button.setVisible(status == "sent_for_signature")
        self.sign_button.setVisible(status in ("draft", "sent_for_signature"))
        self.compare_button.setVisible(doc is not None)
        self.compare_button.setEnabled(len(self.versions) > 1)
        self.scan_button.setVisible(
            status in ("signed", "superseded") and not doc.version.scan_sha256
        )
        self.export_button.setVisible(doc is not None)
        self.export_button.setEnabled(doc is not None)
        self.undo_button.setVisible(status == "draft")
        self.redo_button.setVisible(status == "draft")
        self.version_combo.setVisible(doc is not None)
        if doc is None or status == "draft":
            self.banner.hide()
            return
        when = self.local_date(doc.version.signed_at or doc.version.sent_at)
        if status == "signed":
            text = self.tr(
                "Version {n} was signed on {date} and is frozen. To change the charter, start a "
                "new draft from it."
            )
        elif status == "superseded":
            text = self.tr("Version {n}, signed on {date}, was replaced by a later version.")
        else:
            text = self.tr(
                "Version {n} was sent for signature on {date}; take it back to draft to change it."
            )
        text = text.format(n=doc.version.number, date=when)
        if doc.version.scan_sha256:
            text += " " + self.tr("Signed copy: {name} (SHA-256 {digest}…).").format(
                name=doc.version.scan_filename, digest=doc.version.scan_sha256[:12]
            )
        self.banner_text.setText(text)
        self.banner_button.setVisible(status == "signed" and is_latest)
        self.banner.show()

    # -- lifecycle ------------------------------------------------------------------------
    def _write(self, fn, done_message: str = "", reload_latest: bool = True) -> None:
        """Write pending edits, then ``fn(session)`` in one transaction on a worker; on success
        say ``done_message`` and reload, else show the error. The version's buttons wait."""
        self.flush()
        db = self.services.db
        number = None if reload_latest or self.doc is None else self.doc.version.number
        self.set_writing(True)

        def work() -> None:
            with db.session() as s:
                fn(s)

        def done(_result) -> None:
            self.set_writing(False)
            self.undo_stack.clear()
            if done_message:
                self.status_message.emit(done_message)
            self.load(number)

        def failed(exc: BaseException) -> None:
            self.set_writing(False)
            show_error(self, exc)

        self.services.tasks.run(work, done, failed)

    def set_writing(self, writing: bool) -> None:
        """While a version change is written, its buttons cannot be pressed a second time."""
        for button in (
            self.new_draft_button,
            self.send_button,
            self.withdraw_button,
            self.sign_button,
            self.scan_button,
        ):
            button.setEnabled(not writing)

    def new_draft(self) -> None:
        cid = self.client.id
        self._write(
            lambda s: charter.start_new_draft(s, cid),
            self.tr("A new draft was started from the signed version."),
        )

    def send_for_signature(self) -> None:
        cid, vid = self.client.id, self.doc.version.id
        self._write(
            lambda s: charter_signing.send_for_signature(s, cid, vid),
            self.tr("Sent for signature. Export the PDF to send it."),
            reload_latest=False,
        )

    def back_to_draft(self) -> None:
        cid, vid = self.client.id, self.doc.version.id
        self._write(lambda s: charter_signing.back_to_draft(s, cid, vid), reload_latest=False)

    def record_signature(self) -> None:
        """The agency's name and team are read on a worker, then the dialog opens."""
        db, doc = self.services.db, self.doc
        self.set_writing(True)

        def read():
            with db.read() as s:
                return agency_service.agency(s).name, agency_service.list_staff(s)

        def failed(exc: BaseException) -> None:
            self.set_writing(False)
            show_error(self, exc)

        self.services.tasks.run(read, lambda found: self._open_sign_dialog(doc, *found), failed)

    def _open_sign_dialog(self, doc, agency_name: str, staff) -> None:
        self.set_writing(False)
        if doc is not self.doc:  # the user went to another client or version meanwhile
            return
        dialog = SignDialog(doc, agency_name, staff, self)
        dialog.setObjectName("signDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._sign(doc, *dialog.result_values()))
        dialog.open()

    def _sign(self, doc, signatories, scan: bytes | None, name: str) -> None:
        if doc is not self.doc:
            return
        cid, vid, draft = doc.client_id, doc.version.id, doc.version.status == "draft"

        def sign(s):
            if draft:
                charter_signing.send_for_signature(s, cid, vid)
            charter_signing.record_signature(
                s, cid, vid, signatories, scan=scan, scan_filename=name
            )

        self._write(sign, self.tr("The charter is signed and now in force."), reload_latest=False)

    def attach_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Signed copy"), str(Path.home()), self.tr("PDF (*.pdf)")
        )
        if path:
            self.attach_scan_file(path)

    def attach_scan_file(self, path: str) -> None:
        cid, vid = self.client.id, self.doc.version.id
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            show_error(self, TribuneError(str(exc)))
            return
        name = Path(path).name
        self._write(
            lambda s: charter_signing.attach_scan(s, cid, vid, data, name),
            self.tr("The signed copy is attached."),
            reload_latest=False,
        )

    def compare(self) -> None:
        dialog = CompareDialog(
            self.services.db, self.client.id, self.versions, self.services.tasks, self
        )
        dialog.setObjectName("compareDialog")
        dialog.open()

    # -- export ---------------------------------------------------------------------------
    def export(self) -> None:
        v = self.doc.version
        suggested = Path.home() / f"charte-{self.client.slug}-v{v.number}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the charter"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str, on_done=None) -> None:
        """Write the PDF of the version shown, off the GUI thread, with a busy indicator."""
        from app.documents.charter_pdf import export_charter_pdf, gather
        from app.documents.pdf import ensure_fonts

        self.flush()
        ensure_fonts()  # registered on the GUI thread, used by the worker
        db, cid, number = self.services.db, self.client.id, self.doc.version.number
        self.export_progress.show()  # indeterminate bar in the toolbar
        self.export_button.setEnabled(False)

        def work():
            with db.read() as s:
                inp = gather(s, cid, number)
            return export_charter_pdf(inp, path)

        def finish():
            self.export_progress.hide()
            self.export_button.setEnabled(self.doc is not None)

        def done(result):
            finish()
            self.status_message.emit(
                self.tr("Charter exported to {path} ({pages} pages).").format(
                    path=result.path, pages=result.pages
                )
            )
            if on_done:
                on_done(result)

        def failed(exc):
            finish()
            show_error(self, exc)
            if on_done:
                on_done(exc)

        self.services.tasks.run(work, done, failed)

    def confirm(self, text: str) -> bool:
        answer = QMessageBox.question(self, self.tr("Charter"), text)
        return answer == QMessageBox.StandardButton.Yes
