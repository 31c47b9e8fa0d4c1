"""The areas of a client workspace (Charter, Calendar, Inbox, Charts, Listening).

Each feature provides a :class:`WorkspaceArea` subclass and names it in :data:`AREA_WIDGETS`;
until then the area shows a placeholder that says what it will hold. Areas are created the
first time they are shown, so start-up pays for none of them; once the first one is shown and
has its data, the app imports the others' modules on a worker (:func:`import_area_modules`),
so that a first switch only builds widgets.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ui.settings import Settings
from ui.tasks import ChangeHub, TaskRunner

if TYPE_CHECKING:  # imported by the main window before the first paint: keep it light
    from app.db import Database
    from app.services.clients.workspaces import ClientInfo

AREA_KEYS = ("charter", "calendar", "inbox", "charts", "listening")

# "module:Class" for each area that exists; None shows the placeholder.
AREA_WIDGETS: dict[str, str | None] = {
    "charter": "ui.charter.charter_area:CharterArea",
    "calendar": "ui.calendar.area:CalendarArea",
    "inbox": "ui.inbox.inbox_area:InboxArea",
    "charts": "ui.charts.area:ChartsArea",
    "listening": "ui.listening.area:ListeningArea",
}


class AreaServices:
    """What an area may use: the database, the background runner, the preferences, and the
    change feed (``feed.changed(ChangeSet)``: this seat's operations and the other seats').
    (A plain class: this module is on the path to the first paint, ``dataclasses`` is not.)"""

    __slots__ = ("db", "feed", "settings", "tasks")

    def __init__(
        self, db: Database, tasks: TaskRunner, settings: Settings, feed: ChangeHub | None = None
    ) -> None:
        self.db = db
        self.tasks = tasks
        self.settings = settings
        self.feed = feed if feed is not None else ChangeHub()


class WorkspaceArea(QWidget):
    """Base class of an area.

    Signals:
        counts_changed(): unread/overdue/crisis counts may have changed (sidebar badges).
        status_message(str): a short message for the status bar.
    """

    counts_changed = Signal()
    status_message = Signal(str)

    def __init__(self, services: AreaServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.client: ClientInfo | None = None

    def set_client(self, client: ClientInfo | None) -> None:
        """Show ``client``'s data (None: no client selected). Load off the GUI thread."""
        self.client = client

    def flush(self) -> None:
        """Save anything pending (autosave), on workers: never waits for the database."""

    def hand_off(self) -> None:
        """Before a client switch and on quit: what is pending goes out on workers, counted
        among the writes the window waits for before it closes (``flush`` by default; the
        charter's own ``flush`` waits, so it hands off instead)."""
        self.flush()


def area_title(key: str) -> str:
    return {
        "charter": QCoreApplication.translate("Areas", "Charter"),
        "calendar": QCoreApplication.translate("Areas", "Calendar"),
        "inbox": QCoreApplication.translate("Areas", "Inbox"),
        "charts": QCoreApplication.translate("Areas", "Charts"),
        "listening": QCoreApplication.translate("Areas", "Listening"),
    }[key]


def area_promise(key: str) -> str:
    return {
        "charter": QCoreApplication.translate(
            "Areas",
            "The community-management charter agreed with this client: objectives, networks "
            "and volumes, topics, escalation contacts and delays, moderation rules, tone of "
            "voice. Versioned and exported as a PDF to sign.",
        ),
        "calendar": QCoreApplication.translate(
            "Areas",
            "The content calendar: posts planned per network, written, approved and queued, "
            "with the year's key dates. Works offline.",
        ),
        "inbox": QCoreApplication.translate(
            "Areas",
            "Every comment, mention, message and review from the client's networks, triaged, "
            "answered in the charter's tone, escalated and followed until resolved.",
        ),
        "charts": QCoreApplication.translate(
            "Areas",
            "Audience, engagement and response times against the charter's delays, and the "
            "monthly PDF report for the client.",
        ),
        "listening": QCoreApplication.translate(
            "Areas",
            "What the networks and alert feeds say about the client and its competitors, "
            "beyond its own accounts, and the crisis signals of its charter.",
        ),
    }[key]


class PlaceholderArea(WorkspaceArea):
    """Says what the area will hold, for the client shown."""

    def __init__(self, key: str, services: AreaServices, parent: QWidget | None = None):
        from PySide6.QtCore import Qt  # not imported at start-up (see ui.main_window)

        super().__init__(services, parent)
        self.key = key
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        self.title = QLabel(area_title(key))
        self.title.setObjectName("placeholderTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QLabel(area_promise(key))
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.setObjectName("placeholderBody")
        # A word-wrapped label needs a fixed width to compute its height (else it clips).
        self.body.setFixedWidth(520)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)


def import_area_modules(keys: tuple[str, ...] = AREA_KEYS) -> list[str]:
    """Import the modules of the areas ``keys`` (on a worker, while the user looks at the
    first area: Qt objects are created only when the area is). Returns the keys imported."""
    done = []
    for key in keys:
        target = AREA_WIDGETS.get(key)
        if target:
            importlib.import_module(target.split(":")[0])
            done.append(key)
    return done


def create_area(key: str, services: AreaServices, parent: QWidget | None = None) -> WorkspaceArea:
    target = AREA_WIDGETS.get(key)
    if not target:
        return PlaceholderArea(key, services, parent)
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    return cls(services, parent)
