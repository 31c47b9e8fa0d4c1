"""The listening list's fast path gives the same rows, in the same order, as the ORM query it
replaces: first page, keyset pages through ties on the instant, a status filter, both engines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import and_, or_, select

from app.models.listening import ListeningItem
from app.services.clients import workspaces as clients
from app.services.listening.items import ItemRow, page
from app.services.listening.rows import FIELDS

BASE = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)
_COLUMNS = tuple(getattr(ListeningItem, f) for f in FIELDS)


def _orm_page(session, client_id, statuses=(), after=None, limit=100, search=""):
    """The ORM query the fast path replaced (a search: each engine's full-text index)."""
    query = select(*_COLUMNS).where(ListeningItem.client_id == client_id)
    if statuses:
        query = query.where(ListeningItem.status.in_(statuses))
    if search:
        query = query.where(_orm_search(session, client_id, search))
    if after is not None:
        when, last = after
        query = query.where(
            or_(
                ListeningItem.published_at < when,
                and_(ListeningItem.published_at == when, ListeningItem.id < last),
            )
        )
    query = query.order_by(ListeningItem.published_at.desc(), ListeningItem.id.desc())
    return [ItemRow(*r) for r in session.execute(query.limit(limit))]


def _orm_search(session, client_id, search):
    from sqlalchemy import literal_column, text

    from app.services.inbox.search import fts5_query, tsquery
    from app.services.listening.pages import _PG_DOC

    if session.get_bind().dialect.name == "sqlite":
        return literal_column("listening_items.id").in_(
            text("SELECT rowid FROM listening_fts WHERE listening_fts MATCH :q").bindparams(
                q=fts5_query(client_id, search)
            )
        )
    q = tsquery(client_id, search)
    return text(f"{_PG_DOC} @@ to_tsquery('simple', :q)").bindparams(q=q)


def test_fast_pages_are_the_orm_pages_on_both_engines(db):
    with db.session() as s:
        mine = clients.create_client(s, "Fleurs de Lyon").id
        other = clients.create_client(s, "Autre").id
        for i in range(230):
            s.add(
                ListeningItem(
                    client_id=mine if i % 7 else other,
                    network=("mastodon", "bluesky", "rss")[i % 3],
                    external_id=f"e{i}",
                    author=f"Auteur {i}",
                    author_handle=f"a{i}",
                    author_followers=None if i % 5 == 0 else i * 10,
                    text=f"« Bouquet » n°{i} — é",
                    url=f"https://exemple.fr/{i}",
                    published_at=BASE - dt.timedelta(minutes=i // 4),  # four items share each
                    sentiment=("positive", "neutral", "negative")[i % 3],
                    status=("new", "dismissed", "sent_to_inbox")[i % 3],
                )
            )
    with db.read() as s:
        for statuses in ((), ("new",), ("new", "dismissed")):
            after, pages = None, 0
            while True:
                fast = page(s, mine, statuses=statuses, after=after, limit=17)
                assert fast == _orm_page(s, mine, statuses, after, limit=17)
                assert all(r.published_at.tzinfo is not None for r in fast)
                pages += 1
                if len(fast) < 17:
                    break
                after = (fast[-1].published_at, fast[-1].id)
            assert pages > 3
        for search in ("bouquet", "Auteur 1", "a10", "fleur bouquet", "BOUQUET n°2"):
            after, pages = None, 0
            while True:  # a search through pages and statuses, as the list reads it
                fast = page(
                    s, mine, search=search, statuses=("new", "dismissed"), after=after, limit=9
                )
                orm = _orm_page(s, mine, ("new", "dismissed"), after, limit=9, search=search)
                assert fast == orm, search
                pages += 1
                if len(fast) < 9:
                    break
                after = (fast[-1].published_at, fast[-1].id)
            assert pages >= 1
        assert len(page(s, mine, search="bouquet", limit=500)) == len(
            [i for i in range(230) if i % 7]
        )
        connection_page = page(s.connection(), mine, limit=50)  # a Core connection too
        assert connection_page == _orm_page(s, mine, limit=50)
        assert {r.id for r in page(s, other, limit=500)}.isdisjoint(
            r.id for r in page(s, mine, limit=500)
        )


def test_a_deep_page_reads_its_range_from_the_index_not_every_newer_item(sqlite_db):
    """The keyset condition is a row value: SQLite seeks (client_id, published_at) to the
    page's start. The same rows written "published_at < k OR (= k AND id < i)" made it scan
    every newer item: browsing 100,000 items read 100,000 rows per page at the end."""
    from app.services.listening.pages import _compiled

    with sqlite_db.engine.connect() as conn:
        compiled = _compiled(conn.dialect, 0, True)
        args = tuple(
            {"p_client": 1, "p_key": "2026-11-02 09:30:00.000000", "p_id": 5, "p_limit": 100}.get(
                name, compiled.fixed.get(name)
            )
            for name in compiled.names or ()
        )
        plan = " ".join(
            str(row[-1])
            for row in conn.connection.driver_connection.execute(
                "EXPLAIN QUERY PLAN " + compiled.sql, args
            )
        )
    assert "ix_listening_items_client_published" in plan
    assert "published_at<?" in plan.replace(" ", ""), plan


def test_a_search_reads_the_same_through_a_connection_as_through_a_session(db):
    """page() takes a Core Connection (the list model's cheap path): a search through one
    finds what the session finds, instead of failing on the Session-only get_bind()."""
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs de Lyon").id
        for i, text in enumerate(["Les pivoines sont fanées", "Bouquet parfait", "Pivoine rose"]):
            s.add(
                ListeningItem(
                    client_id=cid,
                    network="mastodon",
                    external_id=f"s{i}",
                    author=f"Auteur {i}",
                    author_handle=f"a{i}",
                    text=text,
                    url=f"https://exemple.fr/s{i}",
                    published_at=BASE - dt.timedelta(minutes=i),
                )
            )
    with db.read() as s:
        by_session = page(s, cid, search="pivoine")
        by_connection = page(s.connection(), cid, search="pivoine")
    assert [r.text for r in by_session] == ["Les pivoines sont fanées", "Pivoine rose"]
    assert by_connection == by_session
