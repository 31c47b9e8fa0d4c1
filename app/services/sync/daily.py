"""Once a day per account: the token check (expiry forecast) and the account/post numbers."""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.connectors.base import Connector
from app.connectors.contract import PostMetricSample
from app.db import Database
from app.models import NetworkAccount
from app.services.sync.cursors import load_cursor, save_cursor
from app.services.sync.publish import published_ids
from app.services.sync.sinks import Sinks


def daily_check(
    db: Database, client_id: int, aid: int, connector: Connector, now: dt.datetime
) -> None:
    """Once a day: who we are and when the token expires (Meta's last about 60 days)."""
    state = load_cursor(db, aid, "check")
    if state.get("day") == now.date().isoformat():
        return
    health = connector.check()
    with db.session() as s:
        account = s.get_one(NetworkAccount, aid)  # the account being synced
        account.token_expires_at = health.token_expires_at
        if health.display_name and not account.display_name:
            account.display_name = health.display_name[:200]
        save_cursor(s, client_id, aid, {"day": now.date().isoformat()}, "check")


def record_samples(
    db: Database, client_id: int, aid: int, connector: Connector, sinks: Sinks, now: dt.datetime
) -> None:
    """Account and post numbers, once a day per account."""
    if sinks.record_account_samples is None:
        return
    state = load_cursor(db, aid, "samples")
    day = now.date()
    if state.get("day") == day.isoformat():
        return
    acc = connector.account_samples(day)
    posts: list[PostMetricSample] = []
    if sinks.record_post_samples is not None:
        sent = published_ids(db, aid, now - dt.timedelta(days=30))
        posts = [
            dataclasses.replace(p, variant_id=sent.get(p.external_post_id))
            for p in connector.post_samples(list(sent), day)
        ]
    with db.session() as s:
        if acc:
            sinks.record_account_samples(s, client_id, acc)
        if posts and sinks.record_post_samples is not None:
            sinks.record_post_samples(s, client_id, posts)
        save_cursor(s, client_id, aid, {"day": day.isoformat()}, "samples")
