"""The monthly report dialog: the CM writes successes and failures, then writes the PDF.

The commentary is saved with the report (report_commentaries); the PDF is rendered in a
worker through the TaskRunner while a busy bar shows.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.report_commentary import get_commentary, save_commentary
from ui.areas import AreaServices
from ui.messages import show_error


class ReportDialog(QDialog):
    """Signals:
    written(str): the PDF was written at this path.
    saved(): the commentary was saved.
    """

    written = Signal(str)
    saved = Signal()

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
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("Save commentary"))
        self.pdf_button = QPushButton(self.tr("Write PDF…"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.save_button.clicked.connect(self.save)
        self.pdf_button.clicked.connect(self.ask_pdf)
        self.month.dateChanged.connect(self.load)
        self.load()

    def month_key(self) -> str:
        return self.month.date().toString("yyyy-MM")

    def load(self) -> None:
        with self.services.db.read() as session:
            c = get_commentary(session, self.client.id, self.month_key())
        self.successes.setPlainText(c.successes)
        self.failures.setPlainText(c.failures)
        self.next_steps.setPlainText(c.next_steps)

    def save(self) -> bool:
        try:
            with self.services.db.session() as session:
                save_commentary(
                    session,
                    self.client.id,
                    self.month_key(),
                    successes=self.successes.toPlainText(),
                    failures=self.failures.toPlainText(),
                    next_steps=self.next_steps.toPlainText(),
                )
        except Exception as exc:
            show_error(self, exc)
            return False
        self.info.setText(self.tr("Commentary saved."))
        self.saved.emit()
        return True

    def ask_pdf(self) -> None:
        name = f"{self.client.slug}-{self.month_key()}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Write the report"), name, self.tr("PDF (*.pdf)")
        )
        if path:
            self.write_pdf(path)

    def write_pdf(self, path: str) -> None:
        if not self.save():
            return
        from app.documents.pdf import ensure_fonts
        from app.documents.report_pdf import render_report

        ensure_fonts()  # registered on the GUI thread, used by the worker
        db, client_id, month = self.services.db, self.client.id, self.month_key()
        language = self.client.language
        self.progress.setVisible(True)
        self.pdf_button.setEnabled(False)
        self.info.setText(self.tr("Writing the report…"))
        self.services.tasks.run(
            lambda: render_report(db, client_id, month, path, language=language),
            self._written,
            self._failed,
        )

    def _written(self, result) -> None:
        self.progress.setVisible(False)
        self.pdf_button.setEnabled(True)
        self.info.setText(
            self.tr("Report written: {path} ({pages} pages)").format(
                path=result.path, pages=result.pages
            )
        )
        self.written.emit(str(result.path))

    def _failed(self, exc: BaseException) -> None:
        self.progress.setVisible(False)
        self.pdf_button.setEnabled(True)
        self.info.setText("")
        show_error(self, exc)
