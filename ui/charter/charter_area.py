"""The Charter area of a client workspace: section navigator, editor, versions, signature.

The area owns its parts and holds the document they share (``doc``, ``pages``, the order):
- :class:`~ui.charter.charter_save.CharterSaver` writes what is typed 1.5 s after the last
  change, at once on a client switch or on quit (:meth:`flush`);
- :class:`~ui.charter.charter_actions.CharterActions`: the version's buttons and writes;
- :class:`~ui.charter.charter_conflicts.CharterConflicts`: a section saved meanwhile;
- :class:`~ui.charter.charter_live.CharterLive`: other seats' changes, from the change feed.
A version that is not a draft is shown read-only. Colours come from the palette's tokens.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from string import Template

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
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
from app.services.charter.versions import CharterDoc, VersionSummary
from ui.areas import AreaServices, WorkspaceArea
from ui.charter.charter_actions import CharterActions
from ui.charter.charter_conflicts import CharterConflicts
from ui.charter.charter_live import CharterLive
from ui.charter.charter_save import CharterSaver
from ui.charter.charter_undo import DataCommand, ReorderCommand, TextCommand, UndoKeys
from ui.charter.section_page import SectionPage
from ui.design import Scheme, current, set_role, theme_notifier
from ui.formatting import date_text
from ui.icons import set_icon
from ui.operations import QueryOp, WriteOp, drop_pending
from ui.rights import allowed_for

STYLE = Template(
    """
#sectionTitle { font-size: 15pt; font-weight: 600; color: $text; }
#sectionNavigator { border: none; background: $surface; color: $text; padding: 4px; }
#sectionNavigator::item { padding: 6px 8px; border-radius: 4px; }
#sectionNavigator::item:selected { background: $accent_soft; color: $text; }
#charterBar { background: $surface; border-bottom: 1px solid $border; }
#charterBanner { background: $warning_soft; border-bottom: 1px solid $warning; }
#charterBanner QLabel { color: $warning; }
#issuesLabel { color: $warning; background: $warning_soft; border: 1px solid $warning;
  border-radius: 4px; padding: 6px; }
#errorLabel { color: $danger; background: $danger_soft; border: 1px solid $danger;
  border-radius: 4px; padding: 6px; }
#sectionBody { background: $window; }
#notesTitle { color: $text; font-weight: 600; }
"""
)


def style(scheme: Scheme) -> str:
    return STYLE.substitute(vars(scheme))


class CharterArea(WorkspaceArea):
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
        self._order: list[str] = []
        self._replaying = False
        self.undo_stack = QUndoStack(self)
        self._undo_keys = UndoKeys(self.undo_stack, self)
        self.conflicts = CharterConflicts(self)
        self.saver = CharterSaver(self)
        self.autosave = self.saver.autosave
        self.setStyleSheet(style(current()))
        theme_notifier().changed.connect(self._scheme_changed)  # gone with the area
        self._build()

    def _scheme_changed(self, scheme: Scheme) -> None:
        self.setStyleSheet(style(scheme))

    # -- layout ---------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        bar = QWidget()
        bar.setObjectName("charterBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 8, 12, 8)
        self.undo_button, self.redo_button = QPushButton(), QPushButton()
        for button, name, tip in (
            (self.undo_button, "undo", self.tr("Undo (Ctrl+Z)")),
            (self.redo_button, "redo", self.tr("Redo (Ctrl+Shift+Z)")),
        ):  # icons only, with their words in the tooltip: the bar fits a 1366-px screen
            set_icon(button, name)
            set_role(button, "quiet")
            button.setToolTip(tip)
            button.setAccessibleName(tip)
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
        self.actions = actions = CharterActions(self, row)
        self.version_combo = actions.version_combo
        # the version's buttons, where the rights (ui.rights) and the tests look for them
        self.new_draft_button, self.send_button = actions.new_draft_button, actions.send_button
        self.withdraw_button, self.sign_button = actions.withdraw_button, actions.sign_button
        self.scan_button, self.compare_button = actions.scan_button, actions.compare_button
        self.export_button, self.export_progress = actions.export_button, actions.export_progress
        self.banner, self.banner_text = actions.banner, actions.banner_text
        self.banner_button = actions.banner_button
        layout.addWidget(bar)
        layout.addWidget(self.banner)
        self.live = CharterLive(self)
        self.notice = self.live.notice
        layout.addWidget(self.notice)  # under the version bar
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
        set_role(self.create_button, "primary")
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
        self.hand_off()
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
        self.actions.refresh_actions()
        self.loaded.emit()

    def create_charter(self) -> None:
        if self.client is None:
            return
        cid = self.client.id
        WriteOp(self, lambda s: charter.ensure_charter(s, cid), lambda _doc: self.load()).run()

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
        self.actions.refresh_versions()
        self.actions.refresh_actions()
        self.save_state.setText("")
        self.loaded.emit()

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
            item.setToolTip("<br>".join(html.escape(x.message) for x in issues))

    def _navigator_moved(self, *_args) -> None:
        new = self.order()
        old = self._order
        if new != old and not self._replaying:
            self.undo_stack.push(ReorderCommand(self, old, new, self.tr("Move a section")))
        self._refresh_navigator()

    def apply_order(self, keys: list[str]) -> None:
        current = self.current_key()
        with self.replaying():
            self._reorder_navigator(keys)
        self._order = list(keys)
        self.order_dirty = True
        self.saver.order_generation += 1
        self._refresh_navigator()
        if current:
            self.select_section(current)
        self.saver.changed()

    def _reorder_navigator(self, keys: list[str]) -> None:
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
        self.saver.changed()

    def _text_edited(self, page: SectionPage) -> None:
        if self._replaying:
            return
        text = self.tr("Type in « {title} »").format(title=page.section.title)
        self.undo_stack.push(TextCommand(self, page, text))
        self.saver.changed()

    def _text_changed(self, _page: SectionPage) -> None:
        if not self._replaying:
            self.saver.changed()

    def replay_text(self, key: str, *, undo: bool) -> None:
        page = self.pages.get(key)
        if page is None:
            return
        with self.replaying():
            page.document.undo() if undo else page.document.redo()
        page.dirty_text = True
        self.select_section(key)
        self.saver.changed()

    def _changed(self) -> None:
        self.save_state.setText(self.tr("Unsaved changes…"))
        self.autosave.start()

    # -- saving (the saver part) ---------------------------------------------------------
    def flush(self) -> None:
        """Write every pending change now and wait (the charter's own actions: what they do
        must see the text saved)."""
        self.saver.flush()

    def hand_off(self) -> None:
        """A client switch or quitting: what is typed goes out on a worker, never waited
        for here."""
        self.saver.hand_off()

    @contextmanager
    def replaying(self) -> Iterator[None]:
        """Changes made by undo, redo or a conflict's choice: no new undo step, no echo."""
        self._replaying = True
        try:
            yield
        finally:
            self._replaying = False

    def local_date(self, when) -> str:
        """A date in the client's time zone, in the interface's language (never ISO)."""
        if when is None:
            return ""
        from zoneinfo import ZoneInfo

        tz = ZoneInfo(self.doc.client_timezone if self.doc else "Europe/Paris")
        return date_text(when.astimezone(tz).date())
