"""Conflicts met on the real screens: the inbox (a claim, a second reply), the charter (a
section saved by a colleague) and the client dialog (a colleague's contact) — each shows
theirs, never overwrites it, and lets the user choose."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.connectors.contract import IncomingMessage
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.people import agency
from app.services.people.actor import current_actor, set_current_actor
from ui.areas import AreaServices
from ui.charter.charter_area import CharterArea
from ui.conflict_dialog import ConflictDialog
from ui.tasks import TaskRunner

NOW = dt.datetime.now(dt.UTC)  # the inbox lists what is recent


def as_colleague(fn):
    me = current_actor()
    set_current_actor("Léa Martin")
    try:
        return fn()
    finally:
        set_current_actor(me)


@pytest.fixture
def inbox_area(qtbot, main_window, sqlite_db):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Aquarelle & Pétales")
        me = agency.add_staff(s, "Camille Test").id
        lea = agency.add_staff(s, "Léa Martin").id
        inbox_ingest.ingest_messages(
            s, c.id,
            [IncomingMessage("facebook", "c", "comment", "Marie Dupont", "marie",
                             "Bouquet jamais reçu", NOW - dt.timedelta(minutes=20))],
        )  # fmt: skip
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(c.id)
    main_window.show_area("inbox")
    area = main_window.current_area()
    qtbot.waitUntil(lambda: area.model.rowCount() == 1)
    qtbot.waitUntil(area.idle)
    area.select_row(0)
    qtbot.waitUntil(lambda: area.conv.detail is not None and area.idle(), timeout=5000)
    return area, sqlite_db, c.id, me, lea


def _conflict_dialog(qtbot, parent) -> ConflictDialog:
    qtbot.waitUntil(
        lambda: (
            isinstance(getattr(parent, "_conflict_dialog", None), ConflictDialog)
            and parent._conflict_dialog.isVisible()
        ),
        timeout=5000,
    )
    return parent._conflict_dialog


def test_a_claim_of_a_message_a_colleague_claimed_meanwhile(qtbot, inbox_area):
    area, db, cid, me, lea = inbox_area
    mid = area.current_id()

    def claim():
        with db.session() as s:
            inbox.get_message(s, cid, mid)
            from app.services.inbox import triage as inbox_triage

            inbox_triage.assign(s, cid, [mid], lea, seen={mid: None})

    as_colleague(claim)  # the screen still shows the message unassigned
    area.assign(me)
    dialog = _conflict_dialog(qtbot, area)
    assert (dialog.mine.toPlainText(), dialog.theirs.toPlainText()) == (
        "Camille Test",
        "Léa Martin",
    )
    assert dialog.who.text().startswith("Changed by Léa Martin on ")
    assert not dialog.merge_button.isVisible()
    qtbot.waitUntil(area.idle, timeout=5000)
    with db.read() as s:
        assert inbox.detail(s, cid, mid).assignee == "Léa Martin"  # theirs kept
    qtbot.mouseClick(dialog.keep_mine, Qt.MouseButton.LeftButton)  # knowingly take it over
    qtbot.waitUntil(area.idle, timeout=5000)
    with db.read() as s:
        assert inbox.detail(s, cid, mid).assignee == "Camille Test"


def test_a_second_reply_asks_before_queueing(qtbot, inbox_area):
    area, db, cid, _me, _lea = inbox_area
    mid = area.current_id()

    def reply():
        with db.session() as s:
            inbox_replies.create_reply(s, cid, mid, "Nous regardons, Marie.")

    as_colleague(reply)
    area.conv.reply.setPlainText("Bonjour Marie, désolés !")
    area.send_reply()
    qtbot.waitUntil(
        lambda: isinstance(getattr(area, "_conflict_dialog", None), QMessageBox), timeout=5000
    )
    box = area._conflict_dialog
    assert box.text().startswith("Léa Martin already queued a reply at ")
    assert box.text().endswith("— queue yours too?")
    assert box.informativeText() == "Nous regardons, Marie."
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(area.idle, timeout=5000)
    with db.read() as s:
        ours = [t.text for t in inbox.detail(s, cid, mid).thread if t.ours]
    assert ours == ["Nous regardons, Marie.", "Bonjour Marie, désolés !"]


@pytest.fixture
def charter_area(qtbot, sqlite_db, ui_settings):
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle & Pétales", language="fr")
        charter.ensure_charter(s, info.id)
        info = clients.get_client(s, info.id)
    tasks = TaskRunner()
    area = CharterArea(AreaServices(sqlite_db, tasks, ui_settings))
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    with qtbot.waitSignal(area.loaded, timeout=10000):
        area.set_client(info)
    yield area, sqlite_db, info.id
    tasks.wait(10000)


def _colleague_saves(db, cid, key, html):
    def save():
        with db.session() as s:
            section = charter.load(s, cid).section(key)
            charter.save_section(s, cid, section.id, html=html, expected_revision=section.revision)

    as_colleague(save)


def test_two_sections_never_conflict_and_one_section_is_merged(qtbot, charter_area, tmp_path):
    area, db, cid = charter_area
    _colleague_saves(db, cid, "scope", "<p>Produits et SAV (Léa)</p>")  # another section
    page = area.pages["objectives"]
    page.editor.edit.setPlainText("Notoriété (Camille)")
    area.flush()
    assert area.save_state.text() == "All changes saved"
    with db.read() as s:
        doc = charter.load(s, cid)
    assert "Notoriété (Camille)" in doc.section("objectives").html
    assert "Produits et SAV (Léa)" in doc.section("scope").html

    _colleague_saves(db, cid, "objectives", "<p>Ventes (Léa)</p>")  # the same section
    page.editor.edit.setPlainText("Image (Camille)")
    area.flush()
    dialog = _conflict_dialog(qtbot, area)
    qtbot.wait(50)  # laid out
    area.grab().save(str(tmp_path / "charter-conflict.png"))
    dialog.grab().save(str(tmp_path / "charter-conflict-dialog.png"))
    assert dialog.theirs.toPlainText() == "Ventes (Léa)"
    assert dialog.mine.toPlainText() == "Image (Camille)"
    with db.read() as s:
        assert "Ventes (Léa)" in charter.load(s, cid).section("objectives").html
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    dialog.merge.setPlainText("Ventes et image")
    qtbot.mouseClick(dialog.save_merge, Qt.MouseButton.LeftButton)
    area.flush()
    with db.read() as s:
        html = charter.load(s, cid).section("objectives").html
    assert "Ventes et image" in html and "Image (Camille)" not in html


def test_charter_keep_theirs_shows_theirs(qtbot, charter_area):
    area, db, cid = charter_area
    page = area.pages["objectives"]
    _colleague_saves(db, cid, "objectives", "<p>Ventes (Léa)</p>")
    page.editor.edit.setPlainText("Image (Camille)")
    area.flush()
    dialog = _conflict_dialog(qtbot, area)
    qtbot.mouseClick(dialog.keep_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.document.toPlainText() == "Ventes (Léa)", timeout=5000)
    assert not page.dirty_text
    page.editor.edit.setPlainText("Ventes (Léa) et image")  # and a save goes through now
    area.flush()
    with db.read() as s:
        assert "Ventes (Léa) et image" in charter.load(s, cid).section("objectives").html


def test_a_stale_client_dialog_keeps_a_colleagues_contact(qtbot, sqlite_db):
    from ui.client_dialog import ClientDialog

    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Hôtel Les Embruns").id
        clients.save_contact(s, cid, name="Sophie", email="sophie@embruns.example")
    tasks = TaskRunner()
    dialog = ClientDialog(sqlite_db, tasks, cid)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.contacts_table.rowCount() == 1, timeout=5000)

    def colleague():
        with sqlite_db.session() as s:
            (sophie,) = clients.list_contacts(s, cid)
            clients.save_contact(s, cid, name="Sophie", email="sav@embruns.example",
                                 contact_id=sophie.id, expected_version=sophie.version)  # fmt: skip
            clients.save_contact(s, cid, name="Paul", email="paul@embruns.example")

    as_colleague(colleague)
    dialog.contacts_table.item(0, dialog.C_EMAIL).setText("reservations@embruns.example")
    qtbot.mouseClick(
        dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    conflict = _conflict_dialog(qtbot, dialog)
    assert conflict.details.kind == "contact" and conflict.details.by == "Léa Martin"
    with sqlite_db.read() as s:
        stored = {c.name: c.email for c in clients.list_contacts(s, cid)}
    assert stored == {"Sophie": "sav@embruns.example", "Paul": "paul@embruns.example"}
    qtbot.mouseClick(conflict.keep_theirs, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.contacts_table.rowCount() == 2, timeout=5000)
    emails = {dialog.contacts_table.item(r, dialog.C_EMAIL).text() for r in range(2)}
    assert emails == {"sav@embruns.example", "paul@embruns.example"}
    tasks.wait(5000)
