"""“Describe…”: a photo's or video's description for screen readers (alt text).

A small dialog over the post editor: the file's name, what to write, the text with a live
count against the limits of the post's networks (from :data:`app.networks.NETWORKS`), OK and
Cancel. Nothing is written here: the editor keeps the words and its versioned save writes
them (:mod:`ui.calendar.editor_alt`).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
)

from app.networks import alt_text_limit
from app.services.calendar.media_alt import MAX_ALT, clean, limits_note
from ui.design import current, set_text_style, style_button_box
from ui.formatting import number_text


def _shortest(networks: Iterable[str], video: bool) -> int:
    """The smallest limit among the networks that take this description (0: none)."""
    limits = [alt_text_limit(n, video) for n in networks]
    return min((limit for limit in limits if limit), default=0)


class AltTextDialog(QDialog):
    """Edit one picture's description; :meth:`text` once accepted."""

    def __init__(
        self, name: str, text: str, networks: Iterable[str], parent=None, *, video: bool = False
    ) -> None:
        """``video``: the media is a video (some networks take less, or nothing, for one)."""
        super().__init__(parent)
        self.setObjectName("altTextDialog")
        self.setWindowTitle(self.tr("Describe the picture"))
        self.networks = tuple(networks)
        self.shortest = _shortest(self.networks, video)
        layout = QVBoxLayout(self)
        title = QLabel(name)
        title.setObjectName("altFileName")
        title.setTextFormat(Qt.TextFormat.PlainText)  # a file name is untrusted text
        set_text_style(title, "heading")
        layout.addWidget(title)
        hint = QLabel(
            self.tr(
                "Say what the picture shows for people who cannot see it: the people, the "
                "place, the text written on it. Screen readers read it aloud; every post "
                "using this picture sends the same description."
            )
        )
        hint.setTextFormat(Qt.TextFormat.PlainText)
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("altTextEdit")
        self.edit.setPlaceholderText(self.tr("Alt text"))
        self.edit.setTabChangesFocus(True)
        self.edit.setPlainText(text)
        layout.addWidget(self.edit, 1)
        self.counter = QLabel()
        self.counter.setObjectName("altCounter")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.counter)
        limits = QLabel(limits_note(self.networks, video))
        limits.setObjectName("altLimits")
        limits.setTextFormat(Qt.TextFormat.PlainText)
        limits.setWordWrap(True)
        set_text_style(limits, "caption")
        layout.addWidget(limits)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        style_button_box(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._count)
        self._count()
        self.resize(560, 360)

    def text(self) -> str:
        return clean(self.edit.toPlainText())

    def _count(self) -> None:
        used = len(self.text())
        limit = self.shortest or MAX_ALT
        self.counter.setText(  # "74 / 1 500 caractères", as the limits below it
            self.tr("{used} / {limit} characters").format(
                used=number_text(used), limit=number_text(limit)
            )
        )
        tokens = current()
        over = used > limit
        self.counter.setStyleSheet(
            f"color: {tokens.danger}; font-weight: 600;" if over else f"color: {tokens.text_muted};"
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(used <= MAX_ALT)  # beyond every network's limit: nothing to keep
