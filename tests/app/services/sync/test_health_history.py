"""An account's health history, newest first: each change of status with its reason, read
back as named entries on both engines."""

from __future__ import annotations

import datetime as dt

from app.services.clients import workspaces as clients
from app.services.sync.health import HealthEntry, health_history, set_status


def test_the_history_lists_each_change_newest_first(db):
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs de Lyon").id
        aid = clients.add_account(s, cid, "mastodon", "fleurs").id
        other = clients.add_account(s, cid, "bluesky", "fleurs.bsky.social").id
    for status, reason in (
        ("reconnect_needed", "401 from the server"),
        ("connected", ""),
        ("connected", ""),  # no change: not written again
        ("error", "403 forbidden"),
    ):
        with db.session() as s:
            set_status(s, aid, status, reason)
    with db.session() as s:
        set_status(s, other, "error", "someone else's")
    with db.read() as s:
        history = health_history(s, cid, aid)
        assert health_history(s, cid, aid, limit=1) == history[:1]
    assert [(e.status, e.reason) for e in history] == [
        ("error", "403 forbidden"),
        ("connected", ""),
        ("reconnect_needed", "401 from the server"),
    ]
    assert all(isinstance(e, HealthEntry) for e in history)
    assert all(isinstance(e.at, dt.datetime) for e in history)
    status, reason = history[0][1:]  # still a tuple, as the row it replaces
    assert (status, reason) == ("error", "403 forbidden")
