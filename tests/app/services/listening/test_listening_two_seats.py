"""Two seats clicking at the same instant: "Draft the holding message" gives ONE post (the
second seat gets the first one's), and the same stream added twice says "already exists"
instead of a raw IntegrityError.

Real processes (multiprocessing, spawn) on the real PostgreSQL server and on one SQLite file.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import time

import pytest
from sqlalchemy import func, select

from app.models.listening import HoldingDraft, ListeningStream
from app.models.posts import Post
from app.services.calendar.posts import delete_post
from app.services.clients import workspaces as clients
from app.services.listening.holding import draft_holding
from tests.conftest import db_url_of

NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _seat(url: str, client_id: int, what: str, start: float, out) -> None:
    from app.db import Database
    from app.errors import Conflict
    from app.services.listening.holding import draft_holding
    from app.services.listening.streams import add_stream

    db = Database(url)
    try:
        while time.monotonic() < start:  # both seats go at the same instant
            time.sleep(0.001)
        with db.session() as s:
            if what == "holding":
                got = draft_holding(s, client_id, now=NOW)
                result = (got.post.id, got.created)
            else:
                result = [
                    x.id for x in add_stream(s, client_id, "keyword", "aquarelle", "mastodon")
                ]
        out.put(("ok", result))
    except Conflict as exc:
        out.put(("conflict", exc.message))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def _two_seats(db, client_id: int, what: str) -> list[tuple[str, object]]:
    ctx = multiprocessing.get_context("spawn")
    out = ctx.Queue()
    start = time.monotonic() + 4  # after both interpreters have started
    url = db_url_of(db)
    procs = [ctx.Process(target=_seat, args=(url, client_id, what, start, out)) for _ in range(2)]
    for p in procs:
        p.start()
    try:
        return sorted((out.get(timeout=120) for _ in procs), key=repr)
    finally:  # a seat that never answers must not keep the run alive at exit
        for p in procs:
            p.join(timeout=30)
            if p.is_alive():
                p.kill()


def _client(db) -> int:
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle", timezone="Europe/Paris").id
        clients.add_account(s, cid, "facebook", "Page", base_url="https://graph.example")
        clients.add_account(s, cid, "mastodon", "@aq", base_url="https://mastodon.example")
    return cid


@pytest.mark.parametrize("engine", ENGINES)
def test_two_seats_drafting_the_holding_message_at_once_get_one_post(request, engine):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    cid = _client(db)
    results = _two_seats(db, cid, "holding")
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    (first, created_a), (second, created_b) = (r for _, r in results)
    assert first == second  # the second seat opens the first one's draft
    assert sorted([created_a, created_b]) == [False, True]
    with db.read() as s:
        posts = s.scalar(select(func.count()).select_from(Post).where(Post.client_id == cid))
        claims = s.scalars(select(HoldingDraft.post_id).where(HoldingDraft.client_id == cid))
        assert posts == 1 and list(claims) == [first]


@pytest.mark.parametrize("engine", ENGINES)
def test_two_seats_adding_the_same_stream_at_once_one_hears_it_already_exists(request, engine):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    cid = _client(db)
    results = _two_seats(db, cid, "stream")
    kinds = [kind for kind, _ in results]
    assert kinds == ["conflict", "ok"], results
    assert results[0][1] == "This stream already exists."
    with db.read() as s:
        ids = list(s.scalars(select(ListeningStream.id).where(ListeningStream.client_id == cid)))
    assert ids == results[1][1] and len(ids) == 1


def test_a_later_click_in_the_hour_returns_the_draft_and_a_deleted_draft_frees_the_hour(db):
    cid = _client(db)
    with db.session() as s:
        first = draft_holding(s, cid, now=NOW)
    with db.session() as s:
        again = draft_holding(s, cid, now=NOW + dt.timedelta(minutes=20))
    assert first.created and not again.created and again.post.id == first.post.id
    with db.session() as s:
        next_hour = draft_holding(s, cid, now=NOW + dt.timedelta(hours=1))
    assert next_hour.created and next_hour.post.id != first.post.id
    with db.session() as s:
        delete_post(s, cid, first.post.id)  # discarded by a lead: the hour is free again
    with db.session() as s:
        redone = draft_holding(s, cid, now=NOW)
    assert redone.created and redone.post.id not in (first.post.id, next_hour.post.id)
