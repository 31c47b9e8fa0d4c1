"""The reply box keeps one draft per message: autosaved, restored, never carried over.

A part of :class:`ui.inbox.inbox_area.InboxArea`: it is given the conversation panel (whose
reply box it keeps), the inbox's context (the client) and the area (whose operations and
services it uses). The box belongs to the message whose detail it shows (``message_id``);
leaving that message, the client or the app saves what was typed. Saves are WriteOps (the
change feed carries them as ``drafts``, which the list does not read again), one after the
other in the runner's ``drafts`` queue; none waits on the GUI thread, a client switch and
quitting included (the window closes once its writes landed). A draft still on its way when
its message is shown again is shown as typed, not as the database had it before.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QTextCursor

from app.services.inbox import drafts as inbox_drafts
from ui.messages import show_error
from ui.operations import WriteOp

AUTOSAVE_MS = 1500


class DraftKeeper(QObject):
    def __init__(self, host, panel, context) -> None:
        super().__init__(host)
        self.host, self.panel, self.context = host, panel, context
        self.message_id: int | None = None  # the message the box belongs to
        self._saved: tuple[str, bool] = ("", False)
        self._landing: dict[tuple[int, int], tuple[str, bool]] = {}  # (client, message): draft
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

    def save(self) -> None:
        """Write the box to its message's draft if it changed, on a worker (after the drafts
        already on their way: the last one typed is the one kept)."""
        self.timer.stop()
        mid, cid = self.message_id, self.context.client_id
        state = self._state()
        if mid is None or cid is None or state == self._saved:
            return
        self._saved = state
        key = (cid, mid)
        self._landing[key] = state

        def write(s) -> None:
            inbox_drafts.save_draft(s, cid, mid, state[0], private=state[1])

        def landed(_result=None) -> None:
            if self._landing.get(key) is state:
                del self._landing[key]

        def failed(exc: BaseException) -> None:
            landed()
            show_error(self.host, exc)

        WriteOp(self.host, write, landed).failure(failed).in_queue("inbox-drafts").run()

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
        landing = self._landing.get((self.context.client_id, message_id))
        self._saved = landing if landing is not None else (draft.text, draft.private)
        self._set_box(*self._saved)

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
        """Client switch or quit: what was typed goes out now (the window waits for it before
        it closes; a switch does not wait)."""
        self.save()
