"""Import metrics into the Charts area: Tribune's CSV format or a Meta Business Suite export.

The import is a :class:`ui.operations.WriteOp` (its ``metrics`` change goes through the
feed); an export that does not say its account asks for it, then imports again.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from app.errors import ValidationError
from ui.messages import show_error
from ui.operations import WriteOp


class MetricsImport(QObject):
    """Owned by the Charts area; :attr:`imported` once a file went in (the area reloads).

    Signals:
        busy(bool): an import is running (the area disables its button).
        imported(object): the :class:`ImportResult` of a finished import.
    """

    busy = Signal(bool)
    imported = Signal(object)

    def __init__(self, area: QWidget) -> None:
        super().__init__(area)
        self.area = area
        self.last_import = None
        self.box: QMessageBox | None = None

    def ask_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.area, self.tr("Import metrics"), "", self.tr("CSV file (*.csv)")
        )
        if path:
            self.import_csv(path)

    def import_csv(self, path: str, account: str | None = None) -> None:
        """Import ``path`` off the GUI thread; asks for the account when the export needs it."""
        client = self.area.client
        if client is None:
            return
        from app.services.reports.metrics_import import import_metrics_csv

        client_id = client.id
        self.busy.emit(True)
        WriteOp(
            self.area,
            lambda s: import_metrics_csv(s, client_id, path, account=account),
            self._done,
        ).failure(lambda exc: self._failed(path, account, exc)).run()

    def _failed(self, path: str, account, exc: BaseException) -> None:
        self.busy.emit(False)
        if isinstance(exc, ValidationError) and exc.field == "account" and account is None:
            choice = self.ask_account()
            if choice:
                self.import_csv(path, choice)
            return
        show_error(self.area, exc)

    def ask_account(self) -> str | None:
        client, data = self.area.client, getattr(self.area, "data", None)
        accounts = [f"{a.network}:{a.handle}" for a in (client.accounts or ())]
        if not accounts and data is not None:
            accounts = [f"{a.network}:{a.handle}" for a in data.accounts]
        item, ok = QInputDialog.getItem(
            self.area,
            self.tr("Import metrics"),
            self.tr("Account of this export:"),
            accounts,
            0,
            False,
        )
        return item if ok and item else None

    def _done(self, result) -> None:
        self.busy.emit(False)
        self.last_import = result
        lines = [
            self.tr("{rows} rows imported, {errors} rejected.").format(
                rows=result.rows, errors=len(result.errors)
            )
        ]
        lines += [
            self.tr("Line {line}: {reason}").format(line=e.line, reason=e.reason)
            for e in result.errors[:20]
        ]
        box = QMessageBox(
            QMessageBox.Icon.Information, self.tr("Import metrics"), lines[0], parent=self.area
        )
        box.setTextFormat(Qt.TextFormat.PlainText)
        if result.errors:
            box.setDetailedText("\n".join(lines[1:]))
        box.open()
        self.box = box
        self.imported.emit(result)
