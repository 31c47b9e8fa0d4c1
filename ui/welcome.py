"""The page shown while the agency has no client: load the demo, or create the first one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

BODY_WIDTH = 560  # px: the text's measure at most; narrower windows wrap it shorter


class WelcomePage(QWidget):
    """Shown when the agency has no client yet: load the demo, or create the first client.

    Signals:
        demo_requested(), new_client_requested()
    """

    demo_requested = Signal()
    new_client_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        # The text is never cut: it wraps to the window's width, and a window too low for it
        # scrolls.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer.addWidget(self.scroll)
        content = QWidget()
        content.setObjectName("welcomeContent")
        self.scroll.setWidget(content)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addStretch(1)
        title = QLabel(self.tr("Welcome to Tribune"))
        title.setObjectName("placeholderTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
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
        body.setMaximumWidth(BODY_WIDTH)
        body.setMinimumWidth(200)
        body.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.body = body
        buttons = QHBoxLayout()
        self.demo_button = QPushButton(self.tr("Load the demo agency"))
        self.new_button = QPushButton(self.tr("Create my first client"))
        self.new_button.setDefault(True)
        self.new_button.setObjectName("primaryButton")
        from ui import icons
        from ui.design import set_role

        set_role(self.demo_button, "secondary")
        set_role(self.new_button, "primary")
        icons.set_icon(self.demo_button, "open")
        icons.set_icon(self.new_button, "add-client", "on_accent")
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout.addWidget(title)
        centred = QHBoxLayout()  # the body wraps to min(window, BODY_WIDTH), centred
        centred.addStretch(1)
        centred.addWidget(body, 100)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(2)
        self.demo_button.clicked.connect(self.demo_requested)
        self.new_button.clicked.connect(self.new_client_requested)
