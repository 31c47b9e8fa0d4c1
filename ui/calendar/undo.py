"""Undoable calendar edits: each command calls the posts service (orange-canvas-core style)."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.services.calendar import posts


class _WrittenCommand(QUndoCommand):
    """A command whose undo and redo are written by the area, off the GUI thread, in order.

    ``write(fn, optimistic, on_failed)`` is the area's: ``fn(session)`` runs on a
    worker after the writes asked for before it, the view follows (``optimistic`` at once),
    and a failure rolls the view back with a message. A step that failed — the post is not as
    it knows it any more — leaves the stack: nothing to undo or redo that would fail again.
    """

    def __init__(self, text: str, write: Callable, stack: QUndoStack) -> None:
        super().__init__(text)
        self.write, self.stack = write, stack

    def _send(self, fn, *, undone: bool, optimistic=None) -> None:
        self.write(fn, optimistic, lambda: self._drop(undone))

    def _drop(self, undone: bool) -> None:
        """Leave the stack. Qt removes an obsolete command, without running it, when the
        stack next reaches it: reach it now (after an undo it is next to redo)."""
        self.setObsolete(True)
        stack, index = self.stack, self.stack.index()
        if undone and index < stack.count() and stack.command(index) is self:
            stack.redo()
        elif not undone and index > 0 and stack.command(index - 1) is self:
            stack.undo()


class MovePostCommand(_WrittenCommand):
    """Move a post to another time; undo puts it back (not if someone moved it since)."""

    def __init__(
        self,
        client_id: int,
        post_id: int,
        old: dt.datetime,
        new: dt.datetime,
        write: Callable,
        stack: QUndoStack,
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarUndo", "Move post"), write, stack)
        self.client_id, self.post_id = client_id, post_id
        self.old, self.new = old, new

    def _apply(self, when: dt.datetime, where_we_left_it: dt.datetime, undone: bool) -> None:
        cid, pid = self.client_id, self.post_id
        self._send(
            lambda s: posts.move_post(s, cid, pid, when, expected_at=where_we_left_it),
            undone=undone,
            optimistic=(pid, {"planned_at": when}),
        )

    def redo(self) -> None:
        self._apply(self.new, self.old, False)

    def undo(self) -> None:
        self._apply(self.old, self.new, True)  # not if someone else moved it meanwhile


class CopyPostCommand(_WrittenCommand):
    """Copy a post to another day and/or network; undo deletes the copy."""

    def __init__(
        self,
        client_id: int,
        post_id: int,
        when: dt.datetime | None,
        networks: list[str] | None,
        write: Callable,
        stack: QUndoStack,
    ) -> None:
        super().__init__(QCoreApplication.translate("CalendarUndo", "Copy post"), write, stack)
        self.client_id, self.post_id = client_id, post_id
        self.when, self.networks = when, networks
        # set by the writes themselves, on the worker: an undo asked for before the copy was
        # written runs after it (the area's writes are in order) and finds the copy's id
        self.copy_id: int | None = None

    def redo(self) -> None:
        def copy(s) -> None:
            self.copy_id = posts.copy_post(
                s, self.client_id, self.post_id, planned_at=self.when, networks=self.networks
            ).id

        self._send(copy, undone=False)

    def undo(self) -> None:
        def delete(s) -> None:
            if self.copy_id is not None:
                posts.delete_post(s, self.client_id, self.copy_id)
                self.copy_id = None

        self._send(delete, undone=True)


class EditPostCommand(_WrittenCommand):
    """The editor's saves of one post (text, time, networks, status…, and the descriptions
    of its pictures); undo puts them back.

    Saves made while the same editor is open (autosave, then Save) merge into one command:
    one Ctrl+Z undoes the editing session. ``before`` is None for a new post (undo deletes
    it, redo brings it back with the same UID). A description belongs to the picture (every
    post using it shows it): undo writes it back against the version this step left, so a
    description someone changed since is kept and the step dropped, as for the post.
    """

    MERGE_ID = 4242

    def __init__(
        self,
        client_id: int,
        before,
        after,
        session_key: int,
        write: Callable,
        stack: QUndoStack,
        alts: dict | None = None,
    ) -> None:
        super().__init__(
            QCoreApplication.translate("CalendarUndo", "Edit post")
            if before is not None
            else QCoreApplication.translate("CalendarUndo", "New post"),
            write,
            stack,
        )
        self.client_id = client_id
        self.before, self.after, self.session_key = before, after, session_key
        self.post_id = after.id
        # what our last write left (undo never overwrites others); like post_id, kept up to
        # date by the writes themselves, which run in order
        self.version = after.version
        # {media id: [text before, text after, version our last write left]}
        self.alts = {
            m: [before_text, a.text, a.version] for m, (before_text, a) in (alts or {}).items()
        }
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
        for media_id, (before_text, text, version) in other.alts.items():
            kept = self.alts.setdefault(media_id, [before_text, text, version])
            kept[1:] = [text, version]
        return True

    def _write(self, fn, undone: bool) -> None:
        """The post (unless only descriptions changed) and the descriptions, in one unit of
        work: all written back, or none and the step dropped."""
        from app.services.calendar.undo import restore_alt

        post_changed = self.before is None or _content(self.before) != _content(self.after)

        def apply(s) -> None:
            if post_changed:
                info = fn(s)
                if info is not None:
                    self.version = info.version
            written = {}
            for media_id, (before_text, text, version) in self.alts.items():
                alt = restore_alt(
                    s, self.client_id, media_id, before_text if undone else text, version
                )
                written[media_id] = alt.version
            for media_id, version in written.items():  # known once the whole step wrote
                self.alts[media_id][2] = version

        self._send(apply, undone=undone)

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        from app.services.calendar.undo import recreate_post, restore_post

        if self.before is None:

            def again(s):
                info = recreate_post(s, self.client_id, self.after)
                self.post_id = info.id
                return info

            self._write(again, False)
        else:
            self._write(
                lambda s: restore_post(
                    s, self.client_id, self.post_id, self.after, expected_version=self.version
                ),
                False,
            )

    def undo(self) -> None:
        from app.services.calendar.undo import restore_post, undo_creation

        if self.before is None:
            self._write(
                lambda s: undo_creation(s, self.client_id, self.post_id, self.version), True
            )
        else:
            self._write(
                lambda s: restore_post(
                    s, self.client_id, self.post_id, self.before, expected_version=self.version
                ),
                True,
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


def push_edit(stack, editor, after, alts=None) -> None:
    """The editor saved ``after`` (and ``alts``, the pictures' descriptions it changed:
    {media id: (text before, AltText after)}): one undoable step (nothing when nothing
    changed).

    The editor's parent is the calendar area: ``area.actions.write_async`` writes the step.
    """
    previous = stack.command(stack.index() - 1) if stack.index() else None
    merging = isinstance(previous, EditPostCommand) and previous.session_key == editor.session_key
    base = previous.after if merging else editor._before
    if _content(base) == _content(after) and not alts:
        return
    area = editor.parent()
    stack.push(
        EditPostCommand(
            editor.client_id,
            editor._before,
            after,
            editor.session_key,
            area.actions.write_async,
            stack,
            alts,
        )
    )
