"""Saving the post editor, through the operation helper (``ui/operations.py``).

The fields are read on the GUI thread (a snapshot) and written by :func:`write_post` in one
unit of work on a worker: Save, closing with unsaved edits and the autosave are each a
:class:`~ui.operations.WriteOp`, whose changes the change feed announces to every area of
this seat (the month view shows the saved post) and to the other seats. One write at a time:
a save asked while one is on its way follows it, since it needs the version that one
returns. A stale save opens the conflict dialog, never an error box. A client switch or
quitting (``CalendarArea.flush``) sends unsaved edits the same way (:meth:`flush`) and does
not wait: the window closes once its writes landed. :meth:`save` writes and waits (scripts,
Reload) and announces the same way.
"""

from __future__ import annotations

import datetime as dt

from app import changes
from app.errors import Conflict, TribuneError
from app.services.calendar import edit as posts_edit
from app.services.calendar import posts
from app.services.calendar.media_alt import save_alt_texts
from ui.calendar.editor_adopt import adopt_theirs
from ui.conflict_dialog import MERGED, THEIRS, ask_conflict
from ui.design import set_tone
from ui.messages import show_error
from ui.operations import QueryOp, WriteOp


def write_post(s, client_id: int, values: dict):
    """Write a snapshot of the editor in the session ``s`` (any thread: no widget)."""
    status, common = values["status"], values["common"]
    if values["post_id"] is None:
        first = status if status in ("idea", "draft", "in_review", "approved") else "draft"
        info = posts.create_post(
            s,
            client_id,
            planned_at=values["planned_at"],
            variants=values["variants"],
            status=first,
            **common,
        )
    elif values["base"] is not None:
        info = posts_edit.edit_post(
            s,
            client_id,
            values["post_id"],
            base=values["base"],
            variants=values["variants"],
            planned_at=values["planned_at"],
            force=values["force"],
            **common,
        )
    else:
        info = posts.update_post(
            s,
            client_id,
            values["post_id"],
            expected_version=values["version"],
            planned_at=values["planned_at"],
            variants=values["variants"],
            **common,
        )
    if status != info.status and not values["autosave"]:
        info = posts.set_status(s, client_id, info.id, status, mastodon_limit=values["limit"])
    return info


def write_post_and_alt(s, client_id: int, values: dict) -> tuple:
    """The pictures' descriptions changed in the editor (``ui/calendar/editor_alt.py``), then
    the post, in one unit of work: a description another seat changed meanwhile rolls the
    whole save back (a Conflict, shown in the conflict dialog)."""
    alts = save_alt_texts(s, client_id, values.get("alt") or {})
    return write_post(s, client_id, values), alts


