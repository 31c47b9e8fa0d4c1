"""The list's rows are the driver's tuples (MessageRow): they read as the stored message, on
SQLite (text dates, 0/1 flags) and PostgreSQL (datetimes, booleans); a page read alone on
a PostgreSQL connection leaves no transaction behind, one in a session sees the session's
own writes."""

from __future__ import annotations

import datetime as dt
import pickle

import pytest
from sqlalchemy import select

from app.models.inbox import InboxMessage
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import triage as inbox_triage
from app.services.inbox.rows import FIELDS, MessageRow
from tests.app.services.inbox.test_inbox import T0, msg, two_clients  # noqa: F401 (fixture)

UTC = dt.UTC


@pytest.fixture
def client(db, two_clients):  # noqa: F811
    a, _b = two_clients
    items = [msg(str(i), f"Message {i}", at=T0 + dt.timedelta(minutes=i)) for i in range(12)]
    with db.session() as s:
        inbox_ingest.ingest_messages(s, a, items, now=T0)
    with db.read() as s:
        ids = [r.id for r in inbox.page(s, a).rows]
    with db.session() as s:
        inbox_triage.set_status(s, a, ids[:3], "in_progress")
    return a


def test_rows_read_as_the_stored_messages(db, client):
    with db.engine.connect() as conn:
        rows = inbox.page(conn, client, inbox.InboxFilter(), None, 50, now=T0).rows
    assert len(rows) == 12 and all(type(r) is MessageRow for r in rows)
    with db.read() as s:
        stored = {m.id: m for m in s.scalars(select(InboxMessage))}
    for row in rows:
        m = stored[row.id]
        assert row.received_at == m.received_at and row.received_at.tzinfo is not None
        assert row.received_at.utcoffset() == dt.timedelta(0)
        assert row.due_at == m.due_at
        assert row.due_at is None or row.due_at.utcoffset() == dt.timedelta(0)
        assert (row.newcomer, row.hidden, row.deleted) == (m.newcomer, m.hidden, m.deleted)
        assert all(type(v) is bool for v in (row.newcomer, row.hidden, row.deleted))
        assert (row.status, row.category, row.priority, row.sentiment, row.assignee) == (
            m.status,
            m.category,
            m.priority,
            m.sentiment,
            "",
        )
        assert row.snippet == m.text and row.author_handle == m.author_handle
    assert any(r.due_at is not None for r in rows)  # new messages are due
    row = rows[0]
    assert pickle.loads(pickle.dumps(row)) == row  # a worker's result crosses threads as is
    assert repr(row).startswith(f"MessageRow(id={row.id}, network='facebook'")


def test_a_row_built_from_typed_values_reads_the_same():
    """The author's history (typed by SQLAlchemy), the tests and the driver's raw values."""
    when = dt.datetime(2026, 3, 10, 9, 0, tzinfo=UTC)
    values = [7, "facebook", "comment", "A", "a", "Bonjour", when, "new", "question", 0, ""]
    typed = MessageRow(*values, None, True, False, False, -1)
    raw = MessageRow(*values[:6], "2026-03-10 09:00:00", *values[7:], None, 1, 0, 0, -1)
    for name in FIELDS:
        assert getattr(typed, name) == getattr(raw, name), name
    paris = dt.timezone(dt.timedelta(hours=1))
    for stored in (
        "2026-03-10 10:00:00+01:00",  # written with an offset by another tool
        dt.datetime(2026, 3, 10, 10, 0, tzinfo=paris),
        dt.datetime(2026, 3, 10, 9, 0),  # naive: UTC, as stored
    ):
        row = MessageRow(*values[:6], stored, *values[7:], stored, 0, 0, 0, 0)
        assert row.received_at == when and row.received_at.tzinfo is UTC
        assert row.due_at == when and row.due_at.tzinfo is UTC
    with pytest.raises(AttributeError):
        typed.status = "closed"  # type: ignore[misc]  # rows are immutable


def test_a_page_alone_on_postgresql_leaves_no_transaction(db, two_clients):  # noqa: F811
    if db.dialect != "postgresql":
        pytest.skip("psycopg's transactions")
    import psycopg.pq

    pg_db, (a, _b) = db, two_clients
    with pg_db.session() as s:
        inbox_ingest.ingest_messages(s, a, [msg("1", "Bonjour", at=T0)], now=T0)
    with pg_db.engine.connect() as conn:
        driver = conn.connection.driver_connection
        assert len(inbox.page(conn, a, inbox.InboxFilter(), None, 10, now=T0).rows) == 1
        # no BEGIN was sent, so nothing is left for the pool's ROLLBACK to end
        assert driver.info.transaction_status == psycopg.pq.TransactionStatus.IDLE
        assert driver.autocommit is False  # as the pool gave it: the next use is transactional
        conn.execute(select(1))
        assert driver.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS
        # inside a transaction the page stays in it
        assert len(inbox.page(conn, a, inbox.InboxFilter(), None, 10, now=T0).rows) == 1
        assert driver.info.transaction_status == psycopg.pq.TransactionStatus.INTRANS


def test_a_page_in_a_session_sees_its_own_writes(db, client):
    with db.session() as s:
        first = inbox.page(s, client, inbox.InboxFilter(), None, 1, now=T0).rows[0]
        inbox_triage.set_status(s, client, [first.id], "answered")
        s.flush()
        again = inbox.page(s, client, inbox.InboxFilter(), None, 1, now=T0).rows[0]
        assert again.id == first.id and again.status == "answered" != first.status
        s.rollback()
