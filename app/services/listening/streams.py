"""The searches a client runs: a keyword, a hashtag, a competitor's name on a network whose
API offers search (with the client's own account there), or an RSS/Atom alert feed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.connectors.search import PROFILE_ONLY, SEARCHABLE
from app.db import insert_ignore
from app.errors import Conflict, NotFound, ValidationError
from app.i18n import translate
from app.models import NetworkAccount
from app.models.base import table_of
from app.models.listening import STREAM_KINDS, ListeningStream


@dataclass(frozen=True)
class StreamInfo:
    id: int
    client_id: int
    kind: str
    query: str
    network: str
    created: dt.datetime


def _info(s: ListeningStream) -> StreamInfo:
    return StreamInfo(s.id, s.client_id, s.kind, s.query, s.network, s.created)


def account_for(session: Session, client_id: int, network: str) -> NetworkAccount | None:
    """The client's account used to search ``network`` (the oldest one)."""
    return session.scalar(
        select(NetworkAccount)
        .where(NetworkAccount.client_id == client_id, NetworkAccount.network == network)
        .order_by(NetworkAccount.id)
        .limit(1)
    )


def add_stream(
    session: Session, client_id: int, kind: str, query: str, network: str | None = None
) -> list[StreamInfo]:
    """Add a stream (one per network when ``network`` is not given: every network the
    client has an account on that offers search). Raises ValidationError or Conflict."""
    query = " ".join((query or "").split())
    if kind not in STREAM_KINDS:
        raise ValidationError(
            translate("Listening", "Unknown kind of stream: {kind}.").format(kind=kind)
        )
    if not query:
        raise ValidationError(
            translate("Listening", "Give the words, hashtag or feed to listen to.")
        )
    if kind == "feed":
        parts = urlsplit(query)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValidationError(
                translate("Listening", "A feed is an http:// or https:// address.")
            )
        if network not in (None, "rss"):
            raise ValidationError(
                translate("Listening", "A feed is read as RSS/Atom, not on a network.")
            )
        networks = ["rss"]
    else:
        if kind == "hashtag":
            query = query.lstrip("#")
            if not query or any(c.isspace() for c in query):
                raise ValidationError(translate("Listening", "A hashtag is one word."))
        # Facebook has no public search: a Page is followed as a competitor only
        reachable = SEARCHABLE + PROFILE_ONLY if kind == "competitor" else SEARCHABLE
        if network is not None and network not in reachable:
            raise ValidationError(
                translate("Listening", "{network} cannot be searched; searchable: {list}.").format(
                    network=network, list=", ".join(reachable)
                )
            )
        candidates = [network] if network else list(reachable)
        networks = [n for n in candidates if account_for(session, client_id, n) is not None]
        if not networks:
            raise ValidationError(
                translate(
                    "Listening",
                    "Add the client's {network} account first: searches use its credentials.",
                ).format(network=network or " / ".join(SEARCHABLE))
            )
    out = []
    table = table_of(ListeningStream)
    for net in networks:
        # INSERT … ON CONFLICT DO NOTHING: the same stream added by two seats at once goes in
        # once, and the second seat hears "already exists" (never an IntegrityError)
        row = {
            "client_id": client_id,
            "kind": kind,
            "query": query,
            "network": net,
            "cursor": {},  # (created: the column's default)
        }
        if not insert_ignore(session, table, [row]):
            if network is not None or len(networks) == 1:
                raise Conflict(translate("Listening", "This stream already exists."))
            continue
        added = session.scalars(
            select(ListeningStream).where(
                ListeningStream.client_id == client_id,
                ListeningStream.network == net,
                ListeningStream.kind == kind,
                ListeningStream.query == query,
            )
        ).one()
        out.append(_info(added))
    return out


def list_streams(session: Session, client_id: int) -> list[StreamInfo]:
    rows = session.scalars(
        select(ListeningStream)
        .where(ListeningStream.client_id == client_id)
        .order_by(ListeningStream.id)
    )
    return [_info(s) for s in rows]


def get_stream(session: Session, client_id: int, stream_id: int) -> ListeningStream:
    row = session.get(ListeningStream, stream_id)
    if row is None or row.client_id != client_id:
        raise NotFound(translate("Listening", "No such stream for this client."))
    return row


def remove_stream(session: Session, client_id: int, stream_id: int) -> StreamInfo:
    """Stop listening to a stream; what it found stays (its items keep their text)."""
    row = get_stream(session, client_id, stream_id)
    info = _info(row)
    session.delete(row)
    session.flush()
    return info
