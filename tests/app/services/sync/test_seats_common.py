"""Helpers of the seat tests (no tests here): an agency with one X account on a local X
server, due posts, queued replies, and N ``tribune sync`` processes started together."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import time

from sqlalchemy import select

from app.models.inbox import InboxMessage
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspace
from app.services.clients import workspaces as clients
from app.services.inbox import replies as inbox_replies
from tests.conftest import tribune_exe
from tests.harness import popen as forked

TOKEN = "x-user-token"


def agency(db, server) -> tuple[int, str]:
    """A client with one X account whose token is in the (real) keyring."""
    with db.session() as s:
        client = clients.create_client(s, "Nuage Logiciel")
    workspace.add_account_with_token(
        db, client.id, "x", "nuagelogiciel", base_url=server.base_url, token=TOKEN
    )
    return client.id, client.slug


def due_posts(db, client_id: int, texts: list[str], media: list[int] | None = None) -> list[int]:
    ids = []
    for text in texts:
        with db.session() as s:
            p = posts.create_post(
                s,
                client_id,
                planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1),
                variants=[VariantInput("x", text, media=tuple(media or ()))],
                title=text[:40],
                category="produit",
                status="approved",
            )
        with db.session() as s:
            posts.set_status(s, client_id, p.id, "scheduled")
        ids.append(p.id)
    return ids


def queue_replies(db, client_id: int, texts: list[str]) -> list[int]:
    """One public answer per fetched mention, in order."""
    with db.read() as s:
        mentions = s.scalars(
            select(InboxMessage.id)
            .where(InboxMessage.client_id == client_id, InboxMessage.ours.is_(False))
            .order_by(InboxMessage.id)
        ).all()
    ids = []
    for text, mid in zip(texts, mentions, strict=False):
        with db.session() as s:
            ids.append(inbox_replies.create_reply(s, client_id, mid, text))
    return ids


def start_seats(
    n: int, url: str, slug: str, home, env: dict | None = None, args=(), stagger: float = 0.0
):
    """N ``tribune sync`` processes (each its own seat), ``stagger`` seconds apart: a later
    seat then reaches its recovery while an earlier one's send is in flight."""
    full = dict(os.environ, TRIBUNE_HOME=str(home), **(env or {}))
    cmd = [tribune_exe(), "--db", url, "sync", slug, "--json", *args]
    procs = []
    for i in range(n):
        if i and stagger:
            time.sleep(stagger)
        procs.append(
            forked.popen(cmd, env=full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        )
    return procs


def finish(procs, timeout: float = 60) -> list[tuple[int, dict, str]]:
    out = []
    deadline = time.monotonic() + timeout
    for p in procs:
        stdout, stderr = p.communicate(timeout=max(1, deadline - time.monotonic()))
        out.append((p.returncode, json.loads(stdout) if stdout.strip() else {}, stderr))
    return out


def outcomes(results) -> list[str]:
    return [a["outcome"] for _, data, _ in results for a in data.get("accounts", [])]
