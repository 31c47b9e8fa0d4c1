"""How the charter follows the change feed: another seat's edit of the version shown is read
again at once when nothing is being edited here; when this seat has unsaved changes or the
cursor is in a section that changed, a notice says who changed it and when, with Reload —
what is typed is never replaced silently.

A mixin of :class:`ui.charter.charter_area.CharterArea`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app import changes
from app.changes import ChangeSet
from ui.notice import ChangeNotice


class CharterLive:
    def _init_live(self, layout) -> None:
        self.notice = ChangeNotice(self)
        self.notice.reload_requested.connect(self.reload_from_other_seat)
        layout.insertWidget(1, self.notice)  # under the version bar
        self.services.feed.changed.connect(self.on_changes)

    def on_changes(self, changeset: ChangeSet) -> None:
        client = self.client
        if client is None or changeset.local or not changeset.touches("charter", client.id):
            return
        cid = client.id
        others = ChangeSet(tuple(c for c in changeset.changes if c.seat != changes.SEAT))
        if not others:
            return
        if self.doc is None:
            self.load()  # a first charter written elsewhere
            return
        version_id = self.doc.version.id
        versions = others.ids("charter", cid)
        if versions is not None and version_id not in versions:
            self._reload_quietly_or_notice(others, cid, None)  # another version: the list
            return
        self._reload_quietly_or_notice(others, cid, version_id)

    def _editing(self, sections: set[int] | None) -> bool:
        """Unsaved changes here, or the cursor in a section the other seat changed."""
        if self._saving is not None or self.order_dirty:
            return True
        if any(p.dirty_text or p.dirty_data for p in self.pages.values()):
            return True
        focus = QApplication.focusWidget()
        for page in self.pages.values():
            if focus is not None and page.isAncestorOf(focus):
                return sections is None or page.section.id in sections
        return False

    def _reload_quietly_or_notice(self, others: ChangeSet, cid: int, version_id) -> None:
        sections = others.ids("charter_section", cid)
        change = (
            others.by("charter", cid, version_id) if version_id is not None else others.changes[-1]
        )
        if version_id is not None and self._editing(sections):
            self.notice.show_change(change, self._zone())
            return
        self.notice.hide()
        self.load(self.doc.version.number if self.doc else None)

    def reload_from_other_seat(self) -> None:
        """Reload: drop what was typed here since the last save, show the other seat's text."""
        self.autosave.stop()
        for page in self.pages.values():
            page.dirty_text = page.dirty_data = False
        self.order_dirty = False
        self.notice.hide()
        self.load(self.doc.version.number if self.doc else None)

    def _zone(self):
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.doc.client_timezone if self.doc else "Europe/Paris")
