"""Every area and main dialog of the demo agency, in French: no ISO date, no lazy "(s)"
plural, no English string of the catalogues left untranslated on screen."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTabWidget,
)

from app.config import resources_dir
from app.i18n import install_translators

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
LAZY_PLURAL = re.compile(r"\w\(s\)")
DIALOGS = ("client", "settings", "shortcuts", "report", "post", "people")


def english_sources() -> set[str]:
    """English texts of the catalogues whose French differs (a name stays a name)."""
    found = set()
    for ts in (resources_dir() / "translations").glob("*_fr.ts"):
        for message in ET.parse(ts).iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            forms = [n.text or "" for n in translation.findall("numerusform")]
            french = forms or [translation.text or ""]
            plain = source.replace("&", "").strip()
            if plain and source not in french and len(plain) > 2 and "{" not in source:
                found.add(plain)
    return found


def visible_texts(root) -> list[tuple[str, str]]:
    """(where, text) of what a person reads in ``root``: labels, buttons, tabs, fields'
    placeholders, combo items, group titles, list headers and the first rows of lists."""
    texts: list[tuple[str, str]] = [("title", root.windowTitle())]
    for w in root.findChildren(QLabel):
        if w.isVisibleTo(root):
            texts.append((w.objectName() or "label", w.text()))
    for w in root.findChildren(QAbstractButton):
        if w.isVisibleTo(root):
            texts.append((w.objectName() or "button", w.text()))
    for w in root.findChildren(QTabBar):
        if w.isVisibleTo(root):
            texts += [("tab", w.tabText(i)) for i in range(w.count())]
    for w in root.findChildren(QTabWidget):
        texts += [("tab", w.tabText(i)) for i in range(w.count())]
    for w in root.findChildren(QLineEdit):
        if w.isVisibleTo(root):
            texts.append(("placeholder", w.placeholderText()))
    for w in root.findChildren(QComboBox):
        if w.isVisibleTo(root):
            texts += [("combo", w.itemText(i)) for i in range(min(w.count(), 30))]
    for w in root.findChildren(QGroupBox):
        texts.append(("group", w.title()))
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or not view.isVisibleTo(root):
            continue
        try:
            columns = model.columnCount()
        except TypeError:  # a list model: one column
            columns = 1
        for col in range(min(columns, 12)):
            texts.append(("header", str(model.headerData(col, Qt.Orientation.Horizontal) or "")))
            for row in range(min(model.rowCount(), 15)):
                value = model.index(row, col).data()
                if isinstance(value, str):
                    texts.append(("cell", value))
    return [(where, text) for where, text in texts if text]


def problems(texts, english: set[str]) -> list[str]:
    found = []
    for where, text in texts:
        plain = text.replace("&", "").strip()
        if ISO_DATE.search(text):
            found.append(f"ISO date in {where}: {text!r}")
        if LAZY_PLURAL.search(text):
            found.append(f"'(s)' plural in {where}: {text!r}")
        for line in plain.splitlines():
            if line.strip() in english:
                found.append(f"English in {where}: {line.strip()!r}")
    return found


@pytest.fixture
def french():
    install_translators("fr")
    yield
    install_translators("en")


@pytest.mark.slow
def test_every_area_and_dialog_speaks_french(qtbot, sqlite_db, ui_settings, french):
    from app.demo import build_demo
    from scripts.screenshots import _open_dialog
    from ui.main_window import MainWindow

    build_demo(sqlite_db)
    english = english_sources()
    assert "Sync now" in english and "Inbox" in english  # the catalogues were read
    ui_settings.language = "fr"
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.clients_loaded, timeout=20000):
        window.set_database(sqlite_db)
    qtbot.waitUntil(lambda: window.current_client is not None, timeout=10000)

    def settle(seconds: float = 1.0) -> None:
        qtbot.wait(int(seconds * 1000))
        window.tasks.wait(30000)
        qtbot.wait(50)

    found: dict[str, list[str]] = {}
    menus = [("menu", a.text()) for m in window.menuBar().actions() for a in m.menu().actions()]
    menus += [("menu", m.text()) for m in window.menuBar().actions()]
    found["menus"] = problems(menus, english)
    counts = {}
    for key in ("charter", "calendar", "inbox", "charts", "listening"):
        window.show_area(key)
        settle(1.5)
        texts = visible_texts(window)
        counts[key] = len(texts)
        found[key] = problems(texts, english)
        assert ("tab", "Messagerie") in texts and ("tab", "Statistiques") in texts
    for name in DIALOGS:
        before = set(window.findChildren(QDialog))
        dialog = _open_dialog(window, name, settle)
        assert dialog is not None and dialog not in before, name
        texts = visible_texts(dialog)
        counts[name] = len(texts)
        found[f"dialog {name}"] = problems(texts, english)
        dialog.close()
        settle(0.2)
    window.tasks.wait(10000)
    # the walk read each screen (a crowded inbox, a dialog with its fields), not blank frames
    assert min(counts.values()) >= 5 and counts["inbox"] > 60, counts
    assert {k: v for k, v in found.items() if v} == {}


def test_the_checks_catch_what_they_are_for():
    english = {"Sync now", "Inbox"}
    texts = [
        ("label", "Publié le 2026-12-06 19:00"),
        ("button", "Fermer 1 message(s)"),
        ("tab", "Inbox"),
        ("label", "Synchroniser maintenant"),
        ("label", "Messagerie · 5 déc. 2026"),
    ]
    assert problems(texts, english) == [
        "ISO date in label: 'Publié le 2026-12-06 19:00'",
        "'(s)' plural in button: 'Fermer 1 message(s)'",
        "English in tab: 'Inbox'",
    ]
