"""Month view with 2,000 posts: Tribune's painted view against bare widgets and items.

Prints, for one month holding 2,000 posts (about 65 a day):
- load: ``posts_between`` in a read session (two Core selects read as driver tuples, dates
  decoded once) against the same two SQL strings and values through the bare DB-API,
  interleaved round after round (benchmarks/_ratios.py: medians), on SQLite then on
  PostgreSQL (``TRIBUNE_BENCH_PG_URL``, else a throwaway cluster; ``--no-pg`` skips it)
  (target: ≤ 2×; 5.3–6× before the tuples);
- show: MonthView.set_posts + first paint, against 2,000 QLabels in a grid and a
  QStandardItemModel of 2,000 items in a QListView (built + shown + painted);
- repaint: a full repaint of the month (scroll, resize, drag feedback);
- week: a full repaint of a week without and with the best-times shading;
- best: the best posting slots over a year of post metrics against raw sqlite3.
Run: QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/calendar_month.py
"""

from __future__ import annotations

import atexit
import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _ratios import interleaved, load_average

N = int(os.environ.get("TRIBUNE_BENCH_POSTS", "2000"))


def best(fn, repeat=5, clock=time.perf_counter):
    times = []
    for _ in range(repeat):
        t = clock()
        fn()
        times.append(clock() - t)
    return min(times)


def main() -> None:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QListView, QWidget
    from sqlalchemy import insert

    from app.db import Database
    from app.models.posts import Post, PostVariant
    from app.services.calendar.query import posts_between
    from app.services.clients import workspaces as clients
    from ui.calendar.month_view import MonthView

    app = QApplication.instance() or QApplication([])
    tmp = tempfile.mkdtemp()
    atexit.register(shutil.rmtree, tmp, ignore_errors=True)  # the run's files, gone after it
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
    statements = same_statements(db, cid, start, end)

    def load_raw():  # the same two statements through the bare DB-API (sqlite3's defaults)
        return [raw.execute(sql, args).fetchall() for sql, args in statements]

    chips = load()
    assert len(chips) == N, len(chips)
    assert len(load_raw()[0]) == N
    times = interleaved({"raw": load_raw, "tribune": load}, rounds=9, repeat=10)
    t_load, t_raw = times["tribune"].wall_ms / 1000, times["raw"].wall_ms / 1000
    c_load, c_raw = times["tribune"].cpu_ms / 1000, times["raw"].cpu_ms / 1000
    with_gc = interleaved(
        {"raw": load_raw, "tribune": load}, rounds=9, repeat=10, automatic_gc=True
    )

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

    print(f"month of {N} posts ({load_average()})")
    print(
        f"load  posts_between      {t_load * 1000:7.1f} ms   raw sqlite3 {t_raw * 1000:6.1f} ms"
        f"   ratio {times['tribune'].ratio:5.2f} (median of 9 rounds; {times['tribune'].spread()})"
    )
    print(
        f"      cpu time            {c_load * 1000:7.1f} ms   raw sqlite3 {c_raw * 1000:6.1f} ms"
        f"   ratio {c_load / c_raw:5.2f}"
    )
    print(
        f"      with the automatic garbage collector on (the app turns it off) "
        f"ratio {with_gc['tribune'].ratio:5.2f} ({with_gc['tribune'].spread()})"
    )
    if "--no-pg" not in sys.argv:
        try:
            load_postgresql(rows, variants, start, end)
        except (SystemExit, subprocess.CalledProcessError) as exc:  # no server here
            print(f"PostgreSQL: skipped ({exc})")
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
    week_and_best_slots(app, db, cid, chips, path)


def same_statements(db, cid, start, end) -> list[tuple[str, object]]:
    """The SQL strings and bind values posts_between sends, for the raw side."""
    from app.db_pages import when_bind
    from app.services.calendar import query

    with db.engine.connect() as conn:
        dialect = conn.dialect
    when = when_bind(dialect)
    params = {"p_client": cid, "p_start": when(start), "p_end": when(end)}
    out = []
    for page in query._compiled(dialect, query._shape(None), True):
        values = {**params, **page.fixed}
        args = (
            tuple(values[n] for n in page.names)
            if page.names is not None
            else {n: values[n] for n in page.used}
        )
        out.append((page.sql, args))
    return out


