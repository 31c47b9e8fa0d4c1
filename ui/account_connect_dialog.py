""" "Connect…": a client's account connected in the system browser, or with an app password.

The network is asked (and the server for Mastodon and its kin, the handle for Bluesky —
OAuth in the browser, or an app password as the advanced way); the authorisation runs on a
worker (a :class:`ui.operations.DatabaseOp`, its writes announced on the change feed), the
browser is opened on the GUI thread (the worker hands the address over as "progress"), and
"Waiting for the browser…" shows with a Cancel button. For Meta and LinkedIn, the pages,
Instagram accounts or organisations the person manages are then listed: the CM ticks this
client's. A failure is one sentence and nothing changed. Tokens reach the keyring only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.db import Database
from app.models.client import network_label
from ui.messages import error_text, log_unexpected
from ui.operations import DatabaseOp
from ui.tasks import CancelToken, TaskRunner

NETWORKS = (
    "mastodon",
    "bluesky",
    "x",
    "facebook",
    "linkedin",
    "google",
    "youtube",
    "threads",
    "pinterest",
)
# the agency's own app each network needs (app.services.people.agency): its id, and its secret
APP_OF = {
    "x": "x",
    "facebook": "meta",
    "linkedin": "linkedin",
    "google": "google",
    "youtube": "google",
    "threads": "threads",
    "pinterest": "pinterest",
}
BROWSER_TIMEOUT = 600.0


class AccountConnectDialog(QDialog):
    """Signals: connected(list): the AccountInfo of each account added."""

    connected = Signal(list)

    def __init__(
        self, db: Database, tasks: TaskRunner, client_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db, self.tasks, self.client_id = db, tasks, client_id
        self.token: CancelToken | None = None
        self.found: list = []
        self.setObjectName("accountConnectDialog")
        self.setWindowTitle(self.tr("Connect an account"))
        self.resize(520, 360)
        self._build()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        self.pages = QStackedWidget()
        ask = QWidget()
        form = QFormLayout(ask)
        self.network_combo = QComboBox()
        labels = {
            "mastodon": self.tr("Mastodon (and GoToSocial, Pleroma, Akkoma…)"),
            "bluesky": self.tr("Bluesky"),
            "x": self.tr("X"),
            "facebook": self.tr("Facebook Pages and Instagram (Meta)"),
            "linkedin": self.tr("LinkedIn pages"),
            "google": self.tr("Google Business Profile (reviews and posts)"),
            "youtube": self.tr("YouTube (comments and channel numbers)"),
            "threads": self.tr("Threads (posts and replies)"),
            "pinterest": self.tr("Pinterest boards (pins; no comments)"),
        }
        for network in NETWORKS:
            self.network_combo.addItem(labels[network], network)
        self.server_edit = QLineEdit()
        self.server_edit.setPlaceholderText(self.tr("e.g. https://mastodon.social"))
        self.handle_edit = QLineEdit()
        self.handle_edit.setPlaceholderText(self.tr("e.g. brand.bsky.social"))
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("Advanced: empty connects in the browser (OAuth)")
        )
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setObjectName("hint")
        self.hint_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(self.tr("&Network"), self.network_combo)
        form.addRow(self.tr("&Server"), self.server_edit)
        form.addRow(self.tr("&Handle"), self.handle_edit)
        form.addRow(self.tr("&App password"), self.password_edit)
        self.app_id_edit = QLineEdit()
        self.app_id_edit.setObjectName("agencyAppId")
        self.app_id_edit.setPlaceholderText(self.tr("once per agency; empty: as already set"))
        self.app_secret_edit = QLineEdit()
        self.app_secret_edit.setObjectName("agencyAppSecret")
        self.app_secret_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.app_secret_edit.setPlaceholderText(
            self.tr("once per computer (keyring); empty: as already set")
        )
        form.addRow(self.tr("Agency app &id"), self.app_id_edit)
        form.addRow(self.tr("Agency app s&ecret"), self.app_secret_edit)
        form.addRow(self.hint_label)
        self.pages.addWidget(ask)

        wait = QWidget()
        wait_layout = QVBoxLayout(wait)
        self.wait_label = QLabel(self.tr("Waiting for the browser…"))
        self.wait_label.setObjectName("waitLabel")
        self.wait_label.setWordWrap(True)
        self.wait_label.setTextFormat(Qt.TextFormat.PlainText)
        wait_layout.addStretch(1)
        wait_layout.addWidget(self.wait_label, 0, Qt.AlignmentFlag.AlignCenter)
        wait_layout.addStretch(1)
        self.pages.addWidget(wait)

        pick = QWidget()
        pick_layout = QVBoxLayout(pick)
        pick_note = QLabel(self.tr("Tick the pages and accounts that belong to this client."))
        pick_note.setWordWrap(True)
        self.pick_list = QListWidget()
        pick_layout.addWidget(pick_note)
        pick_layout.addWidget(self.pick_list)
        self.pages.addWidget(pick)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        self.error_label.hide()
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setDefault(True)
        self.connect_button.clicked.connect(self.start)
        self.add_button = QPushButton(self.tr("Add the ticked accounts"))
        self.add_button.clicked.connect(self.add_ticked)
        self.add_button.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.connect_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.network_combo.currentIndexChanged.connect(lambda _i: self._network_changed())
        self._network_changed()

    def _network_changed(self) -> None:
        network = self.network_combo.currentData()
        form: QFormLayout = self.pages.widget(0).layout()
        form.setRowVisible(self.server_edit, network == "mastodon")
        form.setRowVisible(self.handle_edit, network == "bluesky")
        form.setRowVisible(self.password_edit, network == "bluesky")
        form.setRowVisible(self.app_id_edit, network in APP_OF)
        form.setRowVisible(self.app_secret_edit, network in APP_OF and network != "x")
        self.hint_label.setText(
            {
                "mastodon": self.tr(
                    "Your browser opens the server's page: log in there and allow Tribune. "
                    "Tribune registers itself on the server; nothing to prepare."
                ),
                "bluesky": self.tr(
                    "Tribune finds the account's server from its handle, self-hosted servers "
                    "too; your browser opens that server: log in and allow Tribune. A server "
                    "without OAuth needs an app password (Bluesky: Settings › Privacy and "
                    "security › App passwords)."
                ),
                "x": self.tr("Your browser opens X: log in and allow the agency's app."),
                "facebook": self.tr(
                    "Your browser opens Facebook: log in as a person who manages the client's "
                    "Pages, allow the agency's app, then tick this client's Pages and "
                    "Instagram accounts."
                ),
                "linkedin": self.tr(
                    "Your browser opens LinkedIn: log in as an administrator of the client's "
                    "page, allow the agency's app, then tick this client's pages."
                ),
                "google": self.tr(
                    "Your browser opens Google: log in as a manager of the client's business "
                    "profile, allow the agency's app, then tick this client's places."
                ),
                "youtube": self.tr(
                    "Your browser opens Google: log in with the client's YouTube channel, "
                    "allow the agency's app, then tick the channel."
                ),
                "threads": self.tr(
                    "Your browser opens Threads: log in with the client's profile and allow "
                    "the agency's Threads app (its own id and secret in Meta's app dashboard)."
                ),
                "pinterest": self.tr(
                    "Your browser opens Pinterest: log in with the client's business account, "
                    "allow the agency's app, then tick the board its pins go to. Pinterest's "
                    "API has no comments: nothing comes into the inbox from Pinterest."
                ),
            }[network]
        )

    # -- running ----------------------------------------------------------------------------
    def start(self) -> None:
        network = self.network_combo.currentData()
        client_id = self.client_id
        server = self.server_edit.text().strip()
        handle = self.handle_edit.text().strip()
        password = self.password_edit.text()
        if network == "mastodon" and not server:
            self.show_error(self.tr("Give the server's address, e.g. https://mastodon.social."))
            return
        if network == "mastodon" and "://" not in server:
            server = "https://" + server

        family = APP_OF.get(network, "")
        app_id = self.app_id_edit.text().strip() if family else ""
        app_secret = self.app_secret_edit.text().strip() if family and family != "x" else ""

        def work(db: Database, progress, token: CancelToken):
            from app.services.clients import connect as service
            from app.services.people import agency

            if app_secret:  # the agency's app, typed here: keyring first, then its id
                agency.set_app_secret(family, app_secret)
            if app_id:
                with db.session() as session:
                    agency.set_app_id(session, family, app_id)

            cancelled = lambda: token.cancelled  # noqa: E731
            opener = lambda url: progress(0, 0, url)  # noqa: E731 - the GUI opens it
            if network in service.BUSINESS:
                return "pick", service.business_candidates(
                    db,
                    network,
                    open_browser=opener,
                    timeout=BROWSER_TIMEOUT,
                    is_cancelled=cancelled,
                )
            return "added", [
                service.connect_account(
                    db,
                    client_id,
                    network,
                    base_url=server or ("https://api.x.com" if network == "x" else ""),
                    open_browser=opener,
                    handle=handle,
                    password=password,
                    timeout=BROWSER_TIMEOUT,
                    is_cancelled=cancelled,
                )
            ]

        self.error_label.hide()
        self._waiting(network != "bluesky" or not password.strip())
        # Waiting for the browser may take minutes: announced on the feed, not waited for
        # when the window quits (the worker's wait is cancelled with the dialog).
        self.token = (
            DatabaseOp(self, work, self._done, db=self.db, tasks=self.tasks)
            .writes(counted=False)
            .with_progress(self._open_browser)
            .failure(self._failed)
            .run()
        )

    def _waiting(self, browser: bool) -> None:
        self.wait_label.setText(
            self.tr("Waiting for the browser…") if browser else self.tr("Connecting…")
        )
        self.pages.setCurrentIndex(1)
        self.connect_button.hide()
        self.add_button.hide()

    def _open_browser(self, _done: int, _total: int, url: str) -> None:
        if url.startswith(("https://", "http://")):
            QDesktopServices.openUrl(QUrl(url))

    def _done(self, outcome) -> None:
        self.token = None
        kind, value = outcome
        if kind == "pick":
            self._show_candidates(value)
            return
        self.connected.emit(value)
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.token = None
        log_unexpected(exc)
        self.pages.setCurrentIndex(0)
        self.connect_button.show()
        self.show_error(error_text(exc))

    def _show_candidates(self, found: list) -> None:
        self.found = list(found)
        self.pick_list.clear()
        if not self.found:
            self._failed_text(
                self.tr("This person manages no page or account Tribune can connect.")
            )
            return
        for candidate in self.found:
            label = f"{candidate.name} — {network_label(candidate.network)} {candidate.id}"
            item = QListWidgetItem(label)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.pick_list.addItem(item)
        self.pages.setCurrentIndex(2)
        self.add_button.show()

    def _failed_text(self, text: str) -> None:
        self.pages.setCurrentIndex(0)
        self.connect_button.show()
        self.show_error(text)

    def add_ticked(self) -> None:
        picked = [
            c
            for row, c in enumerate(self.found)
            if self.pick_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        if not picked:
            self.show_error(self.tr("Tick at least one page or account."))
            return
        client_id = self.client_id

        def work(db: Database):
            from app.services.clients.connect import add_candidates

            return "added", add_candidates(db, client_id, picked)

        self.error_label.hide()
        self.add_button.setEnabled(False)
        DatabaseOp(self, work, self._done, db=self.db, tasks=self.tasks).writes().failure(
            self._added_failed
        ).run()

    def _added_failed(self, exc: BaseException) -> None:
        self.add_button.setEnabled(True)
        log_unexpected(exc)
        self.show_error(error_text(exc))

    def cancel(self) -> None:
        """While waiting: stop waiting (the worker says so and nothing changes); else close."""
        if self.token is not None:
            self.token.cancel()
            return
        self.reject()

    def reject(self) -> None:
        if self.token is not None:  # closing while the browser is open: stop the listener
            self.token.cancel()
        super().reject()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
