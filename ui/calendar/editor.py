"""The post editor: common fields, one tab per network with its live counter, media and
preview, autosave of drafts, and warnings shown before scheduling, not after."""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
)

from app.db import Database
from app.errors import TribuneError
from app.models.posts import POST_STATUSES
from app.services.calendar import media as posts_media
from app.services.calendar import posts
from app.services.calendar.counters import PUBLISHABLE_NETWORKS, network_label
from app.services.calendar.media_alt import AltText
from app.services.calendar.slots import next_best_slot
from ui.calendar.editor_address import attach_address, recheck_media
from ui.calendar.editor_alt import EditorAlt
from ui.calendar.editor_data import EditorData, read_editor_data
from ui.calendar.editor_fields import FieldHistory
from ui.calendar.editor_rights import guard_editor, guard_tab
from ui.calendar.editor_saving import EditorSaving
from ui.calendar.undo import new_session_key
from ui.calendar.variant_tab import VariantTab
from ui.design import set_role, set_tone, style_button_box
from ui.formatting import datetime_text, edit_format, ui_locale
from ui.messages import show_error
from ui.operations import WriteOp

AUTOSAVE_MS = 2000
__all__ = ["AUTOSAVE_MS", "EditorData", "PostEditor", "read_editor_data"]


class PostEditor(EditorSaving, QDialog):
    """Create or edit one post. ``saved(int)`` carries the post id after every save.

    Signals:
        saved(int): the post was written (by the Save button or autosave).
    """

    saved = Signal(int)

    def __init__(
        self,
        db: Database,
        client_id: int,
        zone: ZoneInfo,
        *,
        tasks,
        data: EditorData,
        post_id: int | None = None,
        when: dt.datetime | None = None,
        networks: tuple[str, ...] = (),
        mastodon_limit: int | None = None,
        best_slots: tuple[tuple[int, int], ...] = (),
        undo_stack=None,
        parent=None,
    ) -> None:
        """``data`` is what :func:`read_editor_data` read (on a worker) for ``post_id``;
        ``tasks`` (a :class:`ui.tasks.TaskRunner`) runs the autosave off the GUI thread."""
        super().__init__(parent)
        self.setObjectName("postEditor")
        self.db, self.client_id, self.zone = db, client_id, zone
        self.post_id, self.version = post_id, None
        self.history: QPlainTextEdit | None = None
        self.read_only = False
        self.proposed: dt.datetime | None = None
        self.mastodon_limit = mastodon_limit
        self.best_slots = tuple(best_slots)
        self.undo_stack = undo_stack  # the calendar area's: each save becomes undoable
        self.tasks = tasks
        self._before = None  # the post as it was when the editor opened (None: new post)
        self.base = None  # the post as last read or saved here: what a save compares to
        self._force: set[str] = set()  # clashes this person chose to keep mine over
        self.session_key = new_session_key()
        self.alt = EditorAlt(self)  # the pictures' descriptions (alt text)
        self.setWindowTitle(self.tr("New post") if post_id is None else self.tr("Edit post"))
        self.resize(760, 640)
        self._loading = True
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.when = QDateTimeEdit()
        self.when.setObjectName("whenEdit")
        self.when.setCalendarPopup(True)
        self.when.setLocale(ui_locale())  # day and month names in the interface's language
        self.when.setDisplayFormat(edit_format())
        self.all_day = QCheckBox(self.tr("All day"))
        when_row = QHBoxLayout()
        when_row.addWidget(self.when, 1)
        when_row.addWidget(self.all_day)
        self.best_button = QPushButton()
        self.best_button.setObjectName("bestSlotButton")
        self.best_button.setToolTip(
            self.tr("The client's best time to post, from the engagement of past posts")
        )
        set_role(self.best_button, "quiet")
        self.best_button.clicked.connect(self.use_best_slot)
        self.best_button.hide()
        when_row.addWidget(self.best_button)
        form.addRow(self.tr("Planned"), when_row)
        self.title = QLineEdit()
        self.title.setObjectName("titleEdit")
        form.addRow(self.tr("Title"), self.title)
        self.category = QComboBox()
        self.category.setEditable(True)
        self.category.setObjectName("categoryEdit")
        self.campaign = QLineEdit()
        cat_row = QHBoxLayout()
        cat_row.addWidget(self.category, 1)
        cat_row.addWidget(QLabel(self.tr("Campaign")))
        cat_row.addWidget(self.campaign, 1)
        form.addRow(self.tr("Category"), cat_row)
        self.status = QComboBox()
        self.status.setObjectName("statusCombo")
        for status in POST_STATUSES:
            self.status.addItem(posts.status_label(status), status)
        form.addRow(self.tr("Status"), self.status)
        net_row = QHBoxLayout()
        self.network_boxes: dict[str, QCheckBox] = {}
        for network in PUBLISHABLE_NETWORKS:
            box = QCheckBox(network_label(network))
            box.setObjectName(f"net_{network}")
            box.toggled.connect(self._sync_tabs)
            self.network_boxes[network] = box
            net_row.addWidget(box)
        net_row.addStretch(1)
        form.addRow(self.tr("Networks"), net_row)
        layout.addLayout(form)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("variantTabs")
        layout.addWidget(self.tabs, 1)
        self.variant_tabs: dict[str, VariantTab] = {}
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Internal notes (never published)"))
        self.notes.setMaximumHeight(60)
        layout.addWidget(self.notes)
        self.warnings = QLabel()
        self.warnings.setObjectName("editorWarnings")
        self.warnings.setTextFormat(Qt.TextFormat.PlainText)
        self.warnings.setWordWrap(True)
        layout.addWidget(self.warnings)
        bottom = QHBoxLayout()
        self.autosave_label = QLabel()
        self.autosave_label.setObjectName("hint")
        bottom.addWidget(self.autosave_label, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        style_button_box(self.buttons)  # Save primary with its icon, Cancel secondary
        self.buttons.accepted.connect(self._save_and_close)
        self.buttons.rejected.connect(self.reject)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave_in_background)
        for signal in (
            self.title.textChanged,
            self.campaign.textChanged,
            self.notes.textChanged,
            self.when.dateTimeChanged,
            self.status.currentIndexChanged,
            self.all_day.toggled,
            self.category.currentTextChanged,
        ):
            signal.connect(self._changed)
        self._load(when, networks, data)
        self._loading = False
        self.fields = FieldHistory(self)
        self._update_warnings()
        guard_editor(self)  # a person who may not write posts reads it, says why

    # -- loading ---------------------------------------------------------------------------
    def _load(self, when: dt.datetime | None, networks: tuple[str, ...], data: EditorData) -> None:
        info = data.info
        self.category.addItems(data.categories)
        if info is None:
            now = dt.datetime.now(self.zone).replace(tzinfo=None, second=0, microsecond=0)
            local = when or next_best_slot(self.best_slots, now) or now + dt.timedelta(hours=1)
            self._set_when(local)
            self._propose_best_slot(local)
            self.status.setCurrentIndex(self.status.findData("draft"))
            self.category.setCurrentText("")
            for network in networks or ("facebook",):
                self.network_boxes[network].setChecked(True)
            return
        self.version, self._before, self.base = info.version, info, info
        self._set_when(info.planned_at.astimezone(self.zone).replace(tzinfo=None))
        self.all_day.setChecked(info.all_day)
        self.title.setText(info.title)
        self.category.setCurrentText(info.category)
        self.campaign.setText(info.campaign)
        self.notes.setPlainText(info.notes)
        self.status.setCurrentIndex(self.status.findData(info.status))
        for v in info.variants:
            self.network_boxes[v.network].setChecked(True)
            tab = self.variant_tabs[v.network]
            tab.text.setPlainText(v.text)
            tab.link.setText(v.link)
            tab.first_comment.setText(v.first_comment)
            for media_id, filename in data.media.get(v.network, ()):
                tab.media_ids.append(media_id)
                tab.show_media(media_id, filename, data.addresses.get(media_id, ""))
            tab.media_problems = list(data.media_problems.get(v.network, ()))
        self.alt.load(data.alt, data.videos)
        if info.status_reason:
            self.autosave_label.setText(info.status_reason)
        self._add_history_tab(data.history)
        if any(v.publish_state in ("sending", "published") for v in info.variants):
            self._read_only()

    def _read_only(self) -> None:
        """A published post is history: shown, not edited."""
        for widget in (self.when, self.all_day, self.status, *self.network_boxes.values()):
            widget.setEnabled(False)
        for tab in self.variant_tabs.values():
            tab.text.setReadOnly(True)
            tab.link.setReadOnly(True)
            tab.first_comment.setReadOnly(True)
            tab.describe_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(False)
        self.autosave_label.setText(self.tr("Published: shown as it went out, read only."))
        self.read_only = True

    def _add_history_tab(self, events) -> None:
        """Who changed what and when (read-only, plain text)."""
        lines = []
        for e in events:
            when = datetime_text(e.at, self.zone)
            detail = ", ".join(f"{k}: {v}" for k, v in e.details.items() if v not in ("", None))
            lines.append(f"{when}  {e.actor}  {e.action}" + (f"  ({detail})" if detail else ""))
        self.history = QPlainTextEdit("\n".join(lines))
        self.history.setObjectName("historyText")
        self.history.setReadOnly(True)
        self.tabs.addTab(self.history, self.tr("History"))

    def _propose_best_slot(self, local: dt.datetime) -> None:
        """Offer the first best slot from the chosen day on (a hint, one click to take)."""
        start = dt.datetime.combine(local.date(), dt.time(0)) - dt.timedelta(minutes=1)
        self.proposed = next_best_slot(self.best_slots, start)
        if self.proposed is None:
            return
        from ui.calendar.painting import view_locale

        locale = view_locale()
        text = locale.toString(
            QDateTime(self.proposed.date(), self.proposed.time()), "ddd d MMM HH:mm"
        )
        self.best_button.setText(self.tr("★ Best time: {when}").format(when=text))
        self.best_button.setVisible(self.proposed != local)

    def use_best_slot(self) -> None:
        if self.proposed is not None:
            self._set_when(self.proposed)
            self.best_button.hide()

    def _set_when(self, local: dt.datetime) -> None:
        self.when.setDateTime(QDateTime(local.date(), local.time()))

    def _sync_tabs(self) -> None:
        for network, box in self.network_boxes.items():
            if box.isChecked() and network not in self.variant_tabs:
                tab = VariantTab(network, self.mastodon_limit)
                tab.attach_media = self._attach_media
                tab.attach_address = functools.partial(attach_address, self)
                tab.recheck_media = functools.partial(recheck_media, self)
                tab.alt_of, tab.describe_media = self.alt.text, self.alt.describe
                tab.is_video = self.alt.is_video
                tab.media_pending.connect(self._media_pending)
                # a new network starts from the text already written elsewhere
                other = next(iter(self.variant_tabs.values()), None)
                if other is not None:
                    tab.text.setPlainText(other.text.toPlainText())
                    tab.link.setText(other.link.text())
                tab.changed.connect(self._changed)
                self.variant_tabs[network] = tab
                guard_tab(self, tab)
                self.tabs.insertTab(len(self.variant_tabs) - 1, tab, network_label(network))
            elif not box.isChecked() and network in self.variant_tabs:
                tab = self.variant_tabs.pop(network)
                self.tabs.removeTab(self.tabs.indexOf(tab))
                tab.deleteLater()
        self._changed()

    def _attach_media(self, path: str, network: str, current: list[int], done) -> None:
        """Store the file and check the network's media rules (a WriteOp); ``done(result)``."""
        cid = self.client_id

        def work(s):
            info = posts_media.store_media(s, cid, path)
            ids = list(dict.fromkeys([*current, info.id]))
            problems = posts_media.check_media(s, cid, network, ids)
            alt = AltText(info.id, info.alt_text, info.alt_version)
            return info.id, info.filename, problems, alt, info.mime.startswith("video/")

        def landed(result) -> None:  # its description, when another post gave it one
            if result is not None:
                self.alt.learn(result[0], result[3], video=result[4])
            done(result[:3])

        def failed(exc: BaseException) -> None:
            if isinstance(exc, TribuneError):
                self.warnings.setText(exc.message)
            else:
                show_error(self, exc)
            done(None)

        WriteOp(self, work, landed).failure(failed).run()

    def _media_pending(self) -> None:
        """While a file is copied in, Save would save the post without it: wait."""
        pending = any(tab.pending_media for tab in self.variant_tabs.values())
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setEnabled(not pending and not self.read_only)
        save.setToolTip(self.tr("Wait until the media are copied in.") if pending else "")

    # -- state -----------------------------------------------------------------------------
    def _changed(self) -> None:
        if self._loading or self.read_only:
            return
        self.fields.record()
        self._update_warnings()
        self._autosave.start()

    def problems(self) -> list[str]:
        out = []
        for tab in self.variant_tabs.values():
            out += tab.problems() + self.alt.problems(tab)
        if not self.variant_tabs:
            out.append(self.tr("Choose at least one network."))
        return out

    def _update_warnings(self) -> None:
        problems = self.problems()
        scheduling = self.status.currentData() == "scheduled"
        advice = self.alt.advice()  # pictures without a description: said, not blocking
        if problems:
            lead = (
                self.tr("Cannot be scheduled as it is:")
                if scheduling
                else self.tr("Before scheduling:")
            )
            self.warnings.setText(
                "\n".join(filter(None, (lead + " " + " · ".join(problems), advice)))
            )
            set_tone(self.warnings, "danger" if scheduling else "warning")
        else:
            self.warnings.setText(advice)
            set_tone(self.warnings, "warning")

    def current_limit(self) -> int | None:
        tab = self.variant_tabs.get("mastodon")
        return tab.mastodon_limit if tab is not None else self.mastodon_limit

    def planned_utc(self) -> dt.datetime:
        qdt = self.when.dateTime()
        day, time = qdt.date().toPython(), qdt.time().toPython()
        if self.all_day.isChecked():
            time = dt.time(0)
        return posts.local_to_utc(day, time, self.zone)

    def _push_undo(self, after) -> None:
        if self.undo_stack is not None:
            from ui.calendar.undo import push_edit

            push_edit(self.undo_stack, self, after, self.alt.steps)
        self.alt.steps = {}

    def _save_and_close(self) -> None:
        self.save_in_background(close=True)

    def reject(self) -> None:
        """Close; unsaved edits are saved as a draft on the way out (not waited for)."""
        if self._autosave.isActive() and not self.read_only:
            self.save_in_background(autosave=True)
        super().reject()
