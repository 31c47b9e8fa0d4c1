"""One section of the charter in the editor: guidance, rich text, table or form, issues."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from app.errors import ValidationError
from app.services.charter.schema import SCHEMAS, Issue, section_issues
from app.services.charter.validate import validate_data
from app.services.charter.versions import SectionInfo
from ui.charter.charter_forms import BusinessHoursEditor, StyleEditor
from ui.charter.rich_editor import RichTextEditor
from ui.charter.table_editor import SectionTable, normalise_rows

EDITOR_CSS = "h3 { font-size: 12pt; font-weight: 600; } p { margin-bottom: 4px; }"


class SectionPage(QScrollArea):
    """Presents and collects one section. Changes go out as signals; the area keeps undo.

    Signals:
        data_edited(object, dict, dict): page, values before, values after (already valid).
        text_edited(object): an undo step was added to the page's rich text.
        text_changed(object): the rich text changed (every keystroke; typing that Qt merges
            into the previous undo step adds none, but still has to be saved).
    """

    data_edited = Signal(object, dict, dict)
    text_edited = Signal(object)
    text_changed = Signal(object)

    def __init__(self, section: SectionInfo, contacts: dict[int, str], timezone: str, parent=None):
        super().__init__(parent)
        self.section = section
        self.key = section.key
        self.contacts = contacts
        self.timezone = timezone
        self.revision = section.revision
        self.data = copy.deepcopy(section.data)
        self.dirty_text = False
        self.dirty_data = False
        self.edits = 0  # counts changes: a background save clears "dirty" only if none since
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget()
        body.setObjectName("sectionBody")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(24, 16, 24, 16)
        self.title = QLabel()
        self.title.setObjectName("sectionTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance = QLabel(section.guidance)
        self.guidance.setObjectName("hint")
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()
        self.issues_label = QLabel()
        self.issues_label.setObjectName("issuesLabel")
        self.issues_label.setWordWrap(True)
        self.issues_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.title)
        layout.addWidget(self.guidance)
        layout.addWidget(self.error)
        layout.addWidget(self.issues_label)
        kind = SCHEMAS[self.key].kind
        self.table: SectionTable | None = None
        self.hours: BusinessHoursEditor | None = None
        self.style_form: StyleEditor | None = None
        if kind in ("table", "delays"):
            self.table = SectionTable(self.key, contacts)
            self.table.set_rows(self.data.get("rows", []))
            self.table.rows_edited.connect(lambda rows: self._propose({**self.data, "rows": rows}))
            self.table.setMinimumHeight(220)
            layout.addWidget(self.table, 2)  # the rows first, the notes below get the rest
        if kind == "delays":
            self.hours = BusinessHoursEditor()
            self.hours.set_hours(self.data.get("business_hours") or {}, timezone)
            self.hours.edited.connect(lambda h: self._propose({**self.data, "business_hours": h}))
            layout.addWidget(self.hours)
        if kind == "style":
            self.style_form = StyleEditor()
            self.style_form.set_values(self.data)
            self.style_form.edited.connect(lambda values: self._propose({**self.data, **values}))
            layout.addWidget(self.style_form)
        self.document = QTextDocument(self)
        self.document.setDefaultStyleSheet(EDITOR_CSS)
        self.document.setHtml(section.html)
        self.document.setModified(False)
        self.document.undoCommandAdded.connect(lambda: self.text_edited.emit(self))
        self.document.contentsChanged.connect(self._text_changed)
        if kind != "rich":
            notes = QLabel(self.tr("Notes"))
            notes.setObjectName("notesTitle")
            layout.addWidget(notes)
        self.editor = RichTextEditor()
        self.editor.edit.setDocument(self.document)
        self.editor.setMinimumHeight(260 if kind == "rich" else 160)
        layout.addWidget(self.editor, 1)
        self.setWidget(body)
        self.set_title(section.title)
        self.refresh_issues()

    # -- values ---------------------------------------------------------------------------
    def set_title(self, title: str) -> None:
        self.title.setText(title)

    def html(self) -> str:
        return self.document.toHtml()

    def _text_changed(self) -> None:
        self.dirty_text = True
        self.edits += 1
        self.text_changed.emit(self)

    def _propose(self, new: dict) -> None:
        """Check the user's change; refuse it inline (and show the old values) if invalid."""
        if "rows" in new:
            new = {**new, "rows": normalise_rows(new["rows"])}
        if new == self.data:
            return
        try:
            allowed = set(self.contacts) | _contact_values(self.key, self.data)
            validate_data(self.key, new, allowed)
        except ValidationError as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.show_data(self.data)
            return
        self.error.hide()
        self.data_edited.emit(self, copy.deepcopy(self.data), new)

    def apply_data(self, data: dict) -> None:
        """Set the values (from an undo command) and show them."""
        self.data = copy.deepcopy(data)
        self.dirty_data = True
        self.edits += 1
        self.show_data(self.data)

    def show_data(self, data: dict) -> None:
        if self.table is not None:
            self.table.set_rows(data.get("rows", []))
        if self.hours is not None:
            self.hours.set_hours(data.get("business_hours") or {}, self.timezone)
        if self.style_form is not None:
            self.style_form.set_values(data)
        self.refresh_issues()

    def collect_pending(self) -> None:
        """A form field still being typed in counts as typed (flush before saving)."""
        if self.style_form is not None:
            values = self.style_form.values()
            if {**self.data, **values} != self.data:
                self._propose({**self.data, **values})
        if self.hours is not None:
            hours = self.hours.hours()
            if hours != self.data.get("business_hours"):
                self._propose({**self.data, "business_hours": hours})

    # -- presentation ---------------------------------------------------------------------
    def issues(self):
        issues = section_issues(self.key, self.data)
        for col in SCHEMAS[self.key].columns:
            if col.type == "contact":
                for i, row in enumerate(self.data.get("rows", [])):
                    if row.get(col.key) not in (None, "") and row[col.key] not in self.contacts:
                        message = self.tr("Row {row}: this contact no longer exists.")
                        issues.append(Issue(self.key, i, col.key, message.format(row=i + 1)))
        return issues

    def refresh_issues(self) -> list:
        issues = self.issues()
        if self.table is not None:
            self.table.show_issues(issues)
        self.issues_label.setVisible(bool(issues))
        self.issues_label.setText("\n".join(f"⚠ {i.message}" for i in issues[:8]))
        return issues

    def set_read_only(self, read_only: bool) -> None:
        self.editor.set_read_only(read_only)
        for form in (self.table, self.hours, self.style_form):
            if form is not None:
                form.set_read_only(read_only)


def _contact_values(key: str, data: dict) -> set:
    return {
        row.get(col.key)
        for col in SCHEMAS[key].columns
        if col.type == "contact"
        for row in data.get("rows", [])
    }
