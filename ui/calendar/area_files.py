"""The calendar's file work — iCalendar/CSV import and export, the approval sheet (PDF) —
in the TaskRunner's pool with a progress dialog: never on the GUI thread, where every
query to a shared PostgreSQL server is a network round trip."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog

from app.errors import ValidationError
from app.i18n import translate
from app.services.calendar import posts
from ui.messages import show_error


def _cancelled() -> ValidationError:
    return ValidationError(translate("CalendarFiles", "Import cancelled: nothing was written."))


class CalendarFilesMixin:
    """Mixed into :class:`ui.calendar.area.CalendarArea` (through the actions mixin)."""

    progress_dialog: QProgressDialog | None = None

    def _progress(self, label: str, cancellable: bool = False) -> QProgressDialog:
        dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, self)
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

    def _run_file_task(self, label, work, done, *, cancellable=False, on_error=None):
        """``work(progress, token)`` in the pool; ``done(result)`` back on the GUI thread;
        ``on_error(exc)`` may take a failure over (True: handled)."""
        dialog = self._progress(label, cancellable)

        def on_progress(current: int, total: int, text: str) -> None:
            if total:
                dialog.setMaximum(total)
                dialog.setValue(current)
            if text:
                dialog.setLabelText(text)

        def finished(result) -> None:
            dialog.hide()
            done(result)

        def failed(exc) -> None:
            dialog.hide()
            if on_error is not None and on_error(exc):
                return
            show_error(self, exc)

        token = self.services.tasks.run(work, finished, failed, on_progress=on_progress)
        dialog.canceled.connect(token.cancel)
        return token

    def import_file(self, path: str | None = None, mapping=None, networks=()) -> None:
        if self.client is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import posts"), "", self.tr("Calendars (*.ics *.csv)")
            )
        if not path:
            return
        db, cid, file = self.db, self.client.id, Path(path)
        reading = self.tr("Reading {name}…").format(name=file.name)

        def work(progress, token):
            progress(0, 0, reading)
            data = file.read_bytes()
            with db.session() as s:  # one transaction: a cancel writes nothing
                if file.suffix.lower() == ".csv":
                    from app.services.calendar.csv_import import import_csv

                    return import_csv(
                        s, cid, data, base_dir=file.parent, mapping=mapping, networks=networks
                    )
                from app.services.calendar.ical import import_ics

                def step(done: int, total: int) -> None:
                    if token.cancelled:
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
            self.status_message.emit(lines[0])
            box = QMessageBox(self)
            box.setWindowTitle(self.tr("Import"))
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setText("\n".join(lines))
            box.open()
            self.reload()

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

        self._run_file_task(
            self.tr("Importing posts…"), work, done, cancellable=True, on_error=refused
        )

    def ask_csv_mapping(self, path: str, reason: str):
        from app.services.csvfiles.sniff import read_bytes
        from ui.calendar.csv_mapping_dialog import CsvMappingDialog

        header = next(read_bytes(Path(path).read_bytes()).rows, [])
        dialog = CsvMappingDialog(header, self)  # the columns speak for themselves
        dialog.accepted.connect(
            lambda: self.import_file(path, dialog.mapping(), dialog.chosen_networks())
        )
        dialog.open()
        return dialog

    def ask_csv_networks(self, path: str, mapping, reason: str) -> None:
        from PySide6.QtWidgets import QInputDialog

        text, ok = QInputDialog.getText(
            self, self.tr("Import posts"), reason, text="facebook, instagram"
        )
        nets = [n.strip().lower() for n in text.replace(";", ",").split(",") if n.strip()]
        if ok and nets:
            self.import_file(path, mapping, nets)

    def export_file(self, path: str | None = None) -> None:
        if self.client is None:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Export the calendar"),
                f"{self.client.slug}.ics",
                "iCalendar (*.ics);;CSV (*.csv)",
            )
        if not path:
            return
        db, cid = self.db, self.client.id

        def work(progress, token):
            from app.services.calendar.ical import export_file

            with db.read() as s:
                if path.lower().endswith(".csv"):  # one row per post and network
                    from app.services.calendar.csv_export import export_csv

                    return export_csv(s, cid, path)
                return export_file(s, cid, path)

        self._run_file_task(
            self.tr("Exporting the calendar…"),
            work,
            lambda n: self.status_message.emit(
                self.tr("{count} posts written to {path}.").format(count=n, path=path)
            ),
        )

    def approval_sheet(self, path: str | None = None) -> None:
        """The visible period's drafts go to review and its approval sheet is written."""
        if self.client is None:
            return
        start, end = self.period()
        if self.view == "month":
            start = self.anchor.replace(day=1)
            end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        if not path:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Approval sheet"),
                f"{self.client.slug}-{start:%Y-%m}.pdf",
                "PDF (*.pdf)",
            )
        if not path:
            return
        db, cid = self.db, self.client.id
        begin = posts.local_to_utc(start, dt.time(0), self.zone)
        finish = posts.local_to_utc(end + dt.timedelta(days=1), dt.time(0), self.zone)
        writing = self.tr("Writing the approval sheet…")
        reviewing = self.tr("Sending the period's drafts for review…")

        def work(progress, token):
            from app.documents.calendar_approval import render_approval_sheet
            from app.services.calendar.approval import submit_for_review

            progress(0, 2, reviewing)
            with db.session() as s:
                submit_for_review(s, cid, begin, finish)
            progress(1, 2, writing)
            with db.read() as s:
                return render_approval_sheet(s, cid, start, end, path)

        def done(result) -> None:
            self.last_sheet = result
            self.status_message.emit(
                self.tr("Approval sheet written to {path} ({pages} pages).").format(
                    path=result.path, pages=result.pages
                )
            )
            self.reload()

        self._run_file_task(writing, work, done)

    def import_approval(self, path: str | None = None) -> None:
        """The client's filled approval sheet: each post gets the decision ticked on it."""
        if self.client is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("The client's approval sheet"), "", "PDF (*.pdf)"
            )
        if not path:
            return
        db, cid = self.db, self.client.id
        reading = self.tr("Reading the client's decisions…")

        def work(progress, token):
            from app.services.calendar.approval_import import import_approval_sheet

            data = Path(path).read_bytes()
            progress(0, 1, reading)
            with db.session() as s:
                return import_approval_sheet(s, cid, data)

        def done(result) -> None:
            self.last_approval_import = result
            text = self.tr("Approved: {n}, to change: {m}, left as they were: {k}.").format(
                n=len(result.approved), m=len(result.to_change), k=len(result.skipped)
            )
            self.status_message.emit(text)
            self.reload()

        self._run_file_task(reading, work, done)
