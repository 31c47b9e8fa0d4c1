"""Who may change a post, in the post editor.

For a person who may not write posts (the read-only role, a person the agency has not
registered, a suspended one) the editor shows the post with every field, network tab, media
button and Save disabled, the reason in each tooltip and under the fields (:mod:`ui.rights`);
nothing is autosaved. A junior writes but cannot choose "Scheduled": their posts wait for a
lead's approval. The services and, on PostgreSQL, the server refuse the same anyway.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ui.rights import find_rights, tooltip

WRITE = "write_posts"


def guard_editor(editor) -> None:
    """Guard the editor's widgets with its window's rights (none outside a window)."""
    rights = find_rights(editor)
    if rights is None:
        return
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    for widget in (
        editor.when,
        editor.all_day,
        editor.best_button,
        editor.title,
        editor.category,
        editor.campaign,
        editor.status,
        editor.notes,
        *editor.network_boxes.values(),
        save,
    ):
        rights.guard(widget, WRITE)
    for tab in editor.variant_tabs.values():
        guard_tab(editor, tab)
    if not rights.allowed(WRITE):
        editor.read_only = True  # no autosave, no save on close
        editor._autosave.stop()
        editor.autosave_label.setText(rights.why(WRITE))
        editor.autosave_label.setToolTip(tooltip(rights.why(WRITE)))
    _refuse_scheduling(editor, rights)


def guard_tab(editor, tab) -> None:
    """A network's tab added to the editor: its text, link, comment and media too."""
    rights = find_rights(editor)
    if rights is None:
        return
    for widget in tab.editable():
        rights.guard(widget, WRITE)


def _refuse_scheduling(editor, rights) -> None:
    """A junior may write but not schedule: "Scheduled" cannot be chosen, and says why."""
    if rights.allowed("schedule") or not rights.allowed(WRITE):
        return
    index = editor.status.findData("scheduled")
    item = editor.status.model().item(index) if index >= 0 else None
    if item is None:
        return
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
    item.setToolTip(rights.why("schedule"))
