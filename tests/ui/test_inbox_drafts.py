"""A reply being written stays with its message: autosaved, restored, never carried over."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from app.connectors.contract import IncomingMessage
from app.errors import NotFound
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox import drafts as inbox_drafts
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import replies as inbox_replies

NOW = dt.datetime.now(dt.UTC)


def _msg(ext, text, minutes_ago):
    return IncomingMessage(
        "facebook", ext, "comment", f"Auteur {ext}", f"h{ext}", text,
        NOW - dt.timedelta(minutes=minutes_ago),
    )  # fmt: skip


def _seed(db, name="Aquarelle & Pétales"):
    with db.session() as s:
        c = clients.create_client(s, name)
        inbox_ingest.ingest_messages(
            s, c.id, [_msg("a", "Livraison dimanche ?", 5), _msg("b", "Bouquet abîmé", 9)]
        )
        rows = s.scalars(select(InboxMessage).where(InboxMessage.client_id == c.id))
        ids = {m.external_id: m.id for m in rows}
    return c.id, ids


def test_drafts_are_per_message_per_person_and_gone_once_sent(db, monkeypatch):
    cid, ids = _seed(db)
    _other_cid, other_ids = _seed(db, "Banque Solidaire")
    with db.session() as s:
        inbox_drafts.save_draft(s, cid, ids["a"], "Bonjour, oui nous livrons", private=True)
    with db.read() as s:
        assert inbox_drafts.get_draft(s, cid, ids["a"]) == inbox_drafts.Draft(
            ids["a"], "Bonjour, oui nous livrons", True
        )
        assert inbox_drafts.get_draft(s, cid, ids["b"]).text == ""
    monkeypatch.setenv("TRIBUNE_USER", "Léa Autre")
    with db.read() as s:  # another person has her own drafts
        assert inbox_drafts.get_draft(s, cid, ids["a"]).text == ""
    monkeypatch.setenv("TRIBUNE_USER", "Camille Test")
    with pytest.raises(NotFound), db.session() as s:  # scoped by client
        inbox_drafts.save_draft(s, cid, other_ids["a"], "fuite")
    with db.session() as s:
        inbox_replies.create_reply(s, cid, ids["a"], "Bonjour, oui nous livrons")
    with db.read() as s:
        assert inbox_drafts.get_draft(s, cid, ids["a"]).text == ""
    with db.session() as s:
        inbox_drafts.save_draft(s, cid, ids["b"], "x")
        inbox_drafts.save_draft(s, cid, ids["b"], "   ")  # blank discards
    with db.read() as s:
        assert inbox_drafts.get_draft(s, cid, ids["b"]).text == ""


def test_the_reply_box_keeps_each_messages_draft(qtbot, main_window, sqlite_db):
    cid, ids = _seed(sqlite_db)
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(cid)
    main_window.show_area("inbox")
    area = main_window.current_area()
    qtbot.waitUntil(lambda: area.model.rowCount() == 2)
    qtbot.waitUntil(area.idle)

    def row_of(ext):
        return next(r for r in range(area.model.rowCount()) if area.model.row_id(r) == ids[ext])

    area.select_row(row_of("a"))
    qtbot.waitUntil(lambda: area.conv.reply.isEnabled() and area.idle())
    qtbot.keyClicks(area.conv.reply, "Oui, nous livrons le dimanche")
    area.select_row(row_of("b"))  # another author: the box is his, empty
    qtbot.waitUntil(lambda: area.conv.reply.isEnabled() and area.idle())
    assert area.conv.reply.toPlainText() == ""
    area.select_row(row_of("a"))
    qtbot.waitUntil(lambda: area.conv.reply.isEnabled() and area.idle())
    assert area.conv.reply.toPlainText() == "Oui, nous livrons le dimanche"
    qtbot.keyClicks(area.conv.reply, " matin")
    main_window.close()  # quitting sends what was typed, before the timer fires,
    qtbot.waitUntil(lambda: not main_window.isVisible())  # and closes once it landed
    with sqlite_db.read() as s:
        assert (
            inbox_drafts.get_draft(s, cid, ids["a"]).text == "Oui, nous livrons le dimanche matin"
        )
    main_window.show()
    qtbot.mouseClick(area.conv.send, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.idle() and area.conv.reply.toPlainText() == "")
    qtbot.wait(1700)  # past the autosave delay: nothing brings the sent text back
    qtbot.waitUntil(area.idle)
    with sqlite_db.read() as s:
        assert inbox_drafts.get_draft(s, cid, ids["a"]).text == ""
