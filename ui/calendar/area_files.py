"""The calendar's file work — iCalendar/CSV import and export, the approval sheet (PDF) —
a part the calendar area owns (``area.files``).

Imports and the approval sheet are :class:`ui.operations.WriteOp` (one unit of work: a
cancel writes nothing), exports a :class:`~ui.operations.QueryOp`: never on the GUI thread,
where every query to a shared PostgreSQL server is a network round trip. What an import
wrote reaches every area of this seat and the other seats through the change feed, which
reloads the period shown. A progress dialog follows the work (:class:`Progress`)."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from app.errors import ValidationError
from app.i18n import translate
from app.services.calendar import posts
from ui.messages import show_error
from ui.operations import QueryOp, WriteOp


def _cancelled() -> ValidationError:
    return ValidationError(translate("CalendarFiles", "Import cancelled: nothing was written."))


class Progress(QObject):
    """A worker's progress, carried to the dialog on the GUI thread (a queued signal), and
    the dialog's Cancel back to the worker (an event it checks)."""

    moved = Signal(int, int, str)

    def __init__(self, dialog: QProgressDialog) -> None:
        super().__init__(dialog)
        self.cancelled = threading.Event()
        self.moved.connect(self._show)
        dialog.canceled.connect(self.cancelled.set)
        self._dialog = dialog

    def __call__(self, current: int, total: int, text: str) -> None:  # any thread
        self.moved.emit(current, total, text)

    def _show(self, current: int, total: int, text: str) -> None:
        if total:
            self._dialog.setMaximum(total)
            self._dialog.setValue(current)
        if text:
            self._dialog.setLabelText(text)


