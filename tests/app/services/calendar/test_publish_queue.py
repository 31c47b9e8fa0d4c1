"""The calendar's real publishing queue through the sync: published once, crash-safe, waits
when the network is down (skipped until the calendar feature is in this branch)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from app.connectors.http import Http
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from tests.servers.mastodon_mock_server import MockServer

posts_queue = pytest.importorskip("app.services.calendar.queue")
posts = pytest.importorskip("app.services.calendar.posts")
VariantInput = posts.VariantInput


@pytest.fixture(scope="module")
def mastodon_server():
    with MockServer() as srv:
        yield srv


@pytest.fixture
def mastodon(mastodon_server):
    httpx.post(mastodon_server.base_url + "/api/v1/_mock/reset").raise_for_status()
    return mastodon_server


def due_post(db, base_url, text="Portes ouvertes samedi 🥐"):
    with db.session() as s:
        c = clients.create_client(s, "Boulangeries Dupré")
        clients.add_account(s, c.id, "mastodon", "alice", base_url=base_url)
        p = posts.create_post(
            s,
            c.id,
            planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
            variants=[VariantInput("mastodon", text)],
            title="Portes ouvertes",
            category="produit",
            status="approved",
        )
    with db.session() as s:
        posts.set_status(s, c.id, p.id, "scheduled")
    return c.id, p.id


def sync(db, cid, retries=3, samples=False):
    return sync_client(
        db,
        cid,
        http=Http(httpx.Client(timeout=3), base_delay=0.01, retries=retries),
        token_of=lambda cu, au: "alice_token",
        samples=samples,
    )


def statuses(srv):
    h = {"Authorization": "Bearer alice_token"}
    me = httpx.get(srv.base_url + "/api/v1/accounts/verify_credentials", headers=h).json()
    return httpx.get(f"{srv.base_url}/api/v1/accounts/{me['id']}/statuses", headers=h).json()


def test_due_post_is_published_once(db, mastodon):
    cid, pid = due_post(db, mastodon.base_url)
    report = sync(db, cid, samples=True)
    assert report.ok and report.accounts[0].published == 1
    assert [s["content"] for s in statuses(mastodon)] == ["<p>Portes ouvertes samedi 🥐</p>"]
    with db.read() as s:
        assert posts.get_post(s, cid, pid).status == "published"
    assert sync(db, cid).accounts[0].published == 0
    assert len(statuses(mastodon)) == 1
    from sqlalchemy import select

    from app.models.metrics import PostMetricDay

    with db.read() as s:  # the published post's numbers, tied to the calendar's variant
        row = s.scalars(select(PostMetricDay)).one()
        assert row.external_post_id == statuses(mastodon)[0]["id"]
        assert row.variant_id is not None and row.reactions == 0


def test_crash_between_send_and_record_never_publishes_twice(db, mastodon, monkeypatch):
    cid, pid = due_post(db, mastodon.base_url)
    real = posts_queue.mark_published

    def power_cut(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(posts_queue, "mark_published", power_cut)
    report = sync(db, cid)
    assert not report.ok and len(statuses(mastodon)) == 1
    monkeypatch.setattr(posts_queue, "mark_published", real)
    report = sync(db, cid)
    assert report.ok and report.accounts[0].published == 1
    assert len(statuses(mastodon)) == 1
    with db.read() as s:
        assert posts.get_post(s, cid, pid).status == "published"


def test_crash_longer_than_the_idempotency_window_still_publishes_once(db, mastodon, monkeypatch):
    from sqlalchemy import select

    from app.models.sync import PublishAttempt

    cid, pid = due_post(db, mastodon.base_url, text="Galette des rois 👑\nDès le 2 janvier.")
    real = posts_queue.mark_published
    monkeypatch.setattr(posts_queue, "mark_published", lambda *a, **k: 1 / 0)
    assert not sync(db, cid).ok and len(statuses(mastodon)) == 1
    monkeypatch.setattr(posts_queue, "mark_published", real)
    with db.session() as s:  # hours later the server has forgotten the key: a new one
        attempt = s.scalars(select(PublishAttempt).where(PublishAttempt.state == "sending")).one()
        attempt.payload = {**attempt.payload, "idempotency_key": "forgotten-by-the-server"}
    report = sync(db, cid)
    assert report.ok and report.accounts[0].published == 1
    assert len(statuses(mastodon)) == 1  # found among our own statuses, not sent again
    with db.read() as s:
        assert posts.get_post(s, cid, pid).status == "published"
        attempt = s.scalars(select(PublishAttempt)).one()
        assert attempt.state == "sent" and attempt.external_id == statuses(mastodon)[0]["id"]


def test_no_network_the_post_waits_with_its_reason(db):
    cid, pid = due_post(db, "http://127.0.0.1:9")
    report = sync(db, cid, retries=0)
    assert report.accounts[0].outcome == "unavailable"
    with db.read() as s:
        due = posts_queue.due_variants(s, cid, dt.datetime.now(dt.UTC))
        assert [d.post_id for d in due] == [pid]  # retryable: it will go next time
