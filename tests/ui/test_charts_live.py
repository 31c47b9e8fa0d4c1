"""The Charts area follows other seats, on a SQLite file and on PostgreSQL: metrics recorded
by another process (a sync, an import, the CLI) show in the open charts within a few seconds,
without a click; a change for another client does not reload them."""

from __future__ import annotations

import datetime as dt
import sys
import textwrap
import time
from zoneinfo import ZoneInfo

import pytest

from app.connectors.contract import AccountMetricSample
from app.services.clients import workspaces as clients
from app.services.reports.metrics import record_account_samples
from tests.conftest import db_url_of
from tests.harness import popen as forked
from ui.areas import AreaServices
from ui.charts.area import ChartsArea
from ui.live import LiveFeed
from ui.tasks import TaskRunner

TODAY = dt.date(2026, 6, 20)


@pytest.fixture(autouse=True)
def _fixed_day(time_machine):
    time_machine.move_to(
        dt.datetime(2026, 6, 20, 10, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=True
    )


@pytest.fixture
def charts(qtbot, db, ui_settings):
    with db.session() as s:
        ids = []
        for name in ("Aquarelle", "Nuage"):
            info = clients.create_client(s, name, timezone="Europe/Paris")
            acc = clients.add_account(s, info.id, "mastodon", name.lower(), base_url="https://m.ex")
            days = [TODAY - dt.timedelta(days=n) for n in range(1, 20)]
            record_account_samples(
                s, info.id, [AccountMetricSample(acc.id, d, followers=1000) for d in days]
            )
            ids.append((info.id, acc.id))
        info = clients.get_client(s, ids[0][0])
    tasks = TaskRunner()
    feed = LiveFeed(db)
    feed.start()
    qtbot.waitUntil(lambda: feed.state == "live", timeout=5000)
    area = ChartsArea(AreaServices(db, tasks, ui_settings, feed))
    qtbot.addWidget(area)
    area.resize(1366, 768)
    area.show()
    with qtbot.waitSignal(area.loaded, timeout=20000):
        area.set_client(info)
    yield area, ids
    feed.stop()
    tasks.wait(10000)


def _other_seat(db, client_id: int, account_id: int, followers: int) -> float:
    script = textwrap.dedent(
        f"""
        import datetime as dt
        from app.connectors.contract import AccountMetricSample
        from app.db import Database
        from app.services.reports.metrics import record_account_samples
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            sample = AccountMetricSample({account_id}, dt.date(2026, 6, 20), followers={followers})
            record_account_samples(s, {client_id}, [sample])
        db.dispose()
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    return time.monotonic()


def test_metrics_written_by_another_process_show_in_the_open_charts(qtbot, db, charts):
    area, ((cid, acc), (other_cid, other_acc)) = charts
    assert 77777 not in area.data.followers[acc]
    loads = []
    area.loaded.connect(lambda: loads.append(time.monotonic()))
    _other_seat(db, other_cid, other_acc, 55555)  # another client: nothing to redo here
    qtbot.wait(1500)
    assert loads == []
    committed = _other_seat(db, cid, acc, 77777)
    qtbot.waitUntil(lambda: 77777 in area.data.followers[acc], timeout=8000)
    assert loads and loads[0] - committed < 8.0
    assert area.figure_labels["followers"][1].text() == "77,777"


def test_a_competitor_sampled_by_another_process_shows_in_the_open_charts(qtbot, db, charts):
    """Competitor samples are daily numbers like the account's own: they are announced as
    metrics, so the comparison chart follows the background listening of any seat."""
    area, ((cid, _acc), _other) = charts
    assert not any(not row.ours for row in area.data.competitors)
    script = textwrap.dedent(
        f"""
        import datetime as dt
        from app.db import Database
        from app.models.listening import CompetitorSample
        db = Database({db_url_of(db)!r})
        with db.session() as s:
            s.add(CompetitorSample(client_id={cid}, network="mastodon", handle="rival@m.ex",
                                   name="Fleurs Rivales", day=dt.date(2026, 6, 19),
                                   followers=4321, posts_total=10, posts_7d=3, engagements_7d=30))
        db.dispose()
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    qtbot.waitUntil(
        lambda: any(row.name == "Fleurs Rivales" for row in area.data.competitors), timeout=8000
    )
