"""How the calendar follows the change feed — a part the calendar area owns (``area.live``).

This seat's own writes (WriteOp) and other seats' arrive by the same signal: a ``posts``,
``charter`` or ``metrics`` change of the client shown reloads the period (gathered: one
reload for a burst). An open post editor that another seat changed shows a notice with
Reload, and keeps what is typed until the user chooses.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog

from app import changes
from app.changes import ChangeSet
from ui.notice import ChangeNotice


class CalendarLive(QObject):
    def __init__(self, area) -> None:
        super().__init__(area)
        self.area = area
        self.timer = QTimer(self, singleShot=True, interval=150)
        self.timer.timeout.connect(area.reload)
        area.services.feed.changed.connect(self.on_changes)

    def on_changes(self, changeset: ChangeSet) -> None:
        """From the change feed (GUI thread): reload the period if it concerns this client."""
        area = self.area
        client = area.client
        if client is None:
            return
        cid = client.id
        if any(changeset.touches(kind, cid) for kind in ("posts", "charter", "metrics")):
            self.timer.start()
        editor = area.editor
        if editor is None or not editor.isVisible() or editor.post_id is None:
            return
        change = changeset.by("posts", cid, editor.post_id)
        if change is not None and change.ids is not None and change.seat != changes.SEAT:
            self._editor_notice(editor).show_change(change, area.zone)

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
        self.area.open_editor(post_id=post_id)
