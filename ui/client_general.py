"""The client dialog's General page, a part it owns: name, sector, time zone, language,
colour, logo and notes (see :class:`ui.client_dialog.ClientDialog`)."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import available_timezones

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ui import icons
from ui.design import current, set_role

TIMEZONES = sorted(available_timezones())
DEFAULT_COLOUR = "#3b6fd8"
LOGO_PREVIEW = 48


class ClientGeneralPage(QWidget):
    """``colour`` ("#rrggbb" or None) and ``logo`` (PNG bytes or None) are what is saved."""

    def __init__(self, show_error: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._show_error = show_error
        self.colour: str | None = None
        self.logo: bytes | None = None
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Boulangeries Maison Dupré"))
        self.sector_edit = QLineEdit()
        self.sector_edit.setPlaceholderText(self.tr("e.g. Bakery chain, 18 shops"))
        self.tz_combo = QComboBox()
        self.tz_combo.setEditable(True)
        self.tz_combo.addItems(TIMEZONES)
        self.tz_combo.setCurrentText("Europe/Paris")
        completer = QCompleter(TIMEZONES, self.tz_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.tz_combo.setCompleter(completer)
        self.language_combo = QComboBox()
        self.language_combo.addItem("Français", "fr")
        self.language_combo.addItem("English", "en")
        self.colour_button = QPushButton(self.tr("Choose…"))
        self.colour_button.setObjectName("colourButton")
        self.colour_button.clicked.connect(self._choose_colour)
        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setFixedSize(LOGO_PREVIEW, LOGO_PREVIEW)
        self.logo_preview.setObjectName("logoPreview")
        self.logo_button = QPushButton(self.tr("Choose an image…"))
        set_role(self.logo_button, "secondary")
        icons.set_icon(self.logo_button, "image")
        self.logo_button.clicked.connect(self._choose_logo)
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_button)
        logo_row.addStretch(1)
        self.notes_edit = QPlainTextEdit()
        self.notes_edit.setPlaceholderText(self.tr("What the team should know about this client"))
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Sector"), self.sector_edit)
        form.addRow(self.tr("&Time zone"), self.tz_combo)
        form.addRow(self.tr("&Language"), self.language_combo)
        form.addRow(self.tr("&Colour"), self.colour_button)
        logo_label = QLabel(self.tr("Logo"))
        logo_label.setBuddy(self.logo_button)
        form.addRow(logo_label, logo_row)
        form.addRow(self.tr("N&otes"), self.notes_edit)
        self._update_colour_button()
        self._show_logo(None)

    def load(self, info) -> None:
        self.name_edit.setText(info.name)
        self.sector_edit.setText(info.sector)
        self.tz_combo.setCurrentText(info.timezone)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(info.language)))
        self.colour = info.colour
        self._update_colour_button()
        self._show_logo(self.logo or info.logo)  # an image chosen here stays chosen
        self.notes_edit.setPlainText(info.notes)

    # -- colour -----------------------------------------------------------------------------
    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(
            QColor(self.colour or DEFAULT_COLOUR), self, self.tr("Client colour")
        )
        if colour.isValid():
            self.colour = colour.name()
            self._update_colour_button()

    def _update_colour_button(self) -> None:
        colour = self.colour or DEFAULT_COLOUR
        self.colour_button.setStyleSheet(
            f"QPushButton#colourButton {{ background: {colour}; color: white;"
            f" border-radius: 6px; padding: 5px 14px; }}"
        )

    # -- logo -------------------------------------------------------------------------------
    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Client logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> None:
        pix = QPixmap(path)
        if pix.isNull():
            self._show_error(self.tr("This file is not an image Tribune can read."))
            return
        pix = pix.scaled(
            256, 256, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        pix.save(buffer, "PNG")
        self.logo = bytes(data.data())
        self._show_logo(self.logo)

    def _show_logo(self, data: bytes | None) -> None:
        p = current()
        self.logo_preview.setStyleSheet(
            f"QLabel#logoPreview {{ border: 1px dashed {p.border}; border-radius: 6px;"
            f" background: {p.surface}; }}"
        )
        pix = QPixmap()
        if not data or not pix.loadFromData(data):
            self.logo_preview.clear()
            return
        self.logo_preview.setPixmap(
            pix.scaled(
                LOGO_PREVIEW,
                LOGO_PREVIEW,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
