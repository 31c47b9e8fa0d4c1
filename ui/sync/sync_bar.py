"""A "Sync now" button with progress and cancel, and the background sync timer.

The sync runs as a :class:`ui.operations.DatabaseOp` (a sync ``httpx.Client`` in a worker
thread) whose writes go out on the change feed; this widget only shows progress and the
result. The result is a status chip of a fixed width, coloured by outcome: a long server
message is elided there and shown in full in the tooltip, so it never widens the header nor
the window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.textsafe import tooltip
from ui.formatting import ElidedLabel, account_text, time_text
from ui.sync.tray import CrisisTray

# The status chip's width never depends on its text: it asks for CHIP_HINT, grows to
# CHIP_WIDTH when the header has room and shrinks to CHIP_MIN_WIDTH on a small screen.
CHIP_MIN_WIDTH, CHIP_HINT, CHIP_WIDTH = 160, 260, 480  # min: five area tabs must fit too

# outcome of the last sync → the chip's style ("outcome" property, see ui/style.py)
OK, WORKING, WARNING, ERROR = "ok", "working", "warning", "error"


@dataclass(frozen=True)
class _Background:
    """The background run's result: every client's sync, then what listening heard."""

    reports: list
    heard: list


class SyncBar(QWidget):
    """Signals: ``synced(object)`` with the :class:`SyncReport` (or a list for all clients);
    ``listened(object)`` with what the background listening found (a list of
    :class:`~app.services.listening.background.ClientListening`), whose crisis alerts are
    also shown as desktop notifications by :attr:`tray`."""

    synced = Signal(object)
    listened = Signal(object)

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
        self.status = ElidedLabel(fixed_hint=CHIP_HINT)
        self.status.setObjectName("syncStatus")
        self.status.setMinimumWidth(CHIP_MIN_WIDTH)
        self.status.setMaximumWidth(CHIP_WIDTH)
        self.status.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.outcome = ""
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
        self.tray = CrisisTray(self)

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
        client_id = self.client_id

        def work(db, progress, token):
            from app.services.sync.engine import sync_client

            return sync_client(
                db, client_id, progress=progress, is_cancelled=lambda: token.cancelled
            )

        self._start(work)

    def sync_all(self) -> None:
        if self.db is None or self.busy:
            return
        listening_label = self.tr("Listening…")

        def work(db, progress, token):
            from app.errors import Conflict
            from app.services.sync.engine import client_ids_with_accounts, sync_client

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
            if token.cancelled:
                return reports
            # then every client's listening streams and the charter's crisis signals
            from app.services.listening.background import listen_all

            progress(0, 0, listening_label)
            return _Background(reports, listen_all(db, is_cancelled=lambda: token.cancelled))

        self._start(work)

    def _start(self, work) -> None:
        self.sync_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)
        self.show_status(self.tr("Syncing…"), WORKING)
        # every account's network, then the database, for minutes: the whole Database, with
        # progress and Cancel; what the sync stored goes on the feed (the areas, the badges)
        from ui.operations import DatabaseOp

        op = DatabaseOp(self, work, self._done, db=self.db, tasks=self.tasks)
        self._token = (
            op.writes(counted=False).with_progress(self._progress).failure(self._failed).run()
        )

    def cancel(self) -> None:
        if self._token is not None:
            self._token.cancel()
            self.cancel_button.setEnabled(False)
            self.show_status(self.tr("Cancelling…"), WORKING)

    def _progress(self, done: int, total: int, label: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(max(0, min(done, total)))
        self.show_status(label, WORKING)

    # -- the status chip ------------------------------------------------------------------
    def show_status(self, text: str, outcome: str = "", details: str = "") -> None:
        """Show ``text`` elided in the chip, whole (with ``details``) in its tooltip."""
        self.outcome = outcome
        self.status.setProperty("outcome", outcome)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)
        self.status.set_full_text(text)
        full = "\n\n".join(part for part in (text, details) if part)
        self.status.setToolTip(tooltip(full))  # servers' words: never markup

    @property
    def status_text(self) -> str:
        """The chip's whole text (it shows it elided)."""
        return self.status.full_text()

    def _next_try(self) -> str:
        """ " — next try at 10:42" when the background sync will try again, else ""."""
        if not self.timer.isActive():
            return ""
        at = dt.datetime.now().astimezone() + dt.timedelta(milliseconds=self.timer.remainingTime())
        return self.tr(" — next try at {time}").format(time=time_text(at))

    def _finish(self) -> None:
        self._token = None
        self.progress.hide()
        self.cancel_button.hide()
        self.sync_button.setEnabled(self.client_id is not None)

    def _done(self, result) -> None:
        from app.services.sync.health import outcome_label

        self._finish()
        if isinstance(result, _Background):
            self.tray.notify(result.heard)
            self.listened.emit(result.heard)
            result = result.reports
        reports = result if isinstance(result, list) else [result]
        accounts = [a for r in reports for a in r.accounts]
        added = sum(a.added for a in accounts)
        published = sum(a.published for a in accounts)
        # "busy": another seat is syncing that account right now — said in the tooltip, not a fault
        failing = [a for a in accounts if a.outcome not in ("ok", "cancelled", "busy", "skipped")]
        counts = self.tr("Synced: {added} new, {published} published.").format(
            added=added, published=published
        )
        if any(r.cancelled for r in reports):
            text, outcome = self.tr("Sync cancelled."), WARNING
        elif failing:
            a = failing[0]
            # The chip says who and what in the user's words; the server's own text is in
            # the tooltip with every account's line.
            text = self.tr("{account}: {reason}").format(
                account=account_text(a.network, a.handle), reason=outcome_label(a.outcome)
            )
            if len(failing) > 1:
                text += self.tr(" (+%Ln other account(s))", "", len(failing) - 1)
            text += self._next_try()
            outcome = ERROR
        else:
            text, outcome = counts, OK
        lines = [counts] if text != counts else []
        lines += [
            self.tr("{account}: {reason}").format(
                account=account_text(a.network, a.handle),
                reason=a.message or outcome_label(a.outcome),
            )
            for a in accounts
        ]
        self.show_status(text, outcome, "\n".join(lines))
        self.synced.emit(result)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        from ui.messages import error_text, log_unexpected

        log_unexpected(exc)  # an unexpected error goes to the log, the user gets one clear line
        reason = error_text(exc)
        self.show_status(
            self.tr("Sync failed: {reason}").format(reason=reason) + self._next_try(), ERROR
        )
