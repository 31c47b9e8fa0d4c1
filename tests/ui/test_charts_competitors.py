"""The competitors' chart in the Charts area: followers and engagement per post, each
competitor beside the client's own accounts, its "⋯" menu, and an empty state when no
competitor is sampled. Rendered offscreen at 1366×768 (``TRIBUNE_SHOTS=dir`` keeps the PNGs)."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert

from app.connectors.contract import AccountMetricSample
from app.models.listening import CompetitorSample
from app.services.clients import workspaces as clients
from app.services.reports.metrics import record_account_samples

TODAY = dt.date(2026, 6, 20)


@pytest.fixture(autouse=True)
def _fixed_day(time_machine):
    time_machine.move_to(
        dt.datetime(2026, 6, 20, 10, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=True
    )


def _client(db, name: str, competitors: bool) -> int:
    with db.session() as s:
        cid = clients.create_client(s, name).id
        acc = clients.add_account(s, cid, "mastodon", "@aquarelle", base_url="https://m.example")
        samples = [
            AccountMetricSample(
                acc.id,
                TODAY - dt.timedelta(days=27 - i),
                followers=4200 + 10 * i,
                impressions=900,
                engagements=60,
                posts=1 if i % 2 else 0,
            )
            for i in range(28)
        ]
        record_account_samples(s, cid, samples)
        if competitors:
            rows = []
            for handle, name_, followers, posts, engagements in (
                ("@fleurs_du_coin@m.example", "Fleurs du coin", 9100, 10, 420),
                ("petales.bsky.social", "Pétales & Cie", 2600, 4, 36),
            ):
                for back in (20, 0):
                    rows.append(
                        {
                            "client_id": cid,
                            "network": "mastodon" if "@" in handle else "bluesky",
                            "handle": handle,
                            "name": name_,
                            "day": TODAY - dt.timedelta(days=back),
                            "followers": followers - back * 5,
                            "posts_total": 300,
                            "posts_7d": posts,
                            "engagements_7d": engagements,
                            "sampled_at": dt.datetime(2026, 6, 1, tzinfo=dt.UTC),
                        }
                    )
            s.execute(insert(CompetitorSample), rows)
    return cid


def _charts(qtbot, window, client_id):
    with qtbot.waitSignal(window.clients_loaded, timeout=10000):
        window.reload_clients(select_id=client_id)
    window.show_area("charts")
    area = window._areas["charts"]
    qtbot.waitUntil(
        lambda: area.data is not None and area.data.client_id == client_id, timeout=20000
    )
    return area


def _texts(figure) -> str:
    from matplotlib.text import Text

    return " | ".join(t.get_text() for t in figure.findobj(Text) if t.get_text())


def _shot(widget, name: str) -> None:
    folder = os.environ.get("TRIBUNE_SHOTS")
    if folder:
        widget.grab().save(str(Path(folder) / name))


def test_competitors_beside_the_clients_accounts_with_the_menu(
    qtbot, main_window, sqlite_db, tmp_path
):
    cid = _client(sqlite_db, "Aquarelle", competitors=True)
    main_window.resize(1366, 768)
    area = _charts(qtbot, main_window, cid)
    panel = area.panels["competitors"]
    rows = area.data.competitors
    assert {(r.name, r.ours) for r in rows} == {
        ("Fleurs du coin", False),
        ("Pétales & Cie", False),
        ("Aquarelle", True),
    }
    ours = next(r for r in rows if r.ours)
    assert ours.followers == 4200 + 270 and ours.engagement_per_post == pytest.approx(60 * 28 / 14)
    text = _texts(panel.figure)
    assert "Competitors beside your accounts" in text
    # the client's own account first, then the competitors, networks by their names
    assert text.index("Aquarelle · Mastodon") < text.index("Fleurs du coin · Mastodon")
    assert "Pétales & Cie · Bluesky" in text and "bluesky" not in text
    assert "9,100" in text and "42" in text  # followers and engagement per post (420 / 10)
    assert "Your accounts" in text and "Competitors" in text
    # the same "⋯" menu as the other charts, and the data behind the chart as CSV
    assert panel.menu_button.isEnabled()
    assert [a.text() for a in panel.menu.actions()] == [
        "Copy the chart as an image",
        "Save as PNG or SVG…",
        "Export the chart's data (CSV)…",
    ]
    out = tmp_path / "competitors.csv"
    panel.export_csv(str(out))
    table = list(csv.DictReader(out.open(encoding="utf-8")))
    assert {r["handle"]: r["followers"] for r in table} == {
        "'@aquarelle": "4470",  # a cell starting with @ is never read as a formula
        "'@fleurs_du_coin@m.example": "9100",
        "petales.bsky.social": "2600",
    }
    area.scroll.ensureWidgetVisible(panel)
    qtbot.wait(300)
    assert panel.picture is not None and not panel.picture.pixmap().isNull()
    _shot(main_window, "charts-competitors-1366.png")


def test_no_competitor_sampled_says_where_to_add_them(qtbot, main_window, sqlite_db):
    cid = _client(sqlite_db, "Nuage", competitors=False)
    area = _charts(qtbot, main_window, cid)
    panel = area.panels["competitors"]
    assert [r.ours for r in area.data.competitors] == [True]
    text = _texts(panel.figure)
    assert "No competitor sampled yet" in text and "Listening" in text
    assert panel.menu_button.isEnabled()  # the empty chart can still be copied or saved
