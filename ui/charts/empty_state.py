"""The Charts area of a client with no data at all: what is missing and the next step."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui import icons
from ui.design import set_role, set_text_style, set_tone


class ChartsEmptyState(QFrame):
    """Signals: import_requested(), connect_requested()."""

    import_requested = Signal()
    connect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.icon.setPixmap(icons.icon("charts", "text_muted").pixmap(48, 48))
        self.title = QLabel(self.tr("No data yet for this client"))
        set_text_style(self.title, "heading")
        self.body = QLabel(
            self.tr(
                "Connect an account or import metrics: the key figures and charts fill in "
                "as soon as there is something to count."
            )
        )
        self.body.setWordWrap(True)
        set_tone(self.body, "muted")
        for label in (self.title, self.body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.import_button = QPushButton(self.tr("Import metrics…"))
        set_role(self.import_button, "primary")
        icons.set_icon(self.import_button, "import", "on_accent")
        self.connect_button = QPushButton(self.tr("Connect an account…"))
        set_role(self.connect_button, "secondary")
        icons.set_icon(self.connect_button, "add")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.connect_button)
        buttons.addStretch(1)
        for widget in (self.icon, self.title):
            outer.addWidget(widget)
        # in a row of its own between stretches: an item given an alignment in a vertical
        # layout loses its height-for-width, and the wrapped text was cut to one line
        body_row = QHBoxLayout()
        body_row.addStretch(1)
        body_row.addWidget(self.body)
        body_row.addStretch(1)
        outer.addLayout(body_row)
        outer.addSpacing(8)
        outer.addLayout(buttons)
        outer.addStretch(2)
        self.body.setFixedWidth(460)
        self.import_button.clicked.connect(self.import_requested)
        self.connect_button.clicked.connect(self.connect_requested)
