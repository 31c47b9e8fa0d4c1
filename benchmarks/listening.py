"""Listening at scale: 100,000 items for one client (and 100,000 for nine others) in a
temporary SQLite file. Times the first page (100 newest), the third page (keyset) and a
search through Tribune's service — browsing on a connection of its own per call, as the
Listening list's reader does (and the first page once more through a read session, as the
CLI does); a search on a read session — against the same SQL run raw on sqlite3, and prints
the ratios.

Search goes through the FTS5 index (the client is a token inside it), common and rare words.

Run: .venv/bin/python benchmarks/listening.py  (about half a minute on 2 cores)
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.db import Database
from app.services.listening.items import page

PER_CLIENT = 100_000
STORED = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy stores a datetime in SQLite (keyset ties)
CLIENTS = 10
NOW = dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC)
WORDS = [
    "bouquet",
    "livraison",
    "commande",
    "retard",
    "merci",
    "bravo",
    "remboursement",
    "colis",
    "fleurs",
    "roses",
    "service",
    "client",
    "déçu",
    "parfait",
    "magnifique",
    "arnaque",
    "prix",
    "promo",
    "équipe",
    "accueil",
]
COLS = (
    "id, stream_id, network, external_id, author, author_handle, author_followers, text, url, "
    "published_at, sentiment, status"
)
RAW_FIRST = (
    f"SELECT {COLS} FROM listening_items WHERE client_id = ? "
    "ORDER BY published_at DESC, id DESC LIMIT 100"
)
RAW_AFTER = (  # the next page after (published_at, id): a row value, as Tribune's
    f"SELECT {COLS} FROM listening_items WHERE client_id = ? AND (published_at, id) < (?, ?)"
    " ORDER BY published_at DESC, id DESC LIMIT 100"
)
RAW_SEARCH = (
    f"SELECT {COLS} FROM listening_items WHERE client_id = ? AND id IN (SELECT rowid FROM "
    "listening_fts WHERE listening_fts MATCH ?) ORDER BY published_at DESC, id DESC LIMIT 100"
)


def build(path: Path) -> None:
    rng = random.Random(17)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=OFF")
    conn.executemany(
        "INSERT INTO clients (id, uid, name, slug, timezone, language, colour, sector, notes,"
        " archived, created_at, updated_at, version) VALUES (?, ?, ?, ?, 'Europe/Paris', 'fr',"
        " '#3b6fd8', '', '', 0, '2026-01-01', '2026-01-01', 1)",
        [(i, f"uid{i}", f"Client {i}", f"client-{i}") for i in range(1, CLIENTS + 1)],
    )
    base = NOW.replace(tzinfo=None)
    for cid in range(1, CLIENTS + 1):
        rows = []
        for i in range(PER_CLIENT):
            text = " ".join(rng.choices(WORDS, k=12))
            when = base - dt.timedelta(seconds=rng.randrange(90 * 86400))
            rows.append((cid, "mastodon", f"{cid}-{i}", f"Auteur {i % 5000}", f"a{i % 5000}",
                         rng.randrange(100_000), text, "", when.strftime(STORED),
                         ("negative", "neutral", "positive")[i % 3], "new"))  # fmt: skip
        conn.executemany(
            "INSERT INTO listening_items (client_id, network, external_id, author, author_handle,"
            " author_followers, text, url, published_at, sentiment, status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.commit()
    conn.execute("ANALYZE")
    conn.close()


def timed(fn, repeat=20) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "listening.sqlite3"
        db = Database(f"sqlite:///{path}")
        db.upgrade()
        start = time.perf_counter()
        build(path)
        print(f"built {CLIENTS * PER_CLIENT:,} items in {time.perf_counter() - start:.1f} s")
        raw = sqlite3.connect(path)
        cid = 3

        def service(**kw):
            with db.read() as s:
                return page(s, cid, limit=100, **kw)

        def listed(**kw):  # what the Listening list's reader runs: a connection of its own
            with db.engine.connect() as conn:
                return page(conn, cid, limit=100, **kw)

        first = service()
        third_after = service(after=(first[-1].published_at, first[-1].id))
        after = (third_after[-1].published_at, third_after[-1].id)
        when = after[0].replace(tzinfo=None).strftime(STORED)
        cases = [
            ("first page", lambda: listed(),
             lambda: raw.execute(RAW_FIRST, (cid,)).fetchall()),
            ("  (a read session)", lambda: service(),
             lambda: raw.execute(RAW_FIRST, (cid,)).fetchall()),
            ("third page (keyset)", lambda: listed(after=after),
             lambda: raw.execute(RAW_AFTER, (cid, when, after[1])).fetchall()),
            ("search 'arnaque'", lambda: service(search="arnaque"),
             lambda: raw.execute(RAW_SEARCH, (cid, f'tribuneclient{cid} "arnaque"*')).fetchall()),
            ("search, rare word", lambda: service(search="introuvable"),
             lambda: raw.execute(RAW_SEARCH, (cid, f'tribuneclient{cid} "introuvable"*'))
             .fetchall()),
        ]  # fmt: skip
        for name, ours, theirs in cases:
            assert len(ours()) == len(theirs()), name
            t_ours, t_raw = timed(ours), timed(theirs)
            print(f"{name:<22} Tribune {t_ours * 1000:7.2f} ms   raw {t_raw * 1000:7.2f} ms   "
                  f"ratio {t_ours / t_raw:5.1f}x")  # fmt: skip
        browse(db, raw, cid)
        raw.close()
        db.dispose()


RAW_PAGE = RAW_FIRST.replace("LIMIT 100", "LIMIT ?")
RAW_PAGE_AFTER = RAW_AFTER.replace("LIMIT 100", "LIMIT ?")


def browse(db: Database, raw: sqlite3.Connection, cid: int) -> None:
    """The Listening list as the user gets it: the lazy list model (ui/lazy_model.py) reading
    pages of 200 through its reader — the first screen, then all 100,000 items by
    fetch-more — against the same keyset pages on raw sqlite3."""
    from PySide6.QtWidgets import QApplication

    from ui.listening.model import PAGE, ListeningModel

    QApplication.instance() or QApplication([])
    model = ListeningModel(db=db)  # no services: its reader runs here, as on a worker

    def fetch(source, after, limit):
        return page(source, cid, after=after, limit=limit)

    def first_screen(connection=True):
        model.reset_source(fetch, "Europe/Paris", connection=connection)
        model.data(model.index(0, 4))  # a row formatted, as the view does

    def everything(connection=True):
        first_screen(connection)
        while model.canFetchMore():
            model.fetchMore()
        return model.rowCount()

    def raw_first():
        return raw.execute(RAW_PAGE, (cid, PAGE)).fetchall()

    def raw_everything():
        rows = raw_first()
        total = len(rows)
        while len(rows) == PAGE:
            when, last = rows[-1][9], rows[-1][0]
            rows = raw.execute(RAW_PAGE_AFTER, (cid, when, last, PAGE)).fetchall()
            total += len(rows)
        return total

    counted = (everything(), raw_everything())
    assert counted == (PER_CLIENT, PER_CLIENT), counted
    for name, ours, theirs, repeat in (
        ("browse: first screen", first_screen, raw_first, 20),
        (f"browse: {PER_CLIENT:,} items", everything, raw_everything, 3),
        # before: the list read each page through an ORM session (ui/listening/model.py)
        ("  (a session per page)", lambda: everything(False), raw_everything, 3),
    ):
        t_ours, t_raw = timed(ours, repeat), timed(theirs, repeat)
        print(f"{name:<22} model   {t_ours * 1000:7.2f} ms   raw {t_raw * 1000:7.2f} ms   "
              f"ratio {t_ours / t_raw:5.1f}x")  # fmt: skip


if __name__ == "__main__":
    main()
