"""The People screen and the audit log viewer, on a real SQLite file and real PostgreSQL."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QDialog

from app.services.clients import workspaces as clients
from app.services.people import admin
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD
from ui.people.people_dialog import AddPersonDialog, PeopleDialog
from ui.tasks import TaskRunner

agency = people_fixtures.agency


def _open(qtbot, db, tab=0):
    tasks = TaskRunner()
    dialog = PeopleDialog(db, tasks, tab=tab)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.people.me is not None, timeout=10000)
    return dialog, tasks


def test_local_file_says_rights_are_not_enforced_and_the_trail_exports_safely(
    qtbot, main_window, sqlite_db, tmp_path
):
    with sqlite_db.session() as s:
        clients.create_client(s, '=HYPERLINK("http://evil")')
        clients.create_client(s, "Aquarelle")
        admin.add_person(s, "lea", "Léa Martin", "cm", clients=["aquarelle"])
    main_window.open_people()
    dialog = main_window.findChild(PeopleDialog)
    qtbot.waitUntil(lambda: dialog.people.table.rowCount() == 1, timeout=10000)
    people = dialog.people
    assert "not enforced" in people.notice.text()
    assert [people.table.item(0, c).text() for c in (0, 1, 3)] == ["lea", "Léa Martin", "aquarelle"]
    assert people.buttons["add"].isEnabled()  # the OS user administers a local file
    dialog.resize(1366, 768)
    qtbot.wait(50)
    dialog.grab().save(str(tmp_path / "people.png"))

    dialog.tabs.setCurrentIndex(dialog.AUDIT)
    audit = dialog.audit
    qtbot.waitUntil(lambda: audit.table.rowCount() >= 3, timeout=10000)
    assert audit.count_label.text().startswith("3 of 3")
    audit.action_combo.setCurrentIndex(audit.action_combo.findData("people."))
    qtbot.waitUntil(lambda: audit.table.rowCount() == 1, timeout=10000)
    assert audit.table.item(0, 3).text() == "people.add"
    audit.action_combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: audit.table.rowCount() == 3, timeout=10000)
    out = tmp_path / "audit.csv"
    audit.export_to(str(out))
    qtbot.waitUntil(out.exists, timeout=10000)
    qtbot.waitUntil(lambda: "Exported" in audit.count_label.text(), timeout=10000)
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0][:3] == ["at", "login", "person"]
    names = {r[3] for r in rows[1:]}
    assert '\'=HYPERLINK("http://evil")' in names  # never a live formula
    dialog.grab().save(str(tmp_path / "audit.png"))
    main_window.tasks.wait(10000)


@pytest.mark.postgres
def test_a_community_manager_sees_why_they_cannot_manage_people_an_admin_adds_one(
    qtbot, agency, monkeypatch
):
    boss = agency.db()
    with boss.session() as s:
        clients.create_client(s, "Aquarelle")
        admin.add_person(s, agency.login("cam"), "Camille Roux", "cm", PASSWORD, ["aquarelle"])
    cm_db = agency.db("cam")
    dialog, tasks = _open(qtbot, cm_db)
    qtbot.waitUntil(lambda: dialog.people.table.rowCount() == 1, timeout=10000)
    people = dialog.people
    assert "not enforced" not in people.notice.text()
    assert "Only an administrator" in people.notice.text()
    assert not people.buttons["add"].isEnabled()
    assert "administrator" in people.buttons["add"].toolTip()
    assert people.table.item(0, 0).text() == agency.login("cam")  # sees only themselves
    tasks.wait(10000)
    dialog.close()

    dialog, tasks = _open(qtbot, boss)
    qtbot.waitUntil(lambda: dialog.people.table.rowCount() == 2, timeout=10000)
    assert dialog.people.buttons["add"].isEnabled()

    def filled(self):
        self.login_edit.setText(agency.login("jules"))
        self.name_edit.setText("Jules Blanc")
        self.role_combo.setCurrentIndex(self.role_combo.findData("junior"))
        self.password_edit.setText(PASSWORD)
        self.client_list.item(0).setCheckState(self.client_list.item(0).checkState().Checked)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AddPersonDialog, "exec", filled)
    dialog.people.add_person()
    qtbot.waitUntil(lambda: dialog.people.table.rowCount() == 3, timeout=10000)
    agency.psql("jules").close()  # a real login now
    tasks.wait(10000)
    cm_db.dispose()
    boss.dispose()


@pytest.mark.postgres
def test_a_lead_releases_a_juniors_reply_from_the_waiting_list(qtbot, agency, tmp_path):
    import datetime as dt

    from app.connectors.contract import IncomingMessage
    from app.services.inbox import ingest as inbox_ingest
    from app.services.inbox import reading as inbox
    from app.services.inbox import replies as inbox_replies

    t0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
    boss = agency.db()
    with boss.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(
            s, cid, [IncomingMessage("mastodon", "1", "comment", "Ana", "ana", "Livrez-vous ?", t0)]
        )
        (row,) = inbox.page(s, cid).rows
        admin.add_person(s, agency.login("jules"), "Jules Blanc", "junior", PASSWORD, ["aquarelle"])
        admin.add_person(s, agency.login("alice"), "Alice Martin", "lead", PASSWORD, ["aquarelle"])
    boss.dispose()
    jules, alice = agency.db("jules"), agency.db("alice")
    with jules.session() as s:
        inbox_replies.create_reply(s, cid, row.id, "Oui, partout en France.")

    dialog, tasks = _open(qtbot, jules, tab=PeopleDialog.APPROVALS)
    view = dialog.approvals
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    view.table.selectRow(0)
    assert not view.approve_button.isEnabled()
    assert "lead" in view.approve_button.toolTip()
    tasks.wait(10000)
    dialog.close()

    dialog, tasks = _open(qtbot, alice, tab=PeopleDialog.APPROVALS)
    view = dialog.approvals
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    assert view.table.item(0, 2).text() == "Jules Blanc"
    assert view.table.item(0, 4).text() == "Oui, partout en France."
    view.table.selectRow(0)
    dialog.grab().save(str(tmp_path / "approvals.png"))
    assert view.approve_button.isEnabled()
    announced = []
    view.services.feed.changed.connect(announced.append)
    view.approve_button.click()
    qtbot.waitUntil(lambda: view.table.rowCount() == 0, timeout=10000)
    # a WriteOp: the inbox (here and on the other seats' feed) hears of the released reply
    assert any(c.local and c.touches("inbox", cid) for c in announced)
    assert view.notice.text() == "Nothing waits for approval."
    tasks.wait(10000)
    with alice.read() as s:
        assert len(inbox_ingest.due_replies(s, cid)) == 1
    jules.dispose()
    alice.dispose()


@pytest.mark.postgres
def test_the_main_window_disables_client_management_for_a_community_manager(
    qtbot, agency, ui_settings
):
    from ui.main_window import MainWindow

    boss = agency.db()
    with boss.session() as s:
        clients.create_client(s, "Aquarelle")
        clients.create_client(s, "Other")
        admin.add_person(s, agency.login("cam"), "Camille Roux", "cm", PASSWORD, ["aquarelle"])
    boss.dispose()
    cm_db = agency.db("cam")
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.set_database(cm_db)
    qtbot.waitUntil(lambda: getattr(window, "person", None) is not None, timeout=10000)
    assert window.client_model.rowCount() == 1  # Other is not granted: not even listed
    assert not window.act_new_client.isEnabled()
    assert not window.add_client_button.isEnabled()
    assert "administrator" in window.add_client_button.toolTip()
    window.select_client_number(1)
    qtbot.waitUntil(lambda: window.client_title.text() == "Aquarelle", timeout=10000)
    assert not window.act_delete.isEnabled() and window.act_edit_client.isEnabled()
    window.tasks.wait(10000)
    cm_db.dispose()
