"""Every post and every reply sent once, across seats: real PostgreSQL, real processes
(``tribune sync``), a local X server that answers sends 1.5 s late and counts them."""

from __future__ import annotations

import os
import signal
import time

import pytest
from sqlalchemy import select

from app.models.inbox import InboxMessage
from app.models.posts import PostVariant
from app.models.sync import PublishAttempt
from app.services.inbox import replies as inbox_replies
from tests.app.services.sync.test_seats_common import (
    agency,
    due_posts,
    finish,
    outcomes,
    start_seats,
)
from tests.conftest import db_url_of
from tests.servers.x import XServer

SEATS, ROUNDS = 4, 3
LEASE = 12  # seconds, renewed every 2 s while a seat lives; room for a loaded CI to start one


@pytest.fixture
def x_server():
    with XServer() as srv:
        yield srv


@pytest.mark.postgres
def test_four_seats_syncing_together_send_every_post_and_reply_exactly_once(
    pg_db, real_keyring, x_server, tribune_home
):
    url = db_url_of(pg_db)
    client_id, slug = agency(pg_db, x_server)
    for n in range(ROUNDS):
        x_server.add_mention(n, f"@nuagelogiciel question {n} ?")
    first = finish(start_seats(1, url, slug, tribune_home))  # the mentions come in
    assert first[0][0] == 0, first[0][2]
    x_server.send_delay = 1.5
    x_server.land_first = False  # a send in flight cannot be found by a look-up yet
    posts_sent, replies_sent = [], []
    for r in range(ROUNDS):
        texts = [f"Round {r}: post {i} #seats" for i in range(2)]
        answers = [f"Merci pour la question, réponse {r}"]
        due_posts(pg_db, client_id, texts)
        with pg_db.read() as s:  # one mention per round, answered in order
            mentions = s.scalars(
                select(InboxMessage.id)
                .where(InboxMessage.ours.is_(False))
                .order_by(InboxMessage.external_id)
            ).all()[r : r + 1]
        for text, mid in zip(answers, mentions, strict=True):
            with pg_db.session() as s:
                inbox_replies.create_reply(s, client_id, mid, text)
        results = finish(start_seats(SEATS, url, slug, tribune_home, stagger=0.4))
        for rc, _data, err in results:
            assert rc == 0, err
            assert "Unexpected" not in err and "Traceback" not in err
        got = outcomes(results)
        assert got.count("ok") >= 1 and set(got) <= {"ok", "busy"}, got
        busy = [a for _, d, _ in results for a in d["accounts"] if a["outcome"] == "busy"]
        assert all("is syncing this account" in a["message"] for a in busy)
        posts_sent += texts
        replies_sent += answers
    on_server = [t["text"] for t in x_server.tweets]
    for text in posts_sent + replies_sent:
        assert on_server.count(text) == 1, (text, on_server)
    assert x_server.sent == len(posts_sent) + len(replies_sent)
    with pg_db.read() as s:
        states = s.scalars(select(PostVariant.publish_state)).all()
        assert states == ["published"] * len(posts_sent)
        replies = s.scalars(select(InboxMessage.reply_state).where(InboxMessage.ours)).all()
        assert replies == ["sent"] * len(replies_sent)
        assert set(s.scalars(select(PublishAttempt.state))) == {"sent"}


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_a_seat_killed_mid_send_is_recovered_after_its_lease_by_a_look_up_not_a_resend(
    request, real_keyring, x_server, tribune_home, engine
):
    """On PostgreSQL the killed seat's account lock goes with its connection; on SQLite the
    lock row names a process that no longer exists on this machine. Either way the next
    seat syncs at once, but leaves the send alone until its lease has expired."""
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    url = db_url_of(db)
    client_id, slug = agency(db, x_server)
    env = {"TRIBUNE_LEASE_SECONDS": str(LEASE)}
    x_server.send_delay = 30  # the post lands at once, the answer never comes in time
    due_posts(db, client_id, ["Les soldes commencent demain !"])
    (seat_a,) = start_seats(1, url, slug, tribune_home, env)
    deadline = time.monotonic() + 20
    while not x_server.tweets and time.monotonic() < deadline:
        time.sleep(0.05)
    assert x_server.tweets, "seat A never sent"
    os.kill(seat_a.pid, signal.SIGKILL)
    seat_a.wait()
    killed_at = time.monotonic()
    x_server.send_delay = 0
    with db.read() as s:
        attempt = s.scalars(select(PublishAttempt)).one()
        assert attempt.state == "sending"
        assert f":{seat_a.pid}:" in attempt.seat  # host:pid:random of the killed seat

    # at once: A's account lock went with its connection, but its send is still leased
    ((rc, data, err),) = finish(start_seats(1, url, slug, tribune_home, env))
    assert rc == 0, err
    assert time.monotonic() - killed_at < LEASE, "too slow to test the lease"
    assert data["accounts"][0]["outcome"] == "ok"
    assert data["accounts"][0]["published"] == 0
    with db.read() as s:
        assert s.scalars(select(PublishAttempt.state)).one() == "sending"
    assert len(x_server.requests_to("/2/users/900/tweets")) == 0  # not even looked up

    time.sleep(max(0.0, killed_at + LEASE + 0.5 - time.monotonic()))  # the lease has expired
    ((rc, data, err),) = finish(start_seats(1, url, slug, tribune_home, env))
    assert rc == 0, err
    assert data["accounts"][0]["published"] == 1
    assert len(x_server.tweets) == 1  # looked up and found: never sent again
    assert len([r for r in x_server.requests_to("/2/tweets") if r[0] == "POST"]) == 1
    assert x_server.requests_to("/2/users/900/tweets")
    with db.read() as s:
        variant = s.scalars(select(PostVariant)).one()
        assert variant.publish_state == "published"
        assert variant.external_id == x_server.tweets[0]["id"]
        assert s.scalars(select(PublishAttempt.state)).one() == "sent"
