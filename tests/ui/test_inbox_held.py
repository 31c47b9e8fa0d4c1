"""A YouTube comment held for review, as the inbox shows it: in the list as hidden, and under
the message "Held for review by YouTube" — the network's own words, not "hiding: done on the
network". Rendered offscreen at 1366×768 (``TRIBUNE_SHOTS=dir`` keeps the PNG)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from app.connectors.contract import IncomingMessage
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
