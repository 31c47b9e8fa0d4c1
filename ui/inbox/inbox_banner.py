"""The inbox's alert banner: a crisis (complaints far above usual) and overdue escalations,
with one click to draft the charter's holding message.

A part of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context);
colours from the palette's tokens.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from ui.inbox.inbox_style import banner_sheet, follow_scheme


class InboxBanner(QWidget):
    """Signals:
    holding_requested(): "Draft the holding message" clicked."""

    holding_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setObjectName("inboxCrisis")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        follow_scheme(
            self.banner, lambda s: self.banner.setStyleSheet(banner_sheet("inboxCrisis", s))
        )
        self.banner.hide()
        layout.addWidget(self.banner)
        # one click from the crisis banner: the charter's holding message, in review per network
        self.holding_button = QPushButton(
            QCoreApplication.translate("InboxArea", "Draft the holding message")
        )
        self.holding_button.setToolTip(
            QCoreApplication.translate(
                "InboxArea",
                "The charter's crisis holding message, one post per network, for approval",
            )
        )
        self.holding_button.hide()
        self.holding_button.clicked.connect(self.holding_requested)
        layout.addWidget(self.holding_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_alerts(self, crisis, late) -> None:
        """``crisis`` (a CrisisLevel) and the overdue escalations ``late``."""
        lines = []
        if crisis.alert:
            lines.append(
                QCoreApplication.translate(
                    "InboxArea",
                    "Crisis alert: {n} complaints or negative messages in the last {h} hours "
                    "(usually {usual}). Warn the client's crisis contacts.",
                ).format(
                    n=crisis.recent,
                    h=crisis.window_hours,
                    usual=QLocale().toString(float(crisis.usual), "f", 1),
                )
            )
        if late:
            count = len(late)  # a plain name: lupdate does not read a call as the count
            text = QCoreApplication.translate(
                "InboxArea", "Escalation(s) overdue (%Ln): remind {names}.", "", count
            )
            lines.append(text.format(names=", ".join(sorted({e.contact_name for e in late}))))
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))
        self.holding_button.setVisible(bool(crisis.alert))

    def clear(self) -> None:
        self.banner.hide()
        self.holding_button.hide()
