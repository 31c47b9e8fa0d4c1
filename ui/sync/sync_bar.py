"""A "Sync now" button with progress and cancel, and the background sync timer.

The sync runs through :class:`ui.tasks.TaskRunner` (a sync ``httpx.Client`` in a worker
thread); this widget only shows progress and the result.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.textsafe import tooltip


class SyncBar(QWidget):
    """Signals: ``synced(object)`` with the :class:`SyncReport` (or a list for all clients)."""

    synced = Signal(object)

    def __init__(self, tasks, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.db = None
        self.client_id: int | None = None
        self._token = None
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("syncNowButton")
        self.sync_button.setToolTip(self.tr("Fetch new messages and publish due posts"))
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(140)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setObjectName("syncStatus")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.sync_button)
        self.sync_button.clicked.connect(self.sync_now)
        self.cancel_button.clicked.connect(self.cancel)
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.sync_all)

    # -- configuration --------------------------------------------------------------------
    def set_database(self, db) -> None:
        self.db = db

    def set_client(self, client_id: int | None) -> None:
        self.client_id = client_id
        self.sync_button.setEnabled(client_id is not None and self._token is None)

    def set_interval(self, minutes: int) -> None:
        """Background sync of every client every ``minutes`` (0: manual only)."""
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    @property
    def busy(self) -> bool:
        return self._token is not None

    # -- running --------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.db is None or self.client_id is None or self.busy:
            return
        db, client_id = self.db, self.client_id

        def work(progress, token):
            from app.services.sync import sync_client

            return sync_client(
                db, client_id, progress=progress, is_cancelled=lambda: token.cancelled
            )

        self._start(work)

    def sync_all(self) -> None:
        if self.db is None or self.busy:
            return
        db = self.db

        def work(progress, token):
            from app.errors import Conflict
            from app.services.sync import client_ids_with_accounts, sync_client

            reports = []
            for cid in client_ids_with_accounts(db):
                if token.cancelled:
                    break
                try:
                    reports.append(
                        sync_client(
                            db, cid, progress=progress, is_cancelled=lambda: token.cancelled
                        )
                    )
                except Conflict:  # that client is being synced by its own button
                    continue
            return reports

        self._start(work)

    def _start(self, work) -> None:
        self.sync_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Syncing…"))
        self._token = self.tasks.run(work, self._done, self._failed, on_progress=self._progress)

    def cancel(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self.cancel_button.setEnabled(False)
            self.status.setText(self.tr("Cancelling…"))

    def _progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(max(0, min(done, total)))
        self.status.setText(label)

    def _finish(self) -> None:
        self._token = None
        self.progress.hide()
        self.cancel_button.hide()
        self.sync_button.setEnabled(self.client_id is not None)

    def _done(self, result) -> None:
        from app.models.client import network_label
        from app.services.sync_health import outcome_label

        self._finish()
        reports = result if isinstance(result, list) else [result]
        accounts = [a for r in reports for a in r.accounts]
        added = sum(a.added for a in accounts)
        published = sum(a.published for a in accounts)
        # "busy": another seat is syncing that account right now — said in the tooltip, not a fault
        failing = [a for a in accounts if a.outcome not in ("ok", "cancelled", "busy", "skipped")]
        if any(r.cancelled for r in reports):
            text = self.tr("Sync cancelled.")
        elif failing:
            a = failing[0]
            text = self.tr("{added} new, {published} published; {network} {handle}: {reason}")
            text = text.format(
                added=added,
                published=published,
                network=network_label(a.network),
                handle=a.handle,
                reason=a.message or outcome_label(a.outcome),
            )
        else:
            text = self.tr("Synced: {added} new, {published} published.").format(
                added=added, published=published
            )
        self.status.setText(text)
        lines = (
            f"{network_label(a.network)} {a.handle}: {a.message or outcome_label(a.outcome)}"
            for a in accounts
        )
        self.status.setToolTip(tooltip("\n".join(lines)))  # servers' words: never markup
        self.synced.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        from ui.messages import error_text, log_unexpected

        log_unexpected(exc)  # an unexpected error goes to the log, the user gets one clear line
        self.status.setText(self.tr("Sync failed: {reason}").format(reason=error_text(exc)[:200]))
