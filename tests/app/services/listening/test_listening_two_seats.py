"""Two seats clicking at the same instant: "Draft the holding message" gives ONE post per
crisis episode (the second seat gets the first one's), also when the two clicks straddle
hh:00, and the same stream added twice says "already exists" instead of a raw IntegrityError.

Real processes (multiprocessing, spawn) on the real PostgreSQL server and on one SQLite file.
"""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import func, select

from app.models.listening import CrisisEpisode, HoldingDraft, ListeningStream
from app.models.posts import Post
from app.services.calendar.posts import delete_post
from app.services.clients import workspaces as clients
from app.services.listening.episodes import (
    QUIET,
    close_episode,
    current_episode,
    recent_episodes,
    signal_episode,
)
from app.services.listening.holding import draft_holding
from tests.conftest import db_url_of
from tests.harness.seats import answers, seat_context

NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)
ENGINES = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _seat(url: str, client_id: int, what: str, start: float, out, now=NOW) -> None:
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
                got = draft_holding(s, client_id, now=now)
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


def _two_seats(db, client_id: int, what: str, nows=(NOW, NOW)) -> list[tuple[str, object]]:
    ctx = seat_context()
    out = ctx.Queue()
    start = time.monotonic() + 4  # after both interpreters have started
    url = db_url_of(db)
    procs = [
        ctx.Process(target=_seat, args=(url, client_id, what, start, out, now)) for now in nows
    ]
    return sorted(answers(procs, out), key=repr)


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
        assert s.scalar(select(func.count()).where(CrisisEpisode.client_id == cid)) == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_two_seats_clicking_either_side_of_the_hour_get_one_post(request, engine):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    cid = _client(db)
    hh = dt.datetime(2026, 11, 20, 16, 0, tzinfo=dt.UTC)
    nows = (hh - dt.timedelta(seconds=2), hh + dt.timedelta(seconds=2))  # 15:59:58, 16:00:02
    results = _two_seats(db, cid, "holding", nows)
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    (first, created_a), (second, created_b) = (r for _, r in results)
    assert first == second and sorted([created_a, created_b]) == [False, True]
    with db.read() as s:
        posts = s.scalar(select(func.count()).select_from(Post).where(Post.client_id == cid))
        episodes = s.scalar(select(func.count()).where(CrisisEpisode.client_id == cid))
    assert posts == 1 and episodes == 1


@pytest.mark.parametrize("engine", ENGINES)
def test_two_seats_clicking_after_a_lapsed_crisis_open_one_new_crisis(request, engine):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    cid = _client(db)
    with db.session() as s:  # an old crisis, quiet for two days: it has lapsed
        old = draft_holding(s, cid, now=NOW - 2 * QUIET)
    results = _two_seats(db, cid, "holding")
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    (first, created_a), (second, created_b) = (r for _, r in results)
    assert first == second and sorted([created_a, created_b]) == [False, True]
    with db.read() as s:
        episodes = recent_episodes(s, cid)
    assert len(episodes) == 2 and episodes[0].closed_at is None  # one new crisis, open
    assert episodes[1].id == old.episode_id and episodes[1].closed_at == NOW - QUIET


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


def test_one_draft_per_crisis_episode_across_hours_until_the_crisis_is_over(db):
    cid = _client(db)
    with db.session() as s:
        first = draft_holding(s, cid, now=NOW.replace(minute=59, second=50))
    with db.session() as s:  # 20 seconds later, in the next UTC hour: the same crisis
        again = draft_holding(s, cid, now=NOW.replace(hour=16, minute=0, second=10))
    assert first.created and not again.created and again.post.id == first.post.id
    with db.session() as s:  # three hours later, still the same crisis
        later = draft_holding(s, cid, now=NOW + dt.timedelta(hours=3))
    assert not later.created and later.post.id == first.post.id
    with db.session() as s:
        delete_post(s, cid, first.post.id)  # discarded by a lead: the episode is free again
    with db.session() as s:
        redone = draft_holding(s, cid, now=NOW + dt.timedelta(hours=3, minutes=5))
    assert redone.created and redone.post.uid != first.post.uid  # (SQLite may reuse the id)
    assert redone.episode_id == first.episode_id
    with db.session() as s:
        closed = close_episode(s, cid, "Léa", now=NOW + dt.timedelta(hours=4))
    assert closed is not None and closed.closed_by == "Léa"
    with db.session() as s:  # the crisis is over: the next one gets its own message
        assert current_episode(s, cid, NOW + dt.timedelta(hours=5)) is None
        next_crisis = draft_holding(s, cid, now=NOW + dt.timedelta(hours=5))
    assert next_crisis.created and next_crisis.episode_id != first.episode_id
    assert next_crisis.post.uid not in (first.post.uid, redone.post.uid)


def test_an_episode_lapses_after_a_quiet_day_and_an_alert_keeps_it_open(db):
    cid = _client(db)
    with db.session() as s:
        first = draft_holding(s, cid, now=NOW)
    with db.session() as s:  # a charter signal 20 hours later keeps the crisis open ...
        assert signal_episode(s, cid, NOW + dt.timedelta(hours=20)) == first.episode_id
    with db.session() as s:  # ... so 40 hours after the first click it is the same crisis
        same = draft_holding(s, cid, now=NOW + dt.timedelta(hours=40))
    assert not same.created and same.post.id == first.post.id
    with db.session() as s:  # then a quiet day (more than QUIET since the last signal)
        assert current_episode(s, cid, NOW + dt.timedelta(hours=40) + QUIET * 2) is None
        fresh = draft_holding(s, cid, now=NOW + dt.timedelta(hours=40) + QUIET * 2)
    assert fresh.created and fresh.episode_id != first.episode_id
    with db.read() as s:
        episodes = recent_episodes(s, cid)
    assert [e.closed_at is None for e in episodes] == [True, False]
    assert episodes[1].closed_at == NOW + dt.timedelta(hours=40) + QUIET
    assert episodes[1].closed_by == ""  # lapsed by itself
