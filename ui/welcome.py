"""The page shown while the agency has no client: load the demo, or create the first one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class WelcomePage(QWidget):
    """Shown when the agency has no client yet: load the demo, or create the first client.

    Signals:
        demo_requested(), new_client_requested()
    """

    demo_requested = Signal()
    new_client_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(64, 64, 64, 64)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to Tribune"))
        title.setObjectName("placeholderTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(
            self.tr(
                "Each client of the agency gets a workspace: its charter, its content calendar, "
                "its inbox and its reports. Start with the demo agency to look around, or create "
                "your first client."
            )
        )
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setObjectName("placeholderBody")
        body.setFixedWidth(520)
        buttons = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("Load the demo agency"))
        self.new_button = QPushButton(self.tr("Create my first client"))
        self.new_button.setDefault(True)
        self.new_button.setObjectName("primaryButton")
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(body, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.new_client_requested)
