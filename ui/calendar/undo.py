"""Undoable calendar edits: each command calls the posts service (orange-canvas-core style)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.db import Database
from app.services import posts


class MovePostCommand(QUndoCommand):
    """Move a post to another time; undo puts it back."""

    def __init__(
        self,
        db: Database,
        client_id: int,
        post_id: int,
        old: dt.datetime,
        new: dt.datetime,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarUndo", "Move post"))
        self.db, self.client_id, self.post_id = db, client_id, post_id
        self.old, self.new, self.refresh = old, new, refresh
        self.error: Exception | None = None

    def _apply(self, when: dt.datetime) -> None:
        with self.db.session() as s:
            posts.move_post(s, self.client_id, self.post_id, when)
        self.refresh()

    def redo(self) -> None:
        self._apply(self.new)

    def undo(self) -> None:
        self._apply(self.old)


class CopyPostCommand(QUndoCommand):
    """Copy a post to another day and/or network; undo deletes the copy."""

    def __init__(
        self,
        db: Database,
        client_id: int,
        post_id: int,
        when: dt.datetime | None,
        networks: list[str] | None,
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarUndo", "Copy post"))
        self.db, self.client_id, self.post_id = db, client_id, post_id
        self.when, self.networks, self.refresh = when, networks, refresh
        self.copy_id: int | None = None

    def redo(self) -> None:
        with self.db.session() as s:
            self.copy_id = posts.copy_post(
                s, self.client_id, self.post_id, planned_at=self.when, networks=self.networks
            ).id
        self.refresh()

    def undo(self) -> None:
        if self.copy_id is not None:
            with self.db.session() as s:
                posts.delete_post(s, self.client_id, self.copy_id)
            self.copy_id = None
        self.refresh()
