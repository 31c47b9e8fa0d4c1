"""The Google reviews' chart in the Charts area: reviews per month and their average, the
period's answers against the charter's delay, its "⋯" menu with the data as CSV; rendered
offscreen at 1366×768 (``TRIBUNE_SHOTS=dir`` keeps the PNG)."""

from __future__ import annotations

import csv
import datetime as dt
import os
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from app.connectors.contract import IncomingMessage
from app.connectors.google_business import stars_text
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox import replies as inbox_replies
from app.services.inbox.ingest import ingest_messages

PLACE = "accounts/1/locations/2"


@pytest.fixture(autouse=True)
def _fixed_day(time_machine):
    time_machine.move_to(
        dt.datetime(2026, 6, 20, 10, 0, tzinfo=ZoneInfo("Europe/Paris")), tick=True
    )


def _bakery(db) -> int:
    """Reviews over the spring; the last 28 days: three, two answered within the delay."""
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        account = clients.add_account(s, cid, "google", PLACE, base_url="https://g.example")
        days = [(4, 12, "FIVE"), (5, 3, "FOUR"), (5, 20, "THREE"), (6, 2, "FIVE"), (6, 9, "TWO")]
        days += [(6, 15, "FOUR")]
        items = [
            IncomingMessage(
                "google",
                f"{PLACE}/reviews/r{i}",
                "review",
                "Léa",
                "",
                stars_text(stars, "Bon pain."),
                dt.datetime(2026, month, day, 8, tzinfo=dt.UTC),
                account_id=account.id,
            )
            for i, (month, day, stars) in enumerate(days)
        ]
        ingest_messages(s, cid, items, now=dt.datetime(2026, 6, 16, tzinfo=dt.UTC))
        ids = list(
            s.scalars(
                select(InboxMessage.id)
                .where(InboxMessage.client_id == cid)
                .order_by(InboxMessage.received_at)
            )
        )
    for mid in ids[-3:-1]:  # the 2 and the 9 June ones, answered an hour later
        with db.session() as s:
            received = s.get(InboxMessage, mid).received_at
            inbox_replies.create_reply(s, cid, mid, "Merci !", now=received + dt.timedelta(hours=1))
    return cid


def test_the_reviews_chart_with_its_menu(qtbot, main_window, sqlite_db, tmp_path):
    cid = _bakery(sqlite_db)
    main_window.resize(1366, 768)
    with qtbot.waitSignal(main_window.clients_loaded, timeout=10000):
        main_window.reload_clients(select_id=cid)
    main_window.show_area("charts")
    area = main_window._areas["charts"]
    qtbot.waitUntil(lambda: area.data is not None and area.data.client_id == cid, timeout=20000)
    stats = area.data.reviews
    assert (stats.reviews, stats.answered, stats.within_delay) == (3, 2, 2)
    panel = area.panels["reviews"]
    assert panel.title.text() == "Google reviews: rating and answers"
    from matplotlib.text import Text

    text = " | ".join(t.get_text() for t in panel.figure.findobj(Text) if t.get_text())
    assert "67%" in text and "Average rating" in text and "average 3.7 / 5" in text
    assert panel.menu_button.isEnabled()
    out = tmp_path / "reviews.csv"
    panel.export_csv(str(out))
    table = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [(r["month"], r["reviews"]) for r in table[-3:]] == [
        ("2026-04-01", "1"),
        ("2026-05-01", "2"),
        ("2026-06-01", "3"),
    ]
    area.scroll.ensureWidgetVisible(panel)
    qtbot.wait(300)
    assert panel.picture is not None and not panel.picture.pixmap().isNull()
    folder = os.environ.get("TRIBUNE_SHOTS")
    if folder:
        main_window.grab().save(str(Path(folder) / "charts-reviews-1366.png"))
