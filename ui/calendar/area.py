"""The Calendar area of a client workspace: toolbar, month/week/list views, charter check.

Built by composition, as Anki's browser owns its table and sidebar: the area owns its views
and its parts — ``actions`` (editor, moves, copies, approval, menus), ``files`` (imports,
exports, approval sheet), ``list`` (the list view), ``check`` (the charter check's panel),
``filter_menu`` and ``live`` (the change feed). Posts of the visible period, key dates and
the charter check are read by a QueryOp; every write is a WriteOp whose changes come back
through the feed, which reloads the period (this seat's and the other seats' alike).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.calendar.query import PostFilter
from ui import icons
from ui.areas import AreaServices, WorkspaceArea
from ui.calendar.area_actions import CalendarActions
from ui.calendar.area_files import CalendarFiles
from ui.calendar.area_live import CalendarLive
from ui.calendar.filter_menu import FilterMenu
from ui.calendar.findings import CalendarLegend, CheckPanel
from ui.calendar.list_part import CalendarList
from ui.calendar.month_view import MonthView
from ui.calendar.week_view import HOUR_H, WeekView
from ui.operations import QueryOp, drop_pending
from ui.rights import find_rights

VIEWS = ("month", "week", "list")
# what the window, the views, tests and scripts ask of the area, done by the part named
FORWARDED = {
    "actions": (
        "open_editor",
        "request_move",
        "copy_post",
        "set_status",
        "delete",
        "decide",
        "chip_menu",
        "show_queue",
        "build_more_menu",
    ),
    "files": ("import_file", "export_file", "approval_sheet", "import_approval"),
}


def load_period(s, client_id, zone, language, start, end, flt, now):
    """Worker (a QueryOp's read session): the posts, key dates and charter findings of
    [start, end] (local dates)."""
    from app.services.calendar.check import check_calendar
    from app.services.calendar.keydates import key_dates
    from app.services.calendar.query import distinct_values, posts_between
    from app.services.calendar.slots import best_slots

    begin = dt.datetime.combine(start, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(
        dt.UTC
    )
    chips = posts_between(s, client_id, begin, finish, flt)
    slots = best_slots(s, client_id, now.astimezone(zone).date())
    every = chips if flt == PostFilter() else None  # unfiltered: the same posts
    findings = check_calendar(
        s, client_id, start, end, language=language, now=now, best_slots=slots, posts=every
    )
    values = distinct_values(s, client_id)
    return chips, key_dates(start, end, language), findings, values, slots


class CalendarArea(WorkspaceArea):
    """Signals: loaded() — the period was (re)loaded and painted data is current;
    editor_opened(PostEditor)."""

    loaded = Signal()
    editor_opened = Signal(object)

    def __init__(self, services: AreaServices, parent: QWidget | None = None) -> None:
        super().__init__(services, parent)
        self.setObjectName("calendarArea")
        self.db = services.db
        self.zone = ZoneInfo("Europe/Paris")
        self.anchor = dt.date.today()
        self.view = "month"
        self.undo_stack = QUndoStack(self)
        self._chips: dict[int, object] = {}
        self.best_slots: tuple[tuple[int, int], ...] = ()  # (weekday, hour) from the metrics
        self.editor = None  # the post editor last opened (actions.open_editor)
        self.conflict_dialog = None  # an approval's conflict dialog (actions.decide)
        self.files = CalendarFiles(self)
        self.actions = CalendarActions(self)
        for part, names in FORWARDED.items():  # asked of the area, done by its parts
            for name in names:
                setattr(self, name, getattr(getattr(self, part), name))
        self._build()
        self.live = CalendarLive(self)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        bar = QHBoxLayout()
        self.prev_button, self.next_button = QToolButton(), QToolButton()
        icons.set_icon(self.prev_button, "back")
        icons.set_icon(self.next_button, "forward")
        self.prev_button.setToolTip(self.tr("Previous"))
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button.setToolTip(self.tr("Next"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.period_label.setStyleSheet("font-size: 13pt; font-weight: 600; padding: 0 8px;")
        for w in (self.prev_button, self.today_button, self.next_button, self.period_label):
            bar.addWidget(w)
        bar.addStretch(1)
        self.view_buttons = QButtonGroup(self)
        labels = (self.tr("Month"), self.tr("Week"), self.tr("List"))
        for key, label in zip(VIEWS, labels, strict=True):
            b = QPushButton(label)
            b.setCheckable(True)
            b.setObjectName(f"view_{key}")
            b.clicked.connect(lambda _=False, k=key: self.set_view(k))
            self.view_buttons.addButton(b)
            bar.addWidget(b)
        self.view_buttons.buttons()[0].setChecked(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search posts"))
        self.search.setClearButtonEnabled(True)
        self.search.setMaximumWidth(200)
        self.search.returnPressed.connect(self.reload)
        bar.addWidget(self.search)
        self.filter_button = QToolButton(text=self.tr("Filters"))
        self.filter_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.filter_menu = FilterMenu(self)
        self.filter_menu.changed.connect(self.reload)
        self.filter_button.setMenu(self.filter_menu)
        self.network_actions = self.filter_menu.network_actions
        bar.addWidget(self.filter_button)
        self.check_button = QToolButton()
        self.check_button.setObjectName("calendarCheckToggle")
        bar.addWidget(self.check_button)
        self.new_button = QPushButton(self.tr("New post"))
        self.new_button.setObjectName("primaryButton")
        self.new_button.clicked.connect(lambda: self.open_editor(when=None))
        bar.addWidget(self.new_button)
        self.more_button = QToolButton(text=self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.more_button.setMenu(self.actions.build_more_menu())
        bar.addWidget(self.more_button)
        layout.addLayout(bar)

        self.month_view = MonthView()
        self.week_view = WeekView()
        self.week_scroll = QScrollArea()
        self.week_scroll.setWidgetResizable(True)
        self.week_scroll.setWidget(self.week_view)
        # the week's header is pinned to the top: repaint it as the hours scroll
        self.week_scroll.verticalScrollBar().valueChanged.connect(self.week_view.update)
        self.list = CalendarList(self)
        self.list_model, self.list_view = self.list.model, self.list.view
        self.stack = QStackedWidget()
        for w in (self.month_view, self.week_scroll, self.list_view):
            self.stack.addWidget(w)
        for view in (self.month_view, self.week_view):
            view.open_post.connect(lambda pid: self.open_editor(post_id=pid))
            view.move_requested.connect(self.request_move)
            view.context_requested.connect(self.chip_menu)
        self.month_view.quick_add.connect(
            lambda day: self.open_editor(when=dt.datetime.combine(day, dt.time(10, 0)))
        )
        self.week_view.quick_add.connect(lambda when: self.open_editor(when=when))
        self.month_view.day_clicked.connect(self._open_week)
        for view in (self.month_view, self.week_view):
            view.refused.connect(self.status_message.emit)  # and a tooltip where it was refused

        side = self.check = CheckPanel(self, self.check_button)
        self.findings, self.findings_panel = side.findings, side
        self.show_finding = side.show_finding
        calendar_box = QWidget()
        box_layout = QVBoxLayout(calendar_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.setSpacing(2)
        box_layout.addWidget(self.stack, 1)
        self.legend = CalendarLegend()
        box_layout.addWidget(self.legend)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(calendar_box)
        split.addWidget(side)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 230])
        split.setCollapsible(0, False)
        layout.addWidget(split, 1)

        undo = self.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        for action in (undo, redo):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.undo_action, self.redo_action = undo, redo
        self._update_period_label()

    def current_filter(self) -> PostFilter:
        return self.filter_menu.current(self.search.text())

    # -- navigation ------------------------------------------------------------------------
    def period(self) -> tuple[dt.date, dt.date]:
        if self.view == "week":
            start = self.anchor - dt.timedelta(days=self.anchor.weekday())
            return start, start + dt.timedelta(days=6)
        first = self.anchor.replace(day=1)
        start = first - dt.timedelta(days=first.weekday())
        return start, start + dt.timedelta(days=41)

    def step(self, direction: int) -> None:
        if self.view == "week":
            self.anchor += dt.timedelta(days=7 * direction)
        else:
            month = self.anchor.month - 1 + direction
            self.anchor = dt.date(self.anchor.year + month // 12, month % 12 + 1, 1)
        self.reload()

    def go_today(self) -> None:
        self.anchor = dt.datetime.now(self.zone).date()
        self.reload()

    def go_to(self, day: dt.date) -> None:
        self.anchor = day
        self.reload()

    def set_view(self, view: str) -> None:
        self.view = view
        self.stack.setCurrentIndex(VIEWS.index(view))
        for b in self.view_buttons.buttons():
            b.setChecked(b.objectName() == f"view_{view}")
        for button in (self.prev_button, self.next_button):
            button.setEnabled(view != "list")
        if view == "week":
            self.week_scroll.verticalScrollBar().setValue(7 * HOUR_H)
        self.reload()

    def _update_period_label(self) -> None:
        from ui.calendar.painting import view_locale

        locale = view_locale()
        if self.view == "week":  # "30 Nov – 6 Dec 2026": short enough for a 1366-px toolbar
            start, end = self.period()
            first = "d MMM yyyy" if start.year != end.year else "d MMM"
            text = f"{locale.toString(start, first)} – {locale.toString(end, 'd MMM yyyy')}"
        elif self.view == "list":
            text = self.tr("From {day}").format(day=locale.toString(self.anchor, "d MMMM yyyy"))
        else:
            text = locale.toString(self.anchor, "MMMM yyyy").capitalize()
        self.period_label.setText(text)

    # -- loading ---------------------------------------------------------------------------
    def follow_rights(self) -> None:
        """Mirror the window's rights (once it has them): a person who may not write posts
        cannot drag a chip nor add one by double-clicking; the views say why."""
        rights = find_rights(self)
        if rights is None:
            return
        if not getattr(self, "_rights_followed", False):
            self._rights_followed = True
            rights.changed.connect(self._rights_changed)  # a slot: gone with the area
        reason = "" if rights.allowed("write_posts") else rights.why("write_posts")
        for view in (self.month_view, self.week_view):
            view.set_locked(reason)

    def _rights_changed(self, _capabilities) -> None:
        self.follow_rights()

    def showEvent(self, event) -> None:
        self.follow_rights()
        super().showEvent(event)

    def set_client(self, client) -> None:
        super().set_client(client)
        self.follow_rights()
        self.undo_stack.clear()
        if client is not None:
            try:
                self.zone = ZoneInfo(client.timezone)
            except Exception:
                self.zone = ZoneInfo("UTC")
            self.anchor = dt.datetime.now(self.zone).date()
        self.reload()

    def reload(self) -> None:
        """Read the period shown (or the list) again; an older read still on its way is
        dropped when it arrives (QueryOp.latest)."""
        self._update_period_label()
        if self.client is None:
            drop_pending(self, "period")
            return
        flt = self.current_filter()
        if self.view == "list":
            self.list.reload(flt)
            return
        start, end = self.period()
        now = dt.datetime.now(dt.UTC)
        cid, zone, lang = self.client.id, self.zone, self.client.language
        QueryOp(
            self,
            lambda s: load_period(s, cid, zone, lang, start, end, flt, now),
            lambda result: self._show(result, now),
        ).latest("period").run()

    def _show(self, result, now: dt.datetime) -> None:
        chips, keydates, findings, values, slots = result
        self._chips = {c.id: c for c in chips}
        self.best_slots = slots
        today = now.astimezone(self.zone).date()
        self.month_view.set_month(self.anchor, self.zone)
        self.month_view.set_today(today)
        self.month_view.set_key_dates(keydates)
        self.month_view.set_posts(chips)
        self.week_view.set_week(self.anchor, self.zone)
        self.week_view.set_now(now)
        self.week_view.set_key_dates(keydates)
        self.week_view.set_posts(chips)
        self.week_view.set_best_slots(slots)
        self.filter_menu.set_values(values)
        flags: dict[int, str] = {}
        for f in findings:
            if f.post_id and f.severity in ("error", "warning"):
                flags[f.post_id] = (
                    "error" if f.severity == "error" else flags.get(f.post_id, "warning")
                )
        self.month_view.flags = self.week_view.flags = flags
        self.check.show_findings(findings)
        self.status_message.emit(self.tr("%Ln post(s) shown", "", len(chips)))
        self.loaded.emit()

    def _open_week(self, day: dt.date) -> None:
        self.anchor = day
        self.set_view("week")

    def flush(self) -> None:
        """Before a client switch or quit: an open editor sends its unsaved edits (a WriteOp:
        nothing waits on the GUI thread)."""
        if self.editor is not None and self.editor.isVisible():
            self.editor.flush()
