"""The calendar a CM shows a client (issue #14): a legend for the status marks in the
interface's language, chips that say their full title on hover, and the charter check as a
list of findings that lead to the post or the day they concern."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from app.i18n import install_translators
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients

PARIS = ZoneInfo("Europe/Paris")
TITLE = "Composition de pivoines <b>pour la fête des mères</b> & roses anciennes"


@pytest.fixture
def area(sqlite_db, open_calendar):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        info = clients.get_client(s, info.id)
    yield open_calendar(info, dt.date(2026, 2, 10))


@pytest.fixture
def french():
    from ui.formatting import ui_language

    install_translators("fr")
    try:
        assert ui_language() == "fr", "the French catalogue is not compiled"
        yield
    finally:
        install_translators("en")


def _post(db, cid, when, title=TITLE, networks=("mastodon", "instagram")):
    with db.session() as s:
        return posts.create_post(
            s,
            cid,
            planned_at=when,
            title=title,
            variants=[VariantInput(n, "Texte") for n in networks],
        )


def _reload(qtbot, area):
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.reload()


def test_legend_lists_every_status_mark(area):
    text = area.legend.plain_text()
    for mark, name in (("○", "Draft"), ("◑", "In review"), ("✓", "Approved")):
        assert f"{mark} {name}" in text
    assert "◉" in text and "●" in text
    assert area.legend.isVisible()


def test_legend_speaks_french(qtbot, sqlite_db, open_calendar, french):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Pétales", timezone="Europe/Paris")
        info = clients.get_client(s, info.id)
    area = open_calendar(info, dt.date(2026, 2, 10))
    text = area.legend.plain_text()
    assert "○ Brouillon" in text and "● Publiée" in text
    assert "erreur de charte" in text
    assert "Draft" not in text and "error" not in text


def test_chip_shows_badge_and_title_and_tooltip_has_it_all(qtbot, area, sqlite_db):
    when = dt.datetime(2026, 2, 12, 10, 30, tzinfo=PARIS)
    post = _post(sqlite_db, area.client.id, when)
    _reload(qtbot, area)
    view = area.month_view
    rect = view.chip_rect(post.id)
    assert rect is not None
    chip = view.chip_at(rect.center())
    assert chip.id == post.id
    # the tooltip: full title, escaped (a title is typed by people), time and networks
    event = QHelpEvent(QEvent.Type.ToolTip, rect.center(), view.mapToGlobal(rect.center()))
    view.event(event)
    tip = QToolTip.text()
    assert "&lt;b&gt;pour la fête des mères&lt;/b&gt;" in tip and "<b>" not in tip
    assert "10:30" in tip and "Mastodon" in tip and "Instagram" in tip


def test_clicking_a_finding_selects_its_post_and_enter_opens_it(qtbot, area, sqlite_db):
    tomorrow = dt.datetime.now(PARIS).replace(microsecond=0, second=0) + dt.timedelta(days=1)
    post = _post(sqlite_db, area.client.id, tomorrow, title="Brouillon à valider")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.go_to(tomorrow.date())
    findings = area.findings
    row = next(
        i
        for i in range(findings.count())
        if findings.item(i).data(Qt.ItemDataRole.UserRole) == post.id
    )
    item = findings.item(row)
    assert "Brouillon à valider" in item.text()
    assert not item.icon().isNull()  # a painted severity mark, never a missing glyph
    rect = findings.visualItemRect(item)
    qtbot.mouseClick(findings.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert area.month_view.selected_id == post.id
    assert area.month_view.selected_day == tomorrow.date()
    # Enter opens the post in the editor
    opened = []
    area.open_editor = lambda **kw: opened.append(kw)
    qtbot.keyClick(findings, Qt.Key.Key_Return)
    assert opened == [{"post_id": post.id}]


def test_a_day_finding_jumps_to_its_day(qtbot, area, sqlite_db):
    # Valentine's Day with nothing planned around it: a hint about a day, not a post
    findings = area.findings
    rows = [
        i
        for i in range(findings.count())
        if findings.item(i).data(Qt.ItemDataRole.UserRole + 1) == dt.date(2026, 2, 14)
        and not findings.item(i).data(Qt.ItemDataRole.UserRole)
    ]
    assert rows, [findings.item(i).text() for i in range(findings.count())]
    item = findings.item(rows[0])
    qtbot.mouseClick(
        findings.viewport(), Qt.MouseButton.LeftButton, pos=findings.visualItemRect(item).center()
    )
    assert area.month_view.selected_day == dt.date(2026, 2, 14)
    assert area.month_view.selected_id is None
    # Enter: the week of that day
    with qtbot.waitSignal(area.loaded, timeout=10000):
        qtbot.keyClick(findings, Qt.Key.Key_Return)
    assert area.view == "week" and area.week_view.monday == dt.date(2026, 2, 9)


def test_a_finding_outside_the_month_shown_moves_there(qtbot, area, sqlite_db):
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.go_to(dt.date(2026, 2, 10))
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.show_finding(None, dt.date(2026, 5, 31))
    assert area.anchor == dt.date(2026, 5, 31) and area.month_view.selected_day == dt.date(
        2026, 5, 31
    )
    assert area.period_label.text() == "May 2026"


def test_the_check_panel_folds_away_and_gives_the_days_its_width(qtbot, area, sqlite_db):
    tomorrow = dt.datetime.now(PARIS).replace(microsecond=0, second=0) + dt.timedelta(days=1)
    _post(sqlite_db, area.client.id, tomorrow, title="Brouillon à valider")
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.go_to(tomorrow.date())
    assert area.check_button.text().startswith("Check · ")  # errors and warnings counted
    assert area.findings_panel.isVisible()
    before = area.month_view.width()
    qtbot.mouseClick(area.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.month_view.width() > before + 100, timeout=2000)
    assert not area.findings_panel.isVisible()
    qtbot.mouseClick(area.check_button, Qt.MouseButton.LeftButton)
    assert area.findings_panel.isVisible()


def test_list_view_shows_badges_status_marks_and_plain_tooltips(qtbot, area, sqlite_db):
    from ui.calendar.list_model import COL_NETWORKS, COL_STATUS, COL_TEXT

    _post(sqlite_db, area.client.id, dt.datetime(2026, 2, 12, 10, 30, tzinfo=PARIS))
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_view("list")
    model = area.list_model
    qtbot.waitUntil(lambda: model.rowCount() > 0, timeout=10000)
    assert model.index(0, COL_STATUS).data() == "○ Draft"
    icon = model.index(0, COL_NETWORKS).data(Qt.ItemDataRole.DecorationRole)
    assert not icon.isNull() and icon.availableSizes()[0].width() >= 2 * 16  # two badges
    assert set(model.index(0, COL_NETWORKS).data().split(", ")) == {"Mastodon", "Instagram"}
    tip = model.index(0, COL_TEXT).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;" in tip and "<b>" not in tip


def test_the_check_panel_stays_as_the_user_left_it(qtbot, area, open_calendar, ui_settings):
    assert area.check_button.isChecked() and area.findings_panel.isVisible()  # shown at first
    qtbot.mouseClick(area.check_button, Qt.MouseButton.LeftButton)
    assert not area.findings_panel.isVisible()
    assert ui_settings.panel_shown("calendar_check") is False
    again = open_calendar(area.client, dt.date(2026, 2, 10))  # the next session's calendar
    assert not again.check_button.isChecked()
    assert not again.findings_panel.isVisible()
    qtbot.mouseClick(again.check_button, Qt.MouseButton.LeftButton)
    assert ui_settings.panel_shown("calendar_check") is True
