"""X and YouTube competitors, sampled from local servers speaking their documented APIs, drawn
in the Charts area's comparison beside the client's own account. Rendered offscreen at
1366×768 (``TRIBUNE_SHOTS=dir`` keeps the PNG)."""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.connectors.contract import AccountMetricSample
from app.services.clients import workspaces as clients
from app.services.listening.competitors import sample_competitors
from app.services.listening.streams import add_stream
from app.services.reports.metrics import record_account_samples
from tests.servers.search_x_profiles import XProfilesServer
from tests.servers.youtube_search import YouTubeSearchServer

NOW = dt.datetime(2026, 6, 20, 8, 0, tzinfo=dt.UTC)


@pytest.fixture(autouse=True)
def _fixed_day(time_machine):
    time_machine.move_to(
        dt.datetime(2026, 6, 20, 10, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=True
    )


def _texts(figure) -> str:
    from matplotlib.text import Text

    return " | ".join(t.get_text() for t in figure.findobj(Text) if t.get_text())


def test_x_and_youtube_competitors_in_the_comparison_chart(qtbot, main_window, sqlite_db):
    with XProfilesServer(token="x-tok") as x, YouTubeSearchServer(token="yt-tok") as yt:
        x.profile_of("RivalFleurs", name="Rival Fleurs", followers=48_000, tweet_count=5_100)
        x.tweeted("RivalFleurs", NOW - dt.timedelta(days=1), likes=30)
        yt.channel("UCrival", "Rival TV", 120_000, handle="@rivaltv", videos=340)
        with sqlite_db.session() as s:
            cid = clients.create_client(s, "Aquarelle").id
            acc = clients.add_account(s, cid, "x", "aquarelle", base_url=x.base_url)
            clients.add_account(s, cid, "youtube", "UCours", base_url=yt.api)
            record_account_samples(s, cid, [
                AccountMetricSample(acc.id, NOW.date() - dt.timedelta(days=27 - i),
                                    followers=30_000 + 10 * i, impressions=900, engagements=60,
                                    posts=1)
                for i in range(28)
            ])  # fmt: skip
            add_stream(s, cid, "competitor", "RivalFleurs", "x")
            add_stream(s, cid, "competitor", "@rivaltv", "youtube")
        tokens = {"x": "x-tok", "youtube": "yt-tok"}

        def token_of(client_uid, account_uid):
            with sqlite_db.read() as s:
                accounts = clients.list_accounts(s, cid)
            return tokens[next(a.network for a in accounts if a.uid == account_uid)]

        reports = sample_competitors(sqlite_db, cid, token_of=token_of, now=NOW)
    assert sorted((r.network, r.sampled, r.error) for r in reports) == [
        ("x", True, ""),
        ("youtube", True, ""),
    ]
    main_window.resize(1366, 768)
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(select_id=cid)
    main_window.show_area("charts")
    area = main_window._areas["charts"]
    qtbot.waitUntil(lambda: area.data is not None and area.data.client_id == cid, timeout=20000)
    panel = area.panels["competitors"]
    text = _texts(panel.figure)
    assert "Rival TV · YouTube" in text and "Rival Fleurs · X" in text
    assert "Aquarelle · X" in text  # the client's own X account beside them
    assert "120,000" in text and "48,000" in text
    # the axes' numbers never run into each other ("100,000" and "120,000" did)
    renderer = panel.figure.canvas.get_renderer()
    for ax in panel.figure.axes:
        boxes = [
            t.get_window_extent(renderer)
            for t in ax.get_xticklabels()
            if t.get_visible()
            and t.get_text()
            and ax.get_xlim()[0] <= t.get_position()[0] <= ax.get_xlim()[1]
        ]
        boxes.sort(key=lambda b: b.x0)
        assert all(a.x1 + 2 <= b.x0 for a, b in itertools.pairwise(boxes)), [b.x0 for b in boxes]
    area.scroll.ensureWidgetVisible(panel)
    qtbot.wait(300)
    assert panel.picture is not None and not panel.picture.pixmap().isNull()
    folder = os.environ.get("TRIBUNE_SHOTS")
    if folder:
        main_window.grab().save(str(Path(folder) / "charts-competitors-x-youtube-1366.png"))
