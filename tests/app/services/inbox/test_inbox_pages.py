"""The list's fast path (compiled SQL on a Core connection) against the independent count
query, for every filter shape the GUI uses, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox import triage as inbox_triage
from tests.app.services.inbox.test_inbox import T0, msg, two_clients  # noqa: F401 (fixture)

TEXTS = ("Où est ma commande ? Remboursez-moi", "Merci pour le gâteau", "Vos horaires ?")
NETS = ("facebook", "instagram", "mastodon")


@pytest.fixture
def filled(db, two_clients):  # noqa: F811
    a, b = two_clients
    items = [
        msg(str(i), TEXTS[i % 3], network=NETS[i % 3], at=T0 + dt.timedelta(minutes=7 * i))
        for i in range(130)
    ]
    with db.session() as s:
        inbox_ingest.ingest_messages(s, a, items, now=T0)
        inbox_ingest.ingest_messages(s, b, items[:20], now=T0)
    with db.read() as s:
        ids = [r.id for r in inbox.page(s, a, limit=200).rows]
    with db.session() as s:
        inbox_triage.set_status(s, a, ids[::4], "in_progress")
        for mid in ids[::5]:
            inbox_triage.set_tags(s, a, mid, ["livraison", "réclamation_50%"])
        inbox_triage.set_tags(s, a, ids[1], ["livraisons"])  # not "livraison"
    return a


@pytest.mark.parametrize(
    "filt",
    [
        inbox.InboxFilter(),
        inbox.InboxFilter(statuses=("new", "in_progress")),
        inbox.InboxFilter(statuses=("in_progress",), networks=("facebook", "mastodon")),
        inbox.InboxFilter(categories=("complaint", "question"), unassigned=True),
        inbox.InboxFilter(overdue=True),
        inbox.InboxFilter(overdue=True, statuses=("new",)),
        inbox.InboxFilter(search="gateau"),
        inbox.InboxFilter(tag="livraison"),
        inbox.InboxFilter(tag="réclamation_50%", statuses=("new",)),
    ],
    ids=[
        "all",
        "open",
        "status+net",
        "cat+unassigned",
        "overdue",
        "overdue+new",
        "search",
        "tag",
        "accented-tag+new",
    ],
)
def test_pages_on_a_connection_match_the_count(db, filled, filt):
    now = T0 + dt.timedelta(days=3)
    with db.read() as s:
        expected = inbox.count(s, filled, filt, now=now)
    seen, cursor = [], None
    with db.engine.connect() as conn:
        while True:
            page = inbox.page(conn, filled, filt, cursor, 17, now=now)
            seen.extend(page.rows)
            cursor = page.next
            if cursor is None:
                break
    assert expected > 0 and len(seen) == expected == len({r.id for r in seen})
    if filt.overdue:
        keys = [(r.due_at, r.id) for r in seen]
        assert keys == sorted(keys) and all(r.due_at < now for r in seen)
    else:
        keys = [(r.received_at, r.id) for r in seen]
        assert keys == sorted(keys, reverse=True)
    row = seen[0]
    assert row.received_at.tzinfo is not None and row.received_at.utcoffset().total_seconds() == 0
    assert isinstance(row.newcomer, bool) and isinstance(row.hidden, bool)
    assert row.snippet in TEXTS
    if filt.tag:
        with db.read() as s:
            assert all(filt.tag in inbox.detail(s, filled, r.id).tags for r in seen)
    with db.read() as s:  # the Session path gives the same first page
        assert inbox.page(s, filled, filt, None, 17, now=now).rows == tuple(seen[:17])


def test_tag_filter_is_exact(db, filled):
    with db.read() as s:
        assert inbox.count(s, filled, inbox.InboxFilter(tag="livraison")) == 26
        assert inbox.count(s, filled, inbox.InboxFilter(tag="livraisons")) == 1
        assert inbox.count(s, filled, inbox.InboxFilter(tag="réclamation_50%")) == 26
        assert inbox.count(s, filled, inbox.InboxFilter(tag="réclamation_5")) == 0
        assert inbox.count(s, filled, inbox.InboxFilter(tag="%")) == 0


def test_assignee_pages_match_the_count_and_name_the_assignee(db, filled):
    """The assignee filter's shape (and the staff join's name) on the fast path."""
    from app.services.people import agency

    with db.read() as s:
        ids = [r.id for r in inbox.page(s, filled, limit=200).rows]
    with db.session() as s:
        staff = agency.add_staff(s, "Camille Martin")
        inbox_triage.assign(s, filled, ids[::3], staff.id)
    filt = inbox.InboxFilter(assignee_id=staff.id)
    now = T0 + dt.timedelta(days=3)
    with db.read() as s:
        expected = inbox.count(s, filled, filt, now=now)
    with db.engine.connect() as conn:
        rows = inbox.page(conn, filled, filt, None, 200, now=now).rows
        others = inbox.page(conn, filled, inbox.InboxFilter(unassigned=True), None, 200, now=now)
    assert len(rows) == expected == len(ids[::3])
    assert {r.id for r in rows} == set(ids[::3])
    assert {r.assignee for r in rows} == {"Camille Martin"}
    assert {r.assignee for r in others.rows} == {""} and len(others.rows) == len(ids) - len(rows)
