"""The monthly report dialog: the CM writes successes and failures, then writes the PDF.

The commentary is saved with the report (report_commentaries), and on its own two seconds
after the last keystroke, when the month changes and when the dialog closes; it is read
(QueryOp) and written (WriteOp, on the change feed) in one runner queue, in the order
asked. The PDF is rendered in a worker through the TaskRunner with a progress bar and a
Cancel button (checked between sections: nothing is written when cancelled), in the language
chosen here (the client's by default), then opened with the desktop's PDF viewer if asked.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.reports.commentary import get_commentary, save_commentary
from ui import icons
from ui.areas import AreaServices
from ui.design import set_role, style_button_box
from ui.messages import show_error
from ui.operations import DatabaseOp, QueryOp, WriteOp

AUTOSAVE_MS = 2000


class ReportDialog(QDialog):
    """Signals:
    written(str): the PDF was written at this path.
    cancelled(): the user cancelled the PDF being written; nothing was written.
    saved(): the commentary was saved.
    commentary_loaded(): the month's commentary is in the fields (read on a worker).
    """

    written = Signal(str)
    cancelled = Signal()
    saved = Signal()
    commentary_loaded = Signal()

    def __init__(
        self, services: AreaServices, client, month: dt.date, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.services, self.client = services, client
        self.setWindowTitle(self.tr("Monthly report — {client}").format(client=client.name))
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.month = QDateEdit(QDate(month.year, month.month, 1))
        self.month.setDisplayFormat("MM/yyyy")
        self.month.setCalendarPopup(True)
        form.addRow(self.tr("Month:"), self.month)
        self.language = QComboBox()
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        index = self.language.findData(client.language or "fr")
        self.language.setCurrentIndex(max(index, 0))
        self.language.setToolTip(self.tr("Language of the report (the client's by default)"))
        form.addRow(self.tr("Language:"), self.language)
        self.successes = QPlainTextEdit()
        self.successes.setPlaceholderText(self.tr("What worked this month"))
        self.failures = QPlainTextEdit()
        self.failures.setPlaceholderText(self.tr("What did not work, and why"))
        self.next_steps = QPlainTextEdit()
        self.next_steps.setPlaceholderText(self.tr("What we will do next month"))
        form.addRow(self.tr("Successes:"), self.successes)
        form.addRow(self.tr("Failures:"), self.failures)
        form.addRow(self.tr("Next steps:"), self.next_steps)
        layout.addLayout(form)
        self.info = QLabel()
        self.info.setTextFormat(Qt.TextFormat.PlainText)
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.open_after = QCheckBox(self.tr("Open the PDF once written"))
        self.open_after.setChecked(True)
        layout.addWidget(self.open_after)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop writing the PDF (nothing is written)"))
        self.cancel_button.setVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save commentary"))
        self.pdf_button = QPushButton(self.tr("Write PDF…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        # the PDF is what the dialog is for: primary; saving the commentary, closing: secondary
        style_button_box(buttons)
        set_role(self.pdf_button, "primary")
        set_role(self.save_button, "secondary")
        set_role(self.cancel_button, "secondary")
        self.pdf_button.setDefault(True)
        icons.set_icon(self.pdf_button, "report", "on_accent")
        icons.set_icon(self.save_button, "save")
        self.cancel_button.clicked.connect(self.cancel_pdf)
        self._token = None
        self.open_url = QDesktopServices.openUrl  # replaced in tests
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self._queue = f"report-commentary-{id(self)}"  # reads and saves in the order asked
        self._shown_month = ""  # the month whose commentary the fields hold
        self._dirty = False
        self.loading = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save)
        for edit in self._edits():
            edit.textChanged.connect(self._edited)
        self.month.dateChanged.connect(self.load)
        self.load()

    def _edits(self) -> tuple[QPlainTextEdit, ...]:
        return (self.successes, self.failures, self.next_steps)

    def month_key(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def _edited(self) -> None:
        if not self.loading:
            self._dirty = True
            self._autosave.start()

    def load(self) -> None:
        """Read the month's commentary on a worker (what was typed for the month shown
        before is saved first); the fields wait, read-only, until it is in."""
        self._save_pending()
        client_id, month = self.client.id, self.month_key()
        self.loading = True
        for edit in self._edits():
            edit.setReadOnly(True)

        def loaded(c) -> None:
            if month != self.month_key():  # the user moved on meanwhile: a later read comes
                return
            texts = (c.successes, c.failures, c.next_steps)
            for edit, text in zip(self._edits(), texts, strict=True):
                edit.setPlainText(text)
                edit.setReadOnly(False)
            self._shown_month, self._dirty, self.loading = month, False, False
            self.commentary_loaded.emit()

        QueryOp(self, lambda s: get_commentary(s, client_id, month), loaded).in_queue(
            self._queue
        ).failure(self._failed_io).run()

    def _texts(self) -> dict[str, str]:
        return {
            "successes": self.successes.toPlainText(),
            "failures": self.failures.toPlainText(),
            "next_steps": self.next_steps.toPlainText(),
        }

    def _save_pending(self) -> None:
        """Typed and not saved yet: save it, for the month it was typed for."""
        self._autosave.stop()
        if self._dirty and self._shown_month:
            self._dirty = False
            self._write(self._shown_month, self._texts())

    def save(self) -> None:
        """Save the commentary on a worker ("Commentary saved." and ``saved()`` once done)."""
        self._autosave.stop()
        if self.loading or not self._shown_month:
            return
        self._dirty = False
        self._write(self._shown_month, self._texts())

    def _write(self, month: str, texts: dict[str, str]) -> None:
        client_id = self.client.id

        def done(_result) -> None:
            self.info.setText(self.tr("Commentary saved."))
            self.saved.emit()

        # after the reads and writes already queued: the months' texts never cross
        WriteOp(self, lambda s: save_commentary(s, client_id, month, **texts), done).in_queue(
            self._queue
        ).failure(self._failed_io).run()

    def _failed_io(self, exc: BaseException) -> None:
        self._dirty = True  # kept in the fields: the next save tries again
        show_error(self, exc)

    def done(self, result: int) -> None:
        """Closing keeps what was typed: it is saved on the way out."""
        self._save_pending()
        super().done(result)

    def ask_pdf(self) -> None:
        name = f"{self.client.slug}-{self.month_key()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the report"), name, self.tr("PDF (*.pdf)")
        )
        if path:
            self.write_pdf(path)

    def report_language(self) -> str:
        return self.language.currentData()

    def write_pdf(self, path: str) -> None:
        """Save the commentary, then render the PDF, on one worker."""
        from app.documents.pdf import ensure_fonts
        from app.documents.report_pdf import render_report

        if self.loading:
            return
        self._autosave.stop()
        ensure_fonts()  # registered on the GUI thread, used by the worker
        client_id, month = self.client.id, self.month_key()
        language, texts = self.report_language(), self._texts()
        self._dirty = False

        def work(db, progress, token):
            with db.session() as session:
                save_commentary(session, client_id, month, **texts)
            return render_report(
                db,
                client_id,
                month,
                path,
                language=language,
                progress=progress,
                is_cancelled=lambda: token.cancelled,
            )

        self._busy(True)
        self.info.setText(self.tr("Writing the report…"))
        # the commentary's unit of work, then the figures read for the PDF: the whole Database
        self._token = (
            DatabaseOp(self, work, self._written)
            .writes()
            .with_progress(self._progress)
            .in_queue(self._queue)
            .failure(self._failed)
            .run()
        )

    def cancel_pdf(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self.cancel_button.setEnabled(False)
            self.info.setText(self.tr("Cancelling…"))

    def _busy(self, on: bool) -> None:
        self.progress.setRange(0, 0)
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        self.cancel_button.setEnabled(on)
        self.pdf_button.setEnabled(not on)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        if label:
            self.info.setText(self.tr("Writing the report: {step}…").format(step=label))

    def _written(self, result) -> None:
        self._busy(False)
        self._token = None
        self.info.setText(
            self.tr("Report written: {path} ({pages} pages)").format(
                path=result.path, pages=result.pages
            )
        )
        if self.open_after.isChecked():
            self.open_url(QUrl.fromLocalFile(str(result.path)))
        self.written.emit(str(result.path))

    def _failed(self, exc: BaseException) -> None:
        from app.documents.report_pdf import ReportCancelled

        self._busy(False)
        self._token = None
        if isinstance(exc, ReportCancelled):
            self.info.setText(self.tr("Cancelled: no PDF was written."))
            self.cancelled.emit()
            return
        self.info.setText("")
        show_error(self, exc)
