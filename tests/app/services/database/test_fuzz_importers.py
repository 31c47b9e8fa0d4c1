"""Fuzzing every importer on both engines (issue #19): posts CSV, metrics CSV, iCalendar, feeds
(over real HTTP from the local feed server) and the approval sheet.

Whatever the bytes: rows in with row errors, or one :class:`TribuneError` of one line with the
database exactly as it was; never another exception (which the CLI would turn into exit 2).
Example counts are bounded so that the whole fuzz suite stays under a minute.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from app.errors import TribuneError
from app.services.clients import workspaces as clients
from app.textsafe import storable

NOW = dt.datetime(2026, 6, 15, 12, tzinfo=dt.UTC)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate, Phase.shrink],  # no slow tracing
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)
TABLES = (
    "posts",
    "post_variants",
    "metric_account_days",
    "metric_post_days",
    "listening_items",
    "listening_authors",
    "audit_events",
    "media_assets",
)

HOSTILE = [
    "",
    " ",
    "\x00",
    "a\x00b",
    "\r",
    "\n",
    '"',
    "x" * 300,
    "é" * 70_000,
    "=cmd|' /C calc'!A0",
    "<img src=/etc/passwd>",
    "../../etc/passwd",
    "/etc/passwd",
    "\ud83d",
    "0001-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-06-01",
    "2026-06-01T10:00:00+02:00",
    "10:00",
    "25:61",
    "-1",
    "0",
    "1e309",
    "99999999999999999999",
    "2147483648",
    "NaN",
    "facebook",
    "instagram",
    "mastodon",
    "linkedin",
    "facebook|instagram",
    "Mars/Olympus",
]
cell = st.one_of(st.text(max_size=20), st.sampled_from(HOSTILE))


def snapshot(db) -> dict:
    """What an import could change: the rows of every table it writes, and posts' versions."""
    with db.read() as s:
        counts = {t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in TABLES}
        counts["versions"] = s.execute(text("SELECT coalesce(sum(version), 0) FROM posts")).scalar()
        counts["statuses"] = sorted(s.execute(text("SELECT status FROM posts")).scalars())
    return counts


def fixture_client(db, name="Fuzz") -> int:
    with db.read() as s:
        found = s.execute(text("SELECT id FROM clients WHERE name = :n"), {"n": name}).scalar()
    if found:
        return found
    with db.session() as s:
        cid = clients.create_client(s, name).id
        clients.add_account(s, cid, "facebook", "fuzzpage", base_url="https://graph.test")
        clients.add_account(s, cid, "instagram", "fuzzgram", base_url="https://graph.test")
    return cid


def clean_outcome(db, write) -> str:
    """Run ``write`` (it opens its own unit of work); a refusal leaves the database as it was."""
    before = snapshot(db)
    try:
        write()
    except TribuneError as exc:
        assert exc.message and "\n" not in exc.message.strip(), exc.message
        assert "Traceback" not in exc.message
        assert snapshot(db) == before, "a refused import wrote something"
        return "refused"
    return "done"


def render_csv(header: list[str], rows: list[list[str]], line_end: str) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator=line_end).writerows([header, *rows])
    return out.getvalue()


# -- posts CSV ----------------------------------------------------------------------------------
POST_COLUMNS = ["date", "time", "networks", "text", "media", "category", "title"]


