"""Seats: who syncs which account, and leases that keep a send with the seat that started it.

A *seat* is one running Tribune (the app or a ``tribune sync``) on one machine: its id is
``host:pid:random``, stable for the life of the process.

**One sync per account across the agency.** :func:`claim_account` either takes the account
for this seat or answers who holds it (the caller then skips the account: "busy").

* PostgreSQL: ``pg_try_advisory_lock(namespace, account_id)``, *session-level*, on a
  connection dedicated to the account's sync and kept open until :meth:`AccountLock.release`.
  Session-level because a sync spends most of its time on the network: a transaction-level
  lock would keep one transaction open across every HTTP call (idle in transaction, holding
  back vacuum, killed by ``idle_in_transaction_session_timeout``) and would go with the first
  commit. A killed seat's connection closes and the server drops its lock at once. The
  ``sync_locks`` row only tells the other seats who holds the lock.
* SQLite: the ``sync_locks`` row is the lock, claimed by a conditional ``UPDATE`` (free,
  expired, or ours) or an ``INSERT … ON CONFLICT DO NOTHING``; its ``until`` is renewed
  while the sync works, so a killed process blocks the account until it expires at most
  (at once when its process is gone on this machine).

**Leases.** A send records ``seat`` and ``lease_until`` on its attempt; a :class:`Keeper`
thread renews the leases of this seat's sends and locks every third of the lease, so only
a seat that stopped (killed, frozen, disconnected) lets its lease expire, and only then may
another seat recover the send. Lease times come from the database server's clock on
PostgreSQL (the seats' laptops may disagree by minutes).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import secrets as _random
import socket
import threading
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import CursorResult, Table, or_, select, text, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.db import Database, insert_ignore
from app.i18n import translate
from app.models.base import utcnow
from app.models.sync import PublishAttempt, SyncLock

log = logging.getLogger("tribune.sync")
LOCK_NAMESPACE = 0x7472_6962  # pg_try_advisory_lock(int4 namespace, int4 account id)
_seat: tuple[int, str] | None = None
_SAFE = re.compile(r"[^\w.:-]")


def lease_seconds() -> float:
    """How long a lease lasts without renewal (``TRIBUNE_LEASE_SECONDS``, default 120 s)."""
    try:
        return max(1.0, float(os.environ.get("TRIBUNE_LEASE_SECONDS", "120")))
    except ValueError:
        return 120.0


def seat_id() -> str:
    """This process's seat: ``host:pid:random`` (new after a fork)."""
    global _seat
    pid = os.getpid()
    if _seat is None or _seat[0] != pid:
        host = (socket.gethostname() or "localhost").replace(":", "-")[:120]
        _seat = (pid, f"{host}:{pid}:{_random.token_hex(4)}")
    return _seat[1]


def seat_label(seat: str) -> str:
    """A seat for people: "laptop-3 (process 4242)"."""
    seat = _SAFE.sub("", seat or "")[:200]  # written by another seat: shown as plain words
    parts = seat.split(":")
    if len(parts) >= 2:
        return translate("Sync", "{host} (process {pid})").format(host=parts[0], pid=parts[1])
    return seat or "?"


def _gone(seat: str) -> bool:
    """True when ``seat`` ran on this machine and its process no longer exists."""
    parts = (seat or "").split(":")
    if len(parts) < 3 or parts[0] != seat_id().split(":")[0] or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    if pid == os.getpid():
        return seat != seat_id()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:  # exists but not ours, or no signals on this system
        return False
    return False


def db_now(session: Session) -> dt.datetime:
    """The time leases are measured against: the server's on PostgreSQL, ours on SQLite."""
    if session.get_bind().dialect.name == "postgresql":
        value: dt.datetime = session.execute(text("SELECT statement_timestamp()")).scalar_one()
        return value.astimezone(dt.UTC)
    return utcnow()


@dataclass
class AccountLock:
    """This seat's hold on an account's sync; :meth:`release` when the sync ends."""

    db: Database
    account_id: int
    seat: str
    connection: Connection | None = None  # PostgreSQL: the one holding the advisory lock

    def release(self) -> None:
        try:
            with self.db.session() as s:
                s.execute(
                    update(SyncLock)
                    .where(SyncLock.account_id == self.account_id, SyncLock.seat == self.seat)
                    .values(until=db_now(s))
                    .execution_options(synchronize_session=False)
                )
        except SQLAlchemyError:
            log.warning("could not mark the sync lock of account %s free", self.account_id)
        conn, self.connection = self.connection, None
        if conn is not None:
            try:
                conn.execute(
                    text("SELECT pg_advisory_unlock(:ns, :id)"),
                    {"ns": LOCK_NAMESPACE, "id": self.account_id},
                )
                conn.commit()
                conn.close()
            except SQLAlchemyError:  # the connection is gone, and its lock with it
                conn.invalidate()


