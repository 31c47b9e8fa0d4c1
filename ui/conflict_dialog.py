"""The conflict dialog: a stale save met someone else's change — mine and theirs side by side.

Shown when a service raises :class:`app.errors.Conflict` with details. The user keeps mine
(saved again over theirs, knowingly, with the current version), keeps theirs (mine is
dropped, the screen reloads), or merges the text by hand (the merged text is saved with the
current version). Both texts are untrusted: shown as plain text only.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import Conflict
from ui.formatting import datetime_text

MINE, THEIRS, MERGED = "mine", "theirs", "merged"


def _plain(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ConflictDialog(QDialog):
    """Mine against theirs; ``choice`` is MINE, THEIRS or MERGED once accepted.

    ``mergeable``: the conflict is about a text that can be merged by hand (a post's text,
    a section); else only keep mine / keep theirs. ``merged_text`` holds the merge.
    """

    def __init__(
        self,
        conflict: Conflict,
        parent: QWidget | None = None,
        *,
        mergeable: bool = True,
        zone: dt.tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Someone else changed this"))
        self.conflict = conflict
        self.details = d = conflict.details
        self.choice: str | None = None
        self.merged_text = ""
        layout = QVBoxLayout(self)
        self.message = _plain(conflict.message, self)
        self.message.setObjectName("conflictMessage")
        layout.addWidget(self.message)
        who = d.by if d and d.by else self.tr("someone else")
        when = ""
        if d and d.at is not None:
            when = datetime_text(d.at, zone)  # "sam. 5 déc. 2026, 16:16", the locale's words
        self.who = _plain(
            self.tr("Changed by {who} on {when}").format(who=who, when=when)
            if when
            else self.tr("Changed by {who}").format(who=who),
            self,
        )
        self.who.setObjectName("conflictWho")
        layout.addWidget(self.who)
        grid = QGridLayout()
        grid.addWidget(_plain(self.tr("Mine (not saved)"), self), 0, 0)
        grid.addWidget(_plain(self.tr("Theirs (saved)"), self), 0, 1)
        self.mine = QPlainTextEdit(d.mine if d else "", self)
        self.mine.setObjectName("conflictMine")
        self.mine.setReadOnly(True)
        self.theirs = QPlainTextEdit(d.theirs if d else "", self)
        self.theirs.setObjectName("conflictTheirs")
        self.theirs.setReadOnly(True)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)
        layout.addLayout(grid, 1)
        self.merge_label = _plain(self.tr("Merged text (edit, then save the merge)"), self)
        self.merge = QPlainTextEdit(self)
        self.merge.setObjectName("conflictMerge")
        self.merge_label.hide()
        self.merge.hide()
        layout.addWidget(self.merge_label)
        layout.addWidget(self.merge, 1)
        buttons = QDialogButtonBox(self)
        self.keep_mine = QPushButton(self.tr("Keep mine"), self)
        self.keep_theirs = QPushButton(self.tr("Keep theirs"), self)
        self.merge_button = QPushButton(self.tr("Merge by hand…"), self)
        self.save_merge = QPushButton(self.tr("Save the merge"), self)
        for button, role in (
            (self.keep_theirs, QDialogButtonBox.ButtonRole.RejectRole),
            (self.keep_mine, QDialogButtonBox.ButtonRole.AcceptRole),
            (self.merge_button, QDialogButtonBox.ButtonRole.ActionRole),
            (self.save_merge, QDialogButtonBox.ButtonRole.ActionRole),
        ):
            buttons.addButton(button, role)
        self.keep_mine.setObjectName("conflictKeepMine")
        self.keep_theirs.setObjectName("conflictKeepTheirs")
        self.merge_button.setObjectName("conflictMergeButton")
        self.save_merge.setObjectName("conflictSaveMerge")
        self.save_merge.hide()
        self.merge_button.setVisible(mergeable)
        self.keep_theirs.setDefault(True)
        layout.addWidget(buttons)
        self.keep_mine.clicked.connect(lambda: self._decide(MINE))
        self.keep_theirs.clicked.connect(lambda: self._decide(THEIRS))
        self.merge_button.clicked.connect(self._start_merge)
        self.save_merge.clicked.connect(lambda: self._decide(MERGED))
        self.resize(760, 420)

    def _start_merge(self) -> None:
        d = self.details
        theirs, mine = (d.theirs if d else ""), (d.mine if d else "")
        self.merge.setPlainText(theirs if theirs == mine else f"{theirs}\n{mine}".strip())
        self.merge_label.show()
        self.merge.show()
        self.save_merge.show()
        self.merge_button.hide()
        self.merge.setFocus()

    def _decide(self, choice: str) -> None:
        self.choice = choice
        if choice == MERGED:
            self.merged_text = self.merge.toPlainText()
        self.accept()

    def reject(self) -> None:  # Escape or closing the window: theirs stays
        self.choice = THEIRS
        super().reject()


def ask_conflict(
    parent: QWidget | None, conflict: Conflict, on_choice, *, mergeable: bool = True, zone=None
) -> ConflictDialog:
    """Open the dialog (non-modal to the event loop) and call ``on_choice(dialog)`` once
    the user decides."""
    dialog = ConflictDialog(conflict, parent, mergeable=mergeable, zone=zone)
    dialog.finished.connect(lambda _r: on_choice(dialog))
    if parent is not None:
        parent._conflict_dialog = dialog  # tests reach it; it lives as long as its parent
    dialog.open()
    return dialog


def show_conflict_notice(
    parent: QWidget | None, conflict: Conflict, on_keep_mine=None, zone=None
) -> ConflictDialog:
    """A field-level conflict (a status, an assignee): keep theirs, or apply mine over it."""

    def chosen(dialog: ConflictDialog) -> None:
        if dialog.choice == MINE and on_keep_mine is not None:
            on_keep_mine()

    dialog = ask_conflict(parent, conflict, chosen, mergeable=False, zone=zone)
    dialog.keep_mine.setVisible(on_keep_mine is not None)
    return dialog


def ask_queue_too(parent: QWidget | None, conflict: Conflict, on_yes) -> QMessageBox:
    """ "X already queued a reply at HH:MM — queue yours too?" (their reply shown)."""
    box = QMessageBox(parent)
    box.setObjectName("queueTooBox")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(QCoreApplication.translate("ConflictDialog", "A reply is already queued"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(conflict.message)
    if conflict.details is not None and conflict.details.theirs:
        box.setInformativeText(conflict.details.theirs)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.finished.connect(
        lambda result: on_yes() if result == QMessageBox.StandardButton.Yes else None
    )
    if parent is not None:
        parent._conflict_dialog = box
    box.open()
    return box
