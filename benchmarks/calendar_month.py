"""Month view with 2,000 posts: Tribune's painted view against bare widgets and items.

Prints, for one month holding 2,000 posts (about 65 a day):
- load: ``posts_between`` (Core select + variants) against the same rows by raw sqlite3;
- show: MonthView.set_posts + first paint, against 2,000 QLabels in a grid and a
  QStandardItemModel of 2,000 items in a QListView (built + shown + painted);
- repaint: a full repaint of the month (scroll, resize, drag feedback).
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/calendar_month.py
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

N = 2000


def best(fn, repeat=5):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QListView, QWidget
    from sqlalchemy import insert

    from app.db import Database
    from app.models.posts import Post, PostVariant
    from app.services import clients
    from app.services.posts_query import posts_between
    from ui.calendar.month_view import MonthView

    app = QApplication.instance() or QApplication([])
    tmp = tempfile.mkdtemp()
    os.environ["TRIBUNE_HOME"] = tmp
    path = Path(tmp) / "bench.sqlite3"
    db = Database(f"sqlite:///{path}")
    db.upgrade()
    with db.session() as s:
        cid = clients.create_client(s, "Bench").id
    start = dt.datetime(2026, 3, 1, tzinfo=dt.UTC)
    rows = [
        {
            "id": i + 1,
            "client_id": cid,
            "uid": f"u{i}",
            "title": f"Post {i}",
            "planned_at": start + dt.timedelta(minutes=i * 22),
            "all_day": False,
            "category": "produit",
            "tags": [],
            "campaign": "",
            "author": "b",
            "status": "draft",
            "status_reason": "",
            "notes": "",
            "approval_comment": "",
            "version": 1,
            "created_at": start,
            "updated_at": start,
        }
        for i in range(N)
    ]
    variants = [
        {
            "post_id": i + 1,
            "client_id": cid,
            "network": n,
            "text": f"Texte du post {i} " * 3,
            "link": "",
            "first_comment": "",
            "media": [],
            "idempotency_key": f"k{i}{n}",
            "publish_state": "",
            "attempts": 0,
            "external_id": "",
            "url": "",
            "last_error": "",
            "retryable": True,
        }
        for i in range(N)
        for n in ("facebook", "instagram")
    ]
    with db.session() as s:
        s.execute(insert(Post), rows)
        s.execute(insert(PostVariant), variants)
    end = start + dt.timedelta(days=42)

    def load():
        with db.read() as s:
            return posts_between(s, cid, start, end)

    raw = sqlite3.connect(path)

    def load_raw():
        ids = raw.execute(
            "SELECT id, planned_at, title, status FROM posts WHERE client_id=? AND planned_at>=? "
            "AND planned_at<? ORDER BY planned_at",
            (cid, "2026-03-01", "2026-04-12"),
        ).fetchall()
        raw.execute(
            "SELECT post_id, network, text FROM post_variants WHERE client_id=? ORDER BY post_id",
            (cid,),
        ).fetchall()
        return ids

    chips = load()
    assert len(chips) == N, len(chips)
    t_load, t_raw = best(load), best(load_raw)

    from zoneinfo import ZoneInfo

    def month():
        view = MonthView()
        view.resize(1100, 760)
        view.set_month(dt.date(2026, 3, 1), ZoneInfo("Europe/Paris"))
        view.set_posts(chips)
        view.show()
        view.repaint()
        app.processEvents()
        view.close()
        view.deleteLater()

    def labels():
        w = QWidget()
        grid = QGridLayout(w)
        for i, c in enumerate(chips):
            grid.addWidget(QLabel(f"{c.planned_at:%H:%M} {c.title}"), i // 7, i % 7)
        w.resize(1100, 760)
        w.show()
        w.repaint()
        app.processEvents()
        w.close()
        w.deleteLater()

    def items():
        model = QStandardItemModel()
        for c in chips:
            model.appendRow(QStandardItem(f"{c.planned_at:%H:%M} {c.title}"))
        view = QListView()
        view.setModel(model)
        view.resize(1100, 760)
        view.show()
        view.repaint()
        app.processEvents()
        view.close()
        view.deleteLater()

    t_month = best(month)
    t_labels = best(labels, 3)
    t_items = best(items)
    view = MonthView()
    view.resize(1100, 760)
    view.set_month(dt.date(2026, 3, 1), ZoneInfo("Europe/Paris"))
    view.set_posts(chips)
    view.show()
    t_repaint = best(view.grab, 10)  # grab() forces a full paint into a pixmap

    print(f"month of {N} posts")
    print(
        f"load  posts_between      {t_load * 1000:7.1f} ms   raw sqlite3 {t_raw * 1000:6.1f} ms"
        f"   ratio {t_load / t_raw:5.2f}"
    )
    print(f"show  MonthView          {t_month * 1000:7.1f} ms")
    print(
        f"      {N} QLabels        {t_labels * 1000:7.1f} ms   ratio MonthView/QLabels "
        f"{t_month / t_labels:5.2f}"
    )
    print(
        f"      {N} QStandardItems {t_items * 1000:7.1f} ms   ratio MonthView/items  "
        f"{t_month / t_items:5.2f}"
    )
    print(f"repaint of the full month {t_repaint * 1000:6.1f} ms")


if __name__ == "__main__":
    main()
