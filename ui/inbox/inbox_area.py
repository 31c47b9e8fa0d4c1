"""The inbox area: filters | message list | conversation, with keyboard triage.

Widgets present and collect; every rule is a service call in one transaction. Pages of the
list are keyset queries of a few milliseconds; imports and exports run in the TaskRunner.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models import NETWORKS
from app.models.client import network_label
from app.models.inbox import MESSAGE_STATUSES
from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.inbox import reading as inbox
from app.services.inbox import triage as inbox_triage
from ui.areas import AreaServices, WorkspaceArea
from ui.inbox.inbox_actions import InboxActions
from ui.inbox.inbox_cards import CardDelegate, EmptyInbox, InboxLegend, card_height
from ui.inbox.inbox_conversation import ConversationPanel
from ui.inbox.inbox_drafts import InboxDrafts
from ui.inbox.inbox_live import InboxLive
from ui.inbox.inbox_loading import InboxLoading
from ui.inbox.inbox_model import COL_TEXT, InboxListModel
from ui.inbox.inbox_settings import InboxSettingsActions
from ui.inbox.inbox_style import banner_sheet, follow_scheme
from ui.inbox.inbox_triage_actions import InboxTriageActions


class InboxArea(
    InboxDrafts,
    InboxLive,
    InboxLoading,
    InboxSettingsActions,
    InboxTriageActions,
    InboxActions,
    WorkspaceArea,
):
    holding_drafted = Signal(int)  # the post id of a holding message drafted from the banner

    def __init__(self, services: AreaServices, parent=None) -> None:
        super().__init__(services, parent)
        self.rules = None
        self.staff: list = []
        self.dialog = None
        self._build()
        self._tab_order()
        self._shortcuts()
        self._init_drafts()
        self._init_live()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(self.splitter)

        filters = QWidget()
        filters.setObjectName("inboxFilters")
        rows = QVBoxLayout(filters)
        rows.setContentsMargins(0, 0, 0, 4)
        rows.setSpacing(4)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(row1)
        rows.addLayout(row2)
        self.search = QLineEdit()
        self.search.setObjectName("inboxSearch")
        self.search.setPlaceholderText(self.tr("Search (accents optional)"))
        self.search.setClearButtonEnabled(True)
        self.status = self._combo(
            [(self.tr("Open"), ("new", "in_progress", "waiting")), (self.tr("All"), ())]
            + [(inbox_triage.status_label(s), (s,)) for s in MESSAGE_STATUSES]
        )
        self.network = self._combo(
            [(self.tr("All networks"), ())] + [(network_label(n), (n,)) for n in NETWORKS]
        )
        self.category_filter = self._combo(
            [(self.tr("All categories"), ())]
            + [(inbox_triage.category_label(c), (c,)) for c in MESSAGE_CATEGORIES]
        )
        self.assignee = self._combo([(self.tr("Anyone"), None)])
        self.overdue = QCheckBox(self.tr("Overdue"))
        self.overdue.setToolTip(self.tr("Overdue only"))
        self.unassigned = QCheckBox(self.tr("Unassigned"))
        self.unassigned.setToolTip(self.tr("Unassigned only"))
        self.tag_filter = QLineEdit()
        self.tag_filter.setObjectName("inboxTagFilter")
        self.tag_filter.setPlaceholderText(self.tr("Tag"))
        self.tag_filter.setClearButtonEnabled(True)
        self.tag_filter.setMaximumWidth(160)
        self.import_btn = QPushButton(self.tr("Import CSV…"))
        # the rarer actions in one menu: the filters keep their room on a small screen
        self.more_btn = QToolButton(text="⋯")
        self.more_btn.setObjectName("inboxMore")
        self.more_btn.setToolTip(self.tr("More actions"))
        self.more_btn.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_btn)
        self.export_action = more.addAction(self.tr("Escalation log…"))
        self.smtp_action = more.addAction(self.tr("SMTP…"))
        self.smtp_action.setToolTip(self.tr("The client's SMTP server for escalation e-mails"))
        more.setToolTipsVisible(True)
        self.more_btn.setMenu(more)
        self.status.setToolTip(self.tr("Status"))
        self.network.setToolTip(self.tr("Network"))
        self.category_filter.setToolTip(self.tr("Category"))
        self.assignee.setToolTip(self.tr("Assignee"))
        row1.addWidget(self.search, 2)
        row1.addWidget(self.tag_filter, 1)
        row1.addWidget(self.status, 1)
        row1.addWidget(self.network, 1)
        row1.addWidget(self.category_filter, 1)
        row2.addWidget(self.assignee, 1)
        row2.addWidget(self.overdue)
        row2.addWidget(self.unassigned)
        row2.addStretch(1)
        row2.addWidget(self.import_btn)
        row2.addWidget(self.more_btn)

        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        mid.addWidget(filters)
        self.banner = QLabel()
        self.banner.setObjectName("inboxCrisis")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        follow_scheme(
            self.banner, lambda s: self.banner.setStyleSheet(banner_sheet("inboxCrisis", s))
        )
        self.banner.hide()
        mid.addWidget(self.banner)
        # one click from the crisis banner: the charter's holding message, in review per network
        self.holding_button = QPushButton(self.tr("Draft the holding message"))
        self.holding_button.setToolTip(
            self.tr("The charter's crisis holding message, one post per network, for approval")
        )
        self.holding_button.hide()
        self.holding_button.clicked.connect(self.draft_holding)
        mid.addWidget(self.holding_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.model = InboxListModel(self, services=self.services)
        self.model.page_loaded.connect(self._page_loaded)
        self.model.load_failed.connect(self._load_failed)
        self.table = QTableView()
        self.table.setObjectName("inboxList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(
            lambda pos: self.bulk_menu().popup(self.table.viewport().mapToGlobal(pos))
        )
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the conversation
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().hide()
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # One card per row, painted from the model's CardRole; the other columns stay in the
        # model (exports, tests, sorting keys) but are not shown.
        self.cards = CardDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_TEXT, self.cards)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col in range(self.model.columnCount()):
            self.table.setColumnHidden(col, col != COL_TEXT)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(card_height(self.table.font()))
        self.empty = EmptyInbox()
        self.empty.sync_requested.connect(self._sync_now)
        self.empty.import_requested.connect(lambda: self.import_file())
        self.empty.clear_filters_requested.connect(self.clear_filters)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.empty)
        for signal in (self.model.page_loaded, self.model.modelReset, self.model.layoutChanged):
            signal.connect(self.update_empty_state)
        self.model.loading_changed.connect(lambda _loading: self.update_empty_state())
        mid.addWidget(self.list_stack, 1)
        foot = QHBoxLayout()
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        self.legend = InboxLegend()
        foot.addWidget(self.count_label)
        foot.addWidget(self.legend, 1)
        mid.addLayout(foot)
        self.splitter.addWidget(middle)

        self.conv = ConversationPanel()
        self.conv.category.addItems([inbox_triage.category_label(c) for c in MESSAGE_CATEGORIES])
        self.splitter.addWidget(self.conv)
        self.conv.setMinimumWidth(340)
        # The list takes what the window gives beyond the conversation.
        self.splitter.setSizes([760, 400])
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.splitter.setCollapsible(0, False)

        for combo in (self.status, self.network, self.category_filter, self.assignee):
            combo.currentIndexChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.unassigned.toggled.connect(self.refresh)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
        self.tag_filter.textChanged.connect(self._search_timer.start)
        self._clock = QTimer(self, interval=60_000)  # "time left" moves on
        self._clock.timeout.connect(self.model.tick)
        self._clock.start()
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.conv.assign_me.clicked.connect(self.assign_to_me)
        self.conv.category.activated.connect(lambda i: self.categorise(MESSAGE_CATEGORIES[i]))
        self.conv.escalate.clicked.connect(self.escalate)
        self.conv.moderate.clicked.connect(self.moderate)
        self.conv.close_btn.clicked.connect(lambda: self.change_status("closed"))
        self.conv.send.clicked.connect(self.send_reply)
        self.conv.note_add.clicked.connect(self.add_note)
        self.conv.note_edit.returnPressed.connect(self.add_note)
        self.conv.answer_add.clicked.connect(self.record_answer)
        self.conv.remind.clicked.connect(self.remind)
        self.conv.save_template.clicked.connect(self.save_template)
        self.conv.reply.textChanged.connect(self._check_style)
        self.conv.saved.activated.connect(self._use_saved)
        self.import_btn.clicked.connect(self.import_file)
        self.export_action.triggered.connect(lambda: self.export_log())
        self.smtp_action.triggered.connect(lambda: self.smtp_settings())
        self.conv.manage_saved.clicked.connect(self.manage_saved)
        self.conv.tags.editingFinished.connect(self.save_tags)

    def _tab_order(self) -> None:
        """Tab: list → conversation → reply box → Send; Shift+Tab back (the filters come
        before the list, the triage buttons are reached by their letters)."""
        chain = [
            self.search,
            self.tag_filter,
            self.status,
            self.network,
            self.category_filter,
            self.assignee,
            self.overdue,
            self.unassigned,
            self.table,
            self.empty.sync_button,
            self.empty.import_button,
            self.conv.thread,
            self.conv.reply,
            self.conv.send,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def update_empty_state(self) -> None:
        """The list, or what to do when it is empty (once loading is over)."""
        empty = self.client is not None and not self.model.loading and not self.model.rowCount()
        if empty:
            f = self.current_filter()
            filtered = bool(
                f.search
                or f.tag
                or f.networks
                or f.categories
                or f.assignee_id
                or f.unassigned
                or f.overdue
                or self.status.currentIndex() != 0
            )
            self.empty.set_filtered(filtered)
        self.list_stack.setCurrentWidget(self.empty if empty else self.table)

    def clear_filters(self) -> None:
        """Every filter back to "all": one refresh."""
        widgets = (self.status, self.network, self.category_filter, self.assignee)
        for w in (*widgets, self.overdue, self.unassigned, self.search, self.tag_filter):
            w.blockSignals(True)
        self.status.setCurrentIndex(1)  # "All", closed ones included
        for combo in widgets[1:]:
            combo.setCurrentIndex(0)
        self.overdue.setChecked(False)
        self.unassigned.setChecked(False)
        self.search.clear()
        self.tag_filter.clear()
        for w in (*widgets, self.overdue, self.unassigned, self.search, self.tag_filter):
            w.blockSignals(False)
        self.refresh()

    def _sync_now(self) -> None:
        """The window's sync (the same as its Sync button), for this client."""
        bar = getattr(self.window(), "sync_bar", None)
        if bar is not None:
            bar.sync_now()

    def _combo(self, items) -> QComboBox:
        combo = QComboBox()
        for label, data in items:
            combo.addItem(label, data)
        return combo

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, slot in (
            ("J", lambda: self.move(1)),
            ("K", lambda: self.move(-1)),
            ("A", self.assign_to_me),
            ("C", self.conv.category.showPopup),
            ("E", self.escalate),
            ("M", self.moderate),
            ("R", self.conv.reply.setFocus),
            ("X", lambda: self.change_status("closed")),
            ("I", lambda: self.change_status("ignored")),
            ("Ctrl+Return", self.send_reply),
            ("Ctrl+F", self.search.setFocus),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- client and list ------------------------------------------------------------------
    def current_filter(self) -> inbox.InboxFilter:
        assignee = self.assignee.currentData()
        return inbox.InboxFilter(
            statuses=self.status.currentData() or (),
            networks=self.network.currentData() or (),
            categories=self.category_filter.currentData() or (),
            assignee_id=assignee,
            unassigned=self.unassigned.isChecked(),
            overdue=self.overdue.isChecked(),
            search=self.search.text(),
            tag=self.tag_filter.text().strip(),
        )

    # -- actions --------------------------------------------------------------------------
