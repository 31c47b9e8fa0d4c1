"""The descriptions (alt text) of a post's photos and videos, in the post editor.

A description belongs to the picture (the client's media asset), so the editor keeps one per
media id whatever tab shows it: “Describe…” on a tab (or a double click on the file) opens
:class:`~ui.calendar.media_alt_dialog.AltTextDialog`, every tab showing that picture is
marked, and the editor's versioned save writes what changed against the version read
(``editor_saving.write_post_and_alt``, one unit of work with the post). Another seat's description
saved meanwhile opens the conflict dialog (keep mine, keep theirs, merge), never an
overwrite. Another seat's description reaches the open editor through the change feed: shown
at once where nothing was typed here, kept for the conflict dialog where something was.
Before approval, a picture without a description is a gentle warning in the
editor's checks, not a blocker. What a save changed (``steps``) joins the editing session's
undo step (``ui.calendar.undo.EditPostCommand``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import shiboken6
from PySide6.QtCore import QObject

from app import changes
from app.change_set import ChangeSet
from app.errors import Conflict
from app.networks import takes_alt_text
from app.services.calendar.media_alt import AltText, read_alt, too_long, undescribed_note
from ui.calendar.media_alt_dialog import AltTextDialog
from ui.conflict_dialog import MERGED, THEIRS, ask_conflict
from ui.operations import QueryOp

# statuses where the post is on its way to the client or the networks
ABOUT_TO_GO = ("in_review", "approved", "scheduled")


class EditorAlt(QObject):
    """Owned by :class:`ui.calendar.editor.PostEditor` (``editor.alt``)."""

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.read: dict[int, AltText] = {}  # as read or last saved: what a save compares to
        self.typed: dict[int, str] = {}  # changed here, not saved yet
        self.dialog: AltTextDialog | None = None
        self.steps: dict[int, tuple[str, AltText]] = {}  # the last save's, for undo
        self.videos: set[int] = set()  # the attached media that are videos
        self.conflict_dialog = None
        services = getattr(editor.parent(), "services", None)
        feed = getattr(services, "feed", None)
        if feed is not None:  # another seat's description, read again
            feed.changed.connect(self._on_changes)

    # -- what is known -------------------------------------------------------------------
    def load(self, alts: Mapping[int, AltText], videos: Iterable[int] = ()) -> None:
        """The descriptions as stored (the editor opened, or shows their version)."""
        self.read, self.typed = dict(alts), {}
        self.videos = set(videos)
        self.show_all()

    def learn(self, media_id: int, alt: AltText | None, video: bool = False) -> None:
        """A picture just attached: its description as stored (another post's, maybe)."""
        if alt is not None:
            self.read[media_id] = alt
        if video:
            self.videos.add(media_id)
        self.show_all()

    def is_video(self, media_id: int) -> bool:
        """Some networks take a description for photos only (``app.networks``)."""
        return media_id in self.videos

    def text(self, media_id: int) -> str:
        if media_id in self.typed:
            return self.typed[media_id]
        known = self.read.get(media_id)
        return known.text if known is not None else ""

    def show_all(self) -> None:
        for tab in self.editor.variant_tabs.values():
            tab.show_descriptions()

    def media_ids(self) -> list[int]:
        return list(
            dict.fromkeys(m for tab in self.editor.variant_tabs.values() for m in tab.media_ids)
        )

    def _on_changes(self, changeset: ChangeSet) -> None:
        """A ``media`` change of this client from another seat (a description, a file kept):
        read the pictures' descriptions again, on a worker."""
        editor = self.editor
        if not shiboken6.isValid(editor) or not editor.isVisible():
            return
        cid, shown = editor.client_id, self.media_ids()
        others = changeset.without_seat(changes.SEAT)
        if not shown or not others.touches("media", cid):
            return
        ids = others.ids("media", cid)
        if ids is not None and not ids.intersection(shown):
            return
        QueryOp(editor, lambda s: read_alt(s, cid, shown), self._fresh).latest("alt-fresh").run()

    def _fresh(self, alts: Mapping[int, AltText]) -> None:
        if not shiboken6.isValid(self.editor):
            return
        for media_id, alt in alts.items():
            if media_id not in self.typed:  # what is typed here stays: the save asks
                self.read[media_id] = alt
        self.show_all()
        self.editor._update_warnings()

    # -- describing ------------------------------------------------------------------------
    def describe(self, media_id: int, name: str) -> None:
        """Open the dialog for one picture (one at a time)."""
        if self.dialog is not None or self.editor.read_only:
            return
        networks = [n for n, tab in self.editor.variant_tabs.items() if media_id in tab.media_ids]
        self.dialog = AltTextDialog(
            name, self.text(media_id), networks, self.editor, video=self.is_video(media_id)
        )
        self.dialog.finished.connect(lambda result, mid=media_id: self._described(mid, result))
        self.dialog.open()

    def _described(self, media_id: int, result: int) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is None:
            return
        if result == AltTextDialog.DialogCode.Accepted and dialog.text() != self.text(media_id):
            self.typed[media_id] = dialog.text()
            self.show_all()
            self.editor._changed()  # the autosave writes it with the post
        dialog.deleteLater()

    # -- saving ----------------------------------------------------------------------------
    def snapshot(self) -> dict[int, tuple[int | None, str]]:
        """What the next save writes: {media id: (version read, text)}."""
        out: dict[int, tuple[int | None, str]] = {}
        for media_id, text in self.typed.items():
            known = self.read.get(media_id)
            if known is None or known.text != text:
                out[media_id] = (known.version if known is not None else None, text)
        return out

    def saved(self, alts: Mapping[int, AltText]) -> None:
        """A save landed: its versions become the base; what was typed since stays typed.
        ``steps`` keeps what it changed ({media id: (text before, AltText after)}) for the
        editor's undo step (``ui.calendar.undo.push_edit``)."""
        self.steps = {
            media_id: (self.read[media_id].text if media_id in self.read else "", alt)
            for media_id, alt in alts.items()
        }
        for media_id, alt in alts.items():
            self.read[media_id] = alt
            if self.typed.get(media_id) == alt.text:
                del self.typed[media_id]
        self.show_all()

    def conflict(self, exc: Conflict) -> None:
        """Another seat described the picture meanwhile: mine, theirs or a merge."""
        if self.conflict_dialog is not None:
            return
        self.editor._autosave.stop()
        self.conflict_dialog = ask_conflict(
            self.editor, exc, self._chosen, mergeable=True, zone=self.editor.zone
        )

    def _chosen(self, dialog) -> None:
        self.conflict_dialog = None
        d = dialog.details
        media_id = d.target_id
        if media_id is None:
            return
        self.read[media_id] = AltText(media_id, d.theirs, d.version or 1, d.by, d.at)
        if dialog.choice == THEIRS:
            self.typed.pop(media_id, None)
        elif dialog.choice == MERGED:
            self.typed[media_id] = dialog.merged_text
        self.show_all()
        self.editor._update_warnings()
        if media_id in self.typed:  # keep mine or the merge, knowingly over theirs
            self.editor.save_in_background()

    # -- checks ----------------------------------------------------------------------------
    def problems(self, tab) -> list[str]:
        """A description longer than the tab's network takes (cut when it goes out)."""
        return too_long(
            tab.network,
            [(tab.media_name(m), self.text(m), self.is_video(m)) for m in tab.media_ids],
        )

    def advice(self) -> str:
        """The gentle check before approval: pictures sent without a description."""
        if self.editor.status.currentData() not in ABOUT_TO_GO:
            return ""
        names: dict[int, str] = {}
        for network, tab in self.editor.variant_tabs.items():
            for media_id in tab.media_ids:
                if not takes_alt_text(network, self.is_video(media_id)):
                    continue  # sent without one: nothing to ask for
                if not self.text(media_id).strip():
                    names.setdefault(media_id, tab.media_name(media_id))
        return undescribed_note(list(names.values()))


__all__ = ["ABOUT_TO_GO", "EditorAlt"]
