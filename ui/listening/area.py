"""The Listening area: volume over time, share of negatives, top authors by audience, the
items (lazy), "Send to inbox" and "Dismiss", a sync that checks the crisis signals and says
so in the system tray. Reads and writes are ui.operations QueryOp / WriteOp; the sync (network
calls, its own sessions) runs on the TaskRunner."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSystemTrayIcon,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.charts.style import locale_for as chart_locale
from app.i18n import system_language
from app.networks import network_label
from ui.areas import AreaServices, WorkspaceArea
from ui.listening.live import ListeningLive
from ui.listening.model import PAGE, ListeningModel
from ui.listening.volume import VolumeChart
from ui.operations import DatabaseOp, QueryOp, WriteOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.services.clients.info import ClientInfo
    from app.services.listening.alerts import AlertOutcome
    from app.services.listening.episodes import EpisodeInfo
    from app.services.listening.holding import HoldingDraftInfo
    from app.services.listening.items import Figures, ItemRow
    from app.services.listening.streams import StreamInfo
    from app.services.listening.sync import ListeningReport


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ListeningArea(WorkspaceArea):
    """Signals: ``holding_drafted(int)`` with the post id of a drafted holding message."""

    holding_drafted = Signal(int)

    def __init__(self, services: AreaServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self._tray: QSystemTrayIcon | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the items found…"))
        self.search.setClearButtonEnabled(True)
        self.sync_button = QPushButton(self.tr("Listen now"))
        self.streams_button = QPushButton(self.tr("Streams…"))
        self.holding_button = QPushButton(self.tr("Holding message"))
        self.holding_button.setToolTip(
            self.tr(
                "Draft the charter's crisis holding message for every network, "
                "in review until a lead approves it"
            )
        )
        self.crisis_over_button = QPushButton(self.tr("Crisis over"))
        self.crisis_over_button.setToolTip(
            self.tr(
                "Close this crisis: its holding message stays as it is; the next signal opens "
                "a new crisis, with its own holding message"
            )
        )
        self.crisis_over_button.hide()  # shown while a crisis is open
        self.streams_button.setToolTip(self.tr("What Tribune listens to for this client"))
        self.status = _plain()
        bar.addWidget(self.search, 2)
        bar.addWidget(self.streams_button)
        bar.addWidget(self.holding_button)
        bar.addWidget(self.crisis_over_button)
        bar.addWidget(self.sync_button)
        bar.addWidget(self.status, 3)
        layout.addLayout(bar)

        figures = QHBoxLayout()
        chart_box = QVBoxLayout()
        self.summary = _plain()
        self.summary.setObjectName("listeningSummary")
        self.number_locale = chart_locale(services.settings.language or system_language())
        self.chart = VolumeChart(locale=self.number_locale)
        chart_box.addWidget(self.summary)
        chart_box.addWidget(self.chart, 1)
        side = QVBoxLayout()
        side.addWidget(_plain(self.tr("Top authors by audience")))
        self.top_authors = _plain()
        self.top_authors.setAlignment(Qt.AlignmentFlag.AlignTop)
        side.addWidget(self.top_authors, 1)
        side.addWidget(_plain(self.tr("Streams")))
        self.streams = _plain()
        side.addWidget(self.streams)
        figures.addLayout(chart_box, 3)
        figures.addLayout(side, 1)
        layout.addLayout(figures, 2)

        self.model = ListeningModel(self, services)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for col, width in ((0, 120), (1, 80), (2, 160), (3, 80), (5, 100)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 3)
        actions = QHBoxLayout()
        self.send_button = QPushButton(self.tr("Send to inbox"))
        self.dismiss_button = QPushButton(self.tr("Dismiss"))
        actions.addStretch(1)
        actions.addWidget(self.send_button)
        actions.addWidget(self.dismiss_button)
        layout.addLayout(actions)

        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self._reload_items)
        self.search.textChanged.connect(self._search_timer.start)
        self.sync_button.clicked.connect(self.sync_now)
        self.streams_button.clicked.connect(self.edit_streams)
        self.holding_button.clicked.connect(self.draft_holding)
        self.crisis_over_button.clicked.connect(self.close_crisis)
        self.send_button.clicked.connect(lambda: self._act("send"))
        self.dismiss_button.clicked.connect(lambda: self._act("dismiss"))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.load_failed.connect(lambda exc: self._say(self._error_text(exc)))
        self._update_buttons()
        self.live = ListeningLive(self)

    # -- loading ----------------------------------------------------------------------------
    def set_client(self, client: ClientInfo | None) -> None:
        super().set_client(client)
        self.reload()

    def reload(self) -> None:
        self._reload_items()
        self.reload_figures()

    def _reload_items(self) -> None:
        if self.client is None:
            self.model.reset_source(None)
            return
        cid, search = self.client.id, self.search.text()

        def fetch(
            source: Any, after: Any, limit: int = PAGE
        ) -> list[ItemRow]:  # on the model's QueryOp, off the GUI thread
            from app.services.listening.items import page

            return page(source, cid, search=search, after=after, limit=limit)

        # browsing reads through a Core connection; a search needs the session's engine
        self.model.reset_source(fetch, self.client.timezone, connection=not search.strip())
        self._update_buttons()

    def reload_figures(self) -> None:
        if self.client is None:
            return
        from app.services.listening.episodes import current_episode
        from app.services.listening.items import figures
        from app.services.listening.streams import list_streams

        cid = self.client.id

        def read(s: Session) -> tuple[Figures, list[StreamInfo], EpisodeInfo | None]:
            return figures(s, cid), list_streams(s, cid), current_episode(s, cid)

        QueryOp(self, read, self._show_figures).latest("figures").failure(
            lambda e: self._say(self._error_text(e))
        ).run()

    def _show_figures(self, result: tuple[Figures, list[StreamInfo], EpisodeInfo | None]) -> None:
        fig, streams, episode = result
        self.crisis_over_button.setVisible(episode is not None)
        self.chart.set_days(fig.per_day)
        self.summary.setText(
            self.tr("%Ln item(s) in 30 days, {p} % negative", "", fig.total).format(
                p=round(100 * fig.negative_share)
            )
        )
        locale = self.number_locale  # "61 000" in French, "61,000" in English
        self.top_authors.setText(
            "\n".join(
                f"{handle} ({network_label(network)}) — {locale.toString(followers)}"
                for network, handle, followers in fig.top_authors
            )
            or self.tr("No audience known yet.")
        )
        kinds = {
            "keyword": self.tr("Keywords"),
            "hashtag": self.tr("Hashtag"),
            "competitor": self.tr("Competitor"),
            "feed": self.tr("Alert feed (RSS/Atom)"),
        }
        self.streams.setText(  # "Mastodon : Mots-clés « aquarelle »", never internal keys
            "\n".join(
                self.tr("{network}: {kind} « {query} »").format(
                    network=network_label(s.network), kind=kinds.get(s.kind, s.kind), query=s.query
                )
                for s in streams
            )
            or self.tr("No stream yet: add the brand's name with Streams….")
        )

    # -- actions ----------------------------------------------------------------------------
    def _selected(self) -> ItemRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_item(rows[0].row()) if rows else None

    def _update_buttons(self, *args: object) -> None:
        item = self._selected()
        self.send_button.setEnabled(item is not None and item.status != "sent_to_inbox")
        self.dismiss_button.setEnabled(item is not None and item.status == "new")

    def _act(self, what: str) -> None:
        item = self._selected()
        if item is None or self.client is None:
            return
        cid, item_id = self.client.id, item.id

        def write(s: Session) -> str:
            from app.services.listening import items

            if what == "send":
                items.send_to_inbox(s, cid, item_id)
                return "sent_to_inbox"
            items.dismiss(s, cid, item_id)
            return "dismissed"

        def done(status: str) -> None:
            self.model.set_status(item_id, status)
            self._update_buttons()
            if status == "sent_to_inbox":
                self.counts_changed.emit()
                self._say(self.tr("Sent to the inbox."))

        WriteOp(self, write, done).failure(lambda e: self._say(self._error_text(e))).run()

    def edit_streams(self) -> None:
        """The client's streams, to add or stop one (the figures follow on close)."""
        if self.client is None:
            return
        from ui.listening.streams_dialog import StreamsDialog

        dialog = StreamsDialog(self.services, self.client, self)
        dialog.changed.connect(self.reload_figures)
        dialog.open()
        self.streams_dialog = dialog

    def draft_holding(self) -> None:
        """The charter's holding message as a post in review for every network (one click)."""
        if self.client is None:
            return
        from app.services.listening.holding import draft_holding
        from app.services.listening.holding_words import drafted_words

        cid = self.client.id
        self.holding_button.setEnabled(False)

        def drafted(result: HoldingDraftInfo) -> None:
            self.holding_button.setEnabled(True)
            self._say(drafted_words(result))
            self.crisis_over_button.show()  # drafting it opened the crisis
            self.holding_drafted.emit(result.post.id)

        def failed(exc: BaseException) -> None:
            self.holding_button.setEnabled(True)
            self._say(self._error_text(exc))

        WriteOp(self, lambda s: draft_holding(s, cid), drafted).failure(failed).run()

    def close_crisis(self) -> None:
        """The crisis is over: the next signal opens a new one (and a new holding message)."""
        if self.client is None:
            return
        from app.services.listening.episodes import close_episode

        cid = self.client.id

        def closed(episode: EpisodeInfo | None) -> None:
            self.crisis_over_button.hide()
            self._say(self.tr("Crisis closed: the next signal opens a new one."))

        WriteOp(self, lambda s: close_episode(s, cid), closed).failure(
            lambda e: self._say(self._error_text(e))
        ).run()

    def sync_now(self) -> None:
        if self.client is None:
            return
        cid = self.client.id
        self.sync_button.setEnabled(False)
        self._say(self.tr("Listening…"))

        def work(db) -> tuple[ListeningReport, list[AlertOutcome]]:
            from app.services.listening.alerts import check_and_alert
            from app.services.listening.sync import sync_client

            report = sync_client(db, cid)
            return report, check_and_alert(db, cid)

        def done(result: tuple[ListeningReport, list[AlertOutcome]]) -> None:
            report, alerts = result
            self.sync_button.setEnabled(True)
            problems = "; ".join(f"{r.network}: {r.error}" for r in report.errors)
            self._say(
                self.tr("%Ln new item(s).", "", report.added) + (" " + problems if problems else "")
            )
            self.notify_crisis(alerts)  # the rows and figures follow the feed (area.live)

        def failed(exc: BaseException) -> None:
            self.sync_button.setEnabled(True)
            self._say(self._error_text(exc))

        # the networks, then the alerts: the whole Database; what it stored goes on the feed
        DatabaseOp(self, work, done).writes(counted=False).failure(failed).run()

    def notify_crisis(self, alerts: Sequence[AlertOutcome]) -> None:
        """A tray message per crisis signal that fired (and the status line)."""
        if not alerts:
            return
        title = self.tr("Crisis alert: {client}").format(
            client=self.client.name if self.client else ""
        )
        text = "\n".join(a.reason for a in alerts)
        if self._tray is None:
            self._tray = QSystemTrayIcon(self.windowIcon(), self)
        self._tray.show()
        self._tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 15000)
        self._say(text)

    # -- helpers ----------------------------------------------------------------------------
    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setToolTip(html.escape(text))
        self.status_message.emit(text)

    def _error_text(self, exc: BaseException) -> str:
        return getattr(exc, "message", None) or self.tr("The listening data could not be read.")
