"""The inbox's filter bar: search, tag, status, network, category, assignee, overdue and
unassigned, with the import button and the "⋯" menu of rarer actions.

A part of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context).
``changed`` is emitted once per change (typing waits 250 ms).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models import NETWORKS
from app.models.client import network_label
from app.models.inbox import MESSAGE_STATUSES
from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.inbox import reading as inbox
from app.services.inbox import triage as inbox_triage


def _combo(items) -> QComboBox:
    combo = QComboBox()
    for label, data in items:
        combo.addItem(label, data)
    return combo


class InboxFilters(QWidget):
    """Signals:
    changed(): the filter shown changed (read it with :meth:`current`)."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxFilters")
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 4)
        rows.setSpacing(4)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(row1)
        rows.addLayout(row2)
        self.search = QLineEdit()
        self.search.setObjectName("inboxSearch")
        self.search.setPlaceholderText(
            QCoreApplication.translate("InboxArea", "Search (accents optional)")
        )
        self.search.setClearButtonEnabled(True)
        self.status = _combo(
            [
                (
                    QCoreApplication.translate("InboxArea", "Open"),
                    ("new", "in_progress", "waiting"),
                ),
                (QCoreApplication.translate("InboxArea", "All"), ()),
            ]
            + [(inbox_triage.status_label(s), (s,)) for s in MESSAGE_STATUSES]
        )
        self.network = _combo(
            [(QCoreApplication.translate("InboxArea", "All networks"), ())]
            + [(network_label(n), (n,)) for n in NETWORKS]
        )
        self.category_filter = _combo(
            [(QCoreApplication.translate("InboxArea", "All categories"), ())]
            + [(inbox_triage.category_label(c), (c,)) for c in MESSAGE_CATEGORIES]
        )
        self.assignee = _combo([(QCoreApplication.translate("InboxArea", "Anyone"), None)])
        self.overdue = QCheckBox(QCoreApplication.translate("InboxArea", "Overdue"))
        self.overdue.setToolTip(QCoreApplication.translate("InboxArea", "Overdue only"))
        self.unassigned = QCheckBox(QCoreApplication.translate("InboxArea", "Unassigned"))
        self.unassigned.setToolTip(QCoreApplication.translate("InboxArea", "Unassigned only"))
        self.tag_filter = QLineEdit()
        self.tag_filter.setObjectName("inboxTagFilter")
        self.tag_filter.setPlaceholderText(QCoreApplication.translate("InboxArea", "Tag"))
        self.tag_filter.setClearButtonEnabled(True)
        self.tag_filter.setMaximumWidth(160)
        self.import_btn = QPushButton(QCoreApplication.translate("InboxArea", "Import CSV…"))
        # the rarer actions in one menu: the filters keep their room on a small screen
        self.more_btn = QToolButton(text="⋯")
        self.more_btn.setObjectName("inboxMore")
        self.more_btn.setToolTip(QCoreApplication.translate("InboxArea", "More actions"))
        self.more_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_btn)
        self.export_action = more.addAction(
            QCoreApplication.translate("InboxArea", "Escalation log…")
        )
        self.smtp_action = more.addAction(QCoreApplication.translate("InboxArea", "SMTP…"))
        self.smtp_action.setToolTip(
            QCoreApplication.translate(
                "InboxArea", "The client's SMTP server for escalation e-mails"
            )
        )
        more.setToolTipsVisible(True)
        self.more_btn.setMenu(more)
        self.status.setToolTip(QCoreApplication.translate("InboxArea", "Status"))
        self.network.setToolTip(QCoreApplication.translate("InboxArea", "Network"))
        self.category_filter.setToolTip(QCoreApplication.translate("InboxArea", "Category"))
        self.assignee.setToolTip(QCoreApplication.translate("InboxArea", "Assignee"))
        row1.addWidget(self.search, 2)
        row1.addWidget(self.tag_filter, 1)
        row1.addWidget(self.status, 1)
        row1.addWidget(self.network, 1)
        row1.addWidget(self.category_filter, 1)
        row2.addWidget(self.assignee, 1)
        row2.addWidget(self.overdue)
        row2.addWidget(self.unassigned)
        row2.addStretch(1)
        row2.addWidget(self.import_btn)
        row2.addWidget(self.more_btn)

        for combo in self.combos():
            combo.currentIndexChanged.connect(self.changed)
        self.overdue.toggled.connect(self.changed)
        self.unassigned.toggled.connect(self.changed)
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self.changed)
        self.search.textChanged.connect(self._typing.start)
        self.tag_filter.textChanged.connect(self._typing.start)

    def combos(self) -> tuple[QComboBox, ...]:
        return (self.status, self.network, self.category_filter, self.assignee)

    def tab_chain(self) -> list[QWidget]:
        """The filters in Tab order (the list comes after them)."""
        return [
            self.search,
            self.tag_filter,
            self.status,
            self.network,
            self.category_filter,
            self.assignee,
            self.overdue,
            self.unassigned,
        ]

    def current(self) -> inbox.InboxFilter:
        return inbox.InboxFilter(
            statuses=self.status.currentData() or (),
            networks=self.network.currentData() or (),
            categories=self.category_filter.currentData() or (),
            assignee_id=self.assignee.currentData(),
            unassigned=self.unassigned.isChecked(),
            overdue=self.overdue.isChecked(),
            search=self.search.text(),
            tag=self.tag_filter.text().strip(),
        )

    def narrowed(self) -> bool:
        """Do the filters hide messages (anything but the default "Open" list)?"""
        f = self.current()
        return bool(
            f.search
            or f.tag
            or f.networks
            or f.categories
            or f.assignee_id
            or f.unassigned
            or f.overdue
            or self.status.currentIndex() != 0
        )

    def set_staff(self, staff) -> None:
        """The assignees to filter on (no ``changed``: the list is read after)."""
        self.assignee.blockSignals(True)
        self.assignee.clear()
        self.assignee.addItem(QCoreApplication.translate("InboxArea", "Anyone"), None)
        for st in staff:
            self.assignee.addItem(st.name, st.id)
        self.assignee.blockSignals(False)

    def clear(self) -> None:
        """Every filter back to "all" (closed messages too): one ``changed``."""
        widgets = (*self.combos(), self.overdue, self.unassigned, self.search, self.tag_filter)
        for w in widgets:
            w.blockSignals(True)
        self.status.setCurrentIndex(1)  # "All", closed ones included
        for combo in self.combos()[1:]:
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.unassigned.setChecked(False)
        self.search.clear()
        self.tag_filter.clear()
        for w in widgets:
            w.blockSignals(False)
        self._typing.stop()
        self.changed.emit()
