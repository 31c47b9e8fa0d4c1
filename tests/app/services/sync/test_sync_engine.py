"""The sync engine on real databases against loopback servers, with small in-test sinks."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from sqlalchemy import func, select

from app.connectors.contract import DueVariant, IngestResult
from app.connectors.http import Http
from app.models import NetworkAccount
from app.models.sync import AccountHealthEvent, PublishAttempt, SyncCursor, SyncRun
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from app.services.sync.health import account_health
from app.services.sync.sinks import Sinks
from tests.servers.bluesky import BlueskyServer
from tests.servers.mastodon_mock_server import MockServer
from tests.servers.rss import FeedServer

NOW = dt.datetime(2026, 11, 23, 9, 30, tzinfo=dt.UTC)
TOKENS = {"mastodon": "alice_token", "bluesky": "app-pass-1234"}


class Memory:
    """Stands in for the inbox and the calendar's queue until their services are merged."""

    def __init__(self) -> None:
        self.inbox: dict[tuple[str, str], object] = {}
        self.variants: list[DueVariant] = []
        self.state: dict[int, str] = {}
        self.crash_on_record = False

    def ingest(self, session, client_id, items):
        added = dup = 0
        for i in items:
            key = (i.network, i.external_id)
            if key in self.inbox:
                dup += 1
            else:
                self.inbox[key] = i
                added += 1
        return IngestResult(added, dup)

    def due(self, session, client_id, now):
        return [v for v in self.variants if self.state.get(v.variant_id, "due") in ("due",)]

    def mark_sending(self, session, vid):
        if self.state.get(vid, "due") != "due":
            return False
        self.state[vid] = "sending"
        return True

    def mark_published(self, session, vid, external_id, url, at):
        if self.crash_on_record:
            raise RuntimeError("power cut")
        self.state[vid] = "published:" + external_id

    def mark_failed(self, session, vid, reason, retryable=True):
        self.state[vid] = "due" if retryable else "failed"

    def sinks(self) -> Sinks:
        return Sinks(
            ingest=self.ingest,
            due_variants=self.due,
            mark_sending=self.mark_sending,
            mark_published=self.mark_published,
            mark_failed=self.mark_failed,
        )


@pytest.fixture(scope="module")
def mastodon_server():
    with MockServer() as srv:
        yield srv


@pytest.fixture
def mastodon(mastodon_server):
    httpx.post(mastodon_server.base_url + "/api/v1/_mock/reset").raise_for_status()
    httpx.delete(mastodon_server.base_url + "/api/v1/_mock/faults")
    return mastodon_server


def mention(srv, text, token="bob_token"):
    httpx.post(
        srv.base_url + "/api/v1/statuses",
        json={"status": text},
        headers={"Authorization": f"Bearer {token}"},
    ).raise_for_status()


def setup_client(db, accounts):
    with db.session() as s:
        c = clients.create_client(s, "Fleurs de Lyon")
        ids = {}
        for network, url in accounts:
            ids[network] = clients.add_account(
                s, c.id, network, f"{network}-handle", base_url=url
            ).id
    return c.id, ids


def run(db, cid, mem, **kw):
    kw.setdefault("token_of", lambda cu, au: "")
    return sync_client(
        db,
        cid,
        http=Http(httpx.Client(timeout=3), base_delay=0.01, retries=1),
        sinks=mem.sinks(),
        now=NOW,
        samples=False,
        **kw,
    )


def token_by_network(db):
    def token_of(client_uid, account_uid):
        with db.read() as s:
            net = s.scalar(select(NetworkAccount.network).where(NetworkAccount.uid == account_uid))
        return TOKENS.get(net)

    return token_of


def test_mentions_into_inbox_then_only_new(db, mastodon):
    cid, ids = setup_client(db, [("mastodon", mastodon.base_url)])
    mem = Memory()
    mention(mastodon, "@alice première")
    report = run(db, cid, mem, token_of=token_by_network(db))
    assert report.ok and report.total("added") == 1
    mention(mastodon, "@alice deuxième")
    report = run(db, cid, mem, token_of=token_by_network(db))
    assert report.accounts[0].added == 1 and report.accounts[0].duplicates == 0
    assert sorted(m.text for m in mem.inbox.values()) == ["@alice deuxième", "@alice première"]
    with db.read() as s:
        cursor = s.scalar(
            select(SyncCursor.value).where(
                SyncCursor.account_id == ids["mastodon"], SyncCursor.stream == "inbox"
            )
        )
        assert int(cursor["notifications"]) > 0
        health = account_health(s, cid)[0]
        assert health.status == "connected" and health.last_sync_at is not None
        assert s.scalar(select(SyncRun.added).order_by(SyncRun.id.desc()).limit(1)) == 1


