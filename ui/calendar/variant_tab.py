"""One network's tab in the post editor: text with its live counter, link, first comment,
media and a plain-text preview."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.connectors import google_posts
from app.networks import network_label, takes_alt_text
from app.services.calendar import posts
from app.services.calendar.counters import count_text
from app.services.calendar.media_address import host
from app.services.sync.publish_comments import first_comment_note
from ui import icons
from ui.calendar.painting import network_colour
from ui.design import current, set_role

NAME_ROLE = Qt.ItemDataRole.UserRole + 1  # the file's name as attached
ADDRESS_ROLE = Qt.ItemDataRole.UserRole + 2  # its web address ("" for a file)


class VariantTab(QWidget):
    """One network's text, link, first comment, media, counter and preview.

    Signals:
        changed(): anything in the tab changed.
        media_pending(bool): a file is being copied into the media folder / all are in.
    """

    changed = Signal()
    media_pending = Signal(bool)

    def __init__(self, network: str, mastodon_limit: int | None, parent=None) -> None:
        super().__init__(parent)
        self.network = network
        self.mastodon_limit = mastodon_limit
        self.media_ids: list[int] = []
        self.media_problems: list[str] = []
        self.pending_media = 0
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit()
        self.text.setObjectName(f"text_{network}")
        self.text.setPlaceholderText(self.tr("What will this network show?"))
        self.counter = QLabel()
        self.counter.setObjectName(f"counter_{network}")
        self.counter.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.link = QLineEdit()
        self.link.setPlaceholderText("https://…")
        self.first_comment = QLineEdit()
        self.media = QListWidget()
        self.media.setMaximumHeight(150)  # as tall as its four buttons
        button = self._media_button
        add_media = self.add_media_button = button(
            self.tr("Add media…"), f"addMedia_{network}", "image", self._pick_media
        )
        # Google, Threads and Instagram fetch a picture from its public https address
        by_address = self.add_address_button = button(
            self.tr("Add by address…"),
            f"addAddress_{network}",
            "link",
            self._ask_address,
            self.tr("Attach an image or video published at a public https address"),
        )
        remove = self.remove_media_button = button(
            self.tr("Remove"),
            f"removeMedia_{network}",
            "delete",
            self.remove_selected_media,
            self.tr("Take the selected file or picture off this network's post"),
            enabled=False,
        )
        # a picture's description for screen readers (alt text), kept by the editor
        describe = self.describe_button = button(
            self.tr("Describe…"),
            f"describeMedia_{network}",
            "edit",
            self.describe_selected_media,
            self.tr("Describe the selected photo or video for people who cannot see it (alt text)"),
            enabled=False,
        )
        self.media.itemDoubleClicked.connect(lambda _item: self.describe_selected_media())
        self.media.currentItemChanged.connect(self._media_selected)
        self.preview = QLabel()
        self.preview.setObjectName(f"preview_{network}")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        colour = network_colour(network).name()
        tokens = current()  # the preview card in the scheme on screen
        self.preview.setStyleSheet(
            f"background: {tokens.surface}; color: {tokens.text}; border: 1px solid"
            f" {tokens.border}; border-left: 4px solid {colour}; border-radius: 6px; padding: 8px;"
        )
        layout.addWidget(self.text, 3)
        layout.addWidget(self.counter)
        form = QFormLayout()
        form.addRow(self.tr("Link"), self.link)
        form.addRow(self.tr("First comment"), self.first_comment)
        if note := first_comment_note(network):  # e.g. "No first comment on Pinterest"
            form.addRow("", QLabel(note))
        if network == "google":  # a "What's new" post, an offer or an event
            kind = QLabel(google_posts.kind_note())
            kind.setTextFormat(Qt.TextFormat.PlainText)
            kind.setWordWrap(True)
            form.addRow("", kind)
        media_row = QHBoxLayout()
        media_row.addWidget(self.media, 1)
        buttons = QVBoxLayout()
        buttons.addWidget(add_media)
        buttons.addWidget(by_address)
        buttons.addWidget(describe)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        media_row.addLayout(buttons)
        form.addRow(self.tr("Media"), media_row)
        self.limit_spin: QSpinBox | None = None
        if network == "mastodon":
            # Instances set their own limit (500 by default); remembered per instance.
            self.limit_spin = QSpinBox()
            self.limit_spin.setObjectName("mastodonLimit")
            self.limit_spin.setRange(100, 100000)
            self.limit_spin.setValue(mastodon_limit or 500)
            self.limit_spin.valueChanged.connect(self._set_limit)
            form.addRow(self.tr("Instance limit"), self.limit_spin)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Preview")))
        layout.addWidget(self.preview, 2)
        for w in (self.text,):
            w.textChanged.connect(self._refresh)
        self.link.textChanged.connect(self._refresh)
        self.first_comment.textChanged.connect(self.changed)
        # set by the editor: attach_media(path, network, ids, done) stores the file on a worker,
        # then done((id, name, problems)) — or done(None) when it was refused — on this thread
        self.attach_media = None
        # set by the editor: attach_address(address, network, ids, done) checks the address
        # on a worker and keeps it, then done((id, name, problems)) or done(None)
        self.attach_address = None
        # set by the editor: recheck_media(network, ids, done) reads the network's media rules
        # for what is left on a worker, then done(problems) on this thread
        self.recheck_media = None
        # set by the editor: alt_of(media_id) is a picture's description as the editor has
        # it; describe_media(media_id, name) opens the dialog that changes it
        self.alt_of = lambda _media_id: ""
        self.is_video = lambda _media_id: False  # the editor's (EditorAlt.is_video)
        self.describe_media = None
        self._refresh()

    def _media_button(
        self, text: str, name: str, icon: str, slot, tip: str = "", *, enabled: bool = True
    ) -> QPushButton:
        """One of the media list's buttons (secondary, with its icon)."""
        button = QPushButton(text)
        button.setObjectName(name)
        if tip:
            button.setToolTip(tip)
        set_role(button, "secondary")
        icons.set_icon(button, icon)
        button.setEnabled(enabled)
        button.clicked.connect(slot)
        return button

    def editable(self) -> tuple:
        """The widgets that change the variant (disabled for a person who may not write)."""
        found = (
            self.text,
            self.link,
            self.first_comment,
            self.add_media_button,
            self.add_address_button,
            self.remove_media_button,
            self.describe_button,
        )
        return found if self.limit_spin is None else (*found, self.limit_spin)

    def _set_limit(self, value: int) -> None:
        self.mastodon_limit = value
        self._refresh()

    def _pick_media(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach media"),
            "",
            self.tr("Images and videos (*.jpg *.jpeg *.png *.gif *.webp *.mp4 *.mov)"),
        )
        for path in paths:
            self.add_media_file(path)

    def _ask_address(self) -> None:
        address, ok = QInputDialog.getText(
            self,
            self.tr("Add by address"),
            self.tr("Public https address of the image or video:"),
        )
        if ok and address.strip():
            self.add_media_address(address.strip())

    def add_media_address(self, address: str) -> None:
        """Check the address on a worker; it shows as "checking…" in the list meanwhile."""
        if self.attach_address is None:
            return
        shown = host(address) or address[:60]
        item = self._pending_item(self.tr("{name} — checking…").format(name=shown))
        self.attach_address(
            address, self.network, list(self.media_ids), lambda result: self._attached(item, result)
        )

    def show_media(self, media_id: int, name: str, address: str = "") -> None:
        """One attached file, or picture by address, marked with its description."""
        item = QListWidgetItem(name)
        item.setData(Qt.ItemDataRole.UserRole, media_id)
        item.setData(NAME_ROLE, name)
        item.setData(ADDRESS_ROLE, address)
        self._mark(item)
        self.media.addItem(item)

    def media_name(self, media_id: int) -> str:
        for row in range(self.media.count()):
            item = self.media.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == media_id:
                return str(item.data(NAME_ROLE) or "")
        return ""

    def show_descriptions(self) -> None:
        """Mark every attached item again (a description changed). Not a change of the
        variant: nothing is emitted (the editor's save of it would start the autosave)."""
        for row in range(self.media.count()):
            item = self.media.item(row)
            if item.data(Qt.ItemDataRole.UserRole) is not None:
                self._mark(item)

    def _mark(self, item: QListWidgetItem) -> None:
        """The name, "no description" when there is none; the tooltip (escaped: untrusted
        text) says where the picture is and what its description says."""
        name, address = str(item.data(NAME_ROLE)), str(item.data(ADDRESS_ROLE) or "")
        media_id = item.data(Qt.ItemDataRole.UserRole)
        alt = self.alt_of(media_id)
        tips = [self.tr("At {host}").format(host=host(address))] if address else []
        if not takes_alt_text(self.network, self.is_video(media_id)):  # not sent, not asked for
            item.setText(name)
            why = (
                self.tr("{network} gets no description from Tribune.")  # Google
                if not takes_alt_text(self.network)
                else self.tr("{network} takes no description for a video: it goes out without.")
            )
            tips.append(why.format(network=network_label(self.network)))
            if alt:
                tips.append(self.tr("Description: {text}").format(text=alt))
        elif alt:
            item.setText(name)
            tips.append(self.tr("Description: {text}").format(text=alt))
        else:
            item.setText(self.tr("{name} — no description").format(name=name))
            tips.append(self.tr("No description yet: “Describe…” says what it shows."))
        item.setToolTip(html.escape("\n".join(tips)).replace("\n", "<br>"))

    def _media_selected(self, item: QListWidgetItem | None, _previous=None) -> None:
        attached = item is not None and item.data(Qt.ItemDataRole.UserRole) is not None
        # the editor disables the whole tab for a person who may not write posts
        writable = self.add_media_button.isEnabled() and not self.text.isReadOnly()
        self.remove_media_button.setEnabled(attached and writable)
        self.describe_button.setEnabled(attached and writable)

    def describe_selected_media(self) -> None:
        item = self.media.currentItem()
        media_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if media_id is None or self.describe_media is None:
            return
        if not self.describe_button.isEnabled():  # read only, or no right to write posts
            return
        self.describe_media(media_id, str(item.data(NAME_ROLE)))

    def remove_selected_media(self) -> None:
        """Take the selected file or picture off this network's post (the stored file stays:
        another post may use it); the network's media warnings are read again for the rest."""
        item = self.media.currentItem()
        media_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if media_id is None:
            return
        self.media.takeItem(self.media.row(item))
        if media_id in self.media_ids:
            self.media_ids.remove(media_id)
        self._media_selected(self.media.currentItem())
        if not self.media_ids:
            self.media_problems = []
        self._refresh()  # the post changed: the editor saves it
        if self.media_ids and self.recheck_media is not None:
            self.recheck_media(self.network, list(self.media_ids), self._rechecked)

    def _rechecked(self, problems: list[str]) -> None:
        if not shiboken6.isValid(self):
            return
        self.media_problems = list(problems)
        self._refresh()

    def _pending_item(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)  # not selectable until it is in
        item.setForeground(QColor(current().text_muted))
        font = item.font()
        font.setItalic(True)
        item.setFont(font)
        self.media.addItem(item)
        self.pending_media += 1
        self.media_pending.emit(True)
        return item

    def add_media_file(self, path: str) -> None:
        """Copy the file in on a worker (a video can weigh hundreds of MB); it shows as
        "copying…" in the list meanwhile."""
        if self.attach_media is None:
            return
        item = self._pending_item(self.tr("{name} — copying…").format(name=Path(path).name))
        self.attach_media(
            path, self.network, list(self.media_ids), lambda result: self._attached(item, result)
        )

    def _attached(self, item: QListWidgetItem, result) -> None:
        if not shiboken6.isValid(self):  # the network was unticked meanwhile
            return
        self.media.takeItem(self.media.row(item))
        self.pending_media -= 1
        self.media_pending.emit(self.pending_media > 0)
        if result is None:  # refused: the editor shows why
            return
        media_id, name, problems, *address = result
        if media_id not in self.media_ids:
            self.media_ids.append(media_id)
            self.show_media(media_id, name, address[0] if address else "")
        self.media_problems = problems
        self._refresh()

    def count(self) -> posts.VariantInput:
        return posts.VariantInput(
            self.network,
            self.text.toPlainText(),
            self.link.text().strip(),
            self.first_comment.text().strip(),
            tuple(self.media_ids),
        )

    def _refresh(self) -> None:
        text = self.text.toPlainText()
        c = count_text(self.network, text, mastodon_limit=self.mastodon_limit)
        extra = ""
        if c.hashtag_limit is not None:
            extra = self.tr(" · {count} / {limit} hashtags").format(
                count=c.hashtags, limit=c.hashtag_limit
            )
        self.counter.setText(self.tr("{used} / {limit}").format(used=c.used, limit=c.limit) + extra)
        tokens = current()
        self.counter.setStyleSheet(
            f"color: {tokens.danger}; font-weight: 600;"
            if c.over
            else f"color: {tokens.text_muted};"
        )
        shown = text + (f"\n\n{self.link.text().strip()}" if self.link.text().strip() else "")
        self.preview.setText(shown or self.tr("(empty)"))
        self.changed.emit()

    def problems(self) -> list[str]:
        c = count_text(self.network, self.text.toPlainText(), mastodon_limit=self.mastodon_limit)
        problems = c.problems() + list(self.media_problems)
        if self.network == "google":  # an offer or event line Google could not take
            text, link = self.text.toPlainText(), self.link.text().strip()
            problems += google_posts.problems(text, link, dt.date.today())
        return problems
