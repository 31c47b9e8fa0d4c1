"""Demo: the accounts' health and a month of sync runs, without any network.

Most accounts are connected and synced every hour of the working day; the Facebook page
tokens expire in a few weeks (Meta's 60 days); one Instagram account needs reconnecting,
with the reason Meta gives, so the sidebar badge and the client dialog have something to say.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select

from app.db import Database
from app.demo import DemoContext
from app.models import NetworkAccount
from app.models.sync import AccountHealthEvent, SyncRun


def populate(db: Database, ctx: DemoContext) -> None:
    now = dt.datetime.combine(ctx.today, dt.time(17, 0), dt.UTC)
    runs, events = [], []
    with db.session() as s:
        accounts = s.scalars(select(NetworkAccount).order_by(NetworkAccount.id)).all()
        broken = next((a for a in accounts if a.network == "instagram"), None)
        for a in accounts:
            a.status, a.status_reason, a.last_sync_at = "connected", "", now
            if a.network in ("facebook", "instagram"):
                a.token_expires_at = now + dt.timedelta(days=ctx.rng.randint(5, 55))
            events.append(
                {
                    "client_id": a.client_id,
                    "account_id": a.id,
                    "status": "connected",
                    "reason": "",
                    "at": now - dt.timedelta(days=30),
                }
            )
            for day in range(30):
                for hour in (8, 11, 14, 17):
                    start = now - dt.timedelta(days=day, hours=17 - hour)
                    added = ctx.rng.choice((0, 0, 1, 2, 3, 5))
                    runs.append(
                        {
                            "client_id": a.client_id,
                            "account_id": a.id,
                            "started_at": start,
                            "finished_at": start + dt.timedelta(seconds=2),
                            "outcome": "ok",
                            "fetched": added,
                            "added": added,
                            "duplicates": 0,
                            "published": 0,
                            "replies": 0,
                            "requests": 2,
                            "skipped": 0,
                            "message": "",
                        }
                    )
        if broken is not None:
            # What Meta answers, as the network words it (the label adds the explanation).
            reason = "Error validating access token: Session has expired (OAuthException, code 190)"
            broken.status, broken.status_reason = "reconnect_needed", reason
            broken.last_sync_at = now - dt.timedelta(days=2)
            events.append(
                {
                    "client_id": broken.client_id,
                    "account_id": broken.id,
                    "status": "reconnect_needed",
                    "reason": reason,
                    "at": now - dt.timedelta(days=2),
                }
            )
        if runs:
            s.execute(insert(SyncRun), runs)
        if events:
            s.execute(insert(AccountHealthEvent), events)
    ctx.count("sync runs", len(runs))
