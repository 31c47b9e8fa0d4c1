"""The Listening area follows other seats, on a SQLite file and on PostgreSQL: items another
process stored and a crisis another seat declared over show in the open area within a few
seconds, without a click; the selected item stays selected."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap

import pytest

from app.connectors.search.base import Found
from app.services.clients import workspaces as clients
from app.services.listening import store
from app.services.listening.episodes import signal_episode
from tests.conftest import db_url_of
from tests.harness import popen as forked
from ui.areas import AreaServices
from ui.listening.area import ListeningArea
from ui.live import LiveFeed
from ui.tasks import TaskRunner

NOW = dt.datetime(2026, 6, 20, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _fixed_day(time_machine):
    time_machine.move_to(NOW, tick=True)


def _found(prefix: str, n: int) -> list[Found]:
    return [
        Found(f"{prefix}{i}", f"Auteur {i}", f"auteur{i}", f"Bouquet {prefix} {i}", "",
              NOW - dt.timedelta(minutes=10 + i), 100 + i)
        for i in range(n)
    ]  # fmt: skip


@pytest.fixture
def listening(qtbot, db, ui_settings):
    with db.session() as s:
        info = clients.create_client(s, "Fleurs de Lyon", timezone="Europe/Paris")
        other = clients.create_client(s, "Nuage", timezone="Europe/Paris")
        store.save_items(s, info.id, None, "mastodon", _found("a", 5), {})
        signal_episode(s, info.id, NOW - dt.timedelta(minutes=5))
    tasks = TaskRunner()
    feed = LiveFeed(db)
    feed.start()
    qtbot.waitUntil(lambda: feed.state == "live", timeout=5000)
    area = ListeningArea(AreaServices(db, tasks, ui_settings, feed))
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    area.set_client(info)
    qtbot.waitUntil(lambda: area.model.rowCount() == 5 and not area.model.loading, timeout=20000)
    qtbot.waitUntil(area.crisis_over_button.isVisible, timeout=20000)
    yield area, info.id, other.id
    feed.stop()
    tasks.wait(10000)


def _other_seat(db, code: str) -> None:
    script = (
        textwrap.dedent(
            f"""
        import datetime as dt
        from app.connectors.search.base import Found
        from app.db import Database
        from app.services.listening import store
        from app.services.listening.episodes import close_episode
        NOW = dt.datetime(2026, 6, 20, 8, 0, tzinfo=dt.UTC)
        db = Database({db_url_of(db)!r})
        with db.session() as s:
        """
        )
        + textwrap.indent(textwrap.dedent(code), "    ")
        + "db.dispose()\n"
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)


def test_items_and_the_end_of_a_crisis_from_another_seat_show_here(qtbot, db, listening):
    area, cid, _ = listening
    area.table.selectRow(2)
    selected = area.model.row_item(2).external_id
    _other_seat(
        db,
        f"""
        found = [Found("b1", "Nouvelle", "nouvelle", "Bouquet arrivé", "",
                       NOW - dt.timedelta(minutes=1), 10)]
        store.save_items(s, {cid}, None, "mastodon", found, {{}})
        close_episode(s, {cid}, by="Alex (other seat)")
        """,
    )
    qtbot.waitUntil(lambda: area.model.rowCount() == 6, timeout=10000)
    qtbot.waitUntil(lambda: not area.crisis_over_button.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: "6 items" in area.summary.text(), timeout=10000)
    rows = area.table.selectionModel().selectedRows()
    assert [area.model.row_item(r.row()).external_id for r in rows] == [selected]


def test_another_clients_items_do_not_reload_this_area(qtbot, db, listening):
    area, _, other = listening
    reloads = []
    area.model.layoutChanged.connect(lambda: reloads.append(1))
    _other_seat(
        db,
        f"""
        store.save_items(s, {other}, None, "mastodon",
                         [Found("z", "Z", "z", "Nuage", "", NOW, 1)], {{}})
        """,
    )
    qtbot.wait(2500)  # the feed polls within a second on SQLite; PostgreSQL is notified
    assert reloads == []
    assert area.model.rowCount() == 5
