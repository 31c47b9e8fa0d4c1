"""Posts and the publishing queue on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.errors import Conflict, ValidationError
from app.services.calendar import posts
from app.services.calendar import queue as posts_queue
from app.services.calendar.posts import VariantInput, local_to_utc
from app.services.clients import workspaces as clients

PARIS = ZoneInfo("Europe/Paris")


def _client(db, name="Fleurs"):
    with db.session() as s:
        c = clients.create_client(s, name)
        return c.id


def _post(db, cid, when, text="Bonjour", networks=("mastodon", "x"), status="draft"):
    with db.session() as s:
        return posts.create_post(
            s,
            cid,
            planned_at=when,
            variants=[VariantInput(n, text) for n in networks],
            title="Test",
            category="produit",
            status=status,
        )


def test_create_edit_move_copy_history(db):
    cid = _client(db)
    when = dt.datetime(2026, 5, 4, 9, 0, tzinfo=PARIS)
    p = _post(db, cid, when)
    assert p.planned_at == when.astimezone(dt.UTC)
    assert p.networks == ("mastodon", "x")
    assert len({v.idempotency_key for v in p.variants}) == 2
    with db.session() as s:
        p2 = posts.update_post(
            s,
            cid,
            p.id,
            expected_version=p.version,
            title="Nouveau",
            variants=[VariantInput("x", "Texte X"), VariantInput("bluesky", "Texte 🦋")],
        )
    assert p2.title == "Nouveau" and p2.networks == ("bluesky", "x")
    # The X variant kept its idempotency key (same variant row).
    assert p2.variant("x").idempotency_key == p.variant("x").idempotency_key
    with pytest.raises(Conflict), db.session() as s:
        posts.update_post(s, cid, p.id, expected_version=p.version, title="stale")
    with db.session() as s:
        moved = posts.move_post(s, cid, p.id, when + dt.timedelta(days=2))
        copy = posts.copy_post(s, cid, p.id, networks=["linkedin"])
    assert moved.planned_at == (when + dt.timedelta(days=2)).astimezone(dt.UTC)
    assert copy.id != p.id and copy.networks == ("linkedin",) and copy.status == "draft"
    with db.read() as s:
        actions = [e.action for e in posts.history(s, cid, p.id)]
    assert actions == ["created", "edited", "moved"]


def test_other_client_cannot_touch_post(db):
    cid = _client(db)
    other = _client(db, "Banque")
    p = _post(db, cid, dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC))
    from app.errors import NotFound

    with pytest.raises(NotFound), db.session() as s:
        posts.move_post(s, other, p.id, dt.datetime(2026, 5, 5, 9, tzinfo=dt.UTC))


def test_status_flow_and_scheduling_guard(db):
    cid = _client(db)
    p = _post(db, cid, dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC), text="x" * 300)
    with pytest.raises(ValidationError), db.session() as s:
        posts.set_status(s, cid, p.id, "scheduled")  # not approved yet
    with db.session() as s:
        posts.set_status(s, cid, p.id, "approved")
    with pytest.raises(ValidationError, match="280"), db.session() as s:
        posts.set_status(s, cid, p.id, "scheduled")  # 300 chars on X: warned before
    with db.read() as s:
        assert posts.get_post(s, cid, p.id).status == "approved"


def test_dst_gap_and_ambiguous_follow_rfc5545():
    # 02:30 does not exist in Paris on 29 March 2026: read with the offset before the gap.
    assert local_to_utc(dt.date(2026, 3, 29), dt.time(2, 30), PARIS) == dt.datetime(
        2026, 3, 29, 1, 30, tzinfo=dt.UTC
    )
    # 02:30 happens twice on 25 October 2026: the first occurrence (summer time).
    assert local_to_utc(dt.date(2026, 10, 25), dt.time(2, 30), PARIS) == dt.datetime(
        2026, 10, 25, 0, 30, tzinfo=dt.UTC
    )


def test_queue_never_publishes_twice(db):
    cid = _client(db)
    past = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5)
    p = _post(db, cid, past, networks=("mastodon",), status="approved")
    future = _post(db, cid, past + dt.timedelta(days=3), networks=("x",), status="approved")
    with db.session() as s:
        posts.set_status(s, cid, p.id, "scheduled")
        posts.set_status(s, cid, future.id, "scheduled")
    now = dt.datetime.now(dt.UTC)
    with db.read() as s:
        due = posts_queue.due_variants(s, cid, now)
        assert len(posts_queue.queue(s, cid)) == 2
    assert [d.post_id for d in due] == [p.id]
    key = due[0].idempotency_key
    with db.session() as s:
        assert posts_queue.mark_sending(s, due[0].variant_id) is True
    with db.session() as s:
        assert posts_queue.mark_sending(s, due[0].variant_id) is False  # already sending
        assert posts_queue.due_variants(s, cid, now) == []
    with db.session() as s:
        posts_queue.mark_failed(s, due[0].variant_id, "timeout", retryable=True)
    with db.read() as s:
        again = posts_queue.due_variants(s, cid, now)
    assert again[0].idempotency_key == key  # a retry carries the same key
    with db.session() as s:
        assert posts_queue.mark_sending(s, again[0].variant_id)
        posts_queue.mark_published(s, again[0].variant_id, "109", "https://m.example/@f/109", now)
    with db.session() as s:
        assert posts_queue.mark_sending(s, again[0].variant_id) is False
        assert posts_queue.due_variants(s, cid, now) == []
        assert posts.get_post(s, cid, p.id).status == "published"
        assert [q.post_id for q in posts_queue.queue(s, cid)] == [future.id]


def test_sqlite_writers_wait_for_each_other_instead_of_failing(sqlite_db):
    """A unit of work that read, then writes after another writer committed, must not get
    "database is locked" (the calendar's GUI writes race the areas' background writes)."""
    import threading
    import time

    from sqlalchemy import select

    from app.models import Client

    cid = _client(sqlite_db)
    errors: list[BaseException] = []

    def other_writer():
        try:
            with sqlite_db.session() as s:
                clients.create_client(s, "Autre")
        except BaseException as exc:  # pragma: no cover - the failure being tested
            errors.append(exc)

    with sqlite_db.session() as s:
        s.scalars(select(Client)).all()  # read first
        worker = threading.Thread(target=other_writer)
        worker.start()
        time.sleep(0.3)  # the other writer tries meanwhile
        posts.create_post(
            s,
            cid,
            planned_at=dt.datetime(2026, 5, 4, 9, tzinfo=dt.UTC),
            variants=[VariantInput("x", "écrit après lecture")],
        )
    worker.join(10)
    assert errors == []
    with sqlite_db.read() as s:
        assert {c.name for c in clients.list_clients(s)} == {"Fleurs", "Autre"}


def test_pages_and_filters_on_both_engines(db):
    from app.services.calendar.query import PostFilter, count_posts, page_posts, posts_between

    cid = _client(db)
    base = dt.datetime(2026, 6, 1, 8, tzinfo=dt.UTC)
    with db.session() as s:
        for i in range(30):
            posts.create_post(
                s,
                cid,
                planned_at=base + dt.timedelta(hours=i),
                category="a" if i % 3 else "b",
                variants=[VariantInput("x", f"texte {i}\nsuite"), VariantInput("mastodon", "")]
                if i % 2
                else [VariantInput("linkedin", f"texte {i}")],
            )
    with db.read() as s:
        page = page_posts(s, cid, offset=10, limit=5)
        assert [c.preview for c in page] == [f"texte {i}" for i in range(10, 15)]
        assert page[1].networks == ("mastodon", "x")
        assert count_posts(s, cid, PostFilter(networks=("linkedin",))) == 15
        assert count_posts(s, cid, PostFilter(categories=("b",), networks=("x",))) == 5
        assert count_posts(s, cid, PostFilter(text="TEXTE 2")) == 11  # 2, 20..29
        window = posts_between(s, cid, base, base + dt.timedelta(hours=3))
        assert [c.preview for c in window] == ["texte 0", "texte 1", "texte 2"]