def test_one_failing_account_never_stops_the_others(db, mastodon):
    with (
        BlueskyServer() as bsky,
        FeedServer(
            "<rss><channel><title>t</title><item><guid>1</guid>"
            "<title>Article</title></item></channel></rss>"
        ) as f,
    ):
        cid, ids = setup_client(
            db, [("bluesky", bsky.base_url), ("mastodon", mastodon.base_url), ("rss", f.base_url)]
        )
        bsky.fail_next(503, times=10)
        mention(mastodon, "@alice toujours là")
        mem = Memory()
        report = run(db, cid, mem, token_of=token_by_network(db))
    outcomes = {a.network: a.outcome for a in report.accounts}
    assert outcomes == {"bluesky": "unavailable", "mastodon": "ok", "rss": "ok"}
    assert len(mem.inbox) == 2 and not report.ok
    with db.read() as s:
        status = s.get(NetworkAccount, ids["bluesky"]).status
    assert status == "unknown"  # a 5xx never marks an account disconnected


def test_auth_failure_marks_reconnect_needed_and_reconnect_keeps_cursors(db, mastodon):
    cid, ids = setup_client(db, [("mastodon", mastodon.base_url)])
    mem = Memory()
    mention(mastodon, "@alice un")
    run(db, cid, mem, token_of=token_by_network(db))
    with db.read() as s:
        before = s.scalar(
            select(SyncCursor.value).where(
                SyncCursor.account_id == ids["mastodon"], SyncCursor.stream == "inbox"
            )
        )
    report = run(db, cid, mem, token_of=lambda cu, au: "revoked-token")
    assert report.accounts[0].outcome == "auth"
    with db.read() as s:
        health = account_health(s, cid)[0]
        assert health.status == "reconnect_needed" and health.needs_attention
        assert "reconnect" in health.label.lower()
        events = s.scalars(select(AccountHealthEvent.status)).all()
        assert events[-1] == "reconnect_needed"
    # Reconnected (a good token again): same account row, same cursor, nothing refetched.
    mention(mastodon, "@alice deux")
    report = run(db, cid, mem, token_of=token_by_network(db))
    assert report.accounts[0].added == 1 and report.accounts[0].duplicates == 0
    with db.read() as s:
        after = s.scalar(
            select(SyncCursor.value).where(
                SyncCursor.account_id == ids["mastodon"], SyncCursor.stream == "inbox"
            )
        )
        assert int(after["notifications"]) > int(before["notifications"])
        assert account_health(s, cid)[0].status == "connected"


def test_network_without_connector_is_skipped_untouched(db, monkeypatch):
    """A network a build has no connector for (every network has one today: take LinkedIn's
    away) is skipped and its account left as it was."""
    from app.connectors import CONNECTORS

    monkeypatch.delitem(CONNECTORS, "linkedin")
    cid, ids = setup_client(db, [("linkedin", "")])
    report = run(db, cid, Memory())
    assert report.ok and report.accounts[0].outcome == "skipped"
    assert "linkedin" in report.accounts[0].message
    with db.read() as s:
        assert s.get(NetworkAccount, ids["linkedin"]).status == "unknown"


def test_missing_token_is_reconnect_needed(db, mastodon):
    cid, _ = setup_client(db, [("mastodon", mastodon.base_url)])
    report = run(db, cid, Memory(), token_of=lambda cu, au: None)
    assert report.accounts[0].outcome == "auth"


def _variant(cid, aid):
    return DueVariant(
        variant_id=11,
        post_id=5,
        client_id=cid,
        network="mastodon",
        account_id=aid,
        text="Le marché de Noël ouvre samedi 🎄",
        planned_at=NOW - dt.timedelta(minutes=5),
        idempotency_key="tribune-v11",
    )


def _alice_statuses(srv):
    h = {"Authorization": "Bearer alice_token"}
    me = httpx.get(srv.base_url + "/api/v1/accounts/verify_credentials", headers=h).json()
    return httpx.get(f"{srv.base_url}/api/v1/accounts/{me['id']}/statuses", headers=h).json()


def test_due_post_published_once_even_after_crash_between_send_and_record(db, mastodon, caplog):
    cid, ids = setup_client(db, [("mastodon", mastodon.base_url)])
    mem = Memory()
    mem.variants.append(_variant(cid, ids["mastodon"]))
    mem.crash_on_record = True
    report = run(db, cid, mem, token_of=token_by_network(db))
    assert report.accounts[0].outcome == "error"
    assert "power cut" in caplog.text and "alice_token" not in caplog.text
    assert len(_alice_statuses(mastodon)) == 1  # sent, but not recorded
    with db.read() as s:
        assert s.scalar(select(PublishAttempt.state)) == "sending"
    mem.crash_on_record = False
    report = run(db, cid, mem, token_of=token_by_network(db))
    assert report.ok and report.accounts[0].published == 1
    statuses = _alice_statuses(mastodon)
    assert len(statuses) == 1
    assert mem.state[11] == "published:" + statuses[0]["id"]
    with db.read() as s:
        assert s.scalar(select(PublishAttempt.state)) == "sent"
    report = run(db, cid, mem, token_of=token_by_network(db))  # nothing due any more
    assert report.accounts[0].published == 0 and len(_alice_statuses(mastodon)) == 1


