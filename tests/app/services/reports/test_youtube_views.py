"""YouTube's lifetime views (``views_total``) read by the sync each day are drawn in Charts on
the audience chart — one dashed series per channel on a right-hand axis, beside its
subscribers — exported in its CSV, and drawn in the monthly report's audience chart; nothing
changes for a client without YouTube. Real HTTP on loopback against a local Google, SQLite
and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import httpx

from app.charts import figures
from app.charts.figures import build
from app.charts.tables import chart_table
from app.connectors.http import Http
from app.services.clients import workspaces as clients
from app.services.reports.dashboard import dashboard_data
from app.services.reports.periods import period_for
from app.services.sync.engine import sync_client
from tests.servers.google import CHANNEL, GoogleServer

DAY1 = dt.datetime(2026, 11, 2, 9, tzinfo=dt.UTC)
VIEWS = (3_123_456_789, 3_123_500_000, 3_124_000_000)


def _channel_with_three_days(db) -> tuple[int, int]:
    with GoogleServer() as srv:
        srv.tokens.add("yt-token")
        with db.session() as s:
            cid = clients.create_client(s, "Boulangerie Dupré").id
            account = clients.add_account(
                s, cid, "youtube", CHANNEL, base_url=srv.base_url + "/youtube/v3"
            )
            clients.add_account(s, cid, "mastodon", "dupre@piaille.fr")  # no views: none drawn
        for n, views in enumerate(VIEWS):
            srv.statistics.update(viewCount=str(views), subscriberCount=str(4820 + 40 * n))
            report = sync_client(
                db,
                cid,
                token_of=lambda cu, au: "yt-token",
                http=Http(httpx.Client(timeout=5), retries=0),
                now=DAY1 + dt.timedelta(days=n),
                publish=False,
            )
            assert any(a.network == "youtube" and a.outcome == "ok" for a in report.accounts)
    return cid, account.id


def _data(db, cid):
    with db.read() as s:
        return dashboard_data(
            s, cid, period_for("month", dt.date(2026, 11, 1)), today=dt.date(2026, 11, 30)
        )


def test_views_are_drawn_beside_subscribers_and_exported(db):
    cid, yt = _channel_with_three_days(db)
    data = _data(db, cid)
    assert data.views_total[yt][1:4] == VIEWS
    fig = build("audience", data, "fr")
    left, right = fig.axes
    (subscribers,) = left.get_lines()
    (views,) = right.get_lines()
    assert [int(v) for v in subscribers.get_ydata()[1:4]] == [4820, 4860, 4900]
    assert [int(v) for v in views.get_ydata()[1:4]] == list(VIEWS)
    assert views.get_linestyle() == "--" and views.get_color() == subscribers.get_color()
    assert right.get_ylabel() == "Views (total)"
    legend = [t.get_text() for t in left.get_legend().get_texts()]
    assert legend == ["YouTube · " + CHANNEL, f"YouTube · {CHANNEL}: views (total)"]
    header, rows = chart_table("audience", data)
    assert header[-1] == f"youtube:{CHANNEL}:views_total"
    assert rows[2][-1] == VIEWS[1] and rows[10][-1] == ""
    assert not any("mastodon" in h and "views" in h for h in header)


def test_without_views_the_audience_chart_is_as_before(db):
    with db.session() as s:
        cid = clients.create_client(s, "Fleuriste").id
    data = _data(db, cid)
    assert data.views_total == {} or not any(
        v is not None for s in data.views_total.values() for v in s
    )
    fig = build("audience", data, "en")
    assert len(fig.axes) == 1


def test_the_monthly_report_draws_the_views_in_its_audience_chart(db, tmp_path, monkeypatch):
    from app.documents.report_pdf import render_report

    cid, _yt = _channel_with_three_days(db)
    drawn = []
    real = figures.draw_views

    def spy(ax, data, x, language):
        right = real(ax, data, x, language)
        drawn.append([list(line.get_ydata()[1:4]) for line in right.get_lines()])
        return right

    monkeypatch.setattr(figures, "draw_views", spy)
    result = render_report(db, cid, "2026-11", tmp_path / "report.pdf", language="en")
    assert result.path.exists() and result.has_metrics
    assert drawn == [[list(map(float, VIEWS))]]
