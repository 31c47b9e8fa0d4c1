"""The Listening area driven like a user, on a real SQLite file, the real keyring and a local
Mastodon search server: items load lazily, search, send to inbox, dismiss, listen now, and a
crisis signal reaches the system tray."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSystemTrayIcon
from sqlalchemy import func, select

from app.connectors.search.base import Found
from app.models.inbox import InboxMessage
from app.models.listening import ListeningItem
from app.services.clients import workspace
from app.services.clients import workspaces as clients
from app.services.listening import store
from app.services.listening.streams import add_stream
from tests.servers.search_mastodon import MastodonSearchServer


@pytest.fixture
def masto():
    with MastodonSearchServer(token="ui-token") as srv:
        yield srv


@pytest.fixture
def client_with_items(sqlite_db, real_keyring, masto):
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Fleurs de Lyon").id
    workspace.add_account_with_token(
        sqlite_db, cid, "mastodon", "fleurs", base_url=masto.base_url, token="ui-token"
    )
    with sqlite_db.session() as s:
        add_stream(s, cid, "keyword", "bouquet")
    now = dt.datetime.now(dt.UTC)
    texts = ["Merci pour ce bouquet magnifique", "Bouquet livré fané, arnaque", "Un bouquet"]
    found = [
        Found(f"old{i}", f"Auteur {i}", f"auteur{i}", texts[i % 3], "",
              now - dt.timedelta(hours=3 + i), 1000 + i)
        for i in range(450)
    ]  # fmt: skip
    with sqlite_db.session() as s:
        store.save_items(s, cid, None, "mastodon", found, {})
    return cid


def _open(qtbot, window, cid):
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.reload_clients()
    window.select_client(cid)
    window.show_area("listening")
    area = window._areas["listening"]
    qtbot.waitUntil(lambda: area.model.rowCount() > 0 and not area.model.loading, timeout=20000)
    return area


def test_browse_search_send_and_dismiss(qtbot, main_window, sqlite_db, client_with_items):
    window = main_window
    window.resize(1366, 768)
    area = _open(qtbot, window, client_with_items)
    assert area.model.rowCount() == 200  # the first page only
    assert area.model.canFetchMore()
    area.model.fetchMore()
    qtbot.waitUntil(lambda: area.model.rowCount() == 400, timeout=20000)
    qtbot.waitUntil(lambda: "450 items" in area.summary.text(), timeout=20000)
    assert "33 % negative" in area.summary.text()
    assert area.top_authors.text().startswith("auteur449 (Mastodon)")  # the label, not the key
    window.grab().save("/tmp/listening-area.png")

    area.search.setText("arnaque")
    qtbot.waitUntil(lambda: area.model.rowCount() == 150 and not area.model.loading, timeout=20000)
    area.table.selectRow(0)
    assert area.send_button.isEnabled()
    qtbot.mouseClick(area.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.model.row_item(0).status == "sent_to_inbox", timeout=20000)
    assert not area.send_button.isEnabled()
    area.table.selectRow(1)
    qtbot.mouseClick(area.dismiss_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.model.row_item(1).status == "dismissed", timeout=20000)
    with sqlite_db.read() as s:
        assert s.scalar(select(func.count()).select_from(InboxMessage)) == 1
        statuses = s.execute(
            select(ListeningItem.status, func.count()).group_by(ListeningItem.status)
        ).all()
    assert dict(statuses) == {"new": 448, "sent_to_inbox": 1, "dismissed": 1}


def test_listen_now_and_the_crisis_reaches_the_tray(
    qtbot, main_window, client_with_items, masto, monkeypatch
):
    shown = []
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda self, title, text, *a: shown.append((title, text))
    )
    area = _open(qtbot, main_window, client_with_items)
    masto.post("Ce bouquet est une honte, arnaque", acct="vedette", followers=90_000,
               at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2))  # fmt: skip
    qtbot.mouseClick(area.sync_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: area.sync_button.isEnabled() and bool(shown), timeout=30000)
    assert "complains publicly" in area.status.text()  # said in the window too
    assert shown[0][0] == "Crisis alert: Fleurs de Lyon"
    assert "90" in shown[0][1] and "followers" in shown[0][1]
    qtbot.waitUntil(
        lambda: getattr(area.model.row_item(0), "author_handle", "") == "vedette", timeout=20000
    )


def test_streams_are_added_and_stopped_from_the_listening_tab(
    qtbot, main_window, sqlite_db, client_with_items
):
    from app.services.listening.streams import list_streams

    window = main_window
    window.resize(1366, 768)
    area = _open(qtbot, window, client_with_items)
    qtbot.mouseClick(area.streams_button, Qt.MouseButton.LeftButton)
    dialog = area.streams_dialog
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)
    assert "bouquet" in dialog.list.item(0).text()
    assert not dialog.add_button.isEnabled()  # nothing typed yet

    dialog.kind.setCurrentIndex(dialog.kind.findData("hashtag"))
    qtbot.keyClicks(dialog.query, "#bouquetdumois")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 2, timeout=10000)
    assert "Hashtag « bouquetdumois » on Mastodon" in dialog.list.item(1).text()

    # a hostile query stays text, and a refusal is one line in the dialog, not a crash
    dialog.kind.setCurrentIndex(dialog.kind.findData("feed"))
    assert not dialog.network.isEnabled()
    qtbot.keyClicks(dialog.query, "<b>pas une adresse</b>")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "http" in dialog.status.text(), timeout=10000)
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText

    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.list.count() == 1, timeout=10000)
    with sqlite_db.read() as s:
        assert [x.query for x in list_streams(s, client_with_items)] == ["bouquetdumois"]
    # what the stopped stream found stays
    with sqlite_db.read() as s:
        assert s.scalar(select(func.count()).select_from(ListeningItem)) == 450
    dialog.close()


def test_one_click_drafts_the_holding_message_for_approval(
    qtbot, main_window, sqlite_db, client_with_items, time_machine
):
    import datetime as dt

    from app.services.calendar.posts import get_post

    # early in an hour: both clicks fall in the same one whatever the day the suite runs
    time_machine.move_to(dt.datetime(2026, 11, 20, 15, 5, tzinfo=dt.UTC), tick=True)

    area = _open(qtbot, main_window, client_with_items)
    with qtbot.waitSignal(area.holding_drafted, timeout=10000) as got:
        qtbot.mouseClick(area.holding_button, Qt.MouseButton.LeftButton)
    with sqlite_db.read() as s:
        post = get_post(s, client_with_items, got.args[0])
    assert post.status == "in_review"
    assert [v.network for v in post.variants] == ["mastodon"]
    assert "approval" in area.status.text() or "approbation" in area.status.text()
    # clicked again (here, or on another seat) within the hour: the same draft, said so
    with qtbot.waitSignal(area.holding_drafted, timeout=10000) as again:
        qtbot.mouseClick(area.holding_button, Qt.MouseButton.LeftButton)
    assert again.args[0] == post.id
    assert "already drafted" in area.status.text()
