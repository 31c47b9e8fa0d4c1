"""The inbox area: filters | message list | conversation, with keyboard triage.

Widgets present and collect; every rule is a service call in one transaction. Pages of the
list are keyset queries of a few milliseconds; imports and exports run in the TaskRunner.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.models import NETWORKS
from app.models.inbox import MESSAGE_STATUSES
from app.services import (
    clients,
    escalation,
    escalation_export,
    inbox,
    inbox_crisis,
    inbox_replies,
    inbox_triage,
    moderation,
)
from app.services.actor import current_actor
from app.services.charter_rules import MESSAGE_CATEGORIES, rules_in_force
from app.services.inbox_import import import_csv
from ui.areas import AreaServices, WorkspaceArea
from ui.inbox.inbox_conversation import ConversationPanel
from ui.inbox.inbox_dialogs import EscalateDialog, ModerateDialog, StatusDialog
from ui.inbox.inbox_model import COL_ASSIGNEE, COL_TEXT, IdRole, InboxListModel
from ui.messages import show_error

PAGE = 200


class InboxArea(WorkspaceArea):
    def __init__(self, services: AreaServices, parent=None) -> None:
        super().__init__(services, parent)
        self.rules = None
        self.staff: list = []
        self.dialog = None
        self._build()
        self._shortcuts()

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        layout.addWidget(self.splitter)

        filters = QWidget()
        filters.setObjectName("inboxFilters")
        form = QFormLayout(filters)
        self.search = QLineEdit()
        self.search.setObjectName("inboxSearch")
        self.search.setPlaceholderText(self.tr("Search (accents optional)"))
        self.search.setClearButtonEnabled(True)
        form.addRow(self.search)
        self.status = self._combo(
            [(self.tr("Open"), ("new", "in_progress", "waiting")), (self.tr("All"), ())]
            + [(inbox_triage.status_label(s), (s,)) for s in MESSAGE_STATUSES]
        )
        form.addRow(self.tr("Status"), self.status)
        self.network = self._combo([(self.tr("All"), ())] + [(n, (n,)) for n in NETWORKS])
        form.addRow(self.tr("Network"), self.network)
        self.category_filter = self._combo(
            [(self.tr("All"), ())]
            + [(inbox_triage.category_label(c), (c,)) for c in MESSAGE_CATEGORIES]
        )
        form.addRow(self.tr("Category"), self.category_filter)
        self.assignee = self._combo([(self.tr("Anyone"), None)])
        form.addRow(self.tr("Assignee"), self.assignee)
        self.overdue = QCheckBox(self.tr("Overdue only"))
        self.unassigned = QCheckBox(self.tr("Unassigned only"))
        form.addRow(self.overdue)
        form.addRow(self.unassigned)
        self.import_btn = QPushButton(self.tr("Import CSV…"))
        self.export_btn = QPushButton(self.tr("Escalation log…"))
        form.addRow(self.import_btn)
        form.addRow(self.export_btn)
        self.splitter.addWidget(filters)

        middle = QWidget()
        mid = QVBoxLayout(middle)
        mid.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setObjectName("inboxCrisis")
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "#inboxCrisis{background:#fef3f2;color:#b42318;border:1px solid #fecdca;"
            "border-radius:6px;padding:8px;font-weight:600;}"
        )
        self.banner.hide()
        mid.addWidget(self.banner)
        self.model = InboxListModel(self)
        self.table = QTableView()
        self.table.setObjectName("inboxList")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        for col, width in enumerate((58, 78, 68, 116, 0, 82, 84, 96)):
            if width:
                self.table.setColumnWidth(col, width)
        self.table.setColumnHidden(COL_ASSIGNEE, True)  # shown in the conversation; filterable
        mid.addWidget(self.table)
        self.count_label = QLabel()
        self.count_label.setObjectName("hint")
        mid.addWidget(self.count_label)
        self.splitter.addWidget(middle)

        self.conv = ConversationPanel()
        self.conv.category.addItems([inbox_triage.category_label(c) for c in MESSAGE_CATEGORIES])
        self.splitter.addWidget(self.conv)
        filters.setMaximumWidth(230)
        self.splitter.setSizes([170, 760, 380])
        self.splitter.setStretchFactor(1, 1)

        for combo in (self.status, self.network, self.category_filter, self.assignee):
            combo.currentIndexChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.unassigned.toggled.connect(self.refresh)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._search_timer.start)
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
        self.conv.reply.textChanged.connect(self._check_style)
        self.conv.saved.activated.connect(self._use_saved)
        self.import_btn.clicked.connect(self.import_file)
        self.export_btn.clicked.connect(self.export_log)

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
    def set_client(self, client) -> None:
        super().set_client(client)
        if client is None:
            self.model.reset_source(None)
            self.conv.show_detail(None, "Europe/Paris")
            return
        db = self.services.db
        with db.read() as s:
            self.rules = rules_in_force(s, client.id)
            self.staff = clients.list_staff(s)
            self.contacts = clients.list_contacts(s, client.id)
            saved = inbox_replies.saved_replies(s, client.id)
        self.assignee.blockSignals(True)
        self.assignee.clear()
        self.assignee.addItem(self.tr("Anyone"), None)
        for st in self.staff:
            self.assignee.addItem(st.name, st.id)
        self.assignee.blockSignals(False)
        self.conv.saved.clear()
        self.conv.saved.addItem(self.tr("Saved replies…"), None)
        for r in saved:
            self.conv.saved.addItem(r.title, r.body)
        self.model.watch_words = self.rules.watch_words
        self.conv.highlighter.set_words(self.rules.watch_words)
        self.refresh()

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
        )

    def refresh(self, keep_id: int | None = None) -> None:
        if self.client is None:
            return
        keep_id = keep_id if isinstance(keep_id, int) and keep_id is not True else None
        client_id, filt, db = self.client.id, self.current_filter(), self.services.db

        def fetch(cursor):
            with db.read() as s:
                return inbox.page(s, client_id, filt, cursor, PAGE)

        self.model.reset_source(fetch, self.client.timezone)
        with db.read() as s:
            total = inbox.count(s, client_id, filt) if not filt.search else None
            crisis = inbox_crisis.crisis_for(s, client_id)
            late = escalation.overdue(s, client_id)
        self.count_label.setText(
            self.tr("{n} messages").format(n=total) if total is not None else ""
        )
        self._show_banner(crisis, late)
        row = self.model.row_of(keep_id) if keep_id else 0
        if self.model.rowCount():
            self.select_row(max(row, 0))
        else:
            self.conv.show_detail(None, self.client.timezone)

    def _show_banner(self, crisis, late) -> None:
        lines = []
        if crisis.alert:
            lines.append(
                self.tr(
                    "Crisis alert: {n} complaints or negative messages in the last {h} hours "
                    "(usually {usual}). Warn the client's crisis contacts."
                ).format(n=crisis.recent, h=crisis.window_hours, usual=crisis.usual)
            )
        if late:
            lines.append(
                self.tr("{n} escalation(s) overdue: remind {names}.").format(
                    n=len(late), names=", ".join(sorted({e.contact_name for e in late}))
                )
            )
        self.banner.setText("\n".join(lines))
        self.banner.setVisible(bool(lines))

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def move(self, step: int) -> None:
        row = self.table.currentIndex().row() + step
        if row >= self.model.rowCount() and self.model.canFetchMore():
            self.model.fetchMore()
        if 0 <= row < self.model.rowCount():
            self.select_row(row)

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentIndex().isValid():
            rows = {self.table.currentIndex().row()}
        return [self.model.row_id(r) for r in sorted(rows)]

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def _current_changed(self, current, _previous) -> None:
        self.show_message(current.data(IdRole) if current.isValid() else None)

    def show_message(self, message_id: int | None) -> None:
        if message_id is None or self.client is None:
            self.conv.show_detail(None, "Europe/Paris")
            return
        with self.services.db.read() as s:
            d = inbox.detail(s, self.client.id, message_id)
            escs = escalation.for_message(s, self.client.id, message_id)
        self.conv.show_detail(d, self.client.timezone)
        self.conv.category.setCurrentIndex(MESSAGE_CATEGORIES.index(d.category))
        self.conv.escalations.setPlainText(
            "\n\n".join(
                self.tr("{who} asked {contact} by {channel}; due {due}. {answer}").format(
                    who=e.asked_by,
                    contact=e.contact_name,
                    channel=e.channel,
                    due=e.due_at.strftime("%d/%m %H:%M UTC"),
                    answer=(
                        self.tr("Answer: {a}").format(a=e.answer)
                        if e.answered_at
                        else self.tr("No answer yet.")
                    ),
                )
                for e in escs
            )
        )
        self.conv.answer_add.setEnabled(any(e.answered_at is None for e in escs))
        self._check_style()

    # -- actions --------------------------------------------------------------------------
    def _write(self, fn, keep: int | None = None) -> bool:
        """Run a service write in one transaction; report errors; refresh the list."""
        try:
            with self.services.db.session() as s:
                fn(s)
        except Exception as exc:
            show_error(self, exc)
            return False
        self.refresh(keep if keep is not None else self.current_id())
        self.counts_changed.emit()
        return True

    def assign_to_me(self) -> None:
        me = next((st for st in self.staff if st.name == current_actor()), None)
        if me is None:
            menu = QMenu(self)
            for st in self.staff:
                menu.addAction(st.name, lambda sid=st.id: self.assign(sid))
            menu.popup(self.conv.assign_me.mapToGlobal(self.conv.assign_me.rect().bottomLeft()))
            self.assign_menu = menu
            return
        self.assign(me.id)

    def assign(self, staff_id: int | None) -> None:
        ids, cid = self.selected_ids(), self.client.id
        if ids:
            self._write(lambda s: inbox_triage.assign(s, cid, ids, staff_id))

    def categorise(self, category: str) -> None:
        ids, cid = self.selected_ids(), self.client.id
        if ids:
            self._write(lambda s: inbox_triage.set_category(s, cid, ids, category))

    def change_status(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids or self.client is None:
            return
        complaint = self.conv.detail is not None and self.conv.detail.category == "complaint"
        dialog = StatusDialog(status, len(ids), complaint, self)
        cid = self.client.id

        def done():
            reason, resolution = dialog.reason.text(), dialog.resolution.toPlainText()
            self._write(lambda s: inbox_triage.set_status(s, cid, ids, status, reason, resolution))

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def add_note(self) -> None:
        mid, text = self.current_id(), self.conv.note_edit.text()
        if mid is not None and self._write(
            lambda s: inbox_triage.add_note(s, self.client.id, mid, text)
        ):
            self.conv.note_edit.clear()

    def send_reply(self) -> None:
        mid, text = self.current_id(), self.conv.reply.toPlainText()
        private = self.conv.private.isChecked()
        if mid is None:
            return
        if self._write(
            lambda s: inbox_replies.create_reply(s, self.client.id, mid, text, private=private)
        ):
            self.conv.reply.clear()
            self.status_message.emit(self.tr("Reply queued for sending."))

    def _check_style(self) -> None:
        d, text = self.conv.detail, self.conv.reply.toPlainText()
        if d is None or self.rules is None or not text.strip():
            self.conv.warnings.setText("")
            self.conv.counter.setText("")
            return
        warnings = inbox_replies.style_warnings(text, self.rules.style, d.network, d.category)
        self.conv.warnings.setText("\n".join("⚠ " + w.message for w in warnings))
        limit = inbox_replies.NETWORK_LIMITS.get(d.network)
        self.conv.counter.setText(f"{len(text)} / {limit}" if limit else str(len(text)))

    def _use_saved(self, index: int) -> None:
        body, mid = self.conv.saved.itemData(index), self.current_id()
        if body and mid is not None:
            with self.services.db.read() as s:
                values = inbox_replies.placeholders_for(s, self.client.id, mid)
            self.conv.reply.setPlainText(inbox_replies.render_template(body, values))
        self.conv.saved.setCurrentIndex(0)

    def escalate(self) -> None:
        mid = self.current_id()
        if mid is None:
            return
        cid = self.client.id
        with self.services.db.read() as s:
            suggestion = escalation.suggest(s, cid, mid)
        dialog = EscalateDialog(self.contacts, suggestion, self)

        def done():
            choice = dialog.choice()
            result = {}

            def work(s):
                result["info"] = escalation.escalate(s, cid, mid, **choice)

            if not self._write(work, mid):
                return
            info = result["info"]
            if info.channel == "mailto":
                QDesktopServices.openUrl(QUrl(escalation.mailto_url(info)))
            else:
                path, _ = QFileDialog.getSaveFileName(
                    self, self.tr("Save the e-mail"), f"escalation-{info.id}.eml", "E-mail (*.eml)"
                )
                if path:
                    escalation.write_eml(info, Path(path))

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    def record_answer(self) -> None:
        mid, text = self.current_id(), self.conv.answer_edit.text()
        if mid is None:
            return
        cid = self.client.id

        def work(s):
            pending = [e for e in escalation.for_message(s, cid, mid) if e.answered_at is None]
            if pending:
                escalation.record_answer(s, cid, pending[-1].id, text)

        if self._write(work, mid):
            self.conv.answer_edit.clear()

    def moderate(self) -> None:
        mid = self.current_id()
        if mid is None or self.rules is None:
            return
        dialog = ModerateDialog(self.rules.moderation, self)
        cid = self.client.id

        def done():
            rule, action = dialog.rule.currentData(), dialog.action.currentData()
            note = dialog.note.text()
            self._write(
                lambda s: moderation.request(s, cid, mid, action, rule.key if rule else "", note)
            )

        dialog.accepted.connect(done)
        self.dialog = dialog
        dialog.open()

    # -- import / export through the TaskRunner ---------------------------------------------
    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _ = QFileDialog.getOpenFileName(
                self, self.tr("Import messages"), "", "CSV (*.csv)"
            )
        if not path:
            return
        db, cid = self.services.db, self.client.id
        progress = QProgressDialog(self.tr("Importing messages…"), self.tr("Cancel"), 0, 0, self)
        progress.setObjectName("inboxImportProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.show()

        def on_progress(done, total, _label):
            progress.setMaximum(total)
            progress.setValue(done)

        def finished(report):
            progress.close()
            self.last_import = report
            lines = [
                self.tr("{a} added, {d} duplicates, {e} rejected").format(
                    a=report.added, d=report.duplicates, e=len(report.errors)
                )
            ]
            lines += [
                self.tr("line {l}: {r}").format(l=e.line, r=e.reason) for e in report.errors[:20]
            ]
            self.status_message.emit(lines[0])
            self.import_summary = "\n".join(lines)
            self.refresh()
            self.counts_changed.emit()

        def failed(exc):
            progress.close()
            show_error(self, exc)

        token = self.services.tasks.run(
            lambda report, tok: import_csv(db, cid, Path(path), report, tok),
            finished,
            failed,
            on_progress=on_progress,
        )
        progress.canceled.connect(token.cancel)

    def export_log(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the escalation log"),
            "escalations.pdf",
            "PDF (*.pdf);;CSV (*.csv)",
        )
        if not path:
            return
        db, cid = self.services.db, self.client.id
        fn = (
            escalation_export.export_csv
            if path.lower().endswith(".csv")
            else escalation_export.export_pdf
        )

        def work():
            with db.read() as s:
                return fn(s, cid, Path(path))

        self.services.tasks.run(
            work,
            lambda n: self.status_message.emit(self.tr("{n} escalations exported.").format(n=n)),
            lambda exc: show_error(self, exc),
        )
