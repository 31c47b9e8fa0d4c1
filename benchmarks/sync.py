"""Sync 10,000 Mastodon mentions from a local server vs fetching the same pages with bare httpx.

    .venv/bin/python benchmarks/sync.py

The server (loopback, threaded http.server) serves pre-rendered pages of 80 notifications
with Mastodon's Link header. Three timings (bare and fetch interleaved, best of 15; sync best of 5):

* bare     — httpx.Client following ``Link: rel="next"`` and decoding the JSON: the floor;
* fetch    — Tribune's Mastodon connector (retry policy, HTML → text, dataclasses), and
             the connector's own work alone on the decoded pages (HTML → text, messages);
* floor    — bare httpx pages + json, then plain sqlite3 ``executemany`` of the same mentions
             into the same table (its indexes and full-text trigger), committed;
* sync     — ``tribune sync`` as a whole: fetch + the real inbox ingest into a SQLite file
             + cursor, run row and account health, in one transaction per account.

The issue's aim compares with fetching the pages with bare httpx. The connector's fetch is
that comparison; a sync also stores the messages, and the plain SQL insert alone takes
longer than the bare fetch (the full-text index), so the whole sync is compared with the
floor above, the raw operation that any sync into a searchable inbox has to do.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx

from tests.servers.base import LoopbackServer

N, PAGE = 10_000, 80


def notification(i: int) -> dict:
    when = (dt.datetime(2026, 1, 1, tzinfo=dt.UTC) + dt.timedelta(minutes=i)).isoformat()
    return {
        "id": str(i),
        "type": "mention",
        "created_at": when,
        "account": {
            "id": str(i % 500),
            "username": f"fan{i % 500}",
            "acct": f"fan{i % 500}",
            "display_name": f"Fan n°{i % 500}",
        },
        "status": {
            "id": str(1_000_000 + i),
            "created_at": when,
            "visibility": "public",
            "in_reply_to_id": None,
            "url": f"https://m.test/@fan/{i}",
            "content": f"<p>@marque Bonjour, commande n°{i} pas reçue 😡 "
            f'<a href="https://x.test">lien</a></p>',
            "account": {
                "id": str(i % 500),
                "username": f"fan{i % 500}",
                "acct": f"fan{i % 500}",
                "display_name": f"Fan n°{i % 500}",
            },
        },
    }


class MastodonPages(LoopbackServer):
    def __init__(self) -> None:
        super().__init__()
        ids = list(range(N, 0, -1))
        self.pages = {}
        for start in range(0, N, PAGE):
            chunk = ids[start : start + PAGE]
            self.pages[start] = (
                json.dumps([notification(i) for i in chunk]).encode(),
                chunk[-1],
                start + PAGE < N,
            )

    def handle(self, method, path, query, headers, body):
        if path == "/api/v1/accounts/verify_credentials":
            return (
                200,
                {},
                {"id": "1", "username": "marque", "acct": "marque", "display_name": "La Marque"},
            )
        if path == "/api/v2/instance":
            return 200, {}, {"configuration": {"statuses": {"max_characters": 500}}}
        if path == "/api/v1/conversations":
            return 200, {"Content-Type": "application/json"}, b"[]"
        if path != "/api/v1/notifications":
            return 404, {}, {"error": "not found"}
        max_id = int(query.get("max_id") or N + 1)
        if query.get("min_id"):
            return 200, {"Content-Type": "application/json"}, b"[]"
        start = N + 1 - max_id
        payload, last, more = self.pages.get(start, (b"[]", 0, False))
        extra = {"Content-Type": "application/json"}
        if more:
            extra["Link"] = (
                f"<{self.base_url}/api/v1/notifications?max_id={last}&limit={PAGE}"
                f'&types[]=mention>; rel="next"'
            )
        return 200, extra, payload


def bare(base: str) -> int:
    n = 0
    with httpx.Client(headers={"Authorization": "Bearer t"}) as client:
        url, params = base + "/api/v1/notifications", {"types[]": "mention", "limit": PAGE}
        while url:
            r = client.get(url, params=params)
            n += len(r.json())
            url, params = r.links.get("next", {}).get("url"), None
        client.get(base + "/api/v1/conversations").json()
    return n


def bare_sync(prepared) -> int:
    """The floor of a sync into the inbox: bare httpx pages + json, then plain sqlite3
    ``executemany`` of one row per mention into the same table (same indexes and full-text
    trigger, on a connection with Tribune's settings), committed. No HTML conversion, no
    due times, no checks: the raw operation."""
    import sqlite3

    from app.models.inbox import InboxMessage

    db, client_id = prepared.pop()
    path = db.sqlite_path
    db.dispose()
    columns = [c.name for c in InboxMessage.__table__.columns if c.name != "id"]
    constant = {
        "client_id": client_id, "account_id": None, "network": "mastodon", "kind": "mention",
        "parent_id": None, "in_reply_to": "", "status": "new", "status_reason": "",
        "category": "other", "sentiment": 0, "priority": 0, "assignee_id": None, "tags": "[]",
        "newcomer": 0, "due_at": None, "first_answer_at": None, "resolved_at": None,
        "resolution": "", "ours": 0, "reply_state": "", "reply_private": 0, "reply_error": "",
        "hidden": 0, "deleted": 0, "author_banned": 0, "version": 1,
    }  # fmt: skip
    for column in InboxMessage.__table__.columns:  # a column added since: its own default
        if column.name in constant or column.name == "id":
            continue
        default = column.default.arg if column.default is not None else None
        if callable(default) or (default is None and not column.nullable):
            if column.name not in (
                "external_id",
                "author",
                "author_handle",
                "text",
                "url",
                "received_at",
            ):  # (those are the message's own)
                raise SystemExit(
                    f"benchmarks/sync.py: say what the raw side writes in {column.name}"
                )
            continue
        constant[column.name] = default  # fmt: skip
    sql = (
        f"INSERT INTO inbox_messages ({', '.join(columns)}) "
        f"VALUES ({', '.join('?' * len(columns))})"
    )
    rows = []
    with httpx.Client(headers={"Authorization": "Bearer t"}) as client:
        url, params = db.bench_base + "/api/v1/notifications", {"types[]": "mention", "limit": PAGE}
        while url:
            r = client.get(url, params=params)
            for note in r.json():
                status = note["status"]
                row = dict(
                    constant,
                    external_id=status["id"],
                    author=status["account"]["display_name"],
                    author_handle="@" + status["account"]["acct"],
                    text=status["content"],
                    received_at=status["created_at"],
                    url=status["url"],
                )
                rows.append(tuple(row[c] for c in columns))
            url, params = r.links.get("next", {}).get("url"), None
        client.get(db.bench_base + "/api/v1/conversations").json()
    conn = sqlite3.connect(path)
    # The same connection settings as Tribune's (app/db.py), so both do the same work.
    for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=NORMAL"):
        conn.execute(f"PRAGMA {pragma}")
    with conn:
        conn.executemany(sql, rows)
    conn.close()
    return len(rows)


def fetch(base: str) -> int:
    from app.connectors import AccountRef, connector_for
    from app.connectors.http import Http

    with Http() as http:
        c = connector_for(AccountRef(1, 1, "mastodon", "marque", base, "t"), http)
        return len(c.fetch({}, max_pages=1000).items)


def prepare(base: str, folder: Path, run: int):
    """A migrated SQLite file with one client and its Mastodon account (not timed)."""
    from app.db import Database
    from app.services.clients import workspaces as clients

    db = Database(f"sqlite:///{folder / f'bench{run}.sqlite3'}")
    db.upgrade()
    with db.session() as s:
        c = clients.create_client(s, "Marque")
        clients.add_account(s, c.id, "mastodon", "marque", base_url=base)
    db.bench_base = base
    return db, c.id


def full_sync(prepared) -> int:
    from app.services.sync.engine import sync_client

    db, client_id = prepared.pop()
    report = sync_client(
        db, client_id, token_of=lambda cu, au: "t", max_pages=1000, publish=False, samples=False
    )
    db.dispose()
    assert report.ok, report
    return report.accounts[0].added


def ingest_only(args) -> int:
    """The inbox's ingest_messages alone, on the items already fetched (for the breakdown)."""
    from app.services.inbox.ingest import ingest_messages

    prepared, items = args
    db, client_id = prepared.pop()
    with db.session() as s:
        result = ingest_messages(s, client_id, items)
    db.dispose()
    return result.added


def convert(args) -> int:
    """The connector's own work on already decoded pages: HTML → text, one message each."""
    connector, decoded = args
    return sum(1 for page in decoded for note in page if connector._message(note["status"]))


def best(fn, *args, rounds: int = 5) -> tuple[float, int]:
    times, n = [], 0
    for _ in range(rounds):
        start = time.perf_counter()
        n = fn(*args)
        times.append(time.perf_counter() - start)
    return min(times), n


def main() -> None:
    from app.qt import ensure_app

    ensure_app()
    with MastodonPages() as srv, tempfile.TemporaryDirectory() as tmp:
        base = srv.base_url
        bare(base)  # warm up imports and the server
        fetch(base)
        # Interleaved, best of 15: both see the same machine load (2 shared cores).
        t_bare = t_fetch = float("inf")
        for _ in range(15):
            t, n_bare = best(bare, base, rounds=1)
            t_bare = min(t_bare, t)
            t, n_fetch = best(fetch, base, rounds=1)
            t_fetch = min(t_fetch, t)
        # Interleaved too: the floor and Tribune's sync, each into a fresh database file.
        t_floor = t_sync = float("inf")
        for run in range(5):
            prepared = [prepare(base, Path(tmp), f"floor{run}")]
            t, n_floor = best(bare_sync, prepared, rounds=1)
            t_floor = min(t_floor, t)
            prepared = [prepare(base, Path(tmp), f"sync{run}")]
            t, n_sync = best(full_sync, prepared, rounds=1)
            t_sync = min(t_sync, t)
        from app.connectors import AccountRef, connector_for
        from app.connectors.http import Http

        with Http() as http:
            c = connector_for(AccountRef(1, 1, "mastodon", "marque", base, "t"), http)
            items = list(c.fetch({}, max_pages=1000).items)
        prepared = [prepare(base, Path(tmp), run) for run in range(5, 10)]
        t_ingest, _ = best(ingest_only, (prepared, items))
        decoded = [json.loads(payload) for payload, _, _ in srv.pages.values()]
        t_convert, _ = best(convert, (c, decoded), rounds=7)
    assert n_bare == n_fetch == n_sync == n_floor == N, (n_bare, n_fetch, n_sync, n_floor)
    print(f"{N} mentions in {N // PAGE} pages of {PAGE}")
    print(f"bare httpx pages + json   {t_bare:7.3f} s")
    print(f"Tribune connector fetch   {t_fetch:7.3f} s   ratio {t_fetch / t_bare:5.2f}x")
    print(
        f"  of which HTML → text + messages (no network) {t_convert:.3f} s"
        f" = {t_convert / t_bare:.2f}x of bare"
    )
    print(f"bare httpx + plain SQL    {t_floor:7.3f} s   (the floor of a sync into the inbox)")
    print(
        f"tribune sync (into inbox) {t_sync:7.3f} s   ratio {t_sync / t_floor:5.2f}x of the floor,"
    )
    print(f"                                      {t_sync / t_bare:5.2f}x of bare httpx alone")
    print(f"  of which the inbox's ingest_messages alone {t_ingest:.3f} s;")
    rest = t_sync - t_ingest
    print(f"  sync minus ingest       {rest:7.3f} s   ratio {rest / t_bare:5.2f}x")


if __name__ == "__main__":
    main()
