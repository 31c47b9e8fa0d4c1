"""The charter's version actions: new draft, send, sign, compare, export the PDF.

A part owned by :class:`ui.charter.charter_area.CharterArea`: it makes the version bar's
buttons and runs each version change as a :class:`ui.operations.WriteOp`, so the change is
announced on the change feed (other seats, the calendar's check) before the area reloads.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QWidget,
)

from app.errors import Conflict, TribuneError
from app.services.charter import signing as charter_signing
from app.services.charter import versions as charter
from app.services.charter.labels import status_label
from app.services.people import agency as agency_service
from ui.charter.charter_dialogs import CompareDialog, SignDialog
from ui.conflict_dialog import show_conflict_notice
from ui.design import set_role
from ui.icons import set_icon
from ui.messages import show_error
from ui.operations import QueryOp, WriteOp

if TYPE_CHECKING:
    from ui.charter.charter_area import CharterArea


class CharterActions(QObject):
    def __init__(self, area: CharterArea, row) -> None:
        super().__init__(area)
        self.area = area
        self.build_action_buttons(row)

    def build_action_buttons(self, row) -> None:
        self.version_combo = QComboBox()
        self.version_combo.setObjectName("versionCombo")
        self.version_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.version_combo.setMinimumContentsLength(30)
        self.version_combo.activated.connect(self._version_chosen)
        row.insertWidget(0, self.version_combo)

        def button(text: str, slot, name: str, icon: str, role: str = "secondary") -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            set_icon(b, icon)
            set_role(b, role)
            b.clicked.connect(slot)
            # Hidden until refresh_actions shows the ones the version allows: all of them
            # at once would widen the bar past the screen, and Qt grows the window to fit.
            b.hide()
            row.addWidget(b)
            return b

        self.new_draft_button = button(
            self.tr("New draft"), self.new_draft, "newDraftButton", "edit"
        )
        self.send_button = button(
            self.tr("Send for signature"), self.send_for_signature, "sendButton", "forward"
        )
        self.withdraw_button = button(
            self.tr("Back to draft"), self.back_to_draft, "withdrawButton", "back"
        )
        self.sign_button = button(
            self.tr("Record signature…"), self.record_signature, "signButton", "approval"
        )
        self.scan_button = button(
            self.tr("Attach signed copy…"), self.attach_scan, "scanButton", "open"
        )
        self.compare_button = button(
            self.tr("Compare…"), self.compare, "compareButton", "switch", "quiet"
        )
        self.export_button = button(
            self.tr("Export PDF…"), self.export, "exportButton", "report", "primary"
        )
        self.export_progress = QProgressBar()
        self.export_progress.setRange(0, 0)  # busy: QTextDocument cannot report progress
        self.export_progress.setMaximumWidth(120)
        self.export_progress.setToolTip(self.tr("Writing the PDF…"))
        self.export_progress.hide()
        row.addWidget(self.export_progress)
        self.banner = QWidget()  # under the bar when the version shown is not a draft
        self.banner.setObjectName("charterBanner")
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(12, 6, 12, 6)
        self.banner_text = QLabel()
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_text.setWordWrap(True)
        banner_row.addWidget(self.banner_text, 1)
        self.banner_button = QPushButton(self.tr("Start a new draft"))
        set_role(self.banner_button, "primary")
        self.banner_button.clicked.connect(self.new_draft)
        banner_row.addWidget(self.banner_button)
        self.banner.hide()

    def refresh_actions(self) -> None:
        doc = self.area.doc
        status = doc.version.status if doc else None
        latest = self.area.versions[0] if self.area.versions else None
        is_latest = bool(doc and latest and latest.number == doc.version.number)
        self.new_draft_button.setVisible(bool(latest and latest.status != "draft"))
        self.send_button.setVisible(status == "draft")
        self.withdraw_button.setVisible(status == "sent_for_signature")
        self.sign_button.setVisible(status in ("draft", "sent_for_signature"))
        self.compare_button.setVisible(doc is not None)
        self.compare_button.setEnabled(len(self.area.versions) > 1)
        self.scan_button.setVisible(
            status in ("signed", "superseded") and not doc.version.scan_sha256
        )
        self.export_button.setVisible(doc is not None)
        self.export_button.setEnabled(doc is not None)
        self.area.undo_button.setVisible(status == "draft")
        self.area.redo_button.setVisible(status == "draft")
        self.version_combo.setVisible(doc is not None)
        if doc is None or status == "draft":
            self.banner.hide()
            return
        when = self.area.local_date(doc.version.signed_at or doc.version.sent_at)
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

    def refresh_versions(self) -> None:
        area, combo = self.area, self.version_combo
        combo.clear()
        for v in area.versions:
            when = v.signed_at or v.sent_at or v.updated_at
            combo.addItem(
                self.tr("Version {n} — {status} — {date}").format(
                    n=v.number, status=status_label(v.status), date=area.local_date(when)
                ),
                v.number,
            )
        if area.doc is not None:
            combo.setCurrentIndex(combo.findData(area.doc.version.number))

    def _version_chosen(self, index: int) -> None:
        number = self.version_combo.itemData(index)
        if self.area.doc is None or number == self.area.doc.version.number:
            return
        self.area.flush()
        self.area.load(number)

    # -- lifecycle ------------------------------------------------------------------------
    def _write(self, fn, done_message: str = "", reload_latest: bool = True) -> None:
        """Write pending edits, then ``fn(session)`` as one operation: its changes go out on
        the feed; on success say ``done_message`` and reload, else show the error (a version
        changed meanwhile by another seat opens the conflict dialog). The buttons wait."""
        area = self.area
        area.flush()
        number = None if reload_latest or area.doc is None else area.doc.version.number
        self.set_writing(True)

        def done(_result) -> None:
            self.set_writing(False)
            area.undo_stack.clear()
            if done_message:
                area.status_message.emit(done_message)
            area.load(number)

        def failed(exc: BaseException) -> None:
            self.set_writing(False)
            if isinstance(exc, Conflict) and exc.details is not None:  # another seat's
                show_conflict_notice(area, exc, zone=area.live.zone())  # status: theirs
                area.load(number)
                return
            show_error(area, exc)

        WriteOp(area, fn, done).failure(failed).run()

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

    def _ids(self) -> tuple[int, int]:
        doc = self.area.doc
        assert doc is not None  # the buttons show only with a version
        return doc.client_id, doc.version.id

    def new_draft(self) -> None:
        client = self.area.client
        if client is None:
            return
        cid = client.id
        self._write(
            lambda s: charter.start_new_draft(s, cid),
            self.tr("A new draft was started from the signed version."),
        )

    def send_for_signature(self) -> None:
        cid, vid = self._ids()
        self._write(
            lambda s: charter_signing.send_for_signature(s, cid, vid),
            self.tr("Sent for signature. Export the PDF to send it."),
            reload_latest=False,
        )

    def back_to_draft(self) -> None:
        cid, vid = self._ids()
        self._write(lambda s: charter_signing.back_to_draft(s, cid, vid), reload_latest=False)

    def record_signature(self) -> None:
        """The agency's name and team are read on a worker, then the dialog opens."""
        area, doc = self.area, self.area.doc
        self.set_writing(True)

        def failed(exc: BaseException) -> None:
            self.set_writing(False)
            show_error(area, exc)

        QueryOp(
            area,
            lambda s: (agency_service.agency(s).name, agency_service.list_staff(s)),
            lambda found: self._open_sign_dialog(doc, *found),
        ).failure(failed).run()

    def _open_sign_dialog(self, doc, agency_name: str, staff) -> None:
        self.set_writing(False)
        if doc is not self.area.doc:  # the user went to another client or version meanwhile
            return
        dialog = SignDialog(doc, agency_name, staff, self.area)
        dialog.setObjectName("signDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._sign(doc, *dialog.result_values()))
        dialog.open()

    def _sign(self, doc, signatories, scan: bytes | None, name: str) -> None:
        if doc is not self.area.doc:
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
            self.area, self.tr("Signed copy"), str(Path.home()), self.tr("PDF (*.pdf)")
        )
        if path:
            self.attach_scan_file(path)

    def attach_scan_file(self, path: str) -> None:
        cid, vid = self._ids()
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            show_error(self.area, TribuneError(str(exc)))
            return
        name = Path(path).name
        self._write(
            lambda s: charter_signing.attach_scan(s, cid, vid, data, name),
            self.tr("The signed copy is attached."),
            reload_latest=False,
        )

    def compare(self) -> None:
        area = self.area
        if area.client is None:
            return
        dialog = CompareDialog(area.services, area.client.id, area.versions, area)
        dialog.setObjectName("compareDialog")
        dialog.open()

    # -- export ---------------------------------------------------------------------------
    def export(self) -> None:
        area = self.area
        if area.doc is None or area.client is None:
            return
        suggested = Path.home() / f"charte-{area.client.slug}-v{area.doc.version.number}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            area, self.tr("Export the charter"), str(suggested), self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_to(path)

    def export_to(self, path: str, on_done=None) -> None:
        """Write the PDF of the version shown, off the GUI thread, with a busy indicator."""
        from app.documents.charter_pdf import export_charter_pdf, gather
        from app.documents.pdf import ensure_fonts

        area = self.area
        area.flush()
        if area.doc is None:
            return
        ensure_fonts()  # registered on the GUI thread, used by the worker
        cid, number = area.doc.client_id, area.doc.version.number
        self.export_progress.show()  # indeterminate bar in the toolbar
        self.export_button.setEnabled(False)

        def finish():
            self.export_progress.hide()
            self.export_button.setEnabled(area.doc is not None)

        def done(result):
            finish()
            area.status_message.emit(
                self.tr("Charter exported to {path} ({pages} pages).").format(
                    path=result.path, pages=result.pages
                )
            )
            if on_done:
                on_done(result)

        def failed(exc):
            finish()
            show_error(area, exc)
            if on_done:
                on_done(exc)

        QueryOp(area, lambda s: export_charter_pdf(gather(s, cid, number), path), done).failure(
            failed
        ).run()
