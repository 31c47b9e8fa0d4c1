"""Feeds as other tools write them (tests/data/feeds), read over real HTTP on loopback."""

from __future__ import annotations

import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.base import BadResponse
from app.connectors.http import Http
from tests.conftest import REPO
from tests.servers.rss import FeedServer

FEEDS = REPO / "tests" / "data" / "feeds"


def _fetch(body, cursor=None, content_type="application/xml"):
    with FeedServer(body, etag=None, content_type=content_type) as srv:
        http = Http(retries=0)
        try:
            conn = connector_for(AccountRef(1, 1, "rss", "veille", srv.base_url + "/f"), http)
            return conn.fetch(cursor or {})
        finally:
            http.close()


def test_rss_1_0_rdf_with_content_encoded():
    result = _fetch((FEEDS / "rss10.rdf").read_bytes())
    [item] = result.items
    assert item.author == "Aaron Swartz" and item.text.startswith("First of all")
    assert "Ian Hickson" in item.text and "<cite>" not in item.text
    assert item.received_at.isoformat() == "2004-05-30T20:23:54+00:00"


def test_rss_0_90_is_a_feed():
    assert [i.text for i in _fetch((FEEDS / "rss090_item_title.xml").read_bytes()).items] == [
        "Item title"
    ]


def test_atom_xhtml_content_is_read():
    items = _fetch((FEEDS / "atom10.xml").read_bytes(), content_type="application/atom+xml").items
    [item] = items
    # the xhtml content (not the plain summary), as text
    assert item.text == "First entry title\n\nWatch out for nasty tricks"


def test_declared_encodings_korean_and_chinese():
    [korean] = _fetch((FEEDS / "euc-kr-item.xml").read_bytes()).items
    assert korean.text == "\ub144"
    [chinese] = _fetch((FEEDS / "made-gb2312.xml").read_bytes()).items
    assert chinese.text == "巴黎花店开业\n\n鲜花 Aquarelle 品牌"


def test_a_bare_ampersand_and_a_broken_cdata_do_not_lose_the_feed():
    items = _fetch((FEEDS / "made-bare-ampersand.xml").read_bytes()).items
    assert [i.external_id for i in items] == ["amp-1", "amp-2"]
    assert items[0].text.startswith("Roses & pivoines")


def _feed(*entries):
    body = "".join(
        f"<item><guid>{g}</guid><title>{t}</title><pubDate>{d}</pubDate></item>"
        for g, t, d in entries
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>F</title>{body}</channel></rss>'
    )


def test_the_cursor_is_ids_not_a_date():
    first = _fetch(
        _feed(
            ("a", "Futur", "Mon, 01 Jan 2031 08:00:00 +0000"),
            ("b", "Normal", "Mon, 02 Nov 2026 08:00:00 +0000"),
        )
    )
    assert sorted(i.external_id for i in first.items) == ["a", "b"]
    # the 2031 entry arrives now, not in 2031
    assert max(i.received_at.year for i in first.items) < 2031
    # a late entry with an older date still arrives; nothing twice
    second = _fetch(
        _feed(
            ("c", "En retard", "Sun, 01 Nov 2026 08:00:00 +0000"),
            ("a", "Futur", "Mon, 01 Jan 2031 08:00:00 +0000"),
            ("b", "Normal", "Mon, 02 Nov 2026 08:00:00 +0000"),
        ),
        first.cursor,
    )
    assert [i.external_id for i in second.items] == ["c"]
    assert "seen_at" not in second.cursor and len(second.cursor["seen_ids"]) == 3


def test_an_older_date_cursor_is_honoured_once_then_replaced():
    old = {"seen_at": "2026-11-02T08:00:00+00:00"}
    result = _fetch(
        _feed(
            ("x", "Vu", "Mon, 02 Nov 2026 08:00:00 +0000"),
            ("y", "Nouveau", "Tue, 03 Nov 2026 08:00:00 +0000"),
        ),
        old,
    )
    assert [i.external_id for i in result.items] == ["y"] and "seen_at" not in result.cursor


def test_a_web_page_is_refused_saying_what_was_found():
    with pytest.raises(BadResponse, match="web page"):
        _fetch(b"<!DOCTYPE html><html><body>Bonjour</body></html>", content_type="text/html")


def test_an_entry_dated_only_by_its_update_is_read_without_feedparser_deprecations():
    """An item with an empty publication date and no update date: feedparser maps a missing
    ``updated_parsed`` to ``published_parsed`` with a DeprecationWarning (a mapping it will
    remove); the date is read from the entry itself, the fetch time then stands in."""
    import warnings

    import feedparser

    from app.connectors.rss import _when

    atom = (
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
        "<entry><id>1</id><title>a</title><updated>2026-12-01T08:00:00Z</updated></entry>"
        "<entry><id>2</id><title>b</title><published>not a date</published></entry>"
        "</feed>"
    )
    entries = feedparser.parse(atom).entries
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        first, second = _when(entries[0]), _when(entries[1])
    assert first is not None and first.isoformat() == "2026-12-01T08:00:00+00:00"
    assert second is None
