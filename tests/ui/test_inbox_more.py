"""Tags, saved-reply management, SMTP settings and sending, the log export — via the widgets."""

from __future__ import annotations

import csv
import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app import secrets
from app.services.inbox import escalation, escalation_smtp
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from tests.app.services.inbox.test_escalation_mail import smtp_server  # noqa: F401 (fixture)
from tests.ui.test_inbox_ui import _detail, _ok, _row_of, _settle

pytest_plugins = ["tests.ui.test_inbox_ui"]


def test_tags_are_edited_in_the_conversation(qtbot, inbox_area):
    area = inbox_area
    area.select_row(_row_of(area, "c"))
    _settle(qtbot, area)
    assert area.conv.tags.isEnabled() and area.conv.tags.text() == ""
    area.conv.tags.setFocus()
    qtbot.keyClicks(area.conv.tags, "livraison, remboursement, livraison")
    qtbot.keyClick(area.conv.tags, Qt.Key.Key_Return)
    _settle(qtbot, area)
    assert _detail(area, "c").tags == ("livraison", "remboursement")
    area.select_row(_row_of(area, "q"))
    _settle(qtbot, area)
    assert area.conv.tags.text() == ""
    area.select_row(_row_of(area, "c"))
    _settle(qtbot, area)
    assert area.conv.tags.text() == "livraison, remboursement"
    qtbot.keyClicks(area.tag_filter, "remboursement")  # filter the list by tag
    qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=3000)
    _settle(qtbot, area)
    assert area.model.row_id(0) == _detail(area, "c").id
    area.tag_filter.clear()
    qtbot.waitUntil(lambda: area.model.rowCount() == 3, timeout=3000)


def test_saved_replies_are_edited_and_deleted(qtbot, inbox_area):
    area = inbox_area
    with area.db.session() as s:
        inbox_replies.save_reply_template(s, area.client_id, "Horaires", "Ouvert 8h-19h.")
        inbox_replies.save_reply_template(s, area.client_id, "Livraison", "Sous 48 h.")
    area.reload_saved()
    _settle(qtbot, area)
    assert area.conv.saved.count() == 3  # the prompt + two
    qtbot.mouseClick(area.conv.manage_saved, Qt.MouseButton.LeftButton)
    dialog = area.dialog
    assert [dialog.list.item(i).text() for i in range(dialog.list.count())] == [
        "Horaires",
        "Livraison",
    ]
    dialog.list.setCurrentRow(1)
    assert dialog.body.toPlainText() == "Sous 48 h."
    dialog.title.setText("Livraison express")
    dialog.body.clear()
    dialog.body.insertPlainText("Bonjour {first_name}, livraison sous 24 h.")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    with area.db.read() as s:
        titles = {r.title: r.body for r in inbox_replies.saved_replies(s, area.client_id)}
    assert titles == {
        "Horaires": "Ouvert 8h-19h.",
        "Livraison express": "Bonjour {first_name}, livraison sous 24 h.",
    }
    assert dialog.list.currentItem().text() == "Livraison express"
    assert area.conv.saved.findText("Livraison express") > 0
    # a title that another saved reply has: refused, nothing changed
    dialog.title.setText("Horaires")
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    box = dialog.findChild(QMessageBox, "errorBox")
    assert box is not None and "already called" in box.text()
    box.close()
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.delete, Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    with area.db.read() as s:
        assert [r.title for r in inbox_replies.saved_replies(s, area.client_id)] == [
            "Livraison express"
        ]
    assert dialog.list.count() == 1
    assert area.conv.saved.findText("Horaires") == -1


def test_smtp_settings_then_escalate_by_smtp(qtbot, inbox_area, real_keyring, smtp_server):  # noqa: F811
    area = inbox_area
    area.smtp_action.trigger()
    _settle(qtbot, area)
    dialog = area.dialog
    assert dialog.objectName() == "inboxSmtpDialog"
    qtbot.keyClicks(dialog.host, "127.0.0.1")
    dialog.port.setValue(smtp_server.server_address[1])
    qtbot.keyClicks(dialog.username, "cm@agence.example")
    qtbot.keyClicks(dialog.password, "s3cret-smtp")
    qtbot.keyClicks(dialog.sender, "cm@agence.example")
    dialog.starttls.setChecked(False)  # the loopback server speaks plain SMTP
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    with area.db.read() as s:
        settings = escalation_smtp.get_settings(s, area.client_id)
        uid = area.client.uid
    assert (settings.host, settings.username, settings.starttls) == (
        "127.0.0.1",
        "cm@agence.example",
        False,
    )
    assert secrets.get_secret(secrets.client_key(uid, "smtp-password")) == "s3cret-smtp"
    # escalate the complaint, by SMTP
    area.select_row(_row_of(area, "c"))
    _settle(qtbot, area)
    area.window().activateWindow()  # back from the settings dialog
    qtbot.waitUntil(area.window().isActiveWindow)
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_E)
    _settle(qtbot, area)
    dialog = area.dialog
    dialog.channel.setCurrentIndex(dialog.channel.findData("smtp"))
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    assert area.last_smtp == "sophie@aquarelle.example"
    (mail,) = smtp_server.mails
    assert "<sophie@aquarelle.example>" in mail and "From: cm@agence.example" in mail
    assert smtp_server.auth == ["\0cm@agence.example\0s3cret-smtp"]
    with area.db.read() as s:
        (esc,) = escalation.for_message(s, area.client_id, _detail(area, "c").id)
    assert esc.channel == "smtp"


def test_smtp_settings_refuse_a_bad_sender(qtbot, inbox_area):
    area = inbox_area
    area.smtp_action.trigger()
    _settle(qtbot, area)
    dialog = area.dialog
    qtbot.keyClicks(dialog.host, "smtp.example.fr")
    qtbot.keyClicks(dialog.sender, "pas une adresse")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    _settle(qtbot, area)
    box = area.findChild(QMessageBox, "errorBox")
    assert box is not None and "sender" in box.text()
    with area.db.read() as s:
        assert not escalation_smtp.get_settings(s, area.client_id).configured


def test_escalation_log_exported_from_the_gui(qtbot, inbox_area, monkeypatch, tmp_path):
    area = inbox_area
    mid = _detail(area, "c").id
    with area.db.session() as s:
        info = escalation.escalate(
            s, area.client_id, mid, contact_name="Sophie Garnier",
            contact_email="sophie@aquarelle.example",
        )  # fmt: skip
        escalation.record_answer(s, area.client_id, info.id, "Remboursé")
    for name in ("log.csv", "log.pdf"):
        target = tmp_path / name
        monkeypatch.setattr(
            "ui.inbox.inbox_actions.QFileDialog.getSaveFileName",
            lambda *a, target=target, **k: (str(target), ""),
        )
        messages = []
        area.status_message.connect(messages.append)
        area.export_action.trigger()
        qtbot.waitUntil(lambda m=messages: bool(m), timeout=10000)
        area.status_message.disconnect(messages.append)
        assert messages == ["1 escalation exported."]
    with open(tmp_path / "log.csv", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[1][3] == "Sophie Garnier" and rows[1][-1] == "on time"
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "log.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "Sophie" in text and "page 1 / 1" in text
    with area.db.read() as s:
        assert inbox.detail(s, area.client_id, mid).status == "in_progress"
