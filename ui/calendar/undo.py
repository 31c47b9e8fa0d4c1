"""Undoable calendar edits: each command calls the posts service (orange-canvas-core style)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from app.db import Database
from app.services import posts


class MovePostCommand(QUndoCommand):
    """Move a post to another time; undo puts it back.

    ``write(fn, optimistic, on_failed)`` is the area's: the chip moves at once, the write
    runs off the GUI thread, and a failure rolls the view back with a message (the command
    then leaves the stack).
    """

    def __init__(
        self,
        client_id: int,
        post_id: int,
        old: dt.datetime,
        new: dt.datetime,
        write: Callable,
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarUndo", "Move post"))
        self.client_id, self.post_id = client_id, post_id
        self.old, self.new, self.write = old, new, write

    def _apply(self, when: dt.datetime, where_we_left_it: dt.datetime) -> None:
        cid, pid = self.client_id, self.post_id
        self.write(
            lambda s: posts.move_post(s, cid, pid, when, expected_at=where_we_left_it),
            (pid, {"planned_at": when}),
            lambda: self.setObsolete(True),
        )

    def redo(self) -> None:
        self._apply(self.new, self.old)

    def undo(self) -> None:
        self._apply(self.old, self.new)  # not if someone else moved it meanwhile


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


class EditPostCommand(QUndoCommand):
    """The editor's saves of one post (text, time, networks, status…); undo puts it back.

    Saves made while the same editor is open (autosave, then Save) merge into one command:
    one Ctrl+Z undoes the editing session. ``before`` is None for a new post (undo deletes
    it, redo brings it back with the same UID).
    """

    MERGE_ID = 4242

    def __init__(
        self,
        db: Database,
        client_id: int,
        before,
        after,
        session_key: int,
        refresh: Callable[[], None],
        on_error: Callable[[Exception], None],
    ) -> None:
        super().__init__(
            QCoreApplication.translate("CalendarUndo", "Edit post")
            if before is not None
            else QCoreApplication.translate("CalendarUndo", "New post")
        )
        self.db, self.client_id = db, client_id
        self.before, self.after, self.session_key = before, after, session_key
        self.post_id = after.id
        self.version = after.version  # what our last write left: undo never overwrites others
        self.refresh, self.on_error = refresh, on_error
        self._applied = True  # pushed after the editor wrote it: the first redo is a no-op

    def id(self) -> int:
        return self.MERGE_ID

    def mergeWith(self, other) -> bool:
        if not isinstance(other, EditPostCommand) or other.session_key != self.session_key:
            return False
        if other.post_id != self.post_id:
            return False
        self.after = other.after
        self.version = other.version
        return True

    def _write(self, fn) -> None:
        from app.errors import TribuneError

        try:
            with self.db.session() as s:
                info = fn(s)
        except TribuneError as exc:
            self.setObsolete(True)  # the post is not as this step knows it any more
            self.on_error(exc)
        else:
            if info is not None:
                self.version = info.version
        self.refresh()

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        from app.services.posts_undo import recreate_post, restore_post

        if self.before is None:

            def again(s):
                info = recreate_post(s, self.client_id, self.after)
                self.post_id = info.id
                return info

            self._write(again)
        else:
            self._write(
                lambda s: restore_post(
                    s, self.client_id, self.post_id, self.after, expected_version=self.version
                )
            )

    def undo(self) -> None:
        from app.services.posts_undo import restore_post, undo_creation

        if self.before is None:
            self._write(lambda s: undo_creation(s, self.client_id, self.post_id, self.version))
        else:
            self._write(
                lambda s: restore_post(
                    s, self.client_id, self.post_id, self.before, expected_version=self.version
                )
            )


_SESSIONS = itertools.count(1)


def new_session_key() -> int:
    """One per editor opened: its saves merge into one undo step."""
    return next(_SESSIONS)


def _content(info) -> tuple | None:
    """What an undo writes back (ids and versions aside)."""
    if info is None:
        return None
    variants = tuple((v.network, v.text, v.link, v.first_comment, v.media) for v in info.variants)
    return (
        info.planned_at,
        info.title,
        info.category,
        info.tags,
        info.campaign,
        info.notes,
        info.all_day,
        info.status,
        variants,
    )


def push_edit(stack, editor, after) -> None:
    """The editor saved ``after``: one undoable step (nothing when nothing changed)."""
    from ui.messages import show_error

    previous = stack.command(stack.index() - 1) if stack.index() else None
    merging = isinstance(previous, EditPostCommand) and previous.session_key == editor.session_key
    base = previous.after if merging else editor._before
    if _content(base) == _content(after):
        return
    area = editor.parent()
    stack.push(
        EditPostCommand(
            editor.db,
            editor.client_id,
            editor._before,
            after,
            editor.session_key,
            area.reload if hasattr(area, "reload") else (lambda: None),
            lambda exc: show_error(area, exc),
        )
    )