def claim_account(db: Database, account_id: int) -> AccountLock | str:
    """Take the account's sync for this seat, or return the seat that has it."""
    me = seat_id()
    ttl = dt.timedelta(seconds=lease_seconds())
    if db.dialect == "postgresql":
        conn = db.engine.connect()
        try:
            got: bool = conn.execute(
                text("SELECT pg_try_advisory_lock(:ns, :id)"),
                {"ns": LOCK_NAMESPACE, "id": account_id},
            ).scalar_one()
            conn.commit()
        except BaseException:
            conn.invalidate()
            raise
        if not got:
            conn.close()
            with db.read() as s:
                holder = s.scalar(select(SyncLock.seat).where(SyncLock.account_id == account_id))
            return holder or "?"
        lock = AccountLock(db, account_id, me, conn)
        try:
            with db.session() as s:
                now = db_now(s)
                _write_lock(s, account_id, me, now, now + ttl, force=True)
        except BaseException:
            lock.release()
            raise
        return lock
    with db.session() as s:
        now = db_now(s)
        if _write_lock(s, account_id, me, now, now + ttl, force=False):
            return AccountLock(db, account_id, me)
        holder = s.scalar(select(SyncLock.seat).where(SyncLock.account_id == account_id)) or "?"
        if _gone(holder):  # its process died on this machine: no need to wait for expiry
            taken = s.execute(
                update(SyncLock)
                .where(SyncLock.account_id == account_id, SyncLock.seat == holder)
                .values(seat=me, since=now, until=now + ttl)
                .execution_options(synchronize_session=False)
            )
            if cast(CursorResult[Any], taken).rowcount == 1:
                return AccountLock(db, account_id, me)
        return holder


def _write_lock(
    s: Session,
    account_id: int,
    me: str,
    now: dt.datetime,
    until: dt.datetime,
    *,
    force: bool,
) -> bool:
    condition = [SyncLock.account_id == account_id]
    if not force:
        condition.append(or_(SyncLock.until < now, SyncLock.seat == me))
    done = s.execute(
        update(SyncLock)
        .where(*condition)
        .values(seat=me, since=now, until=until)
        .execution_options(synchronize_session=False)
    )
    if cast(CursorResult[Any], done).rowcount == 1:
        return True
    row = {"account_id": account_id, "seat": me, "since": now, "until": until}
    return insert_ignore(s, cast(Table, SyncLock.__table__), [row]) == 1


class Keeper:
    """Renews this seat's leases (account locks, sends in flight) while they are held."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.accounts: set[int] = set()
        self.attempts: set[int] = set()
        self._guard = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> Keeper:
        self._thread = threading.Thread(target=self._run, name="tribune-leases", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def hold(self, *, account: int | None = None, attempt: int | None = None) -> None:
        with self._guard:
            if account is not None:
                self.accounts.add(account)
            if attempt is not None:
                self.attempts.add(attempt)

    def drop(self, *, account: int | None = None, attempt: int | None = None) -> None:
        with self._guard:
            self.accounts.discard(account)
            self.attempts.discard(attempt)

    def _run(self) -> None:
        period = lease_seconds() / 3
        while not self._stop.wait(period):
            try:
                self.renew()
            except SQLAlchemyError:  # the next round tries again; the lease may lapse
                log.warning("could not renew this seat's leases", exc_info=True)

    def renew(self) -> None:
        with self._guard:
            accounts, attempts = sorted(self.accounts), sorted(self.attempts)
        if not accounts and not attempts:
            return
        me = seat_id()
        with self.db.session() as s:
            until = db_now(s) + dt.timedelta(seconds=lease_seconds())
            if accounts:
                s.execute(
                    update(SyncLock)
                    .where(SyncLock.account_id.in_(accounts), SyncLock.seat == me)
                    .values(until=until)
                    .execution_options(synchronize_session=False)
                )
            if attempts:
                s.execute(
                    update(PublishAttempt)
                    .where(
                        PublishAttempt.id.in_(attempts),
                        PublishAttempt.seat == me,
                        PublishAttempt.state == "sending",
                    )
                    .values(lease_until=until)
                    .execution_options(synchronize_session=False)
                )


def busy_message(holder: str) -> str:
    return translate("Sync", "{seat} is syncing this account; skipped here.").format(
        seat=seat_label(holder)
    )