def test_no_network_posts_wait(db):
    cid, ids = setup_client(db, [("mastodon", "http://127.0.0.1:9")])
    mem = Memory()
    mem.variants.append(_variant(cid, ids["mastodon"]))
    report = run(db, cid, mem, token_of=lambda cu, au: "t")
    assert report.accounts[0].outcome == "unavailable"
    assert mem.state.get(11, "due") == "due"


def test_cancel_stops_between_accounts(db, mastodon):
    cid, _ = setup_client(db, [("mastodon", mastodon.base_url), ("rss", mastodon.base_url)])
    seen = []

    def progress(done, total, label):
        seen.append((done, total))

    report = run(
        db,
        cid,
        Memory(),
        token_of=token_by_network(db),
        progress=progress,
        is_cancelled=lambda: len(seen) >= 2,
    )
    assert report.cancelled and report.accounts[-1].outcome == "cancelled"
    assert report.accounts[0].outcome == "ok"


def test_badge_counts_accounts_to_reconnect_and_tokens_about_to_expire(db):
    from app.services.clients.badges import client_badges

    cid, ids = setup_client(db, [("facebook", ""), ("mastodon", ""), ("rss", "")])
    with db.session() as s:
        s.get(NetworkAccount, ids["facebook"]).token_expires_at = NOW + dt.timedelta(days=3)
        s.get(NetworkAccount, ids["mastodon"]).status = "connected"
    with db.read() as s:
        assert client_badges(s)[cid].accounts_attention == 1
        fb = next(h for h in account_health(s, cid, now=NOW) if h.network == "facebook")
        assert fb.needs_attention and fb.expires_in_days == 3
        assert fb.label == "Not checked yet"
    with db.session() as s:
        s.get(NetworkAccount, ids["facebook"]).status = "connected"
        s.get(NetworkAccount, ids["rss"]).status = "error"
    with db.read() as s:
        assert client_badges(s)[cid].accounts_attention == 2
        fb = next(h for h in account_health(s, cid, now=NOW) if h.network == "facebook")
        assert fb.label == "Connected — token expires in 3 days"


def test_rate_limit_is_reported_and_never_disconnects(db, mastodon):
    cid, ids = setup_client(db, [("mastodon", mastodon.base_url)])
    mem = Memory()
    run(db, cid, mem, token_of=token_by_network(db))  # connected
    rule = {"match": {"path": "/api/v1/notifications"}, "effect": {"type": "ratelimit"}}
    httpx.post(mastodon.base_url + "/api/v1/_mock/faults", json=rule).raise_for_status()
    report = run(db, cid, mem, token_of=token_by_network(db))
    assert report.accounts[0].outcome == "rate_limited"
    assert "retry in 5 min" in report.accounts[0].message
    with db.read() as s:
        assert s.get(NetworkAccount, ids["mastodon"]).status == "connected"


def test_one_sync_per_client_at_a_time(db):
    import threading

    from app.errors import Conflict

    with FeedServer("<rss><channel><title>t</title></channel></rss>") as feed:
        cid, _ = setup_client(db, [("rss", feed.base_url)])
        feed.fail_next(200, delay=1.0, body="<rss><channel><title>t</title></channel></rss>")
        first = threading.Thread(target=run, args=(db, cid, Memory()))
        first.start()
        import time

        deadline = time.monotonic() + 5
        while not feed.log and time.monotonic() < deadline:
            time.sleep(0.02)
        with pytest.raises(Conflict):
            run(db, cid, Memory())
        first.join()
        assert run(db, cid, Memory()).ok  # finished: a new sync is allowed again


def test_deleting_a_client_removes_its_sync_rows(db, mastodon):
    from app.services.clients.workspace import delete_client_everywhere

    cid, ids = setup_client(db, [("mastodon", mastodon.base_url)])
    mention(mastodon, "@alice bonjour")
    mem = Memory()
    mem.variants.append(_variant(cid, ids["mastodon"]))
    run(db, cid, mem, token_of=token_by_network(db))
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(SyncRun)) == 1
        assert s.scalar(select(func.count()).select_from(PublishAttempt)) == 1
    delete_client_everywhere(db, cid, "Fleurs de Lyon")
    with db.read() as s:
        for model in (SyncRun, SyncCursor, PublishAttempt, AccountHealthEvent):
            assert s.scalar(select(func.count()).select_from(model)) == 0, model
