"""The inbox's crisis banner offers the charter's holding message in one click."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.connectors.contract import IncomingMessage
from app.services.calendar.posts import get_post
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest


def test_the_crisis_banner_drafts_the_holding_message_for_approval(qtbot, main_window, sqlite_db):
    now = dt.datetime.now(dt.UTC)
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Aquarelle & Pétales").id
        clients.add_account(s, cid, "instagram", "aquarelle", base_url="https://graph.example")
        inbox_ingest.ingest_messages(
            s, cid,
            [IncomingMessage("instagram", f"c{i}", "comment", f"Client {i}", f"c{i}",
                             "Commande jamais reçue, remboursez-moi !",
                             now - dt.timedelta(minutes=3 * i)) for i in range(8)],
        )  # fmt: skip
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(cid)
    main_window.show_area("inbox")
    area = main_window.current_area()
    qtbot.waitUntil(
        lambda: area.banner.isVisible() and area.holding_button.isVisible(), timeout=10000
    )
    assert "Crisis alert" in area.banner.text() or "crise" in area.banner.text()
    said: list[str] = []
    area.status_message.connect(said.append)
    with qtbot.waitSignal(area.holding_drafted, timeout=10000) as got:
        qtbot.mouseClick(area.holding_button, Qt.MouseButton.LeftButton)
    assert said[-1].startswith("Holding message drafted for Instagram:")
    with sqlite_db.read() as s:
        post = get_post(s, cid, got.args[0])
    assert post.status == "in_review"
    assert [v.network for v in post.variants] == ["instagram"]
    # a second click (or another seat's) finds this crisis's post: the same one, and says so
    qtbot.waitUntil(area.holding_button.isEnabled)
    with qtbot.waitSignal(area.holding_drafted, timeout=10000) as again:
        qtbot.mouseClick(area.holding_button, Qt.MouseButton.LeftButton)
    assert again.args[0] == got.args[0]
    assert said[-1].startswith("The holding message of this crisis was already drafted (Instagram)")
