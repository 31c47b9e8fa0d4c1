"""The agency's identity on its documents: name, address, e-mail, logo and colour; and the
address of its Bluesky client metadata (the agency's app on Bluesky, beside the app ids the
connect dialog keeps for Meta, LinkedIn and Google).

An administrator's (File › Agency…): the window's rights disable the menu entry for anyone
else, and :func:`app.services.people.agency.save_agency` refuses anyway (the server too on
PostgreSQL). Read with a QueryOp, written with a WriteOp; a refused logo or colour is said in
one line under the form and nothing is written.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import TribuneError, ValidationError
from app.services.people import agency as agency_service
from ui import icons
from ui.design import current, set_role, set_tone, style_button_box
from ui.messages import error_text
from ui.operations import QueryOp, WriteOp

DEFAULT_COLOUR = "#3b6fd8"  # Tribune's blue, what the documents use without a colour
PREVIEW = 72  # px: the logo's preview


class AgencyDialog(QDialog):
    """Signals: saved(AgencyInfo) after a successful save."""

    saved = Signal(object)

    def __init__(self, services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.logo: bytes | None = None  # what will be saved (b"": remove)
        self.colour = ""
        self.bluesky_metadata = ""  # as read: written again only when changed
        self.loaded = False
        self.setObjectName("agencyDialog")
        self.setWindowTitle(self.tr("Agency"))
        self.setMinimumWidth(520)
        self._build()
        self._set_busy(True)
        QueryOp(self, _read, self._loaded, services=services).failure(self._failed).run()

    def _build(self) -> None:
        intro = QLabel(self.tr("How the agency signs its charters, reports and approval sheets."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(self.tr("e.g. Social & Co"))
        self.address_edit = QPlainTextEdit()
        self.address_edit.setPlaceholderText(self.tr("Street, postcode and town"))
        self.address_edit.setFixedHeight(72)
        self.address_edit.setTabChangesFocus(True)
        self.email_edit = QLineEdit()
        self.email_edit.setPlaceholderText(self.tr("hello@agency.example"))

        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(PREVIEW, PREVIEW)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_button = QPushButton(self.tr("Choose an image…"))
        set_role(self.logo_button, "secondary")
        icons.set_icon(self.logo_button, "image")
        self.logo_button.clicked.connect(self._choose_logo)
        self.remove_logo_button = QPushButton(self.tr("Remove"))
        set_role(self.remove_logo_button, "quiet")
        icons.set_icon(self.remove_logo_button, "delete")
        self.remove_logo_button.clicked.connect(self.remove_logo)
        logo_hint = QLabel(
            self.tr("PNG or JPEG, at most {size} KB.").format(
                size=agency_service.MAX_LOGO_BYTES // 1024
            )
        )
        logo_hint.setObjectName("hint")
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        buttons_col = QVBoxLayout()
        buttons_col.addWidget(self.logo_button)
        buttons_col.addWidget(self.remove_logo_button)
        buttons_col.addWidget(logo_hint)
        logo_row.addLayout(buttons_col)
        logo_row.addStretch(1)

        self.colour_button = QPushButton()
        self.colour_button.setObjectName("colourButton")
        self.colour_button.setMinimumWidth(140)
        self.colour_button.clicked.connect(self._choose_colour)
        self.colour_default = QPushButton(self.tr("Tribune's blue"))
        set_role(self.colour_default, "quiet")
        self.colour_default.clicked.connect(lambda: self.set_colour(""))
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_button)
        colour_row.addWidget(self.colour_default)
        colour_row.addStretch(1)

        # Bluesky: the https address of the client metadata the agency hosts, so that its name
        # shows on Bluesky's consent page (empty: Tribune's localhost development client)
        self.bluesky_edit = QLineEdit()
        self.bluesky_edit.setObjectName("blueskyMetadataEdit")
        self.bluesky_edit.setPlaceholderText("https://agency.example/tribune.json")
        self.bluesky_edit.setToolTip(
            self.tr(
                "Host there the JSON that “tribune account bluesky-metadata” prints; "
                "empty: Tribune connects as a development app."
            )
        )

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Address"), self.address_edit)
        form.addRow(self.tr("&E-mail"), self.email_edit)
        logo_label = QLabel(self.tr("&Logo"))
        logo_label.setBuddy(self.logo_button)
        form.addRow(logo_label, logo_row)
        colour_label = QLabel(self.tr("&Colour"))
        colour_label.setBuddy(self.colour_button)
        form.addRow(colour_label, colour_row)
        bluesky_label = QLabel(self.tr("&Bluesky client metadata"))
        bluesky_label.setBuddy(self.bluesky_edit)
        form.addRow(bluesky_label, self.bluesky_edit)
        bluesky_hint = QLabel(
            self.tr(
                "Optional: where the agency hosts Tribune's Bluesky app description, so that "
                "Bluesky shows the agency's name when a client connects."
            )
        )
        bluesky_hint.setObjectName("hint")
        bluesky_hint.setWordWrap(True)
        form.addRow("", bluesky_hint)

        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setTextFormat(Qt.TextFormat.PlainText)
        set_tone(self.error_label, "danger")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        style_button_box(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._show_colour()
        self._show_logo(None)

    # -- loading and saving -----------------------------------------------------------------
    def _loaded(self, found) -> None:
        info, self.bluesky_metadata = found
        self.bluesky_edit.setText(self.bluesky_metadata)
        self.loaded = True
        self._set_busy(False)
        self.name_edit.setText(info.name)
        self.address_edit.setPlainText(info.address)
        self.email_edit.setText(info.email)
        self.colour = info.colour
        self._show_colour()
        self._show_logo(info.logo)
        self.name_edit.setFocus()

    def _failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.show_error(error_text(exc))

    def save(self) -> None:
        if not self.loaded:
            return
        name, address = self.name_edit.text(), self.address_edit.toPlainText()
        email, logo, colour = self.email_edit.text(), self.logo, self.colour
        bluesky = self.bluesky_edit.text().strip()
        if bluesky and not _https_address(bluesky):
            self.show_error(
                self.tr(
                    "Bluesky's client metadata is at an https address, "
                    "e.g. https://agency.example/tribune.json."
                )
            )
            return
        changed = bluesky != self.bluesky_metadata
        self.error_label.hide()
        self._set_busy(True)

        def write(session):
            info = agency_service.save_agency(
                session, name=name, address=address, email=email, logo=logo, colour=colour
            )
            if changed:
                agency_service.set_app_id(session, "bluesky", bluesky)
            return info

        WriteOp(self, write, self._saved, services=self.services).failure(self._failed).run()

    def _saved(self, info) -> None:
        self._set_busy(False)
        self.saved.emit(info)
        self.accept()

    def _set_busy(self, busy: bool) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    # -- logo -------------------------------------------------------------------------------
    def _choose_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Agency logo"), "", self.tr("Images (*.png *.jpg *.jpeg)")
        )
        if path:
            self.set_logo_file(path)

    def set_logo_file(self, path: str) -> bool:
        """Take the image at ``path`` if it is a PNG or JPEG within the limit; else say why
        in one line and keep the logo as it was."""
        try:
            size = Path(path).stat().st_size
            if size > 4 * agency_service.MAX_LOGO_BYTES:
                raise ValidationError(
                    self.tr(
                        "The logo weighs {size} KB: at most {limit} KB, please reduce it."
                    ).format(size=-(-size // 1024), limit=agency_service.MAX_LOGO_BYTES // 1024)
                )
            data = agency_service.check_logo(Path(path).read_bytes())
            if not QPixmap().loadFromData(data):
                raise ValidationError(self.tr("This file is not an image Tribune can read."))
        except OSError as exc:
            self.show_error(
                self.tr("Cannot read {path}: {reason}").format(
                    path=path, reason=exc.strerror or type(exc).__name__
                )
            )
            return False
        except TribuneError as exc:
            self.show_error(error_text(exc))
            return False
        self.error_label.hide()
        self.logo = data
        self._show_logo(data)
        return True

    def remove_logo(self) -> None:
        self.logo = b""
        self._show_logo(None)

    def _show_logo(self, data: bytes | None) -> None:
        pix = QPixmap()
        if data and pix.loadFromData(data):
            self.logo_preview.setPixmap(
                pix.scaled(
                    PREVIEW,
                    PREVIEW,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.remove_logo_button.setEnabled(True)
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("No logo"))
            self.remove_logo_button.setEnabled(False)
        p = current()
        self.logo_preview.setStyleSheet(
            f"QLabel#logoPreview {{ border: 1px dashed {p.border}; border-radius: 6px;"
            f" color: {p.text_muted}; background: {p.surface}; }}"
        )

    # -- colour -----------------------------------------------------------------------------
    def _choose_colour(self) -> None:
        colour = QColorDialog.getColor(
            QColor(self.colour or DEFAULT_COLOUR), self, self.tr("Colour of the documents")
        )
        if colour.isValid():
            self.set_colour(colour.name())

    def set_colour(self, colour: str) -> bool:
        """Take ``colour`` if white text reads on it; else say why and keep the current one."""
        try:
            checked = agency_service.check_colour(colour)
        except TribuneError as exc:
            self.show_error(error_text(exc))
            return False
        self.error_label.hide()
        self.colour = checked
        self._show_colour()
        return True

    def _show_colour(self) -> None:
        colour = self.colour or DEFAULT_COLOUR
        self.colour_button.setText(self.colour or self.tr("Tribune's blue"))
        self.colour_button.setStyleSheet(
            f"QPushButton#colourButton {{ background: {colour}; color: white;"
            f" border-radius: 6px; padding: 5px 14px; }}"
        )
        self.colour_default.setEnabled(bool(self.colour))


def _read(session):
    """The agency and its Bluesky client-metadata address (a QueryOp's read session)."""
    return agency_service.agency(session), agency_service.app_ids(session).get("bluesky", "")


def _https_address(text: str) -> bool:
    """An https address with a host and nothing odd in it (what Bluesky takes as a client id)."""
    parts = urlsplit(text)
    plain = not any(ch.isspace() for ch in text) and not (parts.username or parts.password)
    return parts.scheme == "https" and bool(parts.hostname) and plain


def open_agency(window) -> AgencyDialog | None:
    """File › Agency… of the main window (once a database is open)."""
    if getattr(window, "services", None) is None:
        return None
    dialog = AgencyDialog(window.services, window)
    dialog.open()
    window.agency_dialog = dialog  # the last one opened (tests, screenshots)
    return dialog
