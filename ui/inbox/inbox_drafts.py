"""The reply box keeps one draft per message: autosaved, restored, never carried over.

Mixed into :class:`ui.inbox.inbox_area.InboxArea` (which provides ``conv``, ``client``,
``services`` and ``_bg``). The box belongs to the message whose detail it shows
(``_draft_for``); leaving that message, the client or the app saves what was typed.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor

from app.services.inbox import drafts as inbox_drafts

AUTOSAVE_MS = 1500


class InboxDrafts:
    _draft_for: int | None = None
    _draft_saved: tuple[str, bool] = ("", False)
    _restoring = False

    def _init_drafts(self) -> None:
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(AUTOSAVE_MS)
        self._draft_timer.timeout.connect(self._save_draft)
        self.conv.reply.textChanged.connect(self._draft_edited)
        self.conv.private.toggled.connect(self._draft_edited)

    def _draft_edited(self, *_args) -> None:
        if not self._restoring and self._draft_for is not None:
            self._draft_timer.start()

    def _draft_state(self) -> tuple[str, bool]:
        return self.conv.reply.toPlainText(), self.conv.private.isChecked()

    def _save_draft(self, *, wait: bool = False) -> None:
        """Write the box to its message's draft if it changed (``wait``: now, in this thread)."""
        self._draft_timer.stop()
        mid, client = self._draft_for, self.client
        state = self._draft_state()
        if mid is None or client is None or state == self._draft_saved:
            return
        self._draft_saved = state
        db, cid = self.services.db, client.id

        def work():
            with db.session() as s:
                inbox_drafts.save_draft(s, cid, mid, state[0], private=state[1])

        if wait:
            work()
        else:
            self._bg(work)

    def _leave_draft(self) -> None:
        """Before the box shows another message (or none): save, then empty it."""
        self._save_draft()
        self._draft_for = None
        self._set_box("", False)

    def _enter_draft(self, message_id: int, draft: inbox_drafts.Draft) -> None:
        self._draft_for = message_id
        self._draft_saved = (draft.text, draft.private)
        self._set_box(draft.text, draft.private)

    def _set_box(self, text: str, private: bool) -> None:
        self._restoring = True
        try:
            self.conv.reply.setPlainText(text)
            self.conv.reply.moveCursor(QTextCursor.MoveOperation.End)  # carry on typing
            # a locked box (a private message; a network with no private answer) keeps the
            # state the conversation panel gave it
            box = self.conv.private
            box.setChecked(private if box.isEnabled() else box.isChecked())
        finally:
            self._restoring = False

    def flush(self) -> None:
        """Client switch or quit: what was typed is written before anything else happens."""
        self._save_draft(wait=True)