@FUZZ
@given(
    columns=st.lists(st.sampled_from([*POST_COLUMNS, "x", ""]), min_size=0, max_size=8),
    rows=st.lists(st.lists(cell, max_size=9), max_size=6),
    line_end=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_posts_csv(db, tmp_path, columns, rows, line_end):
    from app.services.calendar.csv_import import import_csv

    cid = fixture_client(db)
    (tmp_path / "pic.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    data = render_csv(columns, rows, line_end)

    def write():
        with db.session() as s:
            import_csv(s, cid, data, base_dir=tmp_path)

    clean_outcome(db, write)


# -- metrics CSV --------------------------------------------------------------------------------
METRIC_HEADERS = [
    ["date", "network", "handle", "followers", "reach", "impressions", "engagements", "clicks"],
    ["date", "network", "external_post_id", "published_at", "impressions", "reactions", "text"],
    ["post id", "publish time", "title", "impressions", "reactions", "comments", "permalink"],
    ["date", "followers", "reach", "impressions", "link clicks"],
    ["a", "b"],
    [],
]


@FUZZ
@given(
    header=st.sampled_from(METRIC_HEADERS),
    rows=st.lists(st.lists(cell, max_size=9), max_size=6),
    line_end=st.sampled_from(["\n", "\r\n", "\r"]),
    account=st.sampled_from([None, "fuzzpage", "nobody", "99999999999"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1", "cp1252"]),
)
def test_metrics_csv(db, tmp_path, header, rows, line_end, account, encoding):
    from app.services.reports.metrics_import import import_metrics_csv

    cid = fixture_client(db)
    path = tmp_path / "metrics.csv"
    path.write_bytes(render_csv(header, rows, line_end).encode(encoding, "replace"))

    def write():
        with db.session() as s:
            import_metrics_csv(s, cid, path, account=account)

    clean_outcome(db, write)


# -- iCalendar ----------------------------------------------------------------------------------
DTSTARTS = [
    "DTSTART:20260620T100000Z",
    "DTSTART;TZID=Europe/Paris:20260620T100000",
    "DTSTART;TZID=Mars/Olympus:20260620T100000",
    "DTSTART;TZID=../../etc/passwd:20260620T100000",
    "DTSTART;VALUE=DATE:20260620",
    "DTSTART:00010101T000000",
    "DTSTART:99991231T235959Z",
    "DTSTART:20260230T100000",
    "DTSTART:garbage",
    "",
]
RRULES = [
    "",
    "RRULE:FREQ=DAILY;COUNT=3",
    "RRULE:FREQ=HOURLY;COUNT=4;INTERVAL=0",
    "RRULE:FREQ=MONTHLY;UNTIL=99991231T000000Z",
    "RRULE:FREQ=YEARLY;COUNT=99999999999999999999",
    "RRULE:FREQ=NOPE",
    "EXDATE:00010101T000000",
]
event = st.tuples(
    st.sampled_from(DTSTARTS),
    st.sampled_from(RRULES),
    cell,  # SUMMARY
    cell,  # UID
    cell,  # DESCRIPTION
)


@FUZZ
@given(
    events=st.lists(event, max_size=5),
    line_end=st.sampled_from(["\r\n", "\n", "\r"]),
    encoding=st.sampled_from(["utf-8", "utf-16", "latin-1"]),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=2000)),
    flip=st.one_of(st.none(), st.tuples(st.integers(0, 2000), st.integers(1, 255))),
)
def test_icalendar(db, events, line_end, encoding, cut, flip):
    from app.services.calendar.ical import import_ics

    cid = fixture_client(db)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//fuzz//EN"]
    for start, rule, summary, uid, description in events:
        lines += ["BEGIN:VEVENT", f"UID:{uid}", start, rule, f"SUMMARY:{summary}"]
        lines += [f"DESCRIPTION:{description}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    data = line_end.join(x for x in lines if x).encode(encoding, "replace")
    if cut is not None:
        data = data[:cut]
    if flip is not None and data:
        i = flip[0] % len(data)
        data = data[:i] + bytes([data[i] ^ flip[1]]) + data[i + 1 :]

    def write():
        with db.session() as s:
            import_ics(s, cid, data, now=NOW)

    clean_outcome(db, write)


# -- feeds, over real HTTP ------------------------------------------------------------------------
FEED_DATES = ["Mon, 02 Nov 2026 08:00:00 +0000", "Mon, 01 Jan 0001 00:00:00 +0000", "", "x"]


@pytest.fixture
def feed_server():
    from tests.servers.rss import FeedServer

    with FeedServer("", etag=None) as srv:
        yield srv


@FUZZ
@given(
    kind=st.sampled_from(["rss", "atom", "bytes"]),
    items=st.lists(st.tuples(cell, cell, cell, st.sampled_from(FEED_DATES)), max_size=4),
    raw=st.binary(max_size=300),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=1500)),
)
def test_feed(db, feed_server, kind, items, raw, cut):
    from xml.sax.saxutils import escape

    from app.connectors.http import Http
    from app.services.listening.streams import add_stream
    from app.services.listening.sync import sync_client

    cid = fixture_client(db)
    with db.read() as s:
        has_stream = s.execute(text("SELECT count(*) FROM listening_streams")).scalar()
    if not has_stream:
        with db.session() as s:
            add_stream(s, cid, "feed", feed_server.base_url + "/feed.xml")

    def x(value: str) -> str:
        return escape(value.replace("\x00", "")).encode("utf-8", "replace").decode()

    if kind == "rss":
        body = "".join(
            f"<item><guid>{x(g)}</guid><title>{x(t)}</title><description>{x(d)}</description>"
            f"<pubDate>{when}</pubDate></item>"
            for g, t, d, when in items
        )
        doc = f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}'
        doc += "</channel></rss>"
    elif kind == "atom":
        body = "".join(
            f"<entry><id>{x(g)}</id><title>{x(t)}</title><content>{x(d)}</content>"
            f"<updated>2026-11-02T08:00:00Z</updated><author><name>{x(t)}</name></author></entry>"
            for g, t, d, _ in items
        )
        doc = f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>'
    else:
        doc = ""
    data = doc.encode("utf-8") if doc else raw
    feed_server.body = data[:cut] if cut is not None else data
    before = snapshot(db)
    with Http() as http:
        report = sync_client(db, cid, http=http, now=NOW)
    for stream in report.streams:
        if stream.error:  # a refused feed: one line, nothing written
            assert "\n" not in stream.error.strip(), stream.error
    if report.errors:
        assert snapshot(db) == before, "a refused feed wrote something"


