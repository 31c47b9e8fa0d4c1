"""The keyboard-shortcut reference (Help › Keyboard shortcuts, F1 or Ctrl+/).

Every menu action with a key is read from the window itself, so the list never drifts from
the menus; the keys the areas handle themselves (the inbox's single letters, the calendar's
undo) are listed from :func:`area_shortcuts`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from ui.design import set_text_style, style_button_box


def area_shortcuts() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section, [(keys, what)]) the areas handle themselves."""
    return [
        (
            QCoreApplication.translate("Shortcuts", "Inbox"),
            [
                ("J", QCoreApplication.translate("Shortcuts", "Next message")),
                ("K", QCoreApplication.translate("Shortcuts", "Previous message")),
                ("R", QCoreApplication.translate("Shortcuts", "Reply")),
                ("Ctrl+Return", QCoreApplication.translate("Shortcuts", "Send the reply")),
                ("A", QCoreApplication.translate("Shortcuts", "Assign to me")),
                ("C", QCoreApplication.translate("Shortcuts", "Choose a category")),
                ("E", QCoreApplication.translate("Shortcuts", "Escalate")),
                ("M", QCoreApplication.translate("Shortcuts", "Moderate")),
                ("X", QCoreApplication.translate("Shortcuts", "Close the message")),
                ("I", QCoreApplication.translate("Shortcuts", "Ignore the message")),
                ("Ctrl+F", QCoreApplication.translate("Shortcuts", "Search the inbox")),
            ],
        ),
        (
            QCoreApplication.translate("Shortcuts", "Calendar and charter"),
            [
                (
                    QKeySequence(QKeySequence.StandardKey.Undo).toString(),
                    QCoreApplication.translate("Shortcuts", "Undo"),
                ),
                (
                    QKeySequence(QKeySequence.StandardKey.Redo).toString(),
                    QCoreApplication.translate("Shortcuts", "Redo"),
                ),
            ],
        ),
        (
            QCoreApplication.translate("Shortcuts", "Clients"),
            [
                (
                    "Ctrl+1 … Ctrl+9",
                    QCoreApplication.translate(
                        "Shortcuts", "Show the first nine clients of the sidebar"
                    ),
                )
            ],
        ),
    ]


def native(keys: str) -> str:
    """ "Ctrl+Shift+R" as the platform writes it (⌘⇧R on macOS), "…" ranges kept."""
    parts = keys.split(" … ")
    return " … ".join(
        QKeySequence(p).toString(QKeySequence.SequenceFormat.NativeText) or p for p in parts
    )


def shown_keys(sequences) -> list[str]:
    """The keys a person types, two at most: not the dedicated "Copy" or "Help" keys some
    keyboards have, which the platform adds to the standard bindings."""
    shown = []
    for sequence in sequences:
        portable = sequence.toString(QKeySequence.SequenceFormat.PortableText)
        if "+" not in portable and not (len(portable) == 1 or portable[:1] == "F"):
            continue  # a named key (Copy, Cut, Help…)
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in shown:
            shown.append(text)
    return shown[:2]


def menu_shortcuts(window) -> list[tuple[str, list[tuple[str, str]]]]:
    """(menu title, [(keys, action text)]) for every menu action that has keys."""
    sections = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is None:
            continue
        rows = []
        for act in menu.actions():
            text = act.text().split("\t")[0].replace("&&", "\0").replace("&", "")
            text = text.replace("\0", "&").rstrip("…").strip()
            keys = shown_keys(act.shortcuts())
            if not keys and isinstance(act.data(), str) and act.data():
                keys = [native(act.data())]  # shown in the menu, handled by the editors
            if keys and text:
                rows.append((", ".join(keys), text))
        if rows:
            title = menu_action.text().replace("&", "")
            sections.append((title, rows))
    return sections


class ShortcutsDialog(QDialog):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setObjectName("shortcutsDialog")
        layout = QVBoxLayout(self)
        heading = QLabel(self.tr("Keyboard shortcuts"))
        set_text_style(heading, "heading")
        layout.addWidget(heading)
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.tree.setRootIsDecorated(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        sections = menu_shortcuts(window)
        sections += [(title, [(native(k), t) for k, t in rows]) for title, rows in area_shortcuts()]
        for title, rows in sections:
            head = QTreeWidgetItem([title, ""])
            font = head.font(0)
            font.setBold(True)
            head.setFont(0, font)
            head.setFirstColumnSpanned(True)
            self.tree.addTopLevelItem(head)
            for keys, text in rows:
                self.tree.addTopLevelItem(QTreeWidgetItem([keys, text]))
        self.sections = sections
        layout.addWidget(self.tree, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        style_button_box(buttons)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def texts(self) -> list[tuple[str, str]]:
        """Every (keys, action) row shown (tests)."""
        return [row for _title, rows in self.sections for row in rows]
