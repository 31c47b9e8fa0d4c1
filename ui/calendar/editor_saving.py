"""Saving the post editor: Save writes at once, the autosave on a worker thread.

The fields are read on the GUI thread (a snapshot), written in one transaction by
:meth:`EditorSaving._write`, which touches no widget, and the result applied on the GUI
thread. Save and close first wait for an autosave in flight, so the post's version never
conflicts with our own write.
"""

from __future__ import annotations

import datetime as dt

from app.errors import Conflict, TribuneError
from app.services.calendar import edit as posts_edit
from app.services.calendar import posts
from ui.background_write import BackgroundWrite
from ui.conflict_dialog import MERGED, THEIRS, ask_conflict
from ui.design import set_tone
from ui.messages import show_error


class EditorSaving:
    """Mixed into :class:`ui.calendar.editor.PostEditor`."""

    def save(self, autosave: bool = False) -> bool:
        """Write the post now; an autosave of a brand-new post waits until there is text."""
        self._autosave.stop()
        if not self._land_background_save():
            return False
        values = self._snapshot(autosave)
        if values is None:
            return False
        try:
            info = self._write(values)
        except TribuneError as exc:
            self._save_failed(exc)
            return False
        self._saved(info, values)
        return True

    def autosave_in_background(self) -> None:
        """The autosave: the fields are read here, the post is written by a worker."""
        if self._job is not None:  # one at a time: the next one needs this one's version
            self._autosave.start()
            return
        values = self._snapshot(True)
        if values is None:
            return
        job = self._job = BackgroundWrite(lambda: (self._write(values), values))
        self.autosave_label.setText(self.tr("Saving…"))
        job.start(self.tasks, self._land)

    def _land(self, job: BackgroundWrite) -> bool:
        """Apply a finished background save (once). False when it failed."""
        if not job.claim():
            return job.error is None
        if self._job is job:
            self._job = None
        if job.error is not None:
            self._save_failed(job.error)
            return False
        self._saved(*job.result)
        return True

    def _land_background_save(self) -> bool:
        """Wait for an autosave in flight and apply it (Save, close). False if it failed."""
        job = self._job
        if job is None:
            return True
        if not job.wait():
            self.warnings.setText(self.tr("The database does not answer: not saved yet."))
            return False
        return self._land(job)

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
            common=dict(
                title=self.title.text(),
                category=self.category.currentText().strip(),
                campaign=self.campaign.text().strip(),
                notes=self.notes.toPlainText(),
                all_day=self.all_day.isChecked(),
            ),
        )

    def _write(self, values: dict):
        """Write a snapshot in one transaction (any thread: no widget is touched)."""
        status, common = values["status"], values["common"]
        with self.db.session() as s:
            if values["post_id"] is None:
                first = status if status in ("idea", "draft", "in_review", "approved") else "draft"
                info = posts.create_post(
                    s,
                    self.client_id,
                    planned_at=values["planned_at"],
                    variants=values["variants"],
                    status=first,
                    **common,
                )
            elif values["base"] is not None:
                info = posts_edit.edit_post(
                    s,
                    self.client_id,
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
                    self.client_id,
                    values["post_id"],
                    expected_version=values["version"],
                    planned_at=values["planned_at"],
                    variants=values["variants"],
                    **common,
                )
            if status != info.status and not values["autosave"]:
                info = posts.set_status(
                    s, self.client_id, info.id, status, mastodon_limit=values["limit"]
                )
        return info

    def _save_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, TribuneError):
            show_error(self, exc)
            return
        self.warnings.setText(exc.message)
        set_tone(self.warnings, "danger")
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
        try:
            self.save()
        finally:
            self._force = set()

    def _reload_theirs(self) -> None:
        from ui.calendar.editor_data import read_editor_data

        db, cid, pid = self.db, self.client_id, self.post_id

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
                        tab.media.addItem(filename)
            finally:
                self._loading = False
            self._update_warnings()
            self.autosave_label.setText(self.tr("Their version is shown; yours was not saved."))

        self.tasks.run(lambda: read_editor_data(db, cid, pid), show, self._save_failed)

    def _saved(self, info, values: dict | None = None) -> None:
        self.post_id, self.version = info.id, info.version
        self.base = adopt_theirs(self, info, values) if values else info
        self._push_undo(info)
        self.autosave_label.setText(
            self.tr("Draft saved at {time}").format(time=dt.datetime.now().strftime("%H:%M:%S"))
        )
        self.saved.emit(info.id)


def _tab_content(tab) -> tuple:
    v = tab.count()
    return (v.text, v.link, v.first_comment, tuple(v.media))


def _content(v) -> tuple:
    return (v.text, v.link, v.first_comment, tuple(v.media or ()))


def adopt_theirs(editor, info, values: dict):
    """After a save: show what others saved meanwhile where this person changed nothing,
    and return the base of the next save.

    A network or field untouched in the snapshot written, and untouched since, now shows
    the stored value (another seat's text, kept by the save). One typed into since keeps the
    old base for that network, so its next save meets the other seat's change as a conflict
    rather than writing over it."""
    import dataclasses

    base, sent = values["base"], {v.network: v for v in values["variants"]}
    if base is None:
        return info
    read = {v.network: v for v in base.variants}
    stored = {v.network for v in info.variants}
    kept = []
    editor._loading = True
    try:
        for network, was in read.items():  # removed by another seat meanwhile
            mine, tab = sent.get(network), editor.variant_tabs.get(network)
            if network in stored or mine is None or _content(was) != _content(mine):
                continue
            if tab is not None and _tab_content(tab) == _content(mine):
                editor.network_boxes[network].setChecked(False)
            else:
                kept.append(was)
        for v in info.variants:
            was, mine = read.get(v.network), sent.get(v.network)
            if was is None and mine is None:
                continue  # added by another seat: not shown here, left as stored
            tab = editor.variant_tabs.get(v.network)
            untouched = was is not None and mine is not None and _content(was) == _content(mine)
            if not untouched or _content(v) == _content(mine):
                kept.append(v)
                continue
            if tab is None or _tab_content(tab) != _content(mine) or v.media != was.media:
                kept.append(was)  # typed into meanwhile (or media): the clash stays visible
                continue
            tab.text.setPlainText(v.text)
            tab.link.setText(v.link)
            tab.first_comment.setText(v.first_comment)
            kept.append(v)
        common = values["common"]
        keep_fields = {}
        for name, widget_value, show in (
            ("title", editor.title.text(), editor.title.setText),
            ("campaign", editor.campaign.text().strip(), editor.campaign.setText),
            ("notes", editor.notes.toPlainText(), editor.notes.setPlainText),
            ("category", editor.category.currentText().strip(), editor.category.setCurrentText),
        ):
            before, stored = getattr(base, name), getattr(info, name)
            if common[name] != before or stored == before:
                continue
            if widget_value == common[name]:
                show(stored)
            else:
                keep_fields[name] = before
        if values["planned_at"] == base.planned_at and info.planned_at != base.planned_at:
            if editor.planned_utc() == values["planned_at"]:
                editor._set_when(info.planned_at.astimezone(editor.zone).replace(tzinfo=None))
            else:
                keep_fields["planned_at"] = base.planned_at
        if common["all_day"] == base.all_day and info.all_day != base.all_day:
            if editor.all_day.isChecked() == common["all_day"]:
                editor.all_day.setChecked(info.all_day)
            else:
                keep_fields["all_day"] = base.all_day
    finally:
        editor._loading = False
    kept.sort(key=lambda v: v.network)
    return dataclasses.replace(info, variants=tuple(kept), **keep_fields)
