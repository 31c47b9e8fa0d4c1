"""A charter section saved meanwhile by someone else: the conflict dialog, then theirs, mine
or the merge. A part owned by :class:`ui.charter.charter_area.CharterArea`.

Each section is saved in its own transaction, so a conflict on one section never holds back
the others (and two people on two sections never conflict at all).
"""

from __future__ import annotations

import html as html_module
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject

from app.errors import Conflict
from app.services.charter import versions as charter
from ui.conflict_dialog import MERGED, MINE, THEIRS, ask_conflict
from ui.operations import QueryOp

if TYPE_CHECKING:
    from ui.charter.charter_area import CharterArea


def save_sections(db, client_id: int, items: list[tuple]) -> tuple[list, list]:
    """Save each pending section on its own; returns (infos with None where it conflicted,
    [(item, Conflict)])."""
    infos: list = []
    conflicts: list = []
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


class CharterConflicts(QObject):
    """Asks, one section after the other; ``open`` while the user is choosing (no autosave
    meanwhile: it would write over the sections being decided)."""

    def __init__(self, area: CharterArea) -> None:
        super().__init__(area)
        self.area = area
        self.open = False

    def show_section_conflicts(self, conflicts: list) -> None:
        """One dialog per conflicting section, one after the other."""
        self.open = bool(conflicts)
        if not conflicts:
            return
        area = self.area
        (page, *_rest), exc = conflicts[0]
        area.save_state.setText(self.tr("Not saved: someone else changed this section"))
        rich = exc.details.field == "html"

        def chosen(dialog) -> None:
            self._resolve_section(page, dialog)
            self.show_section_conflicts(conflicts[1:])

        zone = ZoneInfo(area.doc.client_timezone) if area.doc else None
        ask_conflict(area, exc, chosen, mergeable=rich, zone=zone)

    def _resolve_section(self, page, dialog) -> None:
        area = self.area
        d = dialog.details
        page.revision = d.version  # theirs is the base from now on
        if dialog.choice == MINE:
            area.saver.changed()  # saved again, over theirs, with the current revision
        elif dialog.choice == MERGED:
            with area.replaying():
                page.document.setHtml(_html_of(dialog.merged_text))
            page.dirty_text = True
            area.undo_stack.clear()
            area.saver.changed()
        elif dialog.choice == THEIRS:
            self._load_theirs(page)

    def _load_theirs(self, page) -> None:
        area = self.area
        if area.doc is None:
            return
        cid, number, key = area.doc.client_id, area.doc.version.number, page.key

        def show(info) -> None:
            if info is None or area.pages.get(key) is not page:
                return
            with area.replaying():
                page.document.setHtml(info.html)
                page.data = dict(info.data)
                page.show_data(page.data)
            page.revision = info.revision
            page.dirty_text = page.dirty_data = False
            area.undo_stack.clear()  # its steps were about mine
            if not area.saver.pending():
                area.save_state.setText(self.tr("All changes saved"))

        QueryOp(area, lambda s: charter.load(s, cid, number).section(key), show).run()
