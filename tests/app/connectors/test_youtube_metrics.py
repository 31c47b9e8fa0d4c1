"""YouTube channel numbers (``channels.list part=statistics``) read once a day by the sync:
subscribers as followers beside the other networks' in Charts, videos as posts, the views to
date kept whole (past two billion) — real HTTP on loopback, SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from app.connectors.base import AccountRef, BadResponse
from app.connectors.http import Http
from app.models.metrics import AccountMetricDay
from app.services.clients import workspaces as clients
from app.services.reports.dashboard import dashboard_data
from app.services.reports.periods import period_for
from app.services.sync.engine import sync_client
from tests.servers.google import CHANNEL, GoogleServer

DAY1 = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)


def _sync(db, cid, now):
    return sync_client(
        db,
        cid,
        token_of=lambda cu, au: "yt-token",
        http=Http(httpx.Client(timeout=5), retries=0),
        now=now,
        publish=False,
    )


def test_channel_numbers_are_recorded_daily_and_charted(db):
    with GoogleServer() as srv:
        srv.tokens.add("yt-token")
        with db.session() as s:
            cid = clients.create_client(s, "Boulangerie Dupré").id
            account = clients.add_account(
                s, cid, "youtube", CHANNEL, base_url=srv.base_url + "/youtube/v3"
            )
        assert _sync(db, cid, DAY1).ok
        srv.statistics.update(subscriberCount="4900", viewCount="3123500000", videoCount="58")
        assert _sync(db, cid, DAY1 + dt.timedelta(hours=2)).ok  # once a day: not read again
        assert _sync(db, cid, DAY1 + dt.timedelta(days=1)).ok
        with db.read() as s:
            rows = [
                (r.day, r.followers, r.posts, r.views_total, r.impressions)
                for r in s.query(AccountMetricDay).order_by(AccountMetricDay.day)
            ]
            data = dashboard_data(
                s, cid, period_for("month", dt.date(2026, 11, 1)), today=dt.date(2026, 11, 30)
            )
        assert rows == [
            (dt.date(2026, 11, 2), 4820, 57, 3123456789, None),
            (dt.date(2026, 11, 3), 4900, 58, 3123500000, None),
        ]
        series = data.followers[account.id]
        assert series[1:3] == (4820, 4900)
        assert data.figure("followers").value == 4900


def test_a_hidden_subscriber_count_is_no_number_and_no_statistics_is_an_error():
    with GoogleServer() as srv, Http(retries=0) as http:
        srv.tokens.add("tok")
        account = AccountRef(1, 1, "youtube", CHANNEL, srv.base_url + "/youtube/v3", "tok")
        from app.connectors.youtube import YouTubeConnector

        yt = YouTubeConnector(account, http)
        srv.statistics["hiddenSubscriberCount"] = True
        (sample,) = yt.account_samples(dt.date(2026, 11, 2))
        assert (sample.followers, sample.posts) == (None, 57)
        srv.statistics.clear()
        with pytest.raises(BadResponse):
            yt.account_samples(dt.date(2026, 11, 2))
