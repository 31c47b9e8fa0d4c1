"""A seat killed while Meta was taking a private reply: after its lease, the next seat looks
the reply up in the Page's conversations and records it — never a second private reply
(Meta refuses one anyway). Real processes (``tribune sync``), the local Graph server, the
real keyring, on SQLite and on PostgreSQL."""

from __future__ import annotations

import datetime as dt
import os
import signal
import time

import pytest
from sqlalchemy import select

from app.connectors.contract import IncomingMessage
from app.models.inbox import InboxMessage
from app.models.sync import PublishAttempt
from app.services.clients import workspace
from app.services.clients import workspaces as clients
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import replies as inbox_replies
from tests.app.services.sync.test_seats_common import finish, start_seats
from tests.conftest import db_url_of
from tests.servers.graph import PAGE, GraphServer

LEASE = 6


@pytest.mark.parametrize(
    "engine", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_a_private_reply_of_a_killed_seat_is_looked_up_not_sent_again(
    request, real_keyring, tribune_home, engine
):
    db = request.getfixturevalue("sqlite_db" if engine == "sqlite" else "pg_db")
    url = db_url_of(db)
    with GraphServer() as graph:
        graph.add_comment(3, "Ma commande n'est pas arrivée")
        with db.session() as s:
            client = clients.create_client(s, "Fleurs de Loire")
        workspace.add_account_with_token(
            db, client.id, "facebook", PAGE, base_url=graph.base_url + "/v21.0",
            token="page-token-xyz",
        )  # fmt: skip
        with db.session() as s:
            inbox_ingest.ingest_messages(
                s, client.id,
                [IncomingMessage("facebook", "1001_1_c3", "comment", "Client Mécontent", "u3",
                                 "Ma commande n'est pas arrivée",
                                 dt.datetime.now(dt.UTC) - dt.timedelta(minutes=5))],
            )  # fmt: skip
            mid = s.scalars(select(InboxMessage.id)).one()
            inbox_replies.create_reply(
                s, client.id, mid, "Nous regardons votre commande en privé 🙏", private=True
            )
        env = {"TRIBUNE_LEASE_SECONDS": str(LEASE)}
        graph.private_delay = 30  # Meta has the message; its answer never comes in time
        (seat_a,) = start_seats(1, url, client.slug, tribune_home, env)
        deadline = time.monotonic() + 30
        while not graph.private_replies and time.monotonic() < deadline:
            time.sleep(0.05)
        assert graph.private_replies, "seat A never sent"
        os.kill(seat_a.pid, signal.SIGKILL)
        seat_a.wait()
        killed_at = time.monotonic()
        graph.private_delay = 0
        with db.read() as s:
            assert s.scalars(select(PublishAttempt.state)).one() == "sending"

        time.sleep(max(0.0, killed_at + LEASE + 0.5 - time.monotonic()))  # lease expired
        ((rc, data, err),) = finish(start_seats(1, url, client.slug, tribune_home, env))
        assert rc == 0, (err, data["accounts"][0].get("message"))
        assert "Traceback" not in err
        assert len(graph.private_replies) == 1  # looked up and found: never sent again
        assert graph.requests_to(f"/{PAGE}/conversations")
        with db.read() as s:
            assert s.scalars(select(PublishAttempt.state)).one() == "sent"
            ours = s.scalars(select(InboxMessage).where(InboxMessage.ours)).one()
            assert ours.reply_state == "sent"
            assert ours.external_id == "m_1"  # the message id Meta gave, found again
