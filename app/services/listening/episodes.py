"""Crisis episodes: one crisis of a client, from its first signal until it is over.

An episode opens at the first crisis signal (:mod:`.alerts` when a charter's signal fires,
or a click on "Draft the holding message", which a CM only makes in a crisis). Every later
signal keeps it open (``last_signal_at``). It ends when a seat says the crisis is over
(:func:`close_episode`), or lapses by itself after :data:`QUIET` without any signal: the
next signal after that opens a new episode.

At most one episode is open per client, whichever seat sees the signal first: the partial
unique index ``uq_crisis_episodes_open`` (``client_id`` where ``closed_at IS NULL``) takes
the claim with ``INSERT … ON CONFLICT DO NOTHING``; the other seats read the winner's row
(on PostgreSQL their insert waits for its commit; on SQLite the writers queue). Closing a
lapsed episode is a conditional ``UPDATE … WHERE closed_at IS NULL``: of two seats, one
closes it and both then share the new one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from app.db import insert_ignore
from app.models import utcnow
from app.models.base import table_of
from app.models.listening import CrisisEpisode
from app.services.people.actor import current_actor

QUIET = dt.timedelta(hours=24)


@dataclass(frozen=True)
class EpisodeInfo:
    id: int
    client_id: int
    opened_at: dt.datetime
    last_signal_at: dt.datetime
    closed_at: dt.datetime | None
    closed_by: str


def _info(e: CrisisEpisode) -> EpisodeInfo:
    return EpisodeInfo(e.id, e.client_id, e.opened_at, e.last_signal_at, e.closed_at, e.closed_by)


def _open_row(session: Session, client_id: int) -> CrisisEpisode | None:
    return session.scalar(
        select(CrisisEpisode)
        .where(CrisisEpisode.client_id == client_id, CrisisEpisode.closed_at.is_(None))
        .execution_options(populate_existing=True)
    )


def current_episode(
    session: Session, client_id: int, now: dt.datetime | None = None
) -> EpisodeInfo | None:
    """The client's open crisis episode (None when calm, or when the last one lapsed)."""
    now = now or utcnow()
    row = _open_row(session, client_id)
    if row is None or row.last_signal_at < now - QUIET:
        return None
    return _info(row)


def signal_episode(session: Session, client_id: int, now: dt.datetime | None = None) -> int:
    """A crisis signal at ``now``: the id of the client's open episode (kept open until
    ``now``), opened now when there is none or the last one lapsed."""
    now = now or utcnow()
    for _ in range(3):
        row = _open_row(session, client_id)
        if row is not None and row.last_signal_at < now - QUIET:
            # lapsed: whichever seat updates it first closes it, at its last signal + QUIET
            session.execute(
                update(CrisisEpisode)
                .where(CrisisEpisode.id == row.id, CrisisEpisode.closed_at.is_(None))
                .values(closed_at=row.last_signal_at + QUIET, closed_by="")
            )
            row = None
        if row is not None:
            if row.last_signal_at < now:
                session.execute(
                    update(CrisisEpisode)
                    .where(CrisisEpisode.id == row.id, CrisisEpisode.last_signal_at < now)
                    .values(last_signal_at=now)
                )
            return row.id
        claim = {
            "client_id": client_id,
            "opened_at": now,
            "last_signal_at": now,
            "closed_at": None,
            "closed_by": "",
        }
        insert_ignore(session, table_of(CrisisEpisode), [claim])
        # ours, or the one another seat opened first (committed before our insert returned)
    raise RuntimeError(f"no open crisis episode for client {client_id} after three claims")


def close_episode(
    session: Session, client_id: int, by: str = "", now: dt.datetime | None = None
) -> EpisodeInfo | None:
    """The crisis is over (said by ``by``, the person acting by default): the open episode
    closes; the next signal opens a new one (and a new holding message). None when no
    episode was open."""
    now = now or utcnow()
    by = by or current_actor()
    row = _open_row(session, client_id)
    if row is None:
        return None
    closed = cast(
        CursorResult[Any],
        session.execute(
            update(CrisisEpisode)
            .where(CrisisEpisode.id == row.id, CrisisEpisode.closed_at.is_(None))
            .values(closed_at=now, closed_by=by[:200])
        ),
    ).rowcount
    if not closed:  # another seat closed it at the same moment
        return None
    session.refresh(row)
    return _info(row)


def recent_episodes(session: Session, client_id: int, limit: int = 20) -> list[EpisodeInfo]:
    rows = session.scalars(
        select(CrisisEpisode)
        .where(CrisisEpisode.client_id == client_id)
        .order_by(CrisisEpisode.opened_at.desc(), CrisisEpisode.id.desc())
        .limit(limit)
    )
    return [_info(r) for r in rows]