class CalendarFiles(QObject):
    """The area's file work; ``last_import``, ``last_sheet``, ``last_approval_import`` keep
    the latest results, ``progress_dialog`` the latest dialog."""

    def __init__(self, area) -> None:
        super().__init__(area)
        self.area = area
        self.progress_dialog: QProgressDialog | None = None
        self.last_import = self.last_sheet = self.last_approval_import = None

    def _progress(self, label: str, cancellable: bool = False) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self.area)
        dialog.setObjectName("calendarProgress")
        dialog.setWindowTitle(self.tr("Calendar"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # quick work never flashes a dialog
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.setValue(0)
        self.progress_dialog = dialog
        return dialog

    def _run(self, label, work, done, *, write=True, cancellable=False, on_error=None):
        """``work(session, progress)`` as a WriteOp (``write``) or a QueryOp; ``done(result)``
        back on the GUI thread; ``on_error(exc)`` may take a failure over (True: handled)."""
        dialog = self._progress(label, cancellable)
        progress = Progress(dialog)

        def finished(result) -> None:
            _close(dialog)
            done(result)

        def failed(exc) -> None:
            _close(dialog)
            if on_error is not None and on_error(exc):
                return
            show_error(self.area, exc)

        op = WriteOp if write else QueryOp
        op(self.area, lambda s: work(s, progress), finished).failure(failed).run()
        return progress

    def import_file(self, path: str | None = None, mapping=None, networks=()) -> None:
        area = self.area
        if area.client is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                area, self.tr("Import posts"), "", self.tr("Calendars (*.ics *.csv)")
            )
        if not path:
            return
        cid, file = area.client.id, Path(path)
        reading = self.tr("Reading {name}…").format(name=file.name)

        def work(s, progress):  # one unit of work: a cancel writes nothing
            progress(0, 0, reading)
            data = file.read_bytes()
            if file.suffix.lower() == ".csv":
                from app.services.calendar.csv_import import import_csv

                return import_csv(
                    s, cid, data, base_dir=file.parent, mapping=mapping, networks=networks
                )
            from app.services.calendar.ical import import_ics

            def step(done: int, total: int) -> None:
                if progress.cancelled.is_set():
                    raise _cancelled()
                progress(done, total, "")

            return import_ics(s, cid, data, progress=step)

        def done(result) -> None:
            lines = [
                self.tr("{added} added, {duplicates} already there, {errors} refused.").format(
                    added=result.added, duplicates=result.duplicates, errors=len(result.errors)
                )
            ]
            notes = getattr(result, "notes", None)  # iCalendar: each reason names its event
            reading = getattr(result, "reading", "")  # CSV: the layout, separator, dates read
            if reading:
                lines.insert(0, self.tr("Read as: {reading}").format(reading=reading))
            lines += [
                e.reason
                if notes is not None and not reading
                else f"{e.line} {e.ref}: {e.reason}".strip()
                for e in result.errors[:30]
            ]
            lines += list(notes or ())  # how the file was read: encoding, zones, horizon
            self.last_import = result
            area.status_message.emit(lines[0])
            box = QMessageBox(area)
            box.setWindowTitle(self.tr("Import"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText("\n".join(lines))
            box.open()  # the period shown reloads from the change feed

        def refused(exc) -> bool:  # a CSV from another tool: ask, then import again
            if not isinstance(exc, ValidationError) or file.suffix.lower() != ".csv":
                return False
            if exc.field == "layout":
                self.ask_csv_mapping(path, exc.message)
                return True
            if exc.field == "networks":
                self.ask_csv_networks(path, mapping, exc.message)
                return True
            return False

        self._run(self.tr("Importing posts…"), work, done, cancellable=True, on_error=refused)

    def ask_csv_mapping(self, path: str, reason: str):
        from app.services.csvfiles.sniff import read_bytes
        from ui.calendar.csv_mapping_dialog import CsvMappingDialog

        header = next(read_bytes(Path(path).read_bytes()).rows, [])
        dialog = CsvMappingDialog(header, self.area)  # the columns speak for themselves
        dialog.accepted.connect(
            lambda: self.import_file(path, dialog.mapping(), dialog.chosen_networks())
        )
        dialog.open()
        return dialog

    def ask_csv_networks(self, path: str, mapping, reason: str) -> None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self.area, self.tr("Import posts"), reason, text="facebook, instagram"
        )
        nets = [n.strip().lower() for n in text.replace(";", ",").split(",") if n.strip()]
        if ok and nets:
            self.import_file(path, mapping, nets)

    def export_file(self, path: str | None = None) -> None:
        area = self.area
        if area.client is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                area,
                self.tr("Export the calendar"),
                f"{area.client.slug}.ics",
                "iCalendar (*.ics);;CSV (*.csv)",
            )
        if not path:
            return
        cid = area.client.id

        def work(s, progress):
            from app.services.calendar.ical import export_file

            if path.lower().endswith(".csv"):  # one row per post and network
                from app.services.calendar.csv_export import export_csv

                return export_csv(s, cid, path)
            return export_file(s, cid, path)

        self._run(
            self.tr("Exporting the calendar…"),
            work,
            lambda n: area.status_message.emit(
                self.tr("%Ln post(s) written to {path}.", "", n).format(path=path)
            ),
            write=False,
        )

    def approval_sheet(self, path: str | None = None) -> None:
        """The visible period's drafts go to review and its approval sheet is written."""
        area = self.area
        if area.client is None:
            return
        start, end = area.period()
        if area.view == "month":
            start = area.anchor.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                area,
                self.tr("Approval sheet"),
                f"{area.client.slug}-{start:%Y-%m}.pdf",
                "PDF (*.pdf)",
            )
        if not path:
            return
        cid = area.client.id
        begin = posts.local_to_utc(start, dt.time(0), area.zone)
        finish = posts.local_to_utc(end + dt.timedelta(days=1), dt.time(0), area.zone)
        writing = self.tr("Writing the approval sheet…")
        reviewing = self.tr("Sending the period's drafts for review…")

        def work(s, progress):  # the sheet shows the posts as they go to review
            from app.documents.calendar_approval import render_approval_sheet
            from app.services.calendar.approval import submit_for_review

            progress(0, 2, reviewing)
            submit_for_review(s, cid, begin, finish)
            s.flush()
            progress(1, 2, writing)
            return render_approval_sheet(s, cid, start, end, path)

        def done(result) -> None:
            self.last_sheet = result
            area.status_message.emit(
                self.tr("Approval sheet written to {path} ({pages} pages).").format(
                    path=result.path, pages=result.pages
                )
            )

        self._run(writing, work, done)

    def import_approval(self, path: str | None = None) -> None:
        """The client's filled approval sheet: each post gets the decision ticked on it."""
        area = self.area
        if area.client is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                area, self.tr("The client's approval sheet"), "", "PDF (*.pdf)"
            )
        if not path:
            return
        cid = area.client.id
        reading = self.tr("Reading the client's decisions…")

        def work(s, progress):
            from app.services.calendar.approval_import import import_approval_sheet

            data = Path(path).read_bytes()
            progress(0, 1, reading)
            return import_approval_sheet(s, cid, data)

        def done(result) -> None:
            self.last_approval_import = result
            text = self.tr("Approved: {n}, to change: {m}, left as they were: {k}.").format(
                n=len(result.approved), m=len(result.to_change), k=len(result.skipped)
            )
            area.status_message.emit(text)

        self._run(reading, work, done)


def _close(dialog: QProgressDialog) -> None:
    """Hide for good: ``reset()`` stops the timer that ``setValue`` started to show a slow
    task's dialog after its minimum duration — ``hide()`` alone lets a quick task's dialog
    pop up after it finished, and stay."""
    dialog.reset()
    dialog.hide()
