"""The Charter area of a client workspace: section navigator, editor, versions, signature.

What the user types is kept in the pages, put on the undo stack, and saved to the database
1.5 s after the last change by a background task (the GUI never waits for the database, a
shared PostgreSQL server included), and at once on a client switch or on quit, via
:meth:`flush`, so a crash loses at most that much. A version that is not a draft is shown
read-only.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.services.charter import versions as charter
from app.services.charter.labels import status_label
from app.services.charter.versions import CharterDoc, VersionSummary
from ui.areas import AreaServices, WorkspaceArea
from ui.background_write import BackgroundWrite
from ui.charter.charter_actions import CharterActions
from ui.charter.charter_conflicts import CharterConflicts, save_sections
from ui.charter.charter_live import CharterLive
from ui.charter.charter_undo import DataCommand, ReorderCommand, TextCommand
from ui.charter.section_page import SectionPage
from ui.messages import show_error
from ui.operations import QueryOp, drop_pending
from ui.rights import allowed_for

AUTOSAVE_MS = 1500
STYLE = """
#sectionTitle { font-size: 15pt; font-weight: 600; color: #1d2536; }
#sectionNavigator { border: none; background: #ffffff; padding: 4px; }
#sectionNavigator::item { padding: 6px 8px; border-radius: 4px; }
#sectionNavigator::item:selected { background: #e8efff; color: #1d2536; }
#charterBar { background: #ffffff; border-bottom: 1px solid #e3e7ef; }
#charterBanner { background: #fff7e6; border-bottom: 1px solid #f5d9a8; }
#issuesLabel { color: #8a5a00; background: #fff7e6; border: 1px solid #f5d9a8;
  border-radius: 4px; padding: 6px; }
#errorLabel { color: #b42318; background: #fef3f2; border: 1px solid #fecdca;
  border-radius: 4px; padding: 6px; }
#sectionBody { background: #f6f8fb; }
"""


class _UndoKeys(QObject):
    """Route Ctrl+Z / Ctrl+Shift+Z of the text editors to the area's undo stack."""

    def __init__(self, stack: QUndoStack, parent: QObject) -> None:
        super().__init__(parent)
        self.stack = stack

    def eventFilter(self, obj, event) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            if event.matches(QKeySequence.StandardKey.Undo):
                if event.type() == QEvent.Type.KeyPress:
                    self.stack.undo()
                event.accept()
                return True
            if event.matches(QKeySequence.StandardKey.Redo):
                if event.type() == QEvent.Type.KeyPress:
                    self.stack.redo()
                event.accept()
                return True
        return False


class _Save(BackgroundWrite):
    """One save of the pending changes: a snapshot taken on the GUI thread, written by a
    worker (or at once by :meth:`CharterArea.flush`)."""

    def __init__(self, db, client_id, version_id, items, order, order_generation) -> None:
        super().__init__(self._save)
        self.db, self.client_id, self.version_id = db, client_id, version_id
        # (page, section id, html or None, data or None, expected revision, page.edits then)
        self.items: list[tuple] = items
        self.order: list[str] | None = order
        self.order_generation = order_generation
        self.conflicts: list = []  # (item, Conflict): sections someone else saved meanwhile

    def _save(self) -> list:
        infos, self.conflicts = save_sections(self.db, self.client_id, self.items)
        if self.order is not None:
            with self.db.session() as s:
                charter.reorder_sections(s, self.client_id, self.version_id, self.order)
        return infos


