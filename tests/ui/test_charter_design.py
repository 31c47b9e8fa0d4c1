"""The charter area paints from the palette only, so the dark scheme is as readable as the
light one: no fixed colour in ui/charter, the area's style follows a scheme change, the
version bar fits a 1366-px screen, and dates are the interface's words, never ISO."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from ui.areas import AreaServices
from ui.charter.charter_area import CharterArea
from ui.charter.charter_dialogs import themed_diff
from ui.design import DARK, LIGHT, current
from ui.design.theme import apply_theme
from ui.tasks import TaskRunner

CHARTER_UI = Path(__file__).resolve().parents[2] / "ui" / "charter"
HEX = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?(?:[0-9a-fA-F]{2})?\b")
NAMED = re.compile(
    r"(?:color|background(?:-color)?)\s*:\s*(?:white|black|red|green|blue|grey|gray|yellow|orange)"
    r"\b",
    re.I,
)
LITERAL_QCOLOR = re.compile(r"QColor\(\s*(?:[\"']|\d)")


def test_no_fixed_colour_remains_in_the_charter_screens():
    offenders = []
    for path in sorted(CHARTER_UI.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            fixed = HEX.search(line) or NAMED.search(line) or LITERAL_QCOLOR.search(line)
            if fixed or "GlobalColor" in line or "rgb(" in line:
                offenders.append(f"{path.name}:{number}: {line.strip()}")
    assert offenders == []


def test_the_fixed_colour_check_sees_one():
    assert HEX.search('ISSUE = QColor("#fdecea")') and LITERAL_QCOLOR.search('QColor("#fdecea")')
    assert NAMED.search("#x { color: white; }") and not HEX.search("#sectionTitle {")


@pytest.fixture
def area(qtbot, sqlite_db, ui_settings):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Aquarelle", language="fr")
        charter.ensure_charter(s, c.id)  # the template: two sections with issues
        info = clients.get_client(s, c.id)
    tasks = TaskRunner()
    widget = CharterArea(AreaServices(sqlite_db, tasks, ui_settings))
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_client(info)
    yield widget
    apply_theme(QApplication.instance(), "light")
    widget.autosave.stop()
    tasks.wait(10000)


def test_the_area_follows_the_dark_scheme(qtbot, area, tmp_path):
    assert LIGHT.surface in area.styleSheet()
    apply_theme(QApplication.instance(), "dark")
    sheet = area.styleSheet()
    assert DARK.surface in sheet and DARK.text in sheet and LIGHT.surface not in sheet
    page = area.pages["networks"]
    page.table.show_issues([])  # no row: nothing marked
    page.table.add_row()
    issues = page.refresh_issues()
    assert issues  # an empty row of the template's networks table is incomplete
    marked = [
        page.table.table.item(0, c).background().color()
        for c in range(page.table.table.columnCount())
        if page.table.table.item(0, c) is not None
    ]
    assert QColor(DARK.danger_soft) in marked  # the dark scheme's own soft red
    area.grab().save(str(tmp_path / "charter-dark.png"))


def test_comparison_highlights_take_the_scheme_colours():
    from app.services.charter.compare import diff_html

    themed = themed_diff(diff_html(["Livraison le samedi"], ["Livraison le dimanche"]))
    assert current().success_soft in themed and current().danger_soft in themed
    scheme = current()
    for token in (scheme.success_soft, scheme.success, scheme.danger_soft, scheme.danger):
        themed = themed.replace(token, "")
    assert not HEX.search(themed)  # no colour left but the palette's


def test_the_version_bar_fits_1366_and_speaks_the_interface_language(area):
    bar = area.version_combo.parentWidget()
    assert bar.sizeHint().width() <= 1366 - 250  # beside the client sidebar
    text = area.version_combo.currentText()
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text)
    assert not re.search(r"\d{2}/\d{2}/\d{4}", text)


def test_closed_days_read_in_words_and_typed_either_way(qtbot, area, sqlite_db):
    from ui.charter.charter_forms import read_day, shown_day

    assert shown_day("2026-12-24") != "2026-12-24" and "2026" in shown_day("2026-12-24")
    assert read_day(shown_day("2026-12-24")) == "2026-12-24"
    assert read_day("31/12/2026") == read_day("2026-12-31") == "2026-12-31"
    hours = area.pages["delays"].hours
    hours.closed.setText(f"{shown_day('2026-12-24')}, 31/12/2026")
    hours.closed.editingFinished.emit()
    area.flush()
    with sqlite_db.read() as s:
        data = charter.load(s, area.client.id).section("delays").data
    assert data["business_hours"]["closed_days"] == ["2026-12-24", "2026-12-31"]
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.load()
    shown = area.pages["delays"].hours.closed.text()
    assert not re.search(r"\d{4}-\d{2}-\d{2}", shown) and "2026" in shown


def test_the_rich_text_toolbar_shows_icons_with_their_names_in_tooltips(qtbot):
    from PySide6.QtWidgets import QToolButton

    from ui.charter.rich_editor import RichTextEditor

    editor = RichTextEditor()
    qtbot.addWidget(editor)
    buttons = editor.toolbar.findChildren(QToolButton)
    assert len(buttons) == 5
    for button in buttons:
        assert not button.icon().isNull(), button.objectName()
        assert button.toolTip() and button.accessibleName() == button.toolTip()
