"""The charter's autosave, a part owned by :class:`ui.charter.charter_area.CharterArea`.

What the user types is kept in the pages and written 1.5 s after the last change by a
worker (the GUI never waits for the database, a shared PostgreSQL server included), and at
once on a client switch or on quit by :meth:`CharterSaver.hand_off` — also on a worker,
queued behind a save in flight, counted among the writes the window waits for before it
closes — so a crash loses at most that much. The charter's own actions (send, sign,
export, another version) still :meth:`CharterSaver.flush` and wait: what they do must see
the text saved. Each section is saved in its own transaction (two people on two sections never
conflict); what the save committed goes out on the change feed like any operation's write,
so the calendar's charter check and the other seats follow.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QObject, Qt, QTimer

from app import changes
from app.services.charter import versions as charter
from ui.background_write import BackgroundWrite
from ui.charter.charter_conflicts import save_sections
from ui.messages import show_error
from ui.operations import CallOp

if TYPE_CHECKING:
    from ui.charter.charter_area import CharterArea

AUTOSAVE_MS = 1500
SAVE_QUEUE = "charter-saves"  # one charter save after another: each needs the last's revisions


class SaveJob(BackgroundWrite):
    """One save of the pending changes: a snapshot taken on the GUI thread, written by a
    worker (or at once by :meth:`CharterSaver.flush`)."""

    def __init__(
        self, db, client_id, version_id, items, order, order_generation, after=None
    ) -> None:
        super().__init__(self._save)
        self.db, self.client_id, self.version_id = db, client_id, version_id
        # a save still in flight when this one was snapshotted: it runs first (same queue),
        # and the revisions it wrote are this one's base
        self.after: SaveJob | None = after
        self.client_name = ""
        self.titles: dict[int, str] = {}  # section id → title, for a message after a switch
        # (page, section id, html or None, data or None, expected revision, page.edits then)
        self.items: list[tuple] = items
        self.order: list[str] | None = order
        self.order_generation = order_generation
        self.conflicts: list = []  # (item, Conflict): sections someone else saved meanwhile
        self.changeset = changes.ChangeSet(())  # what it committed, for the change feed

    def _rebase(self, after: SaveJob) -> None:
        """On the worker, once ``after`` ran: its new revisions are the expected ones, and a
        section it saved with nothing typed since is not saved twice."""
        after.run()  # still queued: run here (once), else wait for the worker running it
        after.wait()
        if after.error is not None or not after.result:
            return
        saved = {
            item[1]: (info.revision, item[5])
            for item, info in zip(after.items, cast(list, after.result), strict=True)
            if info is not None
        }
        items = []
        for page, sid, html, data, rev, edits in self.items:
            if sid in saved:
                rev, their_edits = saved[sid]
                if edits == their_edits:
                    continue  # all of it went out with the save before
            items.append((page, sid, html, data, rev, edits))
        self.items = items

    def _save(self) -> list:
        if self.after is not None:
            self._rebase(self.after)
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

    def _snapshot(self, after: SaveJob | None = None) -> SaveJob | None:
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
        job = SaveJob(
            services.db, doc.client_id, doc.version.id, items, order, self.order_generation, after
        )
        job.client_name = area.client.name
        job.titles = {page.section.id: page.section.title for page in area.pages.values()}
        return job

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
        self._start(job)

    def _start(self, job: SaveJob) -> None:
        """On a worker, after the charter saves already queued, counted among the writes the
        window waits for before it closes."""

        def land(_outcome: object) -> None:
            self.finish(job)

        # job.run never raises (the error is kept for finish); the job records and finish
        # delivers what it committed, since flush() may have run it on the GUI thread first
        CallOp(self, job.run, land).in_queue(SAVE_QUEUE).counted().failure(land).run()

    def hand_off(self) -> None:
        """A client switch or quitting: what is typed goes out now on a worker (behind a save
        in flight), never waited for here. The pages count as saved from now on: they are
        about to be replaced, and the save lands on them if they are still shown."""
        self.autosave.stop()
        job = self._snapshot(after=self.saving)
        if job is None:
            return
        self.saving = job
        for page, *_rest in job.items:
            page.dirty_text = page.dirty_data = False
        self.area.order_dirty = False
        self.area.save_state.setText(self.tr("Saving…"))
        self._start(job)

    def finish(self, job: SaveJob) -> bool:
        """Apply a finished save to the pages (once). False when it failed."""
        if not job.claim():
            return job.error is None
        area = self.area
        if self.saving is job:
            self.saving = None
        area.services.feed.deliver(job.changeset)  # the calendar's check, the inbox's rules
        shown = list(area.pages.values())
        if any(not any(p is page for p in shown) for page, *_rest in job.items):
            return self._landed_elsewhere(job)
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
            job.run()  # still queued behind another: run here, never wait on the queue
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

    def _landed_elsewhere(self, job: SaveJob) -> bool:
        """A save handed off on a client switch landed after its pages left the screen: a
        failure or a section someone else changed meanwhile is said, never dropped in
        silence — the text not saved goes to the clipboard."""
        area = self.area
        if job.error is not None:
            show_error(area, job.error)
            return False
        if not job.conflicts:
            return True
        from PySide6.QtGui import QGuiApplication, QTextDocument
        from PySide6.QtWidgets import QMessageBox

        titles, texts = [], []
        for (_page, sid, html, data, *_rest), _exc in job.conflicts:
            title = job.titles.get(sid, "")
            titles.append(title)
            if html is not None:
                document = QTextDocument()
                document.setHtml(html)
                texts.append(f"{title}\n\n{document.toPlainText()}")
            else:
                texts.append(f"{title}\n\n{json.dumps(data, ensure_ascii=False, indent=1)}")
        QGuiApplication.clipboard().setText("\n\n".join(texts))
        box = QMessageBox(area)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Charter not saved"))
        box.setText(
            self.tr(
                "Your last changes to the charter of {client} were not saved, because someone "
                "else changed these sections meanwhile: {sections}. Your text is in the "
                "clipboard; open that charter again to put it back."
            ).format(sections=", ".join(titles), client=job.client_name)
        )
        box.open()
        return False
