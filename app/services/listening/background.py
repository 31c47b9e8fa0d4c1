"""Listening and crisis checks for every client, as the background sync runs them.

The desktop app's background sync (its timer) calls :func:`listen_all`
after the accounts' sync: each client's streams are searched and its competitors' public
numbers sampled (once a day), then the charter's crisis
signals are checked on what came in (the inbox's complaints as well as listening), and the
crisis contacts are e-mailed once per signal and hour whichever seat sees it first
(:mod:`app.services.listening.alerts`). One client failing never stops the others; what fired
is returned so the app can show a desktop notification, also when its window is minimised.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from app import secrets
from app.connectors.http import Http
from app.errors import TribuneError
from app.models import Client, NetworkAccount
from app.models.listening import ListeningStream
from app.services.listening.alerts import AlertOutcome, check_and_alert
from app.services.listening.competitors import sample_competitors
from app.services.listening.sync import sync_client

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger("tribune.listening")


@dataclass(frozen=True)
class ClientListening:
    """What one client's background listening found and told."""

    client_id: int
    client_name: str
    added: int = 0
    alerts: tuple[AlertOutcome, ...] = ()
    problems: tuple[str, ...] = ()


def clients_to_listen(db: Database) -> list[tuple[int, str]]:
    """Active clients with a listening stream or a network account (whose inbox may spike)."""
    with db.read() as s:
        rows = s.execute(
            select(Client.id, Client.name)
            .where(
                Client.archived.is_(False),
                or_(
                    Client.id.in_(select(ListeningStream.client_id)),
                    Client.id.in_(select(NetworkAccount.client_id)),
                ),
            )
            .order_by(Client.name)
        ).all()
    return [(cid, name) for cid, name in rows]


def listen_client(
    db: Database,
    client_id: int,
    client_name: str,
    *,
    http: Http | None = None,
    token_of: Callable[[str, str], str | None] = secrets.account_token,
    now: dt.datetime | None = None,
) -> ClientListening:
    added, problems = 0, []
    try:
        report = sync_client(db, client_id, http=http, token_of=token_of, now=now)
        added = report.added
        problems += [f"{r.network}: {r.error}" for r in report.errors]
        samples = sample_competitors(db, client_id, http=http, token_of=token_of, now=now)
        problems += [f"{r.network} {r.handle}: {r.error}" for r in samples if r.error]
    except TribuneError as exc:
        problems.append(exc.message)
    try:
        alerts = tuple(check_and_alert(db, client_id, now=now))
    except TribuneError as exc:
        problems.append(exc.message)
        alerts = ()
    return ClientListening(client_id, client_name, added, alerts, tuple(problems))


def listen_all(
    db: Database,
    *,
    is_cancelled: Callable[[], bool] = lambda: False,
    http: Http | None = None,
    token_of: Callable[[str, str], str | None] = secrets.account_token,
    now: dt.datetime | None = None,
) -> list[ClientListening]:
    """Every client's streams and crisis check; a client that fails is logged and skipped."""
    out = []
    own = http is None
    http = http or Http(is_cancelled=is_cancelled)
    try:
        for client_id, name in clients_to_listen(db):
            if is_cancelled():
                break
            try:
                out.append(
                    listen_client(db, client_id, name, http=http, token_of=token_of, now=now)
                )
            except Exception:  # a bug in one client's data must not stop the others
                log.exception("background listening of client %s failed", client_id)
    finally:
        if own:
            http.close()
    return out