# -- the approval sheet ---------------------------------------------------------------------------
@pytest.fixture
def sheet(db, tmp_path):
    from app.documents.calendar_approval import render_approval_sheet
    from app.services.calendar import posts
    from app.services.calendar.approval import submit_for_review

    cid = fixture_client(db, "Fleurs")
    with db.session() as s:
        ids = [
            posts.create_post(
                s,
                cid,
                planned_at=dt.datetime(2026, 12, day, 9, tzinfo=dt.UTC),
                title=f"Bouquet {day}",
                variants=[posts.VariantInput("facebook", f"Texte {day}")],
            ).id
            for day in (2, 9)
        ]
        submit_for_review(
            s, cid, dt.datetime(2026, 12, 1, tzinfo=dt.UTC), dt.datetime(2027, 1, 1, tzinfo=dt.UTC)
        )
    path = tmp_path / "sheet.pdf"
    with db.read() as s:
        render_approval_sheet(s, cid, dt.date(2026, 12, 1), dt.date(2026, 12, 31), path)
        versions = {
            p: s.execute(text("SELECT version FROM posts WHERE id = :i"), {"i": p}).scalar()
            for p in ids
        }
    return cid, path, versions


@settings(FUZZ, max_examples=8)
@given(
    values=st.lists(
        st.tuples(st.sampled_from(["ok", "change", "comment"]), st.sampled_from([0, 1]), cell),
        max_size=4,
    ),
    cut=st.one_of(st.none(), st.integers(min_value=0, max_value=20000)),
    flip=st.one_of(st.none(), st.tuples(st.integers(0, 10**6), st.integers(1, 255))),
)
def test_approval_sheet(db, sheet, tmp_path, values, cut, flip):
    from pypdf import PdfWriter

    from app.services.calendar.approval_import import import_approval_sheet

    cid, path, versions = sheet
    posts_ = sorted(versions)
    fields = {}
    for kind, which, value in values:
        pid = posts_[which]
        name = f"post-{pid}-v{versions[pid]}-{kind}"
        value = storable(value)  # a PDF writer cannot encode a lone surrogate either
        fields[name] = value if kind == "comment" else ("/Yes" if value else "/Off")
    writer = PdfWriter(clone_from=str(path))
    for page in writer.pages:
        writer.update_page_form_field_values(page, fields, auto_regenerate=False)
    out = io.BytesIO()
    writer.write(out)
    data = out.getvalue()
    if cut is not None:
        data = data[:cut]
    if flip is not None and data:  # cut to nothing: nothing to flip
        i = flip[0] % len(data)
        data = data[:i] + bytes([data[i] ^ flip[1]]) + data[i + 1 :]

    def write():
        with db.session() as s:
            import_approval_sheet(s, cid, data)

    if clean_outcome(db, write) == "done":  # decided once: back to review for the next example
        with db.session() as s:
            s.execute(
                text("UPDATE posts SET status = 'in_review' WHERE client_id = :c"), {"c": cid}
            )
