"""A YouTube comment held for review, as the inbox shows it: in the list as hidden, and under
the message "Held for review by YouTube" — the network's own words, not "hiding: done on the
network". Rendered offscreen at 1366×768 (``TRIBUNE_SHOTS=dir`` keeps the PNG)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import select

from app.connectors.contract import IncomingMessage
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


def test_a_held_comment_says_youtube_holds_it(qtbot, main_window, sqlite_db):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Boulangerie Dupré")
        account = clients.add_account(s, c.id, "youtube", "UCdupre", base_url="https://y.example")
        inbox_ingest.ingest_messages(
            s,
            c.id,
            [
                IncomingMessage(
                    "youtube",
                    f"Ugz{n}",
                    "comment",
                    author,
                    f"UCfan{n}",
                    text,
                    NOW - dt.timedelta(minutes=n),
                    account_id=account.id,
                    held=held,
                )
                for n, author, text, held in (
                    (1, "Chloé", "Vous livrez à Aubagne ?", False),
                    (2, "Marc", "Gagnez un iPhone, cliquez ici", True),
                )
            ],
            now=NOW,
        )
    main_window.resize(1366, 768)
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(c.id)
    main_window.show_area("inbox")
    area = main_window.current_area()
    qtbot.waitUntil(lambda: area.model.rowCount() == 2)
    qtbot.waitUntil(area.idle)
    with sqlite_db.read() as s:
        rows = {
            inbox.detail(s, c.id, area.model.row_id(r)).external_id: r
            for r in range(area.model.rowCount())
        }
    area.select_row(rows["Ugz2"])
    qtbot.waitUntil(area.idle, timeout=5000)
    meta = area.conv.meta.text()
    assert "hidden" in meta and "• Held for review by YouTube" in meta
    assert "done on the network" not in meta
    area.select_row(rows["Ugz1"])
    qtbot.waitUntil(area.idle, timeout=5000)
    assert "Held for review" not in area.conv.meta.text()
    area.select_row(rows["Ugz2"])
    qtbot.waitUntil(area.idle, timeout=5000)
    folder = os.environ.get("TRIBUNE_SHOTS")
    if folder:
        main_window.grab().save(str(Path(folder) / "inbox-held-1366.png"))


def _held(n: int, account_id: int, decided: str = "") -> IncomingMessage:
    return IncomingMessage(
        "youtube",
        f"Ugz{n}",
        "comment",
        f"Fan {n}",
        f"UCfan{n}",
        f"Commentaire {n}",
        NOW - dt.timedelta(minutes=n),
        account_id=account_id,
        held=not decided,
        decided=decided,
    )


def test_a_held_comment_decided_in_studio_says_what_became_of_it(qtbot, main_window, sqlite_db):
    """Published or rejected in YouTube Studio, the conversation says so under the message —
    not nothing, as it did when the entry left the held state."""
    from app.services.inbox.held import settle_held

    with sqlite_db.session() as s:
        c = clients.create_client(s, "Boulangerie Dupré")
        account = clients.add_account(s, c.id, "youtube", "UCdupre", base_url="https://y.example")
        inbox_ingest.ingest_messages(s, c.id, [_held(n, account.id) for n in (1, 2)], now=NOW)
        later = NOW + dt.timedelta(hours=1)
        decided = [_held(1, account.id, "published"), _held(2, account.id, "rejected")]
        assert settle_held(s, c.id, decided, now=later) == 2
    main_window.resize(1366, 768)
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(c.id)
    main_window.show_area("inbox")
    area = main_window.current_area()
    qtbot.waitUntil(lambda: area.model.rowCount() >= 1)
    qtbot.waitUntil(area.idle)
    with sqlite_db.read() as s:
        shown = {
            inbox.detail(s, c.id, area.model.row_id(r)).external_id: r
            for r in range(area.model.rowCount())
        }
        rejected = s.scalar(select(InboxMessage.id).where(InboxMessage.external_id == "Ugz2"))
        rejected_detail = inbox.detail(s, c.id, rejected)
    area.select_row(shown["Ugz1"])
    qtbot.waitUntil(area.idle, timeout=5000)
    assert "• Held for review by YouTube, then published" in area.conv.meta.text()
    # the rejected one is deleted (its original kept): the list leaves it out, its page says why
    assert "Ugz2" not in shown
    area.conv.show_detail(rejected_detail, "Europe/Paris")
    assert "• Held for review by YouTube, then rejected" in area.conv.meta.text()
