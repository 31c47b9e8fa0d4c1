"""What the calendar area does on user actions: editor, moves, copies, approval, files."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QMenu, QMessageBox

from app.errors import Conflict, TribuneError
from app.services.calendar import posts
from app.services.calendar.counters import PUBLISHABLE_NETWORKS, network_label
from ui.calendar.area_files import CalendarFilesMixin
from ui.calendar.undo import CopyPostCommand, MovePostCommand
from ui.conflict_dialog import MINE, ask_conflict
from ui.messages import show_error
from ui.operations import QueryOp, WriteOp
from ui.rights import guard


class CalendarActionsMixin(CalendarFilesMixin):
    """Mixed into :class:`ui.calendar.area.CalendarArea`."""

    editor = None
    _editor_opening = False

    # -- the editor ------------------------------------------------------------------------
    def open_editor(self, *, when: dt.datetime | None = None, post_id: int | None = None) -> None:
        """Read the post on a worker, then open the editor (``editor_opened(editor)``)."""
        from ui.calendar.editor_data import read_editor_data

        if self.client is None or self._editor_opening:
            return
        self.editor = None
        self._editor_opening = True
        db, client = self.db, self.client

        def opened(data) -> None:
            self._editor_opening = False
            if self.client is not None and self.client.id == client.id:  # still this client
                self._show_editor(data, when, post_id)

        def failed(exc: BaseException) -> None:
            self._editor_opening = False
            show_error(self, exc)

        QueryOp(self, lambda _s: read_editor_data(db, client.id, post_id), opened).failure(
            failed
        ).run()

    def _show_editor(self, data, when: dt.datetime | None, post_id: int | None) -> None:
        from ui.calendar.editor import PostEditor

        networks = tuple(
            a.network
            for a in getattr(self.client, "accounts", ())
            if a.network in PUBLISHABLE_NETWORKS
        )
        self.editor = PostEditor(
            self.db,
            self.client.id,
            self.zone,
            post_id=post_id,
            when=when,
            networks=networks[:1],
            mastodon_limit=self.mastodon_limit(),
            best_slots=self.best_slots,
            undo_stack=self.undo_stack,
            tasks=self.services.tasks,
            data=data,
            parent=self,
        )
        self.editor.saved.connect(lambda _pid: self.reload())
        self.editor.finished.connect(lambda _r, e=self.editor: self._remember_limit(e))
        self.editor.open()
        self.editor_opened.emit(self.editor)

    def _mastodon_key(self) -> str | None:
        base = next(
            (a.base_url for a in getattr(self.client, "accounts", ()) if a.network == "mastodon"),
            None,
        )
        return f"calendar/mastodon_limit/{base or 'default'}"

    def mastodon_limit(self) -> int:
        """The client's Mastodon instance limit, as last set in the editor (500 by default)."""
        value = self.services.settings.q.value(self._mastodon_key(), 500)
        try:
            return int(value)
        except (TypeError, ValueError):
            return 500

    def _remember_limit(self, editor) -> None:
        tab = editor.variant_tabs.get("mastodon")
        if tab is not None and tab.mastodon_limit:
            self.services.settings.q.setValue(self._mastodon_key(), tab.mastodon_limit)

    # -- the list view -----------------------------------------------------------------------
    def _reload_list(self, flt) -> None:
        """The list opens at the first post from the anchor day (today unless navigated),
        with a page above it; read off the GUI thread."""
        from app.services.calendar.query import list_window

        start = dt.datetime.combine(self.anchor, dt.time(0), tzinfo=self.zone).astimezone(dt.UTC)
        cid, zone = self.client.id, self.zone

        QueryOp(
            self,
            lambda s: list_window(s, cid, flt, start),
            lambda window: self._show_list(cid, zone, flt, window),
        ).latest("period").run()

    def _show_list(self, cid, zone, flt, window) -> None:
        model = self.list_model
        model.show_window(cid, zone, flt, window)
        row = min(model.today_row, model.rowCount() - 1)
        if row >= 0:
            self.list_view.updateGeometries()  # the scroll range follows the rows just loaded
            self.list_view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
            self.list_view.selectRow(row)
        self.status_message.emit(self.tr("{count} posts in the list").format(count=window.total))
        self.loaded.emit()

    def _list_scrolled(self, value: int) -> None:
        """At the top of the loaded rows: the page before comes in, the view stays put."""
        if value == 0 and self.list_model.can_fetch_earlier():
            self.list_model.fetch_earlier()  # read on a worker: _earlier_loaded when it is in

    def _earlier_loaded(self, added: int) -> None:
        """Rows came in on top: the row that was at the top stays there."""
        self.list_view.scrollTo(
            self.list_model.index(added, 0), QAbstractItemView.ScrollHint.PositionAtTop
        )

    # -- moves and copies (undoable) -------------------------------------------------------
    def write_async(self, fn, optimistic=None, on_failed=None, on_conflict=None) -> None:
        """``fn(session)`` in one transaction off the GUI thread, after the writes asked for
        before it (a move and its undo reach the database in that order). ``optimistic`` =
        (post id, {field: value}) is shown at once; on error the view reloads (rolled back)
        with a message."""
        if optimistic is not None:
            self._apply_local(*optimistic)

        def failed(exc) -> None:
            if on_failed is not None:
                on_failed()
            stale = isinstance(exc, Conflict) and getattr(exc, "details", None) is not None
            if stale and on_conflict is not None:
                on_conflict(exc)  # the conflict dialog, never an error box
            else:
                show_error(self, exc)
            self.reload()

        # What it changed comes back through the change feed, which reloads the period.
        WriteOp(self, fn).failure(failed).in_queue(f"calendar-writes-{id(self.db)}").run()

    def _apply_local(self, post_id: int, fields: dict) -> None:
        chip = self._chips.get(post_id)
        if chip is None:
            return
        self._chips[post_id] = chip._replace(**fields)
        self._show_chips()

    def _show_chips(self) -> None:
        """The chips as changed here, shown at once while the write runs."""
        chips = sorted(self._chips.values(), key=lambda c: (c.planned_at, c.id))
        self.month_view.set_posts(chips)
        self.week_view.set_posts(chips)

    def request_move(self, post_id: int, target) -> None:
        """``target`` is a date (month view: keep the time) or a naive local datetime."""
        info = self._chips.get(post_id)
        if info is None:  # not on screen: read it (rare: moves come from the views)
            try:
                with self.db.read() as s:
                    info = posts.get_post(s, self.client.id, post_id)
            except TribuneError as exc:
                show_error(self, exc)
                return
        if info.status == "published":
            show_error(self, TribuneError(self.tr("A published post cannot be moved.")))
            self.reload()
            return
        old_local = info.planned_at.astimezone(self.zone)
        if isinstance(target, dt.datetime) and info.all_day:
            new_local = dt.datetime.combine(target.date(), dt.time(0))  # stays all-day
        elif isinstance(target, dt.datetime):
            new_local = target
        else:
            new_local = dt.datetime.combine(target, old_local.time().replace(tzinfo=None))
        new = posts.local_to_utc(new_local.date(), new_local.time(), self.zone)
        self.undo_stack.push(
            MovePostCommand(
                self.client.id, post_id, info.planned_at, new, self.write_async, self.undo_stack
            )
        )

    def copy_post(self, post_id: int, when: dt.datetime | None, networks: list[str] | None):
        self.undo_stack.push(
            CopyPostCommand(
                self.client.id, post_id, when, networks, self.write_async, self.undo_stack
            )
        )

    def chip_menu(self, post_id: int, global_pos: QPoint) -> None:
        menu = QMenu(self)
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
        self._chip_menu = menu

    def _planned_at(self, post_id: int) -> dt.datetime:
        """The post's time: from its chip on screen, read only when it is not shown."""
        chip = self._chips.get(post_id)
        if chip is not None:
            return chip.planned_at
        with self.db.read() as s:
            return posts.get_post(s, self.client.id, post_id).planned_at

    def _copy_days(self, post_id: int, days: int) -> None:
        local = self._planned_at(post_id).astimezone(self.zone) + dt.timedelta(days=days)
        when = posts.local_to_utc(local.date(), local.time().replace(tzinfo=None), self.zone)
        self.copy_post(post_id, when, None)

    def _copy_ask_day(self, post_id: int) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Copy to another day"), self.tr("Day (YYYY-MM-DD):")
        )
        if not ok:
            return
        try:
            day = dt.date.fromisoformat(text.strip())
        except ValueError:
            show_error(self, TribuneError(self.tr("Invalid date: {value}").format(value=text)))
            return
        local = self._planned_at(post_id).astimezone(self.zone)
        self.copy_post(
            post_id, posts.local_to_utc(day, local.time().replace(tzinfo=None), self.zone), None
        )

    def decide(self, post_id: int, approved: bool) -> None:
        comment = ""
        if not approved:
            comment, ok = QInputDialog.getMultiLineText(
                self, self.tr("Rejected by the client"), self.tr("Client's comment:")
            )
            if not ok:
                return
        chip = self._chips.get(post_id)
        self._record_decision(post_id, approved, comment, chip.version if chip else None)

    def _record_decision(self, post_id: int, approved: bool, comment: str, version) -> None:
        """The decision, against the post as shown (its chip's version): a colleague's change
        since opens the conflict dialog. Keep mine records it over a move or status change;
        a text changed after the client saw it offers only keep theirs."""
        from app.services.calendar.approval import record_decision

        cid = self.client.id

        def conflict(exc) -> None:
            d = exc.details

            def chosen(dialog) -> None:
                self.conflict_dialog = None
                if dialog.choice == MINE and d.field != "content":
                    self._record_decision(post_id, approved, comment, d.version)

            self.conflict_dialog = ask_conflict(self, exc, chosen, mergeable=False, zone=self.zone)
            self.conflict_dialog.keep_mine.setVisible(d.field != "content")

        self.write_async(
            lambda s: record_decision(s, cid, post_id, approved, comment, expected_version=version),
            (post_id, {"status": "approved" if approved else "draft"}),
            on_conflict=conflict,
        )

    def set_status(self, post_id: int, status: str) -> None:
        limit, cid = self.mastodon_limit(), self.client.id
        self.write_async(
            lambda s: posts.set_status(s, cid, post_id, status, mastodon_limit=limit),
            (post_id, {"status": status}),
        )

    def delete(self, post_id: int) -> None:
        answer = QMessageBox.question(self, self.tr("Delete post"), self.tr("Delete this post?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.undo_stack.clear()
            cid = self.client.id
            self._chips.pop(post_id, None)  # gone from the views at once; back if it fails
            self._show_chips()
            self.write_async(lambda s: posts.delete_post(s, cid, post_id))

    # -- files -----------------------------------------------------------------------------
    def build_more_menu(self) -> QMenu:
        menu = QMenu(self)
        guard(menu.addAction(self.tr("Import iCalendar or CSV…"), self.import_file), "write_posts")
        menu.addAction(self.tr("Export iCalendar…"), self.export_file)
        menu.addSeparator()
        menu.addAction(self.tr("Send this period for approval…"), self.approval_sheet)
        guard(
            menu.addAction(self.tr("Import the client's approval sheet…"), self.import_approval),
            "approve",
        )
        menu.addAction(self.tr("Publishing queue…"), self.show_queue)
        return menu

    def show_queue(self) -> None:
        """The publishing queue, read on a worker, in a dialog (``self.queue_dialog``)."""
        from app.services.calendar.queue import queue

        if self.client is None:
            return
        self.queue_dialog = None
        cid = self.client.id

        def opened(items) -> None:
            from ui.calendar.queue_dialog import QueueDialog

            if self.client is None or self.client.id != cid:
                return
            self.queue_dialog = QueueDialog(items, self.zone, self)
            self.queue_dialog.open()

        QueryOp(self, lambda s: queue(s, cid), opened).run()
