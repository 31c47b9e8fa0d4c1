"""The charter's autosave, a part owned by :class:`ui.charter.charter_area.CharterArea`.

What the user types is kept in the pages and written 1.5 s after the last change by a
worker (the GUI never waits for the database, a shared PostgreSQL server included), and at
once on a client switch or on quit by :meth:`CharterSaver.flush`, so a crash loses at most
that much. Each section is saved in its own transaction (two people on two sections never
conflict); what the save committed goes out on the change feed like any operation's write,
so the calendar's charter check and the other seats follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, QTimer

from app import changes
from app.services.charter import versions as charter
from ui.background_write import BackgroundWrite
from ui.charter.charter_conflicts import save_sections
from ui.messages import show_error

if TYPE_CHECKING:
    from ui.charter.charter_area import CharterArea

AUTOSAVE_MS = 1500


class SaveJob(BackgroundWrite):
    """One save of the pending changes: a snapshot taken on the GUI thread, written by a
    worker (or at once by :meth:`CharterSaver.flush`)."""

    def __init__(self, db, client_id, version_id, items, order, order_generation) -> None:
        super().__init__(self._save)
        self.db, self.client_id, self.version_id = db, client_id, version_id
        # (page, section id, html or None, data or None, expected revision, page.edits then)
        self.items: list[tuple] = items
        self.order: list[str] | None = order
        self.order_generation = order_generation
        self.conflicts: list = []  # (item, Conflict): sections someone else saved meanwhile
        self.changeset = changes.ChangeSet(())  # what it committed, for the change feed

    def _save(self) -> list:
        with changes.recording() as mine:
            try:
                infos, self.conflicts = save_sections(self.db, self.client_id, self.items)
                if self.order is not None:
                    with self.db.session() as s:
                        charter.reorder_sections(s, self.client_id, self.version_id, self.order)
            finally:  # a section saved before a failure is announced all the same
                last = mine[-1].id if mine else 0
                self.changeset = changes.ChangeSet(tuple(mine), last, local=True)
        return infos


class CharterSaver(QObject):
    """Snapshot, background write, landing of the result, flush; owned by the area."""

    def __init__(self, area: CharterArea) -> None:
        super().__init__(area)
        self.area = area
        self.saving: SaveJob | None = None
        self.order_generation = 0
        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_in_background)

    def changed(self) -> None:
        self.area.save_state.setText(self.tr("Unsaved changes…"))
        self.autosave.start()

    def pending(self) -> bool:
        area = self.area
        return area.order_dirty or any(p.dirty_text or p.dirty_data for p in area.pages.values())

    def _snapshot(self) -> SaveJob | None:
        """The pending changes as plain values (GUI thread), or None if nothing to save."""
        area = self.area
        doc = area.doc
        if doc is None or not doc.version.editable or area.client is None:
            return None
        for page in area.pages.values():
            page.collect_pending()
        items = [
            (
                page,
                page.section.id,
                page.html() if page.dirty_text else None,
                page.data if page.dirty_data else None,
                page.revision,
                page.edits,
            )
            for page in area.pages.values()
            if page.dirty_text or page.dirty_data
        ]
        if not items and not area.order_dirty:
            return None
        order = area.order() if area.order_dirty else None
        services = area.services
        return SaveJob(
            services.db, doc.client_id, doc.version.id, items, order, self.order_generation
        )

    def save_in_background(self) -> None:
        """The autosave: write the pending changes on a worker thread."""
        if self.saving is not None:  # one save at a time: the next one needs its revisions
            self.autosave.start()
            return
        if self.area.conflicts.open:  # the user is choosing: save after that
            return
        job = self._snapshot()
        if job is None:
            return
        self.saving = job
        self.area.save_state.setText(self.tr("Saving…"))
        job.start(self.area.services.tasks, self.finish)

    def finish(self, job: SaveJob) -> bool:
        """Apply a finished save to the pages (once). False when it failed."""
        if not job.claim():
            return job.error is None
        area = self.area
        if self.saving is job:
            self.saving = None
        area.services.feed.deliver(job.changeset)  # the calendar's check, the inbox's rules
        if job.error is not None:
            area.save_state.setText(self.tr("Not saved"))
            show_error(area, job.error)
            return False
        results = cast(list, job.result or [])
        for (page, _sid, html, data, _rev, edits), info in zip(job.items, results, strict=True):
            if info is None:  # someone else saved this section: the dialog below
                continue
            page.revision = info.revision
            if page.edits == edits:  # nothing typed since the snapshot
                if html is not None:
                    page.dirty_text = False
                if data is not None:
                    page.dirty_data = False
        if job.order is not None and self.order_generation == job.order_generation:
            area.order_dirty = False
        if job.conflicts:
            area.saved.emit()
            area.conflicts.show_section_conflicts(job.conflicts)
            return True
        if self.pending():
            self.changed()
        else:
            area.save_state.setText(self.tr("All changes saved"))
        area.saved.emit()
        return True

    def flush(self) -> None:
        """Write every pending change now (client switch, version switch, quit)."""
        self.autosave.stop()
        job = self.saving
        if job is not None:  # let the background save land first: its revisions come next
            if not job.wait():  # a database that does not answer: keep the changes
                self.area.save_state.setText(self.tr("Not saved"))
                return
            if not self.finish(job):
                return
        job = self._snapshot()
        if job is None:
            return
        self.saving = job
        job.run()
        self.finish(job)