class EditorSaving:
    """Mixed into :class:`ui.calendar.editor.PostEditor`."""

    _writing = False  # a WriteOp of this editor is on its way
    _next: tuple[bool, bool, object] | None = None  # (autosave, close, after) asked meanwhile
    _failed = False
    conflict_dialog = None  # the conflict dialog shown (one at a time)

    def save(self, autosave: bool = False) -> bool:
        """Write the post now and wait (flush before a client switch or quitting, scripts);
        an autosave of a brand-new post waits until there is text."""
        self._autosave.stop()
        if not self._land_background_save():
            return False
        values = self._snapshot(autosave)
        if values is None:
            return False
        try:
            with changes.recording() as mine, self.db.session() as s:
                info, alts = write_post_and_alt(s, self.client_id, values)
        except TribuneError as exc:
            self._save_failed(exc)
            return False
        services = getattr(self.parent(), "services", None)
        if services is not None and mine:  # the same path as a WriteOp's changes
            services.feed.deliver(changes.ChangeSet(tuple(mine), mine[-1].id, local=True))
        self.alt.saved(alts)
        self._saved(info, values)
        return True

    def save_in_background(self, *, autosave: bool = False, close: bool = False, after=None):
        """Save (``close``: then close the editor), or the autosave: a WriteOp. ``after()``
        runs once it landed or failed."""
        self._autosave.stop()
        if self._writing:  # after the one on its way: the strongest request wins
            was_auto, was_close, was_after = self._next or (True, False, None)
            self._next = (was_auto and autosave, was_close or close, after or was_after)
            return
        values = self._snapshot(autosave)
        if values is None:
            if after is not None:
                after()
            return
        self._writing, self._failed = True, False
        self.autosave_label.setText(self.tr("Saving…"))
        cid = self.client_id

        def done(result) -> None:
            info, alts = result
            self._writing = False
            self.alt.saved(alts)
            self._saved(info, values)
            if after is not None:
                after()
            if close:
                self.accept()
            nxt, self._next = self._next, None
            if nxt is not None:
                self.save_in_background(autosave=nxt[0], close=nxt[1], after=nxt[2])

        def failed(exc: BaseException) -> None:
            self._writing, self._failed = False, True
            nxt, self._next = self._next, None
            if after is not None:
                after()
            self._save_failed(exc)
            if nxt is not None and not isinstance(exc, Conflict):  # asked for after this one
                self.save_in_background(autosave=nxt[0], close=nxt[1], after=nxt[2])

        WriteOp(self, lambda s: write_post_and_alt(s, cid, values), done).failure(failed).run()

    def flush(self) -> None:
        """Client switch or quitting: unsaved edits go out as the autosave does (a worker;
        the window waits for it before it closes). Nothing typed since the last save (or a
        save already on its way, which carries them): nothing to send."""
        if self._autosave.isActive() and not self.read_only:
            self.save_in_background(autosave=True)

    def autosave_in_background(self) -> None:
        """The autosave timer: the fields are read here, the post written by a worker."""
        self.save_in_background(autosave=True)

    def _land_background_save(self) -> bool:
        """Wait for this editor's write on its way, and apply it (a client switch, quitting,
        Reload): False if it failed or the database did not answer."""
        if not self._writing:
            return True
        if not self.tasks.wait():  # delivers the outcomes on this thread
            self.warnings.setText(self.tr("The database does not answer: not saved yet."))
            return False
        return not self._failed

    def _snapshot(self, autosave: bool) -> dict | None:
        """What to write, read from the fields (GUI thread); None if nothing to save yet."""
        variants = [tab.count() for tab in self.variant_tabs.values()]
        if autosave and self.post_id is None and not any(v.text.strip() for v in variants):
            return None
        return dict(
            post_id=self.post_id,
            version=self.version,
            base=getattr(self, "base", None),  # the post as loaded: only my changes are written
            force=frozenset(getattr(self, "_force", ())),
            status=self.status.currentData(),
            planned_at=self.planned_utc(),
            variants=variants,
            limit=self.current_limit(),
            autosave=autosave,
            alt=self.alt.snapshot(),  # the pictures' descriptions changed here
            common=dict(
                title=self.title.text(),
                category=self.category.currentText().strip(),
                campaign=self.campaign.text().strip(),
                notes=self.notes.toPlainText(),
                all_day=self.all_day.isChecked(),
            ),
        )

    def _save_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, TribuneError):
            show_error(self, exc)
            return
        self.warnings.setText(exc.message)
        set_tone(self.warnings, "danger")
        if isinstance(exc, Conflict) and getattr(exc.details, "kind", "") == "media":
            self.alt.conflict(exc)  # another seat described a picture meanwhile
            return
        post_conflict = isinstance(exc, Conflict) and getattr(exc.details, "kind", "") == "post"
        if post_conflict and getattr(self, "conflict_dialog", None) is None:  # one at a time
            self._autosave.stop()
            mergeable = exc.details.field in self.variant_tabs
            self.conflict_dialog = ask_conflict(
                self, exc, self._conflict_chosen, mergeable=mergeable, zone=self.zone
            )

    def _conflict_chosen(self, dialog) -> None:
        """Keep mine: save over theirs with their version; merged: the merged text in that
        network's tab, then save; keep theirs: the editor shows the post as stored."""
        self.conflict_dialog = None
        d = dialog.details
        if dialog.choice == THEIRS:
            self._reload_theirs()
            return
        if dialog.choice == MERGED and d.field in self.variant_tabs:
            self.variant_tabs[d.field].text.setPlainText(dialog.merged_text)
        self.version = d.version
        if d.field:  # knowingly over theirs, for that network or field only, this save
            self._force = {*getattr(self, "_force", ()), d.field}
        self.conflict_dialog = dialog  # until this save landed: one dialog at a time

        def landed() -> None:
            self.conflict_dialog, self._force = None, set()

        self.save_in_background(after=landed)

    def _reload_theirs(self) -> None:
        from ui.calendar.editor_data import read_editor_data

        cid, pid = self.client_id, self.post_id

        def show(data) -> None:
            info = data.info
            if info is None:
                return
            self._loading = True
            try:
                self.version, self.base = info.version, info
                self._set_when(info.planned_at.astimezone(self.zone).replace(tzinfo=None))
                self.all_day.setChecked(info.all_day)
                self.title.setText(info.title)
                self.category.setCurrentText(info.category)
                self.campaign.setText(info.campaign)
                self.notes.setPlainText(info.notes)
                self.status.setCurrentIndex(self.status.findData(info.status))
                for v in info.variants:
                    self.network_boxes[v.network].setChecked(True)
                    tab = self.variant_tabs[v.network]
                    tab.text.setPlainText(v.text)
                    tab.link.setText(v.link)
                    tab.first_comment.setText(v.first_comment)
                    tab.media.clear()
                    tab.media_ids.clear()
                    for media_id, filename in data.media.get(v.network, ()):
                        tab.media_ids.append(media_id)
                        tab.show_media(media_id, filename, data.addresses.get(media_id, ""))
                self.alt.load(data.alt, data.videos)
            finally:
                self._loading = False
            self._update_warnings()
            self.autosave_label.setText(self.tr("Their version is shown; yours was not saved."))

        QueryOp(self, lambda s: read_editor_data(s, cid, pid), show).failure(
            self._save_failed
        ).run()

    def _saved(self, info, values: dict | None = None) -> None:
        self.post_id, self.version = info.id, info.version
        self.base = adopt_theirs(self, info, values) if values else info
        self._push_undo(info)
        self.autosave_label.setText(
            self.tr("Draft saved at {time}").format(time=dt.datetime.now().strftime("%H:%M:%S"))
        )
        self.saved.emit(info.id)
