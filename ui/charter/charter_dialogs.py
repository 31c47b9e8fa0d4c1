"""Dialogs of the charter: record a signature, compare two versions."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
)

from app.errors import TribuneError
from app.services.charter.compare import DEL, INS, compare_versions
from app.services.charter.labels import status_label
from app.services.charter.signing import check_scan
from app.services.charter.versions import CharterDoc, SignatoryInfo, VersionSummary
from app.services.people.agency import StaffInfo
from ui.design import current, set_role, style_button_box
from ui.formatting import ui_locale
from ui.icons import set_icon
from ui.messages import error_text
from ui.operations import QueryOp


def themed_diff(diff_html: str) -> str:
    """The comparison's highlights in the scheme on screen (the core writes fixed ones)."""
    scheme = current()
    ins = f'<span style="background-color:{scheme.success_soft}; color:{scheme.success};">'
    dele = (
        f'<span style="background-color:{scheme.danger_soft}; color:{scheme.danger}; '
        'text-decoration:line-through;">'
    )
    return diff_html.replace(INS, ins).replace(DEL, dele)


class SignDialog(QDialog):
    """Who signed for each side, when, and the scanned signed PDF (optional)."""

    def __init__(
        self, doc: CharterDoc, agency_name: str, staff: list[StaffInfo], parent=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            self.tr("Record the signature of version {n}").format(n=doc.version.number)
        )
        self.scan: bytes | None = None
        self.scan_name = ""
        layout = QVBoxLayout(self)
        self.fields = {}
        for side, title, default in (
            (
                "agency",
                self.tr("For the agency ({name})").format(name=agency_name),
                staff[0] if staff else None,
            ),
            ("client", self.tr("For the client ({name})").format(name=doc.client_name), None),
        ):
            box = QGroupBox(title.replace("&", "&&"))  # "&" would be a mnemonic
            form = QFormLayout(box)
            name, role, date = QLineEdit(), QLineEdit(), QDateEdit(QDate.currentDate())
            name.setObjectName(f"{side}Name")
            role.setObjectName(f"{side}Role")
            date.setCalendarPopup(True)
            date.setLocale(ui_locale())  # "5 déc. 2026" / "5 Dec 2026": never 05/12 vs 12/05
            date.setDisplayFormat("d MMM yyyy")
            if default is not None:
                name.setText(default.name)
                role.setText(default.role)
            form.addRow(self.tr("Name"), name)
            form.addRow(self.tr("Role"), role)
            form.addRow(self.tr("Signed on"), date)
            self.fields[side] = (name, role, date)
            layout.addWidget(box)
        row = QHBoxLayout()
        self.scan_label = QLabel(self.tr("No scanned copy attached."))
        self.scan_label.setTextFormat(Qt.TextFormat.PlainText)
        pick = QPushButton(self.tr("Attach the signed PDF…"))
        pick.clicked.connect(self._pick)
        set_icon(pick, "open")
        set_role(pick, "secondary")
        row.addWidget(self.scan_label, 1)
        row.addWidget(pick)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        style_button_box(buttons)
        layout.addWidget(buttons)

    def _pick(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Signed copy"), "", "PDF (*.pdf)")
        if path:
            self.attach(path)

    def attach(self, path: str) -> None:
        try:
            data = Path(path).read_bytes()
            digest = check_scan(data)
        except OSError as exc:
            self._show_error(str(exc))
            return
        except TribuneError as exc:
            self._show_error(exc.message)
            return
        self.scan, self.scan_name = data, Path(path).name
        self.scan_label.setText(
            self.tr("{name} — SHA-256 {digest}…").format(name=self.scan_name, digest=digest[:16])
        )
        self.error.hide()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _accept(self) -> None:
        if not all(self.fields[side][0].text().strip() for side in ("agency", "client")):
            self._show_error(self.tr("Give the name of the signatory for each side."))
            return
        self.accept()

    def result_values(self) -> tuple[list[SignatoryInfo], bytes | None, str]:
        out = []
        for side, (name, role, date) in self.fields.items():
            out.append(SignatoryInfo(side, name.text(), role.text(), date.date().toPython()))
        return out, self.scan, self.scan_name


class CompareDialog(QDialog):
    """Two versions side by side as one text: what changed, highlighted.

    The versions are read and compared word by word by a :class:`ui.operations.QueryOp`;
    ``compared`` is emitted when the text is shown. Insertions and deletions take the
    palette's success and danger colours, so the dark scheme reads as well as the light.
    """

    compared = Signal()

    def __init__(
        self, services, client_id: int, versions: list[VersionSummary], parent=None
    ) -> None:
        super().__init__(parent)
        self.services, self.client_id = services, client_id
        self._asked: tuple[int, int] | None = None
        self.setWindowTitle(self.tr("Compare two versions"))
        self.resize(820, 640)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.old, self.new = QComboBox(), QComboBox()
        for combo in (self.old, self.new):
            for v in versions:
                combo.addItem(
                    self.tr("Version {n} ({status})").format(
                        n=v.number, status=status_label(v.status)
                    ),
                    v.number,
                )
        row.addWidget(QLabel(self.tr("From")))
        row.addWidget(self.old, 1)
        row.addWidget(QLabel(self.tr("to")))
        row.addWidget(self.new, 1)
        layout.addLayout(row)
        self.view = QTextBrowser()
        self.view.setObjectName("compareView")
        self.view.setOpenLinks(False)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        style_button_box(buttons)
        layout.addWidget(buttons)
        if len(versions) > 1:
            self.old.setCurrentIndex(1)
        for combo in (self.old, self.new):  # connected after the first choice: one comparison
            combo.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_args) -> None:
        old, new = self.old.currentData(), self.new.currentData()
        if old is None or new is None:
            return
        self._asked = (old, new)
        cid = self.client_id
        self.view.setPlainText(self.tr("Comparing…"))
        QueryOp(
            self,
            lambda s: compare_versions(s, cid, old, new),
            lambda result: self._show(old, new, result),
            services=self.services,
        ).failure(lambda exc: self.view.setPlainText(error_text(exc))).run()

    def _show(self, old: int, new: int, result) -> None:
        if self._asked != (old, new):
            return  # the user chose other versions meanwhile
        changed = result.changed
        parts = [
            "<p><b>"
            + self.tr(
                "Sections changed between version {a} and version {b}: %n.", "", len(changed)
            ).format(a=old, b=new)
            + "</b></p>"
        ]
        if not changed:
            parts.append("<p>" + self.tr("The two versions are identical.") + "</p>")
        labels = {
            "changed": self.tr("changed"),
            "added": self.tr("added"),
            "removed": self.tr("removed"),
        }
        for diff in changed:
            parts.append(f"<h3>{html.escape(diff.title)} — {labels[diff.status]}</h3>")
            parts.append(themed_diff(diff.diff_html))
        self.view.setHtml("".join(parts))
        self.compared.emit()