class CharterArea(CharterLive, WorkspaceArea, CharterActions, CharterConflicts):
    """Signals:
    loaded(): a version was loaded and shown (tests wait for it).
    saved(): pending changes were written to the database.
    """

    loaded = Signal()
    saved = Signal()

    def __init__(self, services: AreaServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.doc: CharterDoc | None = None
        self.versions: list[VersionSummary] = []
        self.pages: dict[str, SectionPage] = {}
        self.order_dirty = False
        self._order_generation = 0
        self._saving: _Save | None = None
        self._order: list[str] = []
        self._replaying = False
        self.undo_stack = QUndoStack(self)
        self._undo_keys = _UndoKeys(self.undo_stack, self)
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_in_background)
        self.setStyleSheet(STYLE)
        self._build()

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QWidget()
        bar.setObjectName("charterBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 8, 12, 8)
        self.version_combo = QComboBox()
        self.version_combo.setObjectName("versionCombo")
        self.version_combo.setMinimumWidth(260)
        self.version_combo.activated.connect(self._version_chosen)
        row.addWidget(self.version_combo)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        row.addStretch(1)
        self.save_state = QLabel()
        self.save_state.setObjectName("hint")
        row.addWidget(self.save_state)
        self.build_action_buttons(row)
        layout.addWidget(bar)
        self.banner = QWidget()
        self.banner.setObjectName("charterBanner")
        banner_row = QHBoxLayout(self.banner)
        banner_row.setContentsMargins(12, 6, 12, 6)
        self.banner_text = QLabel()
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.banner_text.setWordWrap(True)
        banner_row.addWidget(self.banner_text, 1)
        self.banner_button = QPushButton(self.tr("Start a new draft"))
        self.banner_button.setObjectName("primaryButton")
        self.banner_button.clicked.connect(self.new_draft)
        banner_row.addWidget(self.banner_button)
        self.banner.hide()
        layout.addWidget(self.banner)
        self._init_live(layout)
        split = QSplitter()
        self.navigator = QListWidget()
        self.navigator.setObjectName("sectionNavigator")
        self.navigator.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.navigator.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.navigator.setMinimumWidth(250)
        self.navigator.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.navigator.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.navigator.currentItemChanged.connect(self._section_chosen)
        self.navigator.model().rowsMoved.connect(self._navigator_moved)
        self.stack = QStackedWidget()
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch(1)
        self.empty_text = QLabel(self.tr("Loading the charter…"))
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setWordWrap(True)
        self.create_button = QPushButton(self.tr("Write the charter from the template"))
        self.create_button.setObjectName("primaryButton")
        self.create_button.clicked.connect(self.create_charter)
        self.create_button.hide()
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)
        self.stack.addWidget(self.empty)
        split.addWidget(self.navigator)
        split.addWidget(self.stack)
        split.setStretchFactor(1, 1)
        split.setSizes([270, 900])
        layout.addWidget(split, 1)

    # -- loading --------------------------------------------------------------------------
    def set_client(self, client) -> None:
        self.flush()
        super().set_client(client)
        self.load()

    def load(self, number: int | None = None) -> None:
        """Load version ``number`` (default: the latest; a first draft is made if none)."""
        client = self.client
        if client is None:
            drop_pending(self, "version")
            self._clear()
            return

        def work(s):  # read only: looking at a client never writes
            versions = charter.list_versions(s, client.id)
            if not versions:
                return None, []
            return charter.load(s, client.id, number), versions

        def done(result):
            if self.client and self.client.id == client.id:
                if result[0] is None:
                    self._show_empty()
                else:
                    self._show(*result)

        QueryOp(self, work, done).latest("version").run()

    def _show_empty(self) -> None:
        self._clear()
        self.versions = []
        self.empty_text.setText(
            self.tr(
                "{client} has no charter yet. Start from the template: every section comes with "
                "guidance on what to write."
            ).format(client=self.client.name)
        )
        self.create_button.show()
        self.stack.setCurrentWidget(self.empty)
        self.refresh_actions()
        self.loaded.emit()

    def create_charter(self) -> None:
        cid = self.client.id
        self._write(lambda s: charter.ensure_charter(s, cid))

    def _clear(self) -> None:
        self.navigator.blockSignals(True)
        self.navigator.clear()
        self.navigator.blockSignals(False)
        for page in self.pages.values():
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.undo_stack.clear()
        self.doc = None

    def _show(self, doc: CharterDoc, versions: list[VersionSummary]) -> None:
        current_key = self.current_key()
        self._clear()
        self.doc, self.versions = doc, versions
        self.order_dirty = False
        read_only = not doc.version.editable or not allowed_for(self, "edit_charter")
        self.navigator.blockSignals(True)
        for section in doc.sections:
            page = SectionPage(section, doc.contacts, doc.client_timezone)
            page.set_read_only(read_only)
            page.editor.edit.installEventFilter(self._undo_keys)
            page.data_edited.connect(self._data_edited)
            page.text_edited.connect(self._text_edited)
            page.text_changed.connect(self._text_changed)
            self.pages[section.key] = page
            self.stack.addWidget(page)
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, section.key)
            self.navigator.addItem(item)
        self.navigator.blockSignals(False)
        self.navigator.setDragEnabled(not read_only)
        self._refresh_navigator()
        keys = [s.key for s in doc.sections]
        self._order = list(keys)
        self.select_section(current_key if current_key in keys else keys[0])
        self._refresh_versions()
        self.refresh_actions()
        self.save_state.setText("")
        self.loaded.emit()

    def _refresh_versions(self) -> None:
        self.version_combo.clear()
        for v in self.versions:
            when = v.signed_at or v.sent_at or v.updated_at
            self.version_combo.addItem(
                self.tr("Version {n} — {status} — {date}").format(
                    n=v.number, status=status_label(v.status), date=self.local_date(when)
                ),
                v.number,
            )
        if self.doc is not None:
            self.version_combo.setCurrentIndex(self.version_combo.findData(self.doc.version.number))

    def _version_chosen(self, index: int) -> None:
        number = self.version_combo.itemData(index)
        if self.doc is None or number == self.doc.version.number:
            return
        self.flush()
        self.load(number)

    # -- navigation -----------------------------------------------------------------------
    def current_key(self) -> str | None:
        item = self.navigator.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def select_section(self, key: str) -> None:
        for i in range(self.navigator.count()):
            if self.navigator.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.navigator.setCurrentRow(i)
                break
        if key in self.pages:
            self.stack.setCurrentWidget(self.pages[key])

    def _section_chosen(self, current, _previous) -> None:
        page = self.pages.get(current.data(Qt.ItemDataRole.UserRole)) if current else None
        if page is not None:
            self.stack.setCurrentWidget(page)

    def order(self) -> list[str]:
        return [
            self.navigator.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.navigator.count())
        ]

    def _refresh_navigator(self) -> None:
        for i in range(self.navigator.count()):
            item = self.navigator.item(i)
            page = self.pages[item.data(Qt.ItemDataRole.UserRole)]
            issues = page.refresh_issues()
            text = f"{i + 1}. {page.section.title}"
            item.setText(f"{text}  ⚠ {len(issues)}" if issues else text)
            item.setToolTip("\n".join(x.message for x in issues))

    def _navigator_moved(self, *_args) -> None:
        new = self.order()
        old = self._order
        if new != old and not self._replaying:
            self.undo_stack.push(ReorderCommand(self, old, new, self.tr("Move a section")))
        self._refresh_navigator()

    def apply_order(self, keys: list[str]) -> None:
        current = self.current_key()
        self._replaying = True
        self.navigator.blockSignals(True)
        items = {
            self.navigator.item(i).data(Qt.ItemDataRole.UserRole): i
            for i in range(self.navigator.count())
        }
        taken = {}
        for key in sorted(items, key=lambda k: -items[k]):
            taken[key] = self.navigator.takeItem(items[key])
        for key in keys:
            self.navigator.addItem(taken[key])
        self.navigator.blockSignals(False)
        self._replaying = False
        self._order = list(keys)
        self.order_dirty = True
        self._order_generation += 1
        self._refresh_navigator()
        if current:
            self.select_section(current)
        self._changed()

    # -- editing --------------------------------------------------------------------------
    def _data_edited(self, page: SectionPage, old: dict, new: dict) -> None:
        text = self.tr("Edit « {title} »").format(title=page.section.title)
        self.undo_stack.push(DataCommand(self, page, old, new, text))

    def apply_section_data(self, key: str, data: dict) -> None:
        page = self.pages.get(key)
        if page is None:
            return
        page.apply_data(data)
        self.select_section(key)
        self._refresh_navigator()
        self._changed()

    def _text_edited(self, page: SectionPage) -> None:
        if self._replaying:
            return
        text = self.tr("Type in « {title} »").format(title=page.section.title)
        self.undo_stack.push(TextCommand(self, page, text))
        self._changed()

    def _text_changed(self, _page: SectionPage) -> None:
        if not self._replaying:
            self._changed()

    def replay_text(self, key: str, *, undo: bool) -> None:
        page = self.pages.get(key)
        if page is None:
            return
        self._replaying = True
        try:
            page.document.undo() if undo else page.document.redo()
        finally:
            self._replaying = False
        page.dirty_text = True
        self.select_section(key)
        self._changed()

    def _changed(self) -> None:
        self.save_state.setText(self.tr("Unsaved changes…"))
        self.autosave.start()

    # -- saving ---------------------------------------------------------------------------
    def _snapshot(self) -> _Save | None:
        """The pending changes as plain values (GUI thread), or None if nothing to save."""
        doc = self.doc
        if doc is None or not doc.version.editable or self.client is None:
            return None
        for page in self.pages.values():
            page.collect_pending()
        items = [
            (
                page,
                page.section.id,
                page.html() if page.dirty_text else None,
                page.data if page.dirty_data else None,
                page.revision,
                page.edits,
            )
            for page in self.pages.values()
            if page.dirty_text or page.dirty_data
        ]
        if not items and not self.order_dirty:
            return None
        order = self.order() if self.order_dirty else None
        return _Save(
            self.services.db, doc.client_id, doc.version.id, items, order, self._order_generation
        )

    def save_in_background(self) -> None:
        """The autosave: write the pending changes on a worker thread."""
        if self._saving is not None:  # one save at a time: the next one needs its revisions
            self.autosave.start()
            return
        if getattr(self, "conflict_open", False):  # the user is choosing: save after that
            return
        job = self._snapshot()
        if job is None:
            return
        self._saving = job
        self.save_state.setText(self.tr("Saving…"))
        job.start(self.services.tasks, self._finish_save)

    def _finish_save(self, job: _Save) -> bool:
        """Apply a finished save to the pages (once). False when it failed."""
        if not job.claim():
            return job.error is None
        if self._saving is job:
            self._saving = None
        if job.error is not None:
            self.save_state.setText(self.tr("Not saved"))
            show_error(self, job.error)
            return False
        for (page, _sid, html, data, _rev, edits), info in zip(
            job.items, job.result or [], strict=True
        ):
            if info is None:  # someone else saved this section: the dialog below
                continue
            page.revision = info.revision
            if page.edits == edits:  # nothing typed since the snapshot
                if html is not None:
                    page.dirty_text = False
                if data is not None:
                    page.dirty_data = False
        if job.order is not None and self._order_generation == job.order_generation:
            self.order_dirty = False
        if job.conflicts:
            self.saved.emit()
            self.show_section_conflicts(job.conflicts)
            return True
        if any(p.dirty_text or p.dirty_data for p in self.pages.values()) or self.order_dirty:
            self._changed()
        else:
            self.save_state.setText(self.tr("All changes saved"))
        self.saved.emit()
        return True

    def flush(self) -> None:
        """Write every pending change now (client switch, version switch, quit)."""
        self.autosave.stop()
        job = self._saving
        if job is not None:  # let the background save land first: its revisions come next
            if not job.wait():  # a database that does not answer: keep the changes
                self.save_state.setText(self.tr("Not saved"))
                return
            if not self._finish_save(job):
                return
        job = self._snapshot()
        if job is None:
            return
        self._saving = job
        job.run()
        self._finish_save(job)

    def local_date(self, when) -> str:
        if when is None:
            return ""
        from zoneinfo import ZoneInfo

        tz = ZoneInfo(self.doc.client_timezone if self.doc else "Europe/Paris")
        return when.astimezone(tz).strftime("%d/%m/%Y")
