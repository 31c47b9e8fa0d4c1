"""The reply box keeps one draft per message: autosaved, restored, never carried over.

A part of :class:`ui.inbox.inbox_area.InboxArea`: it is given the conversation panel (whose
reply box it keeps), the inbox's context (the client) and the area (whose operations and
services it uses). The box belongs to the message whose detail it shows (``message_id``);
leaving that message, the client or the app saves what was typed. Saves are WriteOps (the
change feed carries them as ``drafts``, which the list does not read again).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor

from app.services.inbox import drafts as inbox_drafts
from ui.operations import WriteOp

AUTOSAVE_MS = 1500


class DraftKeeper(QObject):
    def __init__(self, host, panel, context) -> None:
        super().__init__(host)
        self.host, self.panel, self.context = host, panel, context
        self.message_id: int | None = None  # the message the box belongs to
        self._saved: tuple[str, bool] = ("", False)
        self._restoring = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        panel.reply.textChanged.connect(self._edited)
        panel.private.toggled.connect(self._edited)

    def _edited(self, *_args) -> None:
        if not self._restoring and self.message_id is not None:
            self.timer.start()

    def _state(self) -> tuple[str, bool]:
        return self.panel.reply.toPlainText(), self.panel.private.isChecked()

    def save(self, *, wait: bool = False) -> None:
        """Write the box to its message's draft if it changed (``wait``: now, in this thread:
        the app is closing or the client changing)."""
        self.timer.stop()
        mid, cid = self.message_id, self.context.client_id
        state = self._state()
        if mid is None or cid is None or state == self._saved:
            return
        self._saved = state

        def write(s) -> None:
            inbox_drafts.save_draft(s, cid, mid, state[0], private=state[1])

        if wait:
            with self.host.services.db.session() as s:
                write(s)
        else:
            WriteOp(self.host, write).run()

    def stop(self) -> None:
        """The reply is being sent: no draft write behind it."""
        self.timer.stop()

    def leave(self) -> None:
        """Before the box shows another message (or none): save, then empty it."""
        self.save()
        self.message_id = None
        self._set_box("", False)

    def enter(self, message_id: int, draft: inbox_drafts.Draft) -> None:
        self.message_id = message_id
        self._saved = (draft.text, draft.private)
        self._set_box(draft.text, draft.private)

    def _set_box(self, text: str, private: bool) -> None:
        self._restoring = True
        try:
            self.panel.reply.setPlainText(text)
            self.panel.reply.moveCursor(QTextCursor.MoveOperation.End)  # carry on typing
            # a locked box (a private message; a network with no private answer) keeps the
            # state the conversation panel gave it
            box = self.panel.private
            box.setChecked(private if box.isEnabled() else box.isChecked())
        finally:
            self._restoring = False

    def flush(self) -> None:
        """Client switch or quit: what was typed is written before anything else happens."""
        self.save(wait=True)
