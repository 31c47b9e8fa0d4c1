"""A charter section saved meanwhile by someone else: the conflict dialog, then theirs, mine
or the merge. A mixin of :class:`ui.charter.charter_area.CharterArea`.

Each section is saved in its own transaction, so a conflict on one section never holds back
the others (and two people on two sections never conflict at all).
"""

from __future__ import annotations

import html as html_module

from app.errors import Conflict
from app.services.charter import versions as charter
from ui.conflict_dialog import MERGED, MINE, THEIRS, ask_conflict


def save_sections(db, client_id: int, items: list[tuple]) -> tuple[list, list]:
    """Save each pending section on its own; returns (infos with None where it conflicted,
    [(item, Conflict)])."""
    infos, conflicts = [], []
    for item in items:
        _page, sid, html, data, rev, _edits = item
        try:
            with db.session() as s:
                infos.append(
                    charter.save_section(
                        s, client_id, sid, html=html, data=data, expected_revision=rev
                    )
                )
        except Conflict as exc:
            if exc.details is None or exc.details.kind != "section":
                raise
            infos.append(None)
            conflicts.append((item, exc))
    return infos, conflicts


def _html_of(text: str) -> str:
    return "".join(f"<p>{html_module.escape(line)}</p>" for line in text.split("\n"))


class CharterConflicts:
    def show_section_conflicts(self, conflicts: list) -> None:
        """One dialog per conflicting section, one after the other (no autosave meanwhile)."""
        self.conflict_open = bool(conflicts)
        if not conflicts:
            return
        (page, *_rest), exc = conflicts[0]
        self.save_state.setText(self.tr("Not saved: someone else changed this section"))
        rich = exc.details.field == "html"

        def chosen(dialog) -> None:
            self._resolve_section(page, dialog)
            self.show_section_conflicts(conflicts[1:])

        from zoneinfo import ZoneInfo

        zone = ZoneInfo(self.doc.client_timezone) if self.doc else None
        ask_conflict(self, exc, chosen, mergeable=rich, zone=zone)

    def _resolve_section(self, page, dialog) -> None:
        d = dialog.details
        page.revision = d.version  # theirs is the base from now on
        if dialog.choice == MINE:
            self._changed()  # saved again, over theirs, with the current revision
        elif dialog.choice == MERGED:
            self._replaying = True
            try:
                page.document.setHtml(_html_of(dialog.merged_text))
            finally:
                self._replaying = False
            page.dirty_text = True
            self.undo_stack.clear()
            self._changed()
        elif dialog.choice == THEIRS:
            self._load_theirs(page)

    def _load_theirs(self, page) -> None:
        db, cid, number = self.services.db, self.doc.client_id, self.doc.version.number
        key = page.key

        def load():
            with db.read() as s:
                return charter.load(s, cid, number).section(key)

        def show(info) -> None:
            if info is None or self.pages.get(key) is not page:
                return
            self._replaying = True
            try:
                page.document.setHtml(info.html)
                page.data = dict(info.data)
                page.show_data(page.data)
            finally:
                self._replaying = False
            page.revision = info.revision
            page.dirty_text = page.dirty_data = False
            self.undo_stack.clear()  # its steps were about mine
            if not any(p.dirty_text or p.dirty_data for p in self.pages.values()):
                self.save_state.setText(self.tr("All changes saved"))

        self.services.tasks.run(load, show)
