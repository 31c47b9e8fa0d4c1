"""The column mapping dialog: which column of a posts CSV from another tool holds the date,
the text, the networks…, and on which networks to publish when the file does not say.

Shown when an import is refused for an unknown layout (or missing networks); the mapping it
returns is saved for the client by the import, so the next file with the same headers
imports without asking. Column names come from the file: plain text only.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

FIELDS = ("date", "time", "networks", "text", "title", "category", "campaign", "link")
GUESSES = {
    "date": ("date", "jour", "day", "posting time", "publish time", "scheduled"),
    "time": ("time", "heure", "hour"),
    "networks": ("networks", "network", "réseau", "réseaux", "platform", "channel"),
    "text": ("text", "texte", "message", "caption", "content", "légende", "post"),
    "title": ("title", "titre"),
    "category": ("category", "catégorie", "rubrique", "tags", "label"),
    "campaign": ("campaign", "campagne"),
    "link": ("link", "lien", "url"),
}


class CsvMappingDialog(QDialog):
    def __init__(self, headers: list[str], parent: QWidget | None = None, *, reason: str = ""):
        super().__init__(parent)
        self.setObjectName("csvMappingDialog")
        self.setWindowTitle(self.tr("Columns of the CSV file"))
        self.headers = [h for h in headers if h.strip()]
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Tribune does not know this file's layout. Say which column holds what; "
                "the choice is kept for this client and the next file with the same columns."
            )
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        if reason:
            detail = QLabel(reason)
            detail.setWordWrap(True)
            detail.setTextFormat(Qt.TextFormat.PlainText)
            detail.setObjectName("csvMappingReason")
            layout.addWidget(detail)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        labels = {
            "date": self.tr("Date (and time)"),
            "time": self.tr("Time"),
            "networks": self.tr("Networks"),
            "text": self.tr("Text"),
            "title": self.tr("Title"),
            "category": self.tr("Category"),
            "campaign": self.tr("Campaign"),
            "link": self.tr("Link"),
        }
        for name in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.addItem(self.tr("(none)"), "")
            for header in self.headers:
                combo.addItem(header, header)
            guess = self._guess(name)
            if guess:
                combo.setCurrentIndex(combo.findData(guess))
            combo.currentIndexChanged.connect(self._check)
            self.combos[name] = combo
            form.addRow(labels[name], combo)
        self.networks = QLineEdit()
        self.networks.setObjectName("mapNetworks")
        self.networks.setPlaceholderText("facebook, instagram")
        self.networks.textChanged.connect(self._check)
        form.addRow(self.tr("Publish on (when no column says)"), self.networks)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._check()

    def _guess(self, name: str) -> str:
        for header in self.headers:
            if header.strip().lower() in GUESSES[name]:
                return header
        return ""

    def _check(self) -> None:
        ok = bool(self.combos["date"].currentData()) and bool(self.combos["text"].currentData())
        ok = ok and bool(self.combos["networks"].currentData() or self.networks.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def mapping(self) -> dict[str, str]:
        return {name: c.currentData() for name, c in self.combos.items() if c.currentData()}

    def chosen_networks(self) -> list[str]:
        return [
            n.strip().lower()
            for n in self.networks.text().replace(";", ",").split(",")
            if n.strip()
        ]
