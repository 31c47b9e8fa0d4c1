"""The background sync listens for every client and shows a crisis in the system tray.

Real widgets and a real database: the sync timer's run (``SyncBar.sync_all``) syncs the
clients' accounts, then searches their listening streams and checks the charter's crisis
signals; a complaint spike in the inbox fires the charter's signal, which the tray shows once
(the same signal within the hour is not told again, whichever seat saw it first).
"""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.clients import workspaces as clients
from app.services.listening.background import clients_to_listen, listen_all
from tests.app.services.listening.test_listening_crisis import NOW, calm_month, inbox, make_client
from ui.sync.sync_bar import SyncBar
from ui.tasks import TaskRunner


@pytest.fixture
def at_now(time_machine):
    time_machine.move_to(NOW, tick=True)


def _client_with_placeholder_account(db) -> int:
    cid = make_client(db)
    with db.session() as s:  # the demo's kind of account: never contacted by the sync
        clients.add_account(s, cid, "mastodon", "@aquarelle", base_url="https://aquarelle.example")
    return cid


def test_background_run_shows_the_charters_crisis_signal_in_the_tray_once(qtbot, db, at_now):
    cid = _client_with_placeholder_account(db)
    calm_month(db, cid)
    inbox(db, cid, [("Scandale, remboursez !", NOW - dt.timedelta(minutes=m)) for m in range(6)])
    tasks = TaskRunner()
    bar = SyncBar(tasks)
    qtbot.addWidget(bar)
    bar.set_database(db)
    with qtbot.waitSignal(bar.listened, timeout=60_000) as got:
        bar.sync_all()
    heard = {c.client_id: c for c in got.args[0]}
    assert [a.signal for a in heard[cid].alerts] == ["complaints"]
    assert len(bar.tray.messages) == 1
    title, text = bar.tray.messages[0]
    assert title == "Crisis alert: Aquarelle"
    assert "6 complaints" in text
    # the next background run in the same hour: the signal was told, nobody is told again
    with qtbot.waitSignal(bar.listened, timeout=60_000) as again:
        bar.sync_all()
    assert [c.alerts for c in again.args[0] if c.client_id == cid] == [()]
    assert len(bar.tray.messages) == 1
    assert tasks.wait(10_000)


def test_a_calm_client_fires_nothing_and_every_active_client_is_listened_to(db, at_now):
    calm = _client_with_placeholder_account(db)
    calm_month(db, calm)
    with db.session() as s:
        idle = clients.create_client(s, "Sans comptes").id  # no account, no stream
    assert [cid for cid, _ in clients_to_listen(db)] == [calm]
    assert idle not in [c.client_id for c in listen_all(db)]
    assert [c.alerts for c in listen_all(db)] == [()]
