"""How the charter follows the change feed: another seat's edit of the version shown is read
again at once when nothing is being edited here; when this seat has unsaved changes or the
cursor is in a section that changed, a notice says who changed it and when, with Reload —
what is typed is never replaced silently.

A part owned by :class:`ui.charter.charter_area.CharterArea`; this seat's own writes come
back on the same feed (``local``) and are left to the write that made them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from app import changes
from app.changes import ChangeSet
from ui.notice import ChangeNotice

if TYPE_CHECKING:
    from ui.charter.charter_area import CharterArea


class CharterLive(QObject):
    def __init__(self, area: CharterArea) -> None:
        super().__init__(area)
        self.area = area
        self.notice = ChangeNotice(area)
        self.notice.reload_requested.connect(self.reload_from_other_seat)
        area.services.feed.changed.connect(self.on_changes)

    def on_changes(self, changeset: ChangeSet) -> None:
        area = self.area
        client = area.client
        if client is None or changeset.local or not changeset.touches("charter", client.id):
            return
        cid = client.id
        others = ChangeSet(tuple(c for c in changeset.changes if c.seat != changes.SEAT))
        if not others:
            return
        if area.doc is None:
            area.load()  # a first charter written elsewhere
            return
        version_id = area.doc.version.id
        versions = others.ids("charter", cid)
        if versions is not None and version_id not in versions:
            self._reload_quietly_or_notice(others, cid, None)  # another version: the list
            return
        self._reload_quietly_or_notice(others, cid, version_id)

    def _editing(self, sections: set[int] | frozenset[int] | None) -> bool:
        """Unsaved changes here, or the cursor in a section the other seat changed."""
        area = self.area
        if area.saver.saving is not None or area.saver.pending():
            return True
        focus = QApplication.focusWidget()
        for page in area.pages.values():
            if focus is not None and page.isAncestorOf(focus):
                return sections is None or page.section.id in sections
        return False

    def _reload_quietly_or_notice(self, others: ChangeSet, cid: int, version_id) -> None:
        area = self.area
        sections = others.ids("charter_section", cid)
        change = (
            others.by("charter", cid, version_id) if version_id is not None else others.changes[-1]
        )
        if version_id is not None and self._editing(sections):
            self.notice.show_change(change, self.zone())
            return
        self.notice.hide()
        area.load(area.doc.version.number if area.doc else None)

    def reload_from_other_seat(self) -> None:
        """Reload: drop what was typed here since the last save, show the other seat's text."""
        area = self.area
        area.saver.autosave.stop()
        for page in area.pages.values():
            page.dirty_text = page.dirty_data = False
        area.order_dirty = False
        self.notice.hide()
        area.load(area.doc.version.number if area.doc else None)

    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.area.doc.client_timezone if self.area.doc else "Europe/Paris")
