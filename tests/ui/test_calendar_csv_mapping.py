"""The column mapping dialog, driven like a user: a CSV from a tool Tribune does not know is
refused, the dialog lists its columns (guessed where it can), OK imports it and the mapping
is kept for the client; a file that names no network asks for them."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QMessageBox

from app.services.clients import workspaces as clients
from tests.conftest import REPO
from ui.calendar.csv_mapping_dialog import CsvMappingDialog

EXPORTS = REPO / "tests" / "data" / "exports"


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        info = clients.get_client(s, info.id)
    yield open_calendar(info, dt.date(2026, 3, 10))


def _dialog(area):
    found = [d for d in area.findChildren(CsvMappingDialog) if d.isVisible()]
    return found[0] if found else None


def test_unknown_layout_asks_for_the_columns_then_imports(qtbot, area, tmp_path):
    src = tmp_path / "autre.csv"
    shutil.copy(EXPORTS / "other_tool_fr.csv", src)
    area.import_file(str(src))
    qtbot.waitUntil(lambda: _dialog(area) is not None, timeout=10000)
    dialog = _dialog(area)
    assert dialog.mapping() == {"date": "Jour", "time": "Heure", "networks": "Réseau",
                                "text": "Message", "category": "Rubrique"}  # fmt: skip
    dialog.resize(640, dialog.sizeHint().height())
    dialog.grab().save(str(tmp_path / "mapping.png"))
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.combos["text"].setCurrentIndex(0)  # "(none)": nothing to import, OK is off
    assert not ok.isEnabled()
    dialog.combos["text"].setCurrentIndex(dialog.combos["text"].findData("Message"))
    with qtbot.waitSignal(area.loaded, timeout=15000):
        ok.click()
    assert area.files.last_import.added == 2 and "column mapping" in area.files.last_import.reading
    box = next(b for b in area.findChildren(QMessageBox) if b.isVisible())
    assert box.text().startswith("Read as: column mapping")
    box.close()
    assert [c.category for c in area.month_view.posts_on(dt.date(2026, 3, 14))] == ["saison"]
    # the next file with these columns imports without asking
    again = tmp_path / "encore.csv"
    shutil.copy(EXPORTS / "other_tool_fr.csv", again)
    first = area.files.last_import
    area.import_file(str(again))  # nothing new: no change announced, nothing to reload
    qtbot.waitUntil(lambda: area.files.last_import is not first, timeout=15000)
    assert area.files.last_import.duplicates == 2 and _dialog(area) is None


def test_a_file_without_networks_asks_for_them(qtbot, area, tmp_path, monkeypatch):
    asked = []

    def answer(parent, title, label, text=""):
        asked.append(label)
        return "linkedin", True

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(answer))
    src = tmp_path / "buffer.csv"
    shutil.copy(EXPORTS / "buffer_bulk.csv", src)
    area.import_file(str(src))
    qtbot.waitUntil(lambda: area.files.last_import is not None, timeout=15000)
    assert "Buffer" in asked[0] and area.files.last_import.added == 2
