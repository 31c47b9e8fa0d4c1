"""Rich text of a charter section: headings, bold, italics, lists and links."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextListFormat
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ui import icons


class RichTextEditor(QWidget):
    """A QTextEdit with a small format toolbar. The document is given by the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.toolbar = QWidget()
        bar = QHBoxLayout(self.toolbar)
        bar.setContentsMargins(0, 0, 0, 0)
        self.block_style = QComboBox()
        self.block_style.setObjectName("blockStyle")
        self.block_style.addItem(self.tr("Paragraph"), 0)
        self.block_style.addItem(self.tr("Heading"), 3)
        self.block_style.activated.connect(self._apply_block_style)
        bar.addWidget(self.block_style)
        self.bold = self._button(
            "B", self.tr("Bold (Ctrl+B)"), self._toggle_bold, "boldButton", "text-bold"
        )
        font = self.bold.font()
        font.setBold(True)
        self.bold.setFont(font)
        self.italic = self._button(
            "I", self.tr("Italic (Ctrl+I)"), self._toggle_italic, "italicButton", "text-italic"
        )
        font = self.italic.font()
        font.setItalic(True)
        self.italic.setFont(font)
        self._button(
            "•",
            self.tr("Bulleted list"),
            lambda: self._list(QTextListFormat.Style.ListDisc),
            "bulletButton",
            "list-bullets",
        )
        self._button(
            "1.",
            self.tr("Numbered list"),
            lambda: self._list(QTextListFormat.Style.ListDecimal),
            "numberButton",
            "list-numbers",
        )
        self._button(self.tr("Link"), self.tr("Insert a link"), self._link, "linkButton", "link")
        bar.addStretch(1)
        layout.addWidget(self.toolbar)
        self.edit = QTextEdit()
        self.edit.setObjectName("richText")
        self.edit.setAcceptRichText(False)  # pasted HTML from the web arrives as plain text
        self.edit.setTabChangesFocus(True)
        layout.addWidget(self.edit, 1)
        self.edit.currentCharFormatChanged.connect(self._sync_buttons)
        self._bar_buttons = [self.bold, self.italic]

    def _button(self, text: str, tip: str, slot, name: str, icon: str) -> QToolButton:
        """An icon-only tool button; ``text`` stays its accessible name."""
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(tip)
        icons.set_icon(button, icon)
        button.setToolTip(tip)
        button.setObjectName(name)
        button.setCheckable(name in ("boldButton", "italicButton"))
        button.clicked.connect(slot)
        self.toolbar.layout().addWidget(button)
        return button

    def _merge(self, fmt: QTextCharFormat) -> None:
        cursor = self.edit.textCursor()
        if not cursor.hasSelection():
            cursor.select(QTextCursor.SelectionType.WordUnderCursor)
        cursor.mergeCharFormat(fmt)
        self.edit.mergeCurrentCharFormat(fmt)

    def _toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontWeight(QFont.Weight.Bold if self.bold.isChecked() else QFont.Weight.Normal)
        self._merge(fmt)

    def _toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(self.italic.isChecked())
        self._merge(fmt)

    def _list(self, style) -> None:
        cursor = self.edit.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            block_fmt = cursor.blockFormat()
            current.remove(cursor.block())
            block_fmt.setIndent(0)
            cursor.setBlockFormat(block_fmt)
        else:
            fmt = QTextListFormat()
            fmt.setStyle(style)
            cursor.createList(fmt)
        cursor.endEditBlock()

    def _apply_block_style(self, _index: int) -> None:
        level = int(self.block_style.currentData())
        cursor = self.edit.textCursor()
        cursor.beginEditBlock()
        block_fmt = cursor.blockFormat()
        block_fmt.setHeadingLevel(level)
        cursor.setBlockFormat(block_fmt)
        cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.DemiBold if level else QFont.Weight.Normal)
        char.setProperty(QTextCharFormat.Property.FontSizeAdjustment, 1 if level else 0)
        cursor.mergeCharFormat(char)
        cursor.endEditBlock()

    def _link(self) -> None:
        url, ok = QInputDialog.getText(self, self.tr("Link"), self.tr("Address (https://…)"))
        if not ok or not url.strip():
            return
        cursor = self.edit.textCursor()
        fmt = QTextCharFormat()
        fmt.setAnchor(True)
        fmt.setAnchorHref(url.strip())
        fmt.setFontUnderline(True)
        if not cursor.hasSelection():
            cursor.insertText(url.strip(), fmt)
        else:
            cursor.mergeCharFormat(fmt)

    def _sync_buttons(self, fmt: QTextCharFormat) -> None:
        self.bold.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold)
        self.italic.setChecked(fmt.fontItalic())
        heading = self.edit.textCursor().blockFormat().headingLevel()
        self.block_style.setCurrentIndex(1 if heading else 0)

    def set_read_only(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.toolbar.setVisible(not read_only)
