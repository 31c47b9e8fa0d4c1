"""What the calendar area does on user actions — the post editor, moves, copies, approval,
status, deletion, the chip and More menus, the publishing queue — a part the area owns
(``area.actions``), as Anki's browser owns its table and sidebar.

Reads are :class:`ui.operations.QueryOp`, writes :class:`~ui.operations.WriteOp`: what a
write changed comes back through the change feed, which reloads the period shown here and
in the other seats; a stale write opens the conflict dialog, never an error box."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QInputDialog, QMenu, QMessageBox

from app.errors import Conflict, TribuneError
from app.services.calendar import posts
from app.services.calendar.counters import PUBLISHABLE_NETWORKS, network_label
from ui.calendar.undo import CopyPostCommand, MovePostCommand
from ui.conflict_dialog import MINE, ask_conflict
from ui.messages import show_error
from ui.operations import QueryOp, WriteOp
from ui.rights import guard


class CalendarActions(QObject):
    """The area's actions on posts; the editor it opens is ``area.editor``."""

    def __init__(self, area) -> None:
        super().__init__(area)
        self.area = area
        self._editor_opening = False
        self.queue_dialog = None

    # -- the editor ------------------------------------------------------------------------
    def open_editor(self, *, when: dt.datetime | None = None, post_id: int | None = None) -> None:
        """Read the post on a worker, then open the editor (``editor_opened(editor)``)."""
        from ui.calendar.editor_data import read_editor_data

        area = self.area
        if area.client is None or self._editor_opening:
            return
        area.editor = None
        self._editor_opening = True
        client = area.client

        def opened(data) -> None:
            self._editor_opening = False
            if area.client is not None and area.client.id == client.id:  # still this client
                self._show_editor(data, when, post_id)

        def failed(exc: BaseException) -> None:
            self._editor_opening = False
            show_error(area, exc)

        QueryOp(area, lambda s: read_editor_data(s, client.id, post_id), opened).failure(
            failed
        ).run()

    def _show_editor(self, data, when: dt.datetime | None, post_id: int | None) -> None:
        from ui.calendar.editor import PostEditor

        area = self.area
        networks = tuple(
            a.network
            for a in getattr(area.client, "accounts", ())
            if a.network in PUBLISHABLE_NETWORKS
        )
        editor = area.editor = PostEditor(
            area.db,
            area.client.id,
            area.zone,
            post_id=post_id,
            when=when,
            networks=networks[:1],
            mastodon_limit=self.mastodon_limit(),
            best_slots=area.best_slots,
            undo_stack=area.undo_stack,
            tasks=area.services.tasks,
            data=data,
            parent=area,
        )
        # what the editor saves reaches the views through the change feed (WriteOp)
        editor.finished.connect(lambda _r, e=editor: self._remember_limit(e))
        editor.open()
        area.editor_opened.emit(editor)

    def _mastodon_key(self) -> str:
        base = next(
            (
                a.base_url
                for a in getattr(self.area.client, "accounts", ())
                if a.network == "mastodon"
            ),
            None,
        )
        return f"calendar/mastodon_limit/{base or 'default'}"

    def mastodon_limit(self) -> int:
        """The client's Mastodon instance limit, as last set in the editor (500 by default)."""
        value = self.area.services.settings.q.value(self._mastodon_key(), 500)
        try:
            return int(value)
        except (TypeError, ValueError):
            return 500

    def _remember_limit(self, editor) -> None:
        tab = editor.variant_tabs.get("mastodon")
        if tab is not None and tab.mastodon_limit:
            self.area.services.settings.q.setValue(self._mastodon_key(), tab.mastodon_limit)

    # -- moves and copies (undoable) -------------------------------------------------------
    def write_async(self, fn, optimistic=None, on_failed=None, on_conflict=None) -> None:
        """``fn(session)`` in one transaction off the GUI thread, after the writes asked for
        before it (a move and its undo reach the database in that order). ``optimistic`` =
        (post id, {field: value}) is shown at once; on error the view reloads (rolled back)
        with a message."""
        area = self.area
        if optimistic is not None:
            self._apply_local(*optimistic)

        def failed(exc) -> None:
            if on_failed is not None:
                on_failed()
            stale = isinstance(exc, Conflict) and getattr(exc, "details", None) is not None
            if stale and on_conflict is not None:
                on_conflict(exc)  # the conflict dialog, never an error box
            else:
                show_error(area, exc)
            area.reload()

        # What it changed comes back through the change feed, which reloads the period.
        WriteOp(area, fn).failure(failed).in_queue(f"calendar-writes-{id(area.db)}").run()

    def _apply_local(self, post_id: int, fields: dict) -> None:
        chip = self.area._chips.get(post_id)
        if chip is None:
            return
        self.area._chips[post_id] = chip._replace(**fields)
        self._show_chips()

    def _show_chips(self) -> None:
        """The chips as changed here, shown at once while the write runs."""
        area = self.area
        chips = sorted(area._chips.values(), key=lambda c: (c.planned_at, c.id))
        area.month_view.set_posts(chips)
        area.week_view.set_posts(chips)

    def _with_post(self, post_id: int, then) -> None:
        """``then(post)``: its chip on screen, else the post read on a worker (rare: moves
        and menus come from the views)."""
        chip = self.area._chips.get(post_id)
        if chip is not None:
            then(chip)
            return
        cid = self.area.client.id
        QueryOp(self.area, lambda s: posts.get_post(s, cid, post_id), then).run()

    def request_move(self, post_id: int, target) -> None:
        """``target`` is a date (month view: keep the time) or a naive local datetime."""
        self._with_post(post_id, lambda info: self._move(info, target))

    def _move(self, info, target) -> None:
        area = self.area
        if info.status == "published":
            show_error(area, TribuneError(self.tr("A published post cannot be moved.")))
            area.reload()
            return
        old_local = info.planned_at.astimezone(area.zone)
        if isinstance(target, dt.datetime) and info.all_day:
            new_local = dt.datetime.combine(target.date(), dt.time(0))  # stays all-day
        elif isinstance(target, dt.datetime):
            new_local = target
        else:
            new_local = dt.datetime.combine(target, old_local.time().replace(tzinfo=None))
        new = posts.local_to_utc(new_local.date(), new_local.time(), area.zone)
        area.undo_stack.push(
            MovePostCommand(
                area.client.id, info.id, info.planned_at, new, self.write_async, area.undo_stack
            )
        )

    def copy_post(self, post_id: int, when: dt.datetime | None, networks: list[str] | None):
        area = self.area
        area.undo_stack.push(
            CopyPostCommand(
                area.client.id, post_id, when, networks, self.write_async, area.undo_stack
            )
        )

    def chip_menu(self, post_id: int, global_pos: QPoint) -> None:
        area = self.area
        menu = QMenu(area)
        menu.addAction(self.tr("Edit…"), lambda: self.open_editor(post_id=post_id))
        guard(
            menu.addAction(self.tr("Copy to the next day"), lambda: self._copy_days(post_id, 1)),
            "write_posts",
        )
        guard(
            menu.addAction(self.tr("Copy to another day…"), lambda: self._copy_ask_day(post_id)),
            "write_posts",
        )
        to_network = menu.addMenu(self.tr("Copy to network"))
        guard(to_network.menuAction(), "write_posts")
        for network in PUBLISHABLE_NETWORKS:
            to_network.addAction(
                network_label(network), lambda n=network: self.copy_post(post_id, None, [n])
            )
        menu.addSeparator()
        guard(
            menu.addAction(self.tr("Client approved"), lambda: self.decide(post_id, True)),
            "approve",
        )
        guard(
            menu.addAction(self.tr("Client rejected…"), lambda: self.decide(post_id, False)),
            "approve",
        )
        guard(
            menu.addAction(self.tr("Schedule"), lambda: self.set_status(post_id, "scheduled")),
            "schedule",
        )
        menu.addSeparator()
        guard(menu.addAction(self.tr("Delete"), lambda: self.delete(post_id)), "write_posts")
        menu.popup(global_pos)
        area._chip_menu = menu  # kept alive while shown (and looked at by tests)

    def _copy_days(self, post_id: int, days: int) -> None:
        zone = self.area.zone

        def copy(info) -> None:
            local = info.planned_at.astimezone(zone) + dt.timedelta(days=days)
            when = posts.local_to_utc(local.date(), local.time().replace(tzinfo=None), zone)
            self.copy_post(post_id, when, None)

        self._with_post(post_id, copy)

    def _copy_ask_day(self, post_id: int) -> None:
        area = self.area
        text, ok = QInputDialog.getText(
            area, self.tr("Copy to another day"), self.tr("Day (YYYY-MM-DD):")
        )
        if not ok:
            return
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            show_error(area, TribuneError(self.tr("Invalid date: {value}").format(value=text)))
            return

        def copy(info) -> None:
            local = info.planned_at.astimezone(area.zone)
            when = posts.local_to_utc(day, local.time().replace(tzinfo=None), area.zone)
            self.copy_post(post_id, when, None)

        self._with_post(post_id, copy)

    def decide(self, post_id: int, approved: bool) -> None:
        comment = ""
        if not approved:
            comment, ok = QInputDialog.getMultiLineText(
                self.area, self.tr("Rejected by the client"), self.tr("Client's comment:")
            )
            if not ok:
                return
        chip = self.area._chips.get(post_id)
        self._record_decision(post_id, approved, comment, chip.version if chip else None)

    def _record_decision(self, post_id: int, approved: bool, comment: str, version) -> None:
        """The decision, against the post as shown (its chip's version): a colleague's change
        since opens the conflict dialog. Keep mine records it over a move or status change;
        a text changed after the client saw it offers only keep theirs."""
        from app.services.calendar.approval import record_decision

        area = self.area
        cid = area.client.id

        def conflict(exc) -> None:
            d = exc.details

            def chosen(dialog) -> None:
                area.conflict_dialog = None
                if dialog.choice == MINE and d.field != "content":
                    self._record_decision(post_id, approved, comment, d.version)

            area.conflict_dialog = ask_conflict(area, exc, chosen, mergeable=False, zone=area.zone)
            area.conflict_dialog.keep_mine.setVisible(d.field != "content")

        self.write_async(
            lambda s: record_decision(s, cid, post_id, approved, comment, expected_version=version),
            (post_id, {"status": "approved" if approved else "draft"}),
            on_conflict=conflict,
        )

    def set_status(self, post_id: int, status: str) -> None:
        limit, cid = self.mastodon_limit(), self.area.client.id
        self.write_async(
            lambda s: posts.set_status(s, cid, post_id, status, mastodon_limit=limit),
            (post_id, {"status": status}),
        )

    def delete(self, post_id: int) -> None:
        area = self.area
        answer = QMessageBox.question(area, self.tr("Delete post"), self.tr("Delete this post?"))
        if answer == QMessageBox.StandardButton.Yes:
            area.undo_stack.clear()
            cid = area.client.id
            area._chips.pop(post_id, None)  # gone from the views at once; back if it fails
            self._show_chips()
            self.write_async(lambda s: posts.delete_post(s, cid, post_id))

    # -- the More menu ---------------------------------------------------------------------
    def build_more_menu(self) -> QMenu:
        files = self.area.files
        menu = QMenu(self.area)
        guard(menu.addAction(self.tr("Import iCalendar or CSV…"), files.import_file), "write_posts")
        menu.addAction(self.tr("Export iCalendar…"), files.export_file)
        menu.addSeparator()
        menu.addAction(self.tr("Send this period for approval…"), files.approval_sheet)
        guard(
            menu.addAction(self.tr("Import the client's approval sheet…"), files.import_approval),
            "approve",
        )
        menu.addAction(self.tr("Publishing queue…"), self.show_queue)
        return menu

    def show_queue(self) -> None:
        """The publishing queue, read on a worker, in a dialog (``self.queue_dialog``)."""
        from app.services.calendar.queue import queue

        area = self.area
        if area.client is None:
            return
        self.queue_dialog = None
        cid = area.client.id

        def opened(items) -> None:
            from ui.calendar.queue_dialog import QueueDialog

            if area.client is None or area.client.id != cid:
                return
            self.queue_dialog = QueueDialog(items, area.zone, area)
            self.queue_dialog.open()

        QueryOp(area, lambda s: queue(s, cid), opened).run()
