"""How the calendar follows the change feed: another seat's posts, moves and charter edits
redraw the chips within the poll interval; an open post editor that another seat changed
shows a notice with Reload, and keeps what is typed until the user chooses.

A mixin of :class:`ui.calendar.area.CalendarArea`.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog

from app import changes
from app.changes import ChangeSet
from ui.notice import ChangeNotice


class CalendarLive:
    def _init_live(self) -> None:
        self._live_timer = QTimer(self, singleShot=True, interval=150)
        self._live_timer.timeout.connect(self.reload)
        self.services.feed.changed.connect(self.on_changes)

    def on_changes(self, changeset: ChangeSet) -> None:
        """From the change feed (GUI thread): reload the period if it concerns this client."""
        client = self.client
        if client is None:
            return
        cid = client.id
        if any(changeset.touches(kind, cid) for kind in ("posts", "charter", "metrics")):
            self._live_timer.start()  # gathered: one reload for a burst of changes
        editor = self.editor
        if editor is None or not editor.isVisible() or editor.post_id is None:
            return
        change = changeset.by("posts", cid, editor.post_id)
        if change is not None and change.ids is not None and change.seat != changes.SEAT:
            self._editor_notice(editor).show_change(change, self.zone)

    def _editor_notice(self, editor) -> ChangeNotice:
        notice = editor.findChild(ChangeNotice)
        if notice is None:
            notice = ChangeNotice(editor)
            editor.layout().insertWidget(0, notice)
            notice.reload_requested.connect(lambda e=editor: self._reload_editor(e))
        return notice

    def _reload_editor(self, editor) -> None:
        """Drop this seat's unsaved edits and open the post as the other seat left it."""
        editor._autosave.stop()
        editor._land_background_save()
        post_id = editor.post_id
        QDialog.done(editor, QDialog.DialogCode.Rejected)  # no autosave over their change
        self.open_editor(post_id=post_id)