def load_postgresql(rows, variants, start, end) -> None:
    """The same month on PostgreSQL: posts_between in a read session against the same two
    statements through psycopg (its default: one transaction, ended by a rollback)."""
    import psycopg
    from seats20 import fresh_database, make_plain, server_url
    from sqlalchemy import insert

    from app.db import Database
    from app.models.posts import Post, PostVariant
    from app.services.calendar.query import posts_between
    from app.services.clients import workspaces as clients

    with server_url() as server, fresh_database(server) as (url, _name):
        db = Database(url)
        db.upgrade()
        with db.session() as s:
            cid = clients.create_client(s, "Bench").id
        with db.session() as s:
            s.execute(insert(Post), [{**r, "client_id": cid} for r in rows])
            s.execute(insert(PostVariant), [{**v, "client_id": cid} for v in variants])
        with psycopg.connect(make_plain(url), autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")
        statements = same_statements(db, cid, start, end)
        with psycopg.connect(make_plain(url)) as raw:

            def load_raw():
                out = [raw.execute(sql, args).fetchall() for sql, args in statements]
                raw.rollback()
                return out

            def load():
                with db.read() as s:
                    return posts_between(s, cid, start, end)

            assert len(load()) == len(load_raw()[0]) == N
            t = interleaved({"raw": load_raw, "tribune": load}, rounds=9, repeat=10)
        db.dispose()
    print(
        f"load  PostgreSQL         {t['tribune'].wall_ms:7.1f} ms"
        f"   raw psycopg {t['raw'].wall_ms:6.1f} ms"
        f"   ratio {t['tribune'].ratio:5.2f} (median of 9 rounds; {t['tribune'].spread()})"
    )


def week_and_best_slots(app, db, cid, chips, path) -> None:
    """The week view with the best-times shading, and the slots' query on a year of metrics
    (2 posts a day, 7 daily samples each) against the same rows read with raw sqlite3."""
    import random
    from zoneinfo import ZoneInfo

    from sqlalchemy import insert

    from app.models.metrics import PostMetricDay
    from app.services.calendar.slots import best_slots
    from ui.calendar.week_view import WeekView

    week = WeekView()
    week.resize(1100, 760)
    week.set_week(dt.date(2026, 3, 9), ZoneInfo("Europe/Paris"))
    week.set_posts(chips)
    monday = dt.datetime(2026, 3, 9, tzinfo=dt.UTC)
    in_week = sum(monday <= c.planned_at < monday + dt.timedelta(days=7) for c in chips)
    week.show()
    t_plain = best(week.grab, 10)
    week.set_best_slots(((1, 18), (3, 12), (0, 8)))
    t_shaded = best(week.grab, 10)
    rng = random.Random(7)
    today = dt.date(2026, 12, 31)
    rows = []
    for d in range(365):
        day = today - dt.timedelta(days=d)
        for k in range(2):
            published = dt.datetime.combine(day, dt.time(8 + 10 * k), tzinfo=dt.UTC)
            for sample in range(7):
                rows.append(
                    {
                        "client_id": cid,
                        "network": "facebook",
                        "external_post_id": f"p{d}-{k}",
                        "day": day + dt.timedelta(days=sample),
                        "published_at": published,
                        "reactions": rng.randint(0, 50),
                        "comments": rng.randint(0, 9),
                        "shares": 0,
                        "clicks": 0,
                        "source": "connector",
                        "text": "",
                        "url": "",
                        "updated_at": published,
                    }
                )
    with db.session() as s:
        s.execute(insert(PostMetricDay), rows)

    def slots():
        with db.read() as s:
            return best_slots(s, cid, today)

    raw = sqlite3.connect(path)

    def slots_raw():
        return raw.execute(
            "SELECT network, external_post_id, published_at, reactions, comments, shares, clicks "
            "FROM metric_post_days WHERE client_id=? AND day>=? AND day<=?",
            (cid, str(today - dt.timedelta(days=365)), str(today)),
        ).fetchall()

    assert slots()
    t_slots, t_slots_raw = best(slots), best(slots_raw)
    print(
        f"week  repaint, {in_week} posts {t_plain * 1000:6.1f} ms, with best-times "
        f"shading {t_shaded * 1000:6.1f} ms   ratio {t_shaded / t_plain:5.2f}"
    )
    print(
        f"best  slots over {len(rows)} metric rows {t_slots * 1000:7.1f} ms   raw sqlite3 "
        f"{t_slots_raw * 1000:6.1f} ms   ratio {t_slots / t_slots_raw:5.2f}"
    )


if __name__ == "__main__":
    main()
