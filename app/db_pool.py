"""The PostgreSQL pool's liveness check, done only when it can matter."""

from __future__ import annotations

import time

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import ConnectionPoolEntry, PoolProxiedConnection

IDLE_PING_S = 10.0


def ping_when_idle(engine: Engine) -> None:
    """``pool_pre_ping``, only for a connection idle longer than :data:`IDLE_PING_S`: a seat
    refreshing the inbox checks out a connection several times a second, and a ping each time
    was a round trip for nothing (two per refresh). A connection the server dropped while
    idle is still replaced before use; one dropped within the last seconds fails its
    statement once and is replaced (SQLAlchemy invalidates it on a disconnect error)."""

    def connected(_dbapi: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        record.info["tribune_used"] = time.monotonic()

    def checkout(
        dbapi: DBAPIConnection, record: ConnectionPoolEntry, _proxy: PoolProxiedConnection
    ) -> None:
        if time.monotonic() - record.info.get("tribune_used", 0.0) > IDLE_PING_S:
            try:
                engine.dialect.do_ping(dbapi)
            except Exception as exc:  # the pool opens another connection and tries again
                raise DisconnectionError(str(exc)) from exc
        record.info["tribune_used"] = time.monotonic()

    def checkin(_dbapi: DBAPIConnection | None, record: ConnectionPoolEntry | None) -> None:
        if record is not None:
            record.info["tribune_used"] = time.monotonic()

    event.listen(engine, "connect", connected)
    event.listen(engine, "checkout", checkout)
    event.listen(engine, "checkin", checkin)
