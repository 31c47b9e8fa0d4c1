"""The app disables what the connected person's role cannot do and says why — each person
a real login role on the real PostgreSQL server, the real main window."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint

from app.connectors.contract import IncomingMessage
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.people import admin
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from ui.people.people_dialog import PeopleDialog

pytestmark = pytest.mark.postgres
agency = people_fixtures.agency
NOW = dt.datetime.now(dt.UTC)


@pytest.fixture
def staffed(agency):
    boss = agency.db()
    with boss.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(
            s,
            cid,
            [IncomingMessage("mastodon", "1", "comment", "Ana", "ana", "Vous livrez ?", NOW)],
        )
        for who, role in (
            ("rita", "readonly"),
            ("jules", "junior"),
            ("cam", "cm"),
            ("lea", "lead"),
        ):
            admin.add_person(s, agency.login(who), who.title(), role, PASSWORD, ["aquarelle"])
    boss.dispose()
    return agency


@pytest.fixture
def window_as(qtbot, ui_settings):
    """The main window connected as ``who``, their rights loaded, Aquarelle shown."""
    from ui.main_window import MainWindow

    opened = []

    def open_(agency, who: str):
        db = agency.db(who)
        window = MainWindow(ui_settings)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        with qtbot.waitSignal(window.clients_loaded, timeout=10000):
            window.set_database(db)
        qtbot.waitUntil(lambda: getattr(window, "capabilities", None) is not None, timeout=10000)
        window.select_client_number(1)
        qtbot.waitUntil(lambda: window.client_title.text() == "Aquarelle", timeout=10000)
        opened.append((window, db))
        return window

    yield open_
    for window, db in opened:
        window.tasks.wait(10000)
        window.close()
        db.dispose()


def _inbox_with_message(qtbot, window):
    window.show_area("inbox")
    area = window.current_area()
    qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=10000)
    area.select_row(0)
    qtbot.waitUntil(lambda: area.conv.detail is not None, timeout=10000)
    qtbot.waitUntil(area.idle, timeout=10000)
    return area


def _menu_action(menu, text: str):
    return next(a for a in menu.actions() if a.text() == text)


def test_a_read_only_person_sees_reply_new_post_and_approve_disabled_with_the_reason(
    qtbot, staffed, window_as, tmp_path
):
    window = window_as(staffed, "rita")
    assert window.capabilities.read_only
    area = _inbox_with_message(qtbot, window)
    conv = area.conv
    # the conversation enabled its widgets when the message was shown: the rights won
    for widget in (conv.send, conv.reply, conv.note_add, conv.escalate, conv.moderate):
        assert not widget.isEnabled(), widget.objectName() or widget.text()
    assert conv.send.toolTip() == "Read-only: your role cannot reply."
    assert conv.reply.placeholderText() == "Read-only: your role cannot reply."
    assert "Read-only" in conv.escalate.toolTip()
    area.grab().save(str(tmp_path / "inbox_readonly.png"))
    bulk = area.bulk_menu()
    assert not _menu_action(bulk, "Close…").isEnabled()
    bulk.close()

    window.show_area("calendar")
    calendar = window.current_area()
    qtbot.waitUntil(lambda: calendar.new_button is not None, timeout=10000)
    assert not calendar.new_button.isEnabled()
    assert calendar.new_button.toolTip() == "Read-only: your role cannot change posts."
    calendar.chip_menu(1, QPoint(0, 0))
    menu = calendar._chip_menu
    approved = _menu_action(menu, "Client approved")
    assert not approved.isEnabled() and "lead" in approved.toolTip()
    assert not _menu_action(menu, "Delete").isEnabled()
    assert _menu_action(menu, "Edit…").isEnabled()  # reading a post is everyone's
    menu.close()

    window.show_area("charter")
    charter = window.current_area()
    qtbot.waitUntil(charter.create_button.isVisible, timeout=10000)  # no charter yet
    assert not charter.create_button.isEnabled()
    assert "Read-only" in charter.create_button.toolTip()

    window.show_area("charts")
    charts = window.current_area()
    assert charts.report_button.isEnabled()  # the monthly report is readonly's too
    assert not charts.import_button.isEnabled()
    assert not window.act_people.isEnabled()


def test_a_junior_writes_and_replies_but_cannot_approve_nor_schedule(qtbot, staffed, window_as):
    window = window_as(staffed, "jules")
    caps = window.capabilities
    assert caps.can_reply and caps.replies_held and not caps.can_approve
    area = _inbox_with_message(qtbot, window)
    assert area.conv.send.isEnabled() and area.conv.reply.isEnabled()
    assert area.conv.escalate.isEnabled()
    assert not area.conv.moderate.isEnabled()
    assert "junior" in area.conv.moderate.toolTip()

    window.show_area("calendar")
    calendar = window.current_area()
    assert calendar.new_button.isEnabled()
    calendar.chip_menu(1, QPoint(0, 0))
    menu = calendar._chip_menu
    approved = _menu_action(menu, "Client approved")
    assert not approved.isEnabled()
    assert approved.toolTip().startswith("Only a lead approves")
    schedule = _menu_action(menu, "Schedule")
    assert not schedule.isEnabled() and "lead's approval" in schedule.toolTip()
    assert _menu_action(menu, "Delete").isEnabled()
    menu.close()

    window.show_area("charter")
    charter = window.current_area()
    assert not charter.sign_button.isEnabled()
    assert "Only a lead signs a charter" in charter.sign_button.toolTip()


def test_a_community_manager_cannot_open_people(qtbot, staffed, window_as):
    window = window_as(staffed, "cam")
    assert not window.act_people.isEnabled()
    assert "administrator" in window.act_people.toolTip()
    assert not window.act_new_client.isEnabled() and not window.act_delete.isEnabled()
    window.open_people(1)  # what waits for approval stays open to them
    dialog = window.findChild(PeopleDialog)
    qtbot.waitUntil(lambda: dialog.people.me is not None, timeout=10000)
    assert not dialog.tabs.isTabEnabled(dialog.PEOPLE)
    assert "administrator" in dialog.tabs.tabToolTip(dialog.PEOPLE)
    assert dialog.tabs.currentIndex() == dialog.APPROVALS
    dialog.close()


def test_a_junior_finds_the_reply_a_lead_sent_back_with_the_comment(qtbot, staffed, tmp_path):
    from app.services.inbox import reading as inbox
    from app.services.inbox import replies as inbox_replies
    from app.services.people import releases
    from ui.tasks import TaskRunner

    jules, lea = staffed.db("jules"), staffed.db("lea")
    with jules.session() as s:
        cid = clients.find_client(s, "aquarelle").id
        inbox_replies.create_reply(s, cid, inbox.page(s, cid).rows[0].id, "Oui <b>partout</b>")
    with lea.session() as s:
        (held,) = releases.pending(s, cid)
        releases.reject(s, cid, held.id, "Plus chaleureux, s'il te plaît.")
    lea.dispose()
    tasks = TaskRunner()
    dialog = PeopleDialog(jules, tasks, tab=1)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    view = dialog.approvals
    qtbot.waitUntil(lambda: view.returned_table.rowCount() == 1, timeout=10000)
    row = [view.returned_table.item(0, c).text() for c in range(1, 5)]
    assert row == ["Aquarelle", "Lea", "Plus chaleureux, s'il te plaît.", "Oui <b>partout</b>"]
    assert view.returned_title.isVisible()
    dialog.grab().save(str(tmp_path / "returned.png"))
    tasks.wait(10000)
    dialog.close()
    jules.dispose()
