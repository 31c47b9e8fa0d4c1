"""A role or a grant changed by an administrator on another seat takes effect in a
colleague's open app without reopening: the change feed announces it, the app re-reads the
person's capabilities and the guards re-apply. The administrator is another process (the
``tribune`` command), the colleague this one, each their own PostgreSQL login."""

from __future__ import annotations

import pytest

from app.services.clients import workspaces as clients
from app.services.people import admin
from tests.app import people_fixtures
from tests.app.people_fixtures import PASSWORD

pytestmark = pytest.mark.postgres
agency = people_fixtures.agency


def test_a_role_changed_by_an_admin_elsewhere_applies_at_once(qtbot, cli, agency, ui_settings):
    from ui.main_window import MainWindow

    boss = agency.db()
    with boss.session() as s:
        clients.create_client(s, "Aquarelle")
        clients.create_client(s, "Boulangerie Martin")
        admin.add_person(s, agency.login("cam"), "Cam", "cm", PASSWORD, ["aquarelle"])
    boss.dispose()
    cam = agency.login("cam")

    db = agency.db("cam")
    window = MainWindow(ui_settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.set_database(db)
    qtbot.waitUntil(lambda: window.capabilities is not None, timeout=10000)
    qtbot.waitUntil(lambda: window.client_title.text() == "Aquarelle", timeout=10000)
    window.show_area("calendar")
    area = window.current_area()
    assert window.capabilities.person.role == "cm"
    assert area.new_button.isEnabled()
    assert not window.act_people.isEnabled()
    try:
        # the administrator, in another process, makes Cam read-only
        run = cli("people", "role", cam, "readonly", db_url=agency.url)
        assert run.returncode == 0, run.stderr
        qtbot.waitUntil(lambda: window.capabilities.person.role == "readonly", timeout=15000)
        assert not area.new_button.isEnabled()
        assert "Read-only" in area.new_button.toolTip()

        # a second client granted: it appears in Cam's sidebar
        run = cli("people", "grant", cam, "boulangerie-martin", db_url=agency.url)
        assert run.returncode == 0, run.stderr
        qtbot.waitUntil(lambda: window.client_model.rowCount() == 2, timeout=15000)

        # then administrator: the People entry comes alive, the calendar writable again
        run = cli("people", "role", cam, "admin", db_url=agency.url)
        assert run.returncode == 0, run.stderr
        qtbot.waitUntil(lambda: window.capabilities.person.role == "admin", timeout=15000)
        assert window.act_people.isEnabled() and window.act_agency.isEnabled()
        assert area.new_button.isEnabled()
    finally:
        window.tasks.wait(10000)
        window.close()
        db.dispose()
