"""Each account's health: connected, reconnect needed or error with the reason, and the
token expiry forecast. A handful of rows per client: a plain QTableWidget of plain text."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.textsafe import tooltip
from ui.operations import QueryOp


class AccountHealthView(QWidget):
    COLUMNS = 4

    def __init__(self, tasks, parent=None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Account"), self.tr("Health"), self.tr("Token expires"), self.tr("Last sync")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)  # the whole explanation, never elided mid-sentence
        self.table.setMaximumHeight(220)
        self.empty = QLabel(self.tr("No network account yet."))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self.rows = []
        self._source = None  # (db, client_id, timezone) last loaded
        self._feed = None
        self._soon = QTimer(self, singleShot=True, interval=150)
        self._soon.timeout.connect(lambda: self._source and self.load(*self._source))

    # -- the change feed: a sync, a reconnection or another seat updates the rows -----------
    def follow(self, feed) -> None:
        """Reload when accounts or syncs of the client shown change (``feed.changed``)."""
        if self._feed is None:
            self._feed = feed
            feed.changed.connect(self._on_changes)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        node = self.parent()
        while self._feed is None and node is not None:  # the window's feed (ui.live)
            feed = getattr(node, "live", None)
            if feed is not None:
                self.follow(feed)
            node = node.parent()

    def _on_changes(self, changeset) -> None:
        if self._source is None:
            return
        cid = self._source[1]
        if changeset.touches("accounts", cid) or changeset.touches("sync", cid):
            self._soon.start()

    def load(self, db, client_id: int, timezone: str = "Europe/Paris") -> None:
        self._source = (db, client_id, timezone)

        def read(session):
            from app.services.sync.health import account_health

            return account_health(session, client_id)

        def shown(rows) -> None:
            self.show_rows(rows, timezone)

        # a newer load (another client, a change) wins; a failure leaves the rows as they are
        QueryOp(self, read, shown, db=db, tasks=self.tasks).latest("health").failure(
            lambda exc: None
        ).run()

    def show_rows(self, rows, timezone: str = "Europe/Paris") -> None:
        from zoneinfo import ZoneInfo

        from app.models.client import network_label

        tz = ZoneInfo(timezone)
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for r, h in enumerate(self.rows):
            expiry = ""
            if h.token_expires_at is not None:
                expiry = self.tr("{date} (in %Ln day(s))", "", h.expires_in_days).format(
                    date=h.token_expires_at.astimezone(tz).strftime("%d/%m/%Y")
                )
            last = (
                h.last_sync_at.astimezone(tz).strftime("%d/%m/%Y %H:%M")
                if h.last_sync_at
                else self.tr("never")
            )
            values = [f"{network_label(h.network)} {h.handle}", h.label, expiry, last]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                if c == 1:
                    item.setToolTip(tooltip(h.label))  # a server's words
                    if h.needs_attention:  # the scheme's danger text: readable in Dark too
                        from PySide6.QtGui import QColor

                        from ui.design import current

                        item.setForeground(QColor(current().danger))
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.table.setVisible(bool(self.rows))
        self.empty.setVisible(not self.rows)
