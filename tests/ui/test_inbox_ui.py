"""The inbox driven through the real widgets: triage, reply, escalate, moderate, import."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from app.connectors.contract import IncomingMessage
from app.errors import ValidationError
from app.models import Contact
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox import escalation
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.people import agency as agency_service
from ui.inbox.inbox_model import InboxListModel

NOW = dt.datetime.now(dt.UTC)


def _msg(ext, text, minutes_ago, handle=None):
    return IncomingMessage(
        "facebook",
        ext,
        "comment",
        f"Auteur {ext}",
        handle or f"h{ext}",
        text,
        NOW - dt.timedelta(minutes=minutes_ago),
    )


@pytest.fixture
def inbox_area(qtbot, main_window, sqlite_db):
    db = sqlite_db
    with db.session() as s:
        c = clients.create_client(s, "Aquarelle & Pétales")
        agency_service.add_staff(s, "Camille Test")
        s.add(Contact(client_id=c.id, name="Sophie Garnier", email="sophie@aquarelle.example"))
        inbox_ingest.ingest_messages(
            s,
            c.id,
            [
                _msg("spam", "Gagnez 500 € avec la crypto, cliquez ici", 5),
                _msg("q", "Quels sont vos horaires <b>dimanche</b> ?", 10),
                _msg("c", "Bouquet jamais reçu, je veux être remboursée", 20),
            ],
        )
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(c.id)
    main_window.show_area("inbox")
    area = main_window.current_area()
    qtbot.waitUntil(lambda: area.model.rowCount() == 3)
    qtbot.waitUntil(area.idle)
    area.db, area.client_id = db, c.id
    return area


def _settle(qtbot, area):
    """Reads and writes run in the TaskRunner: wait until the area has its results."""
    qtbot.waitUntil(area.idle, timeout=5000)


def _row_of(area, ext):
    with area.db.read() as s:
        for r in range(area.model.rowCount()):
            if inbox.detail(s, area.client_id, area.model.row_id(r)).external_id == ext:
                return r
    raise AssertionError(ext)


def _row_id(area, ext):
    return area.model.row_id(_row_of(area, ext))


def _detail(area, ext):
    with area.db.read() as s:
        return inbox.detail(s, area.client_id, area.model.row_id(_row_of(area, ext)))


def _ok(dialog):
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def test_keyboard_triage_assign_categorise_close(qtbot, inbox_area):
    area = inbox_area
    area.table.setFocus()
    assert area.table.currentIndex().row() == 0
    qtbot.keyClick(area.table, Qt.Key.Key_J)
    qtbot.keyClick(area.table, Qt.Key.Key_J)
    assert area.table.currentIndex().row() == 2
    qtbot.keyClick(area.table, Qt.Key.Key_K)
    assert area.table.currentIndex().row() == 1
    _settle(qtbot, area)
    assert "horaires <b>dimanche</b>" in area.conv.thread.toPlainText()  # markup stays text
    qtbot.keyClick(area.table, Qt.Key.Key_A)  # assign to me
    _settle(qtbot, area)
    assert _detail(area, "q").assignee == "Camille Test"
    area.conv.category.setCurrentIndex(area.conv.category.findText("Request"))
    area.conv.category.activated.emit(area.conv.category.currentIndex())
    _settle(qtbot, area)
    assert _detail(area, "q").category == "request"
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_X)  # close: needs a reason
    dialog = area.dialog
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    box = area.findChild(QMessageBox, "errorBox")
    assert box is not None and "reason" in box.text()
    box.close()
    assert _detail(area, "q").status == "in_progress"
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_X)
    dialog = area.dialog
    qtbot.keyClicks(dialog.reason, "Repondu par telephone")
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    with area.db.read() as s:
        closed = inbox.page(s, area.client_id, inbox.InboxFilter(statuses=("closed",))).rows
    assert [r.snippet[:6] for r in closed] == ["Quels "]
    assert area.model.rowCount() == 2  # the open list no longer shows it


def test_bulk_categorise_and_overdue_filter(qtbot, inbox_area):
    area = inbox_area
    area.table.selectAll()
    area.categorise("complaint")
    _settle(qtbot, area)
    with area.db.read() as s:
        cats = {r.category for r in inbox.page(s, area.client_id).rows}
    assert cats == {"complaint"}
    area.search.setText("rembourse")  # accent-free search of "remboursée"
    qtbot.waitUntil(lambda: area.model.rowCount() == 1, timeout=3000)
    area.search.clear()
    qtbot.waitUntil(lambda: area.model.rowCount() == 3, timeout=3000)


def test_reply_with_style_warning_then_send(qtbot, inbox_area):
    area = inbox_area
    area.select_row(_row_of(area, "c"))
    _settle(qtbot, area)
    area.conv.reply.setFocus()
    area.conv.reply.insertPlainText("Désolé, tu peux nous envoyer ta commande ?")
    assert "vous" in area.conv.warnings.text() and "private" in area.conv.warnings.text()
    area.conv.reply.clear()
    area.conv.reply.insertPlainText(
        "Bonjour, nous sommes désolés : pouvez-vous nous écrire en privé ?"
    )
    assert "« tu »" not in area.conv.warnings.text()
    qtbot.keyClick(area.conv.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot, area)
    with area.db.read() as s:
        (reply,) = inbox_ingest.due_replies(s, area.client_id)
    assert reply.text.startswith("Bonjour, nous sommes désolés") and reply.in_reply_to == "c"
    assert area.conv.reply.toPlainText() == ""
    with area.db.read() as s:
        answered = inbox.page(s, area.client_id, inbox.InboxFilter(statuses=("answered",))).rows
    assert [r.category for r in answered] == ["complaint"]
    assert area.model.rowCount() == 2  # gone from the open list


class _MailCatcher(QObject):
    def __init__(self):
        super().__init__()
        self.urls = []

    @Slot("QUrl")
    def open(self, url):
        self.urls.append(url.toString())


def test_escalate_opens_the_mail_client(qtbot, inbox_area):
    area = inbox_area
    catcher = _MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    try:
        area.select_row(_row_of(area, "c"))
        _settle(qtbot, area)
        area.table.setFocus()
        qtbot.keyClick(area.table, Qt.Key.Key_E)
        _settle(qtbot, area)
        dialog = area.dialog
        assert dialog.contact.currentText().startswith("Sophie Garnier")
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
        _settle(qtbot, area)
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    assert catcher.urls and catcher.urls[0].startswith("mailto:sophie@aquarelle.example")
    with area.db.read() as s:
        d = _detail(area, "c")
        (esc,) = escalation.for_message(s, area.client_id, d.id)
    assert d.status == "waiting" and esc.contact_name == "Sophie Garnier"
    area.conv.answer_edit.setText("Remboursement lancé")
    _settle(qtbot, area)
    qtbot.mouseClick(area.conv.answer_add, Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    assert _detail(area, "c").status == "in_progress"
    assert area.conv.reply.toPlainText() == "Hello Auteur, Remboursement lancé"  # a draft


def test_moderation_guard_in_the_dialog(qtbot, inbox_area):
    area = inbox_area
    area.select_row(_row_of(area, "c"))  # a complaint
    _settle(qtbot, area)
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_M)
    dialog = area.dialog
    dialog.rule.setCurrentIndex(0)  # "Insults": hide
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    box = area.findChild(QMessageBox, "errorBox")
    assert box is not None and "complaint cannot be hidden" in box.text()
    box.close()
    assert not _detail(area, "c").hidden
    # spam is deleted by rule; the original stays in the database
    area.select_row(_row_of(area, "spam"))
    _settle(qtbot, area)
    area.window().activateWindow()  # back from the error box
    qtbot.waitUntil(area.window().isActiveWindow)
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_M)
    assert area.dialog is not dialog  # a new dialog, for the spam
    dialog = area.dialog
    dialog.rule.setCurrentIndex([r.key for r in area.rules.moderation].index("spam"))
    qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    assert area.model.rowCount() == 2
    with area.db.read() as s:
        rows = inbox.page(s, area.client_id, inbox.InboxFilter(include_deleted=True)).rows
        assert any(r.deleted and "crypto" in r.snippet for r in rows)


def test_import_with_progress_and_sidebar_badges(qtbot, inbox_area, main_window, tmp_path):
    area = inbox_area
    path = tmp_path / "m.csv"
    path.write_text(
        "network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n"
        + "".join(
            f"mastodon,m{i},mention,A{i},a{i},Bonjour {i},{NOW.isoformat()},,\n" for i in range(30)
        )
        + "mastodon,bad,mention,X,x,texte,pas une date,,\n",
        encoding="utf-8",
    )
    area.import_file(str(path))
    qtbot.waitUntil(lambda: getattr(area, "last_import", None) is not None, timeout=10000)
    assert (area.last_import.added, len(area.last_import.errors)) == (30, 1)
    assert "line 32" in area.import_summary
    report = area.findChild(QMessageBox, "inboxImportReport")
    assert report.text() == "30 added, 0 duplicates, 1 rejected"
    assert report.detailedText().startswith("line 32: bad date pas une date")
    report.close()
    _settle(qtbot, area)
    qtbot.waitUntil(lambda: area.model.rowCount() == 33, timeout=3000)
    main_window.refresh_badges()
    model = main_window.client_model
    qtbot.waitUntil(
        lambda: model._badges.get(area.client_id) and model._badges[area.client_id].unread == 33
    )


def test_list_model_pages_and_passes_the_model_tester(qtmodeltester, sqlite_db):
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "X").id
        inbox_ingest.ingest_messages(s, cid, [_msg(str(i), f"m {i}", i) for i in range(450)])
    model = InboxListModel(db=sqlite_db)  # no services: pages read in this thread

    def fetch(conn, cursor, limit):
        return inbox.page(conn, cid, inbox.InboxFilter(), cursor, limit)

    model.reset_source(fetch)
    assert model.rowCount() == 200 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 450
    assert model.data(model.index(0, 4)) == "m 0"
    before = model.data(model.index(0, 0))
    model.tick(NOW + dt.timedelta(days=30))
    assert not before.startswith("−")
    assert model.data(model.index(0, 0)).startswith("−")  # late now


def test_remind_an_overdue_contact(qtbot, inbox_area):
    area = inbox_area
    mid = area.model.row_id(_row_of(area, "c"))
    with area.db.session() as s:
        escalation.escalate(
            s, area.client_id, mid, contact_name="Sophie Garnier",
            contact_email="sophie@aquarelle.example", now=NOW - dt.timedelta(days=3),
        )  # fmt: skip
    area.status.setCurrentIndex(1)  # all statuses: the message now waits on the client
    _settle(qtbot, area)
    area.select_row(_row_of(area, "c"))
    _settle(qtbot, area)
    assert area.conv.remind.isEnabled()
    assert "overdue" in area.banner.text()
    catcher = _MailCatcher()
    QDesktopServices.setUrlHandler("mailto", catcher, "open")
    try:
        qtbot.mouseClick(area.conv.remind, Qt.MouseButton.LeftButton)
        _settle(qtbot, area)
    finally:
        QDesktopServices.unsetUrlHandler("mailto")
    assert len(catcher.urls) == 1 and "Reminder" in QUrl(catcher.urls[0]).query(
        QUrl.ComponentFormattingOption.FullyDecoded
    )
    with area.db.read() as s:
        (esc,) = escalation.for_message(s, area.client_id, mid)
    assert esc.reminded_at is not None


def test_saved_reply_with_placeholders(qtbot, inbox_area):
    area = inbox_area
    area.select_row(_row_of(area, "q"))
    _settle(qtbot, area)
    area.conv.reply.insertPlainText("Bonjour {first_name}, nous ouvrons le dimanche matin.")
    qtbot.mouseClick(area.conv.save_template, Qt.MouseButton.LeftButton)
    area.dialog.setTextValue("Horaires du dimanche")
    area.dialog.accept()
    _settle(qtbot, area)
    index = area.conv.saved.findText("Horaires du dimanche")
    assert index > 0
    area.conv.reply.clear()
    area.conv.saved.setCurrentIndex(index)
    area.conv.saved.activated.emit(index)
    _settle(qtbot, area)
    assert area.conv.reply.toPlainText() == "Bonjour Auteur, nous ouvrons le dimanche matin."
    with area.db.read() as s:
        (saved,) = inbox_replies.saved_replies(s, area.client_id)
    assert saved.body.startswith("Bonjour {first_name}")


def test_bulk_actions_from_the_context_menu(qtbot, inbox_area):
    area = inbox_area
    area.table.selectAll()
    menu = area.bulk_menu()
    assert menu.actions()[0].text() == "3 selected"
    assign = next(a.menu() for a in menu.actions() if a.text() == "Assign to")
    next(a for a in assign.actions() if a.text() == "Camille Test").trigger()
    _settle(qtbot, area)
    with area.db.read() as s:
        rows = inbox.page(s, area.client_id).rows
    assert {r.assignee for r in rows} == {"Camille Test"}
    assert {r.status for r in rows} == {"in_progress"}
    area.table.selectRow(0)
    priority = next(a.menu() for a in area.bulk_menu().actions() if a.text() == "Priority")
    next(a for a in priority.actions() if a.text() == "Urgent").trigger()
    _settle(qtbot, area)
    assert area.model.data(area.model.index(0, 3)).startswith("‼ ")
    area.table.selectAll()
    close = next(a for a in area.bulk_menu().actions() if a.text() == "Ignore…")
    close.trigger()
    area.dialog.reason.setText("Hors sujet")
    qtbot.mouseClick(_ok(area.dialog), Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    assert area.model.rowCount() == 0
    with area.db.read() as s:
        ignored = inbox.count(s, area.client_id, inbox.InboxFilter(statuses=("ignored",)))
    assert ignored == 3


def test_the_conversation_says_what_moderation_did_on_the_network(qtbot, inbox_area):
    """Hidden in Tribune, then sent by the sync: the CM reads whether the network did it."""
    from app.services.inbox import moderation, moderation_push

    area = inbox_area
    area.select_row(_row_of(area, "q"))
    _settle(qtbot, area)
    area.table.setFocus()
    qtbot.keyClick(area.table, Qt.Key.Key_M)
    area.dialog.rule.setCurrentIndex(0)  # "Insults": hide
    qtbot.mouseClick(_ok(area.dialog), Qt.MouseButton.LeftButton)
    _settle(qtbot, area)
    area.select_row(_row_of(area, "q"))
    _settle(qtbot, area)
    assert area.conv.meta.text().startswith("Facebook · comment · ")  # labels, not keys
    filters = {area.network.itemText(i) for i in range(area.network.count())}
    assert {"Facebook", "LinkedIn", "X"} <= filters and "facebook" not in filters
    assert area.model.index(_row_of(area, "q"), 2).data() == "Facebook"  # network column
    assert "hiding: sent to the network at the next sync" in area.conv.meta.text()
    with area.db.session() as s:  # what the sync writes when the API has no such call
        (due,) = moderation_push.due_moderation(s, area.client_id, "facebook", 0, True)
        moderation_push.record(s, due, "unsupported", "<b>Facebook</b> does not allow this")
        assert moderation.history(s, area.client_id)[0].network_state == "unsupported"
    area.select_row(_row_of(area, "spam"))
    _settle(qtbot, area)
    area.select_row(_row_of(area, "q"))
    _settle(qtbot, area)
    meta = area.conv.meta
    assert "hiding: in Tribune only (<b>Facebook</b> does not allow this)" in meta.text()
    assert meta.textFormat() == Qt.TextFormat.PlainText  # the network's words, not HTML


def test_handles_are_shown_as_each_network_writes_them():
    from ui.inbox.inbox_conversation import shown_handle

    assert shown_handle("@bob") == "@bob"  # Mastodon, Bluesky, X give the "@"
    assert shown_handle("lea.fournier") == "@lea.fournier"  # imported without it
    assert shown_handle("100004567") == "100004567"  # a Facebook user id
    assert shown_handle("urn:li:person:abc") == "urn:li:person:abc"  # LinkedIn


def test_a_private_message_is_answered_privately(qtbot, inbox_area):
    """Replying to a direct message can never publish the answer in public."""
    area = inbox_area
    with area.db.session() as s:
        inbox_ingest.ingest_messages(
            s,
            area.client_id,
            [IncomingMessage("facebook", "dm", "message", "Léa", "lea", "Ma commande ?", NOW)],
        )
    area.refresh()
    qtbot.waitUntil(lambda: area.model.rowCount() == 4, timeout=5000)
    _settle(qtbot, area)
    area.select_row(_row_of(area, "q"))  # a comment: the user chooses
    _settle(qtbot, area)
    assert area.conv.private.isEnabled() and not area.conv.private.isChecked()
    area.select_row(_row_of(area, "dm"))
    _settle(qtbot, area)
    assert area.conv.private.isChecked() and not area.conv.private.isEnabled()
    assert "always answered privately" in area.conv.private.toolTip()
    area.conv.reply.setFocus()
    area.conv.reply.insertPlainText("Bonjour Léa, elle part ce soir.")
    qtbot.keyClick(area.conv.reply, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    _settle(qtbot, area)
    with area.db.read() as s:
        (reply,) = inbox_ingest.due_replies(s, area.client_id)
    assert reply.private and reply.in_reply_to == "dm"
    # and the service itself refuses to answer a private message in public
    with area.db.session() as s:
        mid = inbox.page(s, area.client_id, inbox.InboxFilter(search="commande")).rows[0].id
        rid = inbox_replies.create_reply(  # a second reply: the user said "queue it too"
            s, area.client_id, mid, "Encore un mot", private=False, also_if_queued=True
        )
        assert s.get(InboxMessage, rid).reply_private


def test_no_private_answer_where_the_network_has_none(qtbot, inbox_area):
    """Bluesky and LinkedIn cannot answer privately: the box says so instead of a failed sync."""
    area = inbox_area
    with area.db.session() as s:
        inbox_ingest.ingest_messages(
            s,
            area.client_id,
            [
                IncomingMessage(
                    "bluesky", "bs", "mention", "Léo", "leo.bsky.social", "Ma commande ?", NOW
                )
            ],
        )
    area.refresh()
    qtbot.waitUntil(lambda: area.model.rowCount() == 4, timeout=5000)
    _settle(qtbot, area)
    area.select_row(_row_of(area, "bs"))
    _settle(qtbot, area)
    assert not area.conv.private.isEnabled() and not area.conv.private.isChecked()
    assert "Bluesky has no private answer" in area.conv.private.toolTip()
    area.select_row(_row_of(area, "q"))  # a Facebook comment: the choice is the user's again
    _settle(qtbot, area)
    assert area.conv.private.isEnabled()
    with area.db.session() as s, pytest.raises(ValidationError, match="reply in public"):
        mid = _row_id(area, "bs")
        inbox_replies.create_reply(s, area.client_id, mid, "Bonjour", private=True)
