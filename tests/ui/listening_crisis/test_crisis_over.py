"""The Listening area, driven like a user on a real SQLite file: the holding message is one per
crisis — a second click after hh:00 opens the same draft — and "Crisis over" closes the
crisis so that the next one gets its own message. Rendered offscreen at 1366×768
(``TRIBUNE_SHOTS=dir`` keeps the PNG)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from PySide6.QtCore import Qt

from app.services.calendar.posts import get_post
from app.services.clients import workspaces as clients
from app.services.listening.episodes import recent_episodes

T0 = dt.datetime(2026, 11, 20, 15, 59, 40, tzinfo=dt.UTC)


def _open(qtbot, window, cid):
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.reload_clients()
    window.select_client(cid)
    window.show_area("listening")
    return window._areas["listening"]


def _click_holding(qtbot, area) -> int:
    with qtbot.waitSignal(area.holding_drafted, timeout=10000) as got:
        qtbot.mouseClick(area.holding_button, Qt.MouseButton.LeftButton)
    return int(got.args[0])


def test_one_holding_message_per_crisis_and_crisis_over(
    qtbot, main_window, sqlite_db, time_machine
):
    time_machine.move_to(T0, tick=False)
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        clients.add_account(s, cid, "mastodon", "@aq", base_url="https://m.example")
    main_window.resize(1366, 768)
    area = _open(qtbot, main_window, cid)
    qtbot.waitUntil(lambda: area.streams.text() != "", timeout=10000)
    assert not area.crisis_over_button.isVisible()  # calm: nothing to close

    first = _click_holding(qtbot, area)
    assert area.crisis_over_button.isVisible()
    time_machine.move_to(T0 + dt.timedelta(seconds=40), tick=False)  # 16:00:20, next hour
    assert _click_holding(qtbot, area) == first
    assert "already drafted" in area.status.text()
    folder = os.environ.get("TRIBUNE_SHOTS")
    if folder:
        main_window.grab().save(str(Path(folder) / "listening-crisis-1366.png"))

    qtbot.mouseClick(area.crisis_over_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not area.crisis_over_button.isVisible(), timeout=10000)
    assert "closed" in area.status.text()
    with sqlite_db.read() as s:
        (episode,) = recent_episodes(s, cid)
    assert episode.closed_at is not None and episode.closed_by  # who said it was over

    time_machine.move_to(T0 + dt.timedelta(hours=2), tick=False)
    second = _click_holding(qtbot, area)
    with sqlite_db.read() as s:
        uids = {get_post(s, cid, first).uid, get_post(s, cid, second).uid}
    assert len(uids) == 2  # a new crisis, a new holding message
    assert "drafted for" in area.status.text()
