"""The inbox area: filters | message list | conversation, with keyboard triage.

The area owns its parts, as Anki's browser owns its table and sidebar, and hands each one
the references it needs — no part reaches into another through the area:

- :class:`~ui.inbox.inbox_filters.InboxFilters`: the filter bar (``filters``);
- :class:`~ui.inbox.inbox_banner.InboxBanner`: crisis and overdue escalations (``alerts``);
- :class:`~ui.inbox.inbox_list.MessageList`: the lazy list of cards (``messages``);
- :class:`~ui.inbox.inbox_conversation.ConversationPanel`: the right pane (``conv``), the
  message it shows read by :class:`~ui.inbox.inbox_detail.ConversationPart`
  (``conversation``) and its reply box kept by :class:`~ui.inbox.inbox_drafts.DraftKeeper`
  (``drafts``);
- :class:`~ui.inbox.inbox_triage_actions.InboxWriter` (``writer``, the one write path),
  :class:`~ui.inbox.inbox_triage_actions.TriageActions` (``triage``),
  :class:`~ui.inbox.inbox_actions.ReplyActions` (``replies``) and
  :class:`~ui.inbox.inbox_settings.InboxTools` (``tools``);
- :class:`~ui.inbox.inbox_live.LiveRefresh`: the change feed (``live``).

They share one :class:`~ui.inbox.inbox_context.InboxContext` (the client and its rules).
Every read is a QueryOp, every write a WriteOp on the area: nothing waits on the database
on the GUI thread. The area reads the client's settings, the list and the counts, and wires
the parts' signals; its few public methods are what the window and the tests call.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from app.services.charter.in_force import rules_in_force
from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.clients import workspaces as clients
from app.services.inbox import crisis as inbox_crisis
from app.services.inbox import escalation
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.inbox import triage as inbox_triage
from app.services.people import agency as agency_service
from ui.areas import AreaServices, WorkspaceArea
from ui.inbox.inbox_actions import ReplyActions
from ui.inbox.inbox_banner import InboxBanner
from ui.inbox.inbox_context import InboxContext
from ui.inbox.inbox_conversation import ConversationPanel
from ui.inbox.inbox_detail import ConversationPart
from ui.inbox.inbox_drafts import DraftKeeper
from ui.inbox.inbox_filters import InboxFilters
from ui.inbox.inbox_list import MessageList
from ui.inbox.inbox_live import LiveRefresh
from ui.inbox.inbox_settings import InboxTools
from ui.inbox.inbox_triage_actions import InboxWriter, TriageActions
from ui.messages import show_error
from ui.operations import QueryOp, WriteOp, drop_pending, ops_pending


class InboxArea(WorkspaceArea):
    holding_drafted = Signal(int)  # the post id of a holding message drafted from the banner

    def __init__(self, services: AreaServices, parent=None) -> None:
        super().__init__(services, parent)
        self.context = InboxContext()
        self.dialog = None  # the dialog an action opened last (tests drive it)
        self._build()
        self._parts()
        self._tab_order()
        self._shortcuts()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(self.splitter)
        self.filters = InboxFilters()
        self.alerts = InboxBanner()
        self.messages = MessageList(self.services)
        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        mid.addWidget(self.filters)
        mid.addWidget(self.alerts)
        mid.addWidget(self.messages, 1)
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
        # the widgets the window's rights guard and the tests drive, by their usual names
        f, m = self.filters, self.messages
        self.search, self.tag_filter, self.status = f.search, f.tag_filter, f.status
        self.network, self.category_filter = f.network, f.category_filter
        self.assignee, self.overdue, self.unassigned = f.assignee, f.overdue, f.unassigned
        self.import_btn, self.export_action, self.smtp_action = (
            f.import_btn,
            f.export_action,
            f.smtp_action,
        )
        self.banner, self.holding_button = self.alerts.banner, self.alerts.holding_button
        self.model, self.table, self.cards, self.empty = m.model, m.table, m.cards, m.empty
        self.list_stack, self.count_label, self.legend = m.list_stack, m.count_label, m.legend

    def _parts(self) -> None:
        ctx, conv, messages = self.context, self.conv, self.messages
        say = self.status_message.emit
        self.drafts = DraftKeeper(self, conv, ctx)
        self.conversation = ConversationPart(self, conv, ctx, self.drafts)
        self.writer = InboxWriter(self, ctx, messages.current_id, self.refresh)
        self.triage = TriageActions(self, ctx, messages, conv, self.writer)
        self.replies = ReplyActions(self, ctx, messages, conv, self.writer, self.drafts, say)
        self.tools = InboxTools(self, ctx, self.replies.show_saved, say)
        self.replies.send_by_smtp = self.tools.send_escalation_smtp
        self.live = LiveRefresh(
            self,
            ctx,
            messages,
            self.conversation,
            self._load_client_settings_again,
            self.load_counts,
        )

        self.filters.changed.connect(self.refresh)
        self.filters.import_btn.clicked.connect(lambda: self.tools.import_file())
        self.filters.export_action.triggered.connect(lambda: self.tools.export_log())
        self.filters.smtp_action.triggered.connect(lambda: self.tools.smtp_settings())
        self.alerts.holding_requested.connect(self.draft_holding)
        messages.current_changed.connect(self.conversation.show_message)
        messages.menu_requested.connect(lambda pos: self.triage.bulk_menu().popup(pos))
        messages.model.load_failed.connect(self._load_failed)
        for signal in (messages.model.page_loaded, messages.model.modelReset):
            signal.connect(self.update_empty_state)
        messages.model.layoutChanged.connect(self.update_empty_state)
        messages.model.loading_changed.connect(lambda _loading: self.update_empty_state())
        messages.empty.sync_requested.connect(self._sync_now)
        messages.empty.import_requested.connect(lambda: self.tools.import_file())
        messages.empty.clear_filters_requested.connect(self.filters.clear)
        self.conversation.shown.connect(self.replies.check_style)

        t, r = self.triage, self.replies
        conv.assign_me.clicked.connect(t.assign_to_me)
        conv.category.activated.connect(lambda i: t.categorise(MESSAGE_CATEGORIES[i]))
        conv.close_btn.clicked.connect(lambda: t.change_status("closed"))
        conv.tags.editingFinished.connect(t.save_tags)
        conv.escalate.clicked.connect(r.escalate)
        conv.moderate.clicked.connect(r.moderate)
        conv.send.clicked.connect(r.send_reply)
        conv.note_add.clicked.connect(r.add_note)
        conv.note_edit.returnPressed.connect(r.add_note)
        conv.answer_add.clicked.connect(r.record_answer)
        conv.remind.clicked.connect(r.remind)
        conv.save_template.clicked.connect(r.save_template)
        conv.reply.textChanged.connect(r.check_style)
        conv.saved.activated.connect(r.use_saved)
        conv.manage_saved.clicked.connect(self.tools.manage_saved)

    def _tab_order(self) -> None:
        """Tab: list → conversation → reply box → Send; Shift+Tab back (the filters come
        before the list, the triage buttons are reached by their letters)."""
        empty = self.messages.empty
        chain = [
            *self.filters.tab_chain(),
            self.messages.table,
            empty.sync_button,
            empty.import_button,
            self.conv.thread,
            self.conv.reply,
            self.conv.send,
        ]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        t, r = self.triage, self.replies
        for key, slot in (
            ("J", lambda: self.messages.move(1)),
            ("K", lambda: self.messages.move(-1)),
            ("A", t.assign_to_me),
            ("C", self.conv.category.showPopup),
            ("E", r.escalate),
            ("M", r.moderate),
            ("R", self.conv.reply.setFocus),
            ("X", lambda: t.change_status("closed")),
            ("I", lambda: t.change_status("ignored")),
            ("Ctrl+Return", r.send_reply),
            ("Ctrl+F", self.search.setFocus),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- client, settings, list and counts ------------------------------------------------------
    def set_client(self, client) -> None:
        super().set_client(client)
        self.context.client = client
        drop_pending(self, "client", "counts", "detail")
        self.messages.show_rows(None)
        self.conv.show_detail(None, self.context.timezone)
        if client is None:
            self.alerts.clear()
            return
        self.count_label.setText(QCoreApplication.translate("InboxArea", "Loading…"))
        self._load_client_settings(client.id)

    def _load_client_settings_again(self, then) -> None:
        if self.context.client_id is not None:
            self._load_client_settings(self.context.client_id, then)

    def _load_client_settings(self, cid: int, then=None) -> None:
        """The charter's rules, the staff, contacts and saved replies; then the list."""

        def load(s):
            return (
                rules_in_force(s, cid),
                agency_service.list_staff(s),
                clients.list_contacts(s, cid),
                inbox_replies.saved_replies(s, cid),
            )

        QueryOp(self, load, lambda result: self._client_loaded(result, then)).latest("client").run()

    def _client_loaded(self, result, then=None) -> None:
        if self.context.client is None:
            return
        ctx = self.context
        ctx.rules, ctx.staff, ctx.contacts, saved = result
        self.filters.set_staff(ctx.staff)
        self.replies.show_saved(saved)
        self.model.watch_words = ctx.rules.watch_words
        self.conv.highlighter.set_words(ctx.rules.watch_words)
        (then or self.refresh)()

    def refresh(self, keep_id: int | None = None) -> None:
        """The list from its first page (the row of ``keep_id`` kept current), the counts."""
        if self.context.client is None or self.context.rules is None:
            return
        client_id, filt = self.context.client.id, self.filters.current()

        def read(conn, cursor, limit):  # a Core connection: no ORM session for a read-only page
            return inbox.page(conn, client_id, filt, cursor, limit)

        self.messages.show_rows(read, self.context.timezone, keep_id)
        self.load_counts()

    def load_counts(self) -> None:
        """The total, the crisis alert and late escalations, for the filter shown."""
        client_id, filt = self.context.client_id, self.filters.current()
        if client_id is None:
            return

        def counts(s):
            return (
                inbox.count(s, client_id, filt) if not filt.search else None,
                inbox_crisis.crisis_for(s, client_id),
                escalation.overdue(s, client_id),
            )

        QueryOp(self, counts, self._counts_loaded).latest("counts").run()

    def _counts_loaded(self, result) -> None:
        total, crisis, late = result
        self.messages.show_total(total)
        self.alerts.show_alerts(crisis, late)

    def _show_banner(self, crisis, late) -> None:
        self.alerts.show_alerts(crisis, late)

    def _load_failed(self, exc) -> None:
        self.messages.failed()
        show_error(self, exc)

    def update_empty_state(self) -> None:
        self.messages.update_empty_state(self.context.client is not None, self.filters.narrowed())

    def draft_holding(self) -> None:
        """The charter's holding message as a post in review for every network (one click)."""
        cid = self.context.client_id
        if cid is None:
            return
        from app.services.listening.holding import draft_holding
        from app.services.listening.holding_words import drafted_words

        button = self.holding_button
        button.setEnabled(False)

        def drafted(result) -> None:
            button.setEnabled(True)
            self.status_message.emit(drafted_words(result))
            self.holding_drafted.emit(result.post.id)

        def failed(exc: BaseException) -> None:
            button.setEnabled(True)
            show_error(self, exc)

        WriteOp(self, lambda s: draft_holding(s, cid), drafted).failure(failed).run()

    def _sync_now(self) -> None:
        """The window's sync (the same as its Sync button), for this client."""
        bar = getattr(self.window(), "sync_bar", None)
        if bar is not None:
            bar.sync_now()

    # -- what the window and the tests call -------------------------------------------------------
    @property
    def rules(self):
        return self.context.rules

    @property
    def saved_list(self) -> list:
        return self.context.saved

    @property
    def last_smtp(self):
        return self.tools.last_smtp

    @property
    def last_import(self):
        return self.tools.last_import

    @property
    def import_summary(self) -> str:
        return self.tools.import_summary

    def idle(self) -> bool:
        """No read or write of this area is on its way (tests wait on it)."""
        return (
            ops_pending(self) == 0 and not self.messages.busy() and not self.live.timer.isActive()
        )

    def flush(self) -> None:
        self.drafts.flush()

    def current_filter(self) -> inbox.InboxFilter:
        return self.filters.current()

    def clear_filters(self) -> None:
        self.filters.clear()

    def select_row(self, row: int) -> None:
        self.messages.select_row(row)

    def move(self, step: int) -> None:
        self.messages.move(step)

    def current_id(self) -> int | None:
        return self.messages.current_id()

    def selected_ids(self) -> list[int]:
        return self.messages.selected_ids()

    def show_message(self, message_id: int | None, *, quiet: bool = False) -> None:
        self.conversation.show_message(message_id, quiet=quiet)

    def live_refresh(self, changeset=None) -> None:
        self.live.refresh(changeset)

    def bulk_menu(self):
        return self.triage.bulk_menu()

    def assign(self, staff_id: int | None) -> None:
        self.triage.assign(staff_id)

    def categorise(self, category: str) -> None:
        self.triage.categorise(category)

    def send_reply(self) -> None:
        self.replies.send_reply()

    def reload_saved(self) -> None:
        self.replies.reload_saved()

    def manage_saved(self) -> None:
        self.tools.manage_saved()

    def import_file(self, path: str | None = None) -> None:
        self.tools.import_file(path)
