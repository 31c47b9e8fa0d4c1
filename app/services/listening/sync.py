"""Run a client's listening streams: search each network with the client's own account
(credentials from the keyring, sent only to that account's host), store the new items once,
keep the authors' audience. The network is called outside any database session."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from app import secrets
from app.connectors.errors import ConnectorError
from app.connectors.http import Http
from app.connectors.search import searcher_for
from app.errors import TribuneError
from app.i18n import translate
from app.models import utcnow
from app.services.clients.info import find_client
from app.services.listening import store
from app.services.listening.streams import account_for, get_stream, list_streams

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger("tribune.listening")


@dataclass(frozen=True)
class StreamReport:
    stream_id: int
    network: str
    kind: str
    query: str
    found: int = 0
    added: int = 0
    requests: int = 0
    error: str = ""


@dataclass
class ListeningReport:
    streams: list[StreamReport] = field(default_factory=list)

    @property
    def added(self) -> int:
        return sum(s.added for s in self.streams)

    @property
    def errors(self) -> list[StreamReport]:
        return [s for s in self.streams if s.error]


@dataclass(frozen=True)
class _Job:
    stream_id: int
    kind: str
    query: str
    network: str
    cursor: dict[str, Any]
    base_url: str
    handle: str
    account_uid: str
    client_uid: str


def _job(db: Database, client_id: int, stream_id: int) -> _Job:
    with db.read() as s:
        stream = get_stream(s, client_id, stream_id)
        client = find_client(s, client_id)
        account = None if stream.network == "rss" else account_for(s, client_id, stream.network)
        return _Job(
            stream.id, stream.kind, stream.query, stream.network, dict(stream.cursor or {}),
            account.base_url if account else "", account.handle if account else "",
            account.uid if account else "", client.uid,
        )  # fmt: skip


def sync_stream(
    db: Database,
    client_id: int,
    stream_id: int,
    *,
    http: Http,
    token_of: Callable[[str, str], str | None] = secrets.account_token,
    now: dt.datetime | None = None,
    max_pages: int = 10,
    token_saver: Callable[[str, str, str], None] | None = None,
) -> StreamReport:
    token_saver = token_saver or keep_token
    job = _job(db, client_id, stream_id)
    base = StreamReport(job.stream_id, job.network, job.kind, job.query)
    if job.network != "rss" and not job.account_uid:
        return _failed(
            base,
            translate("Listening", "The client has no {network} account any more.").format(
                network=job.network
            ),
        )
    token = ""
    if job.account_uid:
        token = token_of(job.client_uid, job.account_uid) or ""
        if not token:
            return _failed(
                base,
                translate("Listening", "No token in the keyring for the {network} account.").format(
                    network=job.network
                ),
            )
    cls = searcher_for(job.network)
    if cls is None:  # a stream of a network Tribune cannot search (added by an older version)
        return _failed(base, translate("Listening", "{network} cannot be searched.").format(
            network=job.network))  # fmt: skip
    searcher = cls(http, job.base_url, token, job.handle)
    now = now or utcnow()
    searcher.clock = now
    if job.account_uid:
        searcher.save_token = lambda secret: token_saver(job.client_uid, job.account_uid, secret)
    try:
        result = searcher.search(job.kind, job.query, job.cursor, max_pages=max_pages)
        given = {
            f.author_handle: (f.author, int(f.author_followers))
            for f in result.items
            if f.author_handle and f.author_followers is not None
        }
        with db.read() as s:
            known = store.fresh_authors(
                s, client_id, job.network, (f.author_handle for f in result.items), now
            )
        missing = sorted(
            {f.author_handle for f in result.items if f.author_handle} - set(given) - set(known)
        )
        fetched = searcher.followers(missing) if missing and not result.paused else {}
    except ConnectorError as exc:
        return _failed(base, exc.message)
    audience = {**given, **fetched}
    followers = {**known, **{h: f for h, (_, f) in audience.items()}}
    with db.session() as s:
        store.save_authors(s, client_id, job.network, audience, now)
        added = store.save_items(s, client_id, job.stream_id, job.network, result.items, followers)
        stream = get_stream(s, client_id, job.stream_id)
        stream.cursor = result.cursor
    return StreamReport(
        job.stream_id, job.network, job.kind, job.query, len(result.items), added,
        result.requests, result.paused,
    )  # fmt: skip


def keep_token(client_uid: str, account_uid: str, secret: str) -> None:
    """A credential the network renewed, back in the account's keyring entry; without a
    keyring it stays in memory for this run (the next run renews it again)."""
    try:
        secrets.store_account_token(client_uid, account_uid, secret)
    except TribuneError:
        log.warning("the renewed token of account %s could not be kept", account_uid)


def _failed(base: StreamReport, message: str) -> StreamReport:
    return StreamReport(base.stream_id, base.network, base.kind, base.query, error=message)


def sync_client(
    db: Database,
    client_id: int,
    *,
    http: Http | None = None,
    token_of: Callable[[str, str], str | None] = secrets.account_token,
    now: dt.datetime | None = None,
    max_pages: int = 10,
    token_saver: Callable[[str, str, str], None] | None = None,
) -> ListeningReport:
    """Every stream of the client; one failing stream is reported and the others go on."""
    with db.read() as s:
        streams = list_streams(s, client_id)
    report = ListeningReport()
    own = http is None
    http = http or Http()
    try:
        for stream in streams:
            report.streams.append(
                sync_stream(db, client_id, stream.id, http=http, token_of=token_of, now=now,
                            max_pages=max_pages, token_saver=token_saver)
            )  # fmt: skip
    finally:
        if own:
            http.close()
    return report
