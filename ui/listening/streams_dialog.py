"""The client's listening streams: what is searched, where; add one, stop one.

Keywords, hashtags and competitors' names are searched on the networks whose API offers
search (with the client's own account there); an alert feed is any RSS/Atom address (news
and alert services give one). Reads and writes go through :mod:`ui.operations`, so the
Listening tab and other seats follow at once. Queries are shown as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.connectors.search import PROFILE_ONLY, SEARCHABLE
from app.networks import network_label
from app.services.clients.info import ClientInfo
from app.services.listening.streams import StreamInfo
from ui.areas import AreaServices
from ui.operations import QueryOp, WriteOp


class StreamsDialog(QDialog):
    """Signals: ``changed()`` after a stream was added or removed."""

    changed = Signal()

    def __init__(
        self, services: AreaServices, client: ClientInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.client = client
        self.setWindowTitle(self.tr("Listening streams — {client}").format(client=client.name))
        self.resize(560, 460)
        self.kinds = {
            "keyword": self.tr("Keywords"),
            "hashtag": self.tr("Hashtag"),
            "competitor": self.tr("Competitor"),
            "feed": self.tr("Alert feed (RSS/Atom)"),
        }
        self.list = QListWidget()
        self.list.setObjectName("streamsList")
        self.remove_button = QPushButton(self.tr("Stop this stream"))
        self.kind = QComboBox()
        for key, label in self.kinds.items():
            self.kind.addItem(label, key)
        self.query = QLineEdit()
        self.network = QComboBox()
        self.network.addItem(self.tr("Every network the client can search"), None)
        for net in SEARCHABLE + PROFILE_ONLY:  # Facebook: a competitor's Page only
            self.network.addItem(network_label(net), net)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setDefault(True)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Listen to"), self.kind)
        form.addRow(self.tr("Words, hashtag or address"), self.query)
        form.addRow(self.tr("Where"), self.network)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What Tribune listens to for this client:")))
        layout.addWidget(self.list, 1)
        remove_row = QHBoxLayout()
        remove_row.addStretch(1)
        remove_row.addWidget(self.remove_button)
        layout.addLayout(remove_row)
        layout.addLayout(form)
        layout.addLayout(add_row)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.query.textChanged.connect(self._update_buttons)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self.add)
        self.query.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        buttons.rejected.connect(self.reject)
        self._kind_changed()
        self.reload()

    # -- reading ------------------------------------------------------------------------
    def reload(self) -> None:
        from app.services.listening.streams import list_streams

        cid = self.client.id
        QueryOp(self, lambda s: list_streams(s, cid), self._show).latest("streams").run()

    def _show(self, streams: list[StreamInfo]) -> None:
        self.list.clear()
        for stream in streams:
            where = network_label(stream.network)
            text = self.tr("{kind} « {query} » on {network}").format(
                kind=self.kinds.get(stream.kind, stream.kind), query=stream.query, network=where
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, stream.id)
            self.list.addItem(item)
        if not streams:
            empty = QListWidgetItem(self.tr("No stream yet: add the brand's name below."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        self._update_buttons()

    # -- writing ------------------------------------------------------------------------
    def add(self) -> None:
        from app.services.listening.streams import add_stream

        kind, query = self.kind.currentData(), self.query.text().strip()
        network = None if kind == "feed" else self.network.currentData()
        if not query:
            return
        cid = self.client.id
        self.add_button.setEnabled(False)

        def added(streams: list[StreamInfo]) -> None:
            self.query.clear()
            if len(streams) == 1:
                self.status.setText(self.tr("Stream added."))
            else:
                self.status.setText(
                    self.tr("%Ln stream(s) added, one per network.", "", len(streams))
                )
            self.reload()
            self.changed.emit()

        WriteOp(self, lambda s: add_stream(s, cid, kind, query, network), added).failure(
            self._failed
        ).run()

    def remove(self) -> None:
        from app.services.listening.streams import remove_stream

        item = self.list.currentItem()
        stream_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if stream_id is None:
            return
        cid = self.client.id

        def removed(_info: StreamInfo) -> None:
            self.status.setText(self.tr("Stream stopped; what it found stays."))
            self.reload()
            self.changed.emit()

        WriteOp(self, lambda s: remove_stream(s, cid, stream_id), removed).failure(
            self._failed
        ).run()

    def _failed(self, exc: BaseException) -> None:
        self.status.setText(getattr(exc, "message", None) or str(exc))
        self._update_buttons()

    # -- state --------------------------------------------------------------------------
    def _kind_changed(self, *args: object) -> None:
        kind = self.kind.currentData()
        self.network.setEnabled(kind != "feed")
        self.query.setPlaceholderText(
            {
                "keyword": self.tr("e.g. Aquarelle & Pétales"),
                "hashtag": self.tr("e.g. #bouquetdumois"),
                "competitor": self.tr("e.g. Fleurs de Lys"),
                "feed": self.tr("https://… (a news or alert feed)"),
            }[kind]
        )
        self._update_buttons()

    def _update_buttons(self, *args: object) -> None:
        self.add_button.setEnabled(bool(self.query.text().strip()))
        item = self.list.currentItem()
        self.remove_button.setEnabled(
            item is not None and item.data(Qt.ItemDataRole.UserRole) is not None
        )
