"""Rights in the calendar: a person who may not write posts reads them — the editor's fields,
network tabs, media buttons and Save disabled with the reason; no drag starts and no
double-click adds a post, the views saying why — and a junior cannot choose "Scheduled".

On PostgreSQL each person is a real login role (its capabilities read from the server);
on SQLite the capability set is given to the window's rights."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from app.errors import TribuneError
from app.services.calendar import posts
from app.services.clients import workspaces as clients
from app.services.people import Person, admin
from app.services.people.capabilities import Capabilities, capabilities, for_person
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from tests.conftest import wait_editor
from ui.rights import rights_for

agency = people_fixtures.agency
READ_ONLY = "Read-only: your role cannot change posts."
DAY = dt.date(2026, 2, 10)
WHEN = dt.datetime(2026, 2, 12, 9, 30, tzinfo=dt.UTC)


def _calendar_in_window(qtbot, db, ui_settings, caps, client):
    """A CalendarArea inside a host that carries the window's rights, loaded on ``DAY``."""
    from ui.areas import AreaServices
    from ui.calendar.area import CalendarArea
    from ui.tasks import TaskRunner

    host = QWidget()
    qtbot.addWidget(host)
    rights = rights_for(host)
    rights.set_capabilities(caps)
    tasks = TaskRunner()
    area = CalendarArea(AreaServices(db, tasks, ui_settings), host)
    area.host = host  # kept alive with the area
    area.resize(1200, 800)
    host.resize(1200, 800)
    host.show()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(client)
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.go_to(DAY)
    return area, tasks


def _drag(qtbot, view, start: QPoint, end: QPoint) -> None:
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 6):
        qtbot.mouseMove(view, start + (end - start) * (i / 5))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=end)


def _assert_read_only_calendar(qtbot, area, post_id: int, reason: str) -> None:
    refused: list[str] = []
    area.status_message.connect(refused.append)
    view = area.month_view
    assert view.locked == reason and area.week_view.locked == reason
    moves: list = []
    adds: list = []
    view.move_requested.connect(lambda *a: moves.append(a))
    view.quick_add.connect(adds.append)
    # drag the chip to another day: no drag starts, the status line says why
    chip = view.chip_rect(post_id)
    assert chip is not None
    target = view.cell_rect(dt.date(2026, 2, 19)).center()
    _drag(qtbot, view, chip.center(), target)
    assert moves == [] and view.drag.dragging is None
    assert reason in refused
    # double-click an empty spot: no editor for a new post
    refused.clear()
    empty = view.cell_rect(dt.date(2026, 2, 20)).center() + QPoint(0, 20)
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=empty)
    assert adds == [] and refused == [reason]
    assert area.editor is None
    # the week view refuses the same
    area.set_view("week")
    qtbot.waitUntil(lambda: area.week_view.chip_rect(post_id) is not None, timeout=10000)
    week = area.week_view
    refused.clear()
    qtbot.mouseDClick(week, Qt.MouseButton.LeftButton, pos=QPoint(week.width() - 20, 700))
    assert refused == [reason] and area.editor is None
    area.set_view("month")
    qtbot.waitUntil(lambda: area.month_view.chip_rect(post_id) is not None, timeout=10000)
    # the editor opens to read: every field, tab and button disabled, saying why
    area.open_editor(post_id=post_id)
    editor = wait_editor(qtbot, area)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    tab = editor.variant_tabs["mastodon"]
    for widget in (
        save,
        editor.title,
        editor.when,
        editor.status,
        editor.notes,
        editor.network_boxes["facebook"],
        tab.text,
        tab.link,
        tab.first_comment,
        tab.add_media_button,
        tab.add_address_button,
        tab.describe_button,  # a picture's alt text
    ):
        assert not widget.isEnabled(), widget.objectName() or type(widget).__name__
        assert widget.toolTip() == reason, widget.objectName()
    assert tab.text.toPlainText() == "Bouquets du jour"  # still readable
    assert editor.autosave_label.text() == reason
    # Save cannot be switched back on by the editor's own code (media copied in)
    editor._media_pending()
    assert not save.isEnabled()
    editor.reject()


def test_sqlite_a_read_only_capability_set_refuses_moves_adds_and_edits(
    qtbot, sqlite_db, ui_settings
):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        client = clients.get_client(s, info.id)
        post = posts.create_post(
            s,
            info.id,
            planned_at=WHEN,
            title="Pivoines",
            variants=[posts.VariantInput("mastodon", "Bouquets du jour")],
        )
    person = Person("rita", "Rita", "readonly", False, frozenset({client.id}), True)
    caps = for_person(person)
    assert caps.why("write_posts") == READ_ONLY
    area, tasks = _calendar_in_window(qtbot, sqlite_db, ui_settings, caps, client)
    try:
        _assert_read_only_calendar(qtbot, area, post.id, READ_ONLY)
        # rights given back (another person): dragging and adding work again
        everyone = Capabilities(person, frozenset(caps.allowed | {"write_posts"}), True)
        rights_for(area.parent()).set_capabilities(everyone)
        assert area.month_view.locked == "" and area.week_view.locked == ""
    finally:
        tasks.wait(10000)


def test_sqlite_a_junior_writes_but_cannot_choose_scheduled(qtbot, sqlite_db, ui_settings):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        client = clients.get_client(s, info.id)
    caps = for_person(Person("jules", "Jules", "junior", False, frozenset({client.id}), True))
    area, tasks = _calendar_in_window(qtbot, sqlite_db, ui_settings, caps, client)
    try:
        assert area.month_view.locked == ""
        area.open_editor(when=dt.datetime(2026, 2, 14, 10))
        editor = wait_editor(qtbot, area)
        assert editor.title.isEnabled()
        assert editor.buttons.button(QDialogButtonBox.StandardButton.Save).isEnabled()
        item = editor.status.model().item(editor.status.findData("scheduled"))
        assert not item.isEnabled()
        assert "lead" in item.toolTip()
        assert editor.status.model().item(editor.status.findData("draft")).isEnabled()
        editor.reject()
    finally:
        tasks.wait(10000)


@pytest.mark.postgres
def test_postgres_a_read_only_login_role_reads_the_calendar_and_cannot_change_it(
    qtbot, agency, ui_settings
):
    boss = agency.db()
    with boss.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        post = posts.create_post(
            s,
            info.id,
            planned_at=WHEN,
            title="Pivoines",
            variants=[posts.VariantInput("mastodon", "Bouquets du jour")],
        )
        admin.add_person(s, agency.login("rita"), "Rita", "readonly", PASSWORD, ["aquarelle"])
    boss.dispose()
    db = agency.db("rita")
    try:
        with db.read() as s:
            caps = capabilities(s)  # read from the server: who is connected
            client = clients.get_client(s, info.id)
        assert caps.enforced and caps.read_only
        area, tasks = _calendar_in_window(qtbot, db, ui_settings, caps, client)
        try:
            _assert_read_only_calendar(qtbot, area, post.id, READ_ONLY)
            # and the server refuses what the screen refused: nothing relies on the UI
            with pytest.raises(TribuneError), db.session() as s:
                posts.set_status(s, info.id, post.id, "draft")
        finally:
            tasks.wait(10000)
    finally:
        db.dispose()
