"""Every feed of the corpus (tests/data/feeds/README.md: feedparser's documentation and test
suite, plus two made here) served over loopback HTTP and read by the RSS connector — or
refused in one sentence. The expectations are those the files' authors wrote in each file's
``Expect:`` line, as Tribune's inbox shows them (plain text, absolute links, UTC)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.base import ConnectorError
from app.connectors.http import Http
from tests.conftest import REPO
from tests.servers.rss import FeedServer

FEEDS = REPO / "tests" / "data" / "feeds"
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC)
SRV = "<srv>"  # the test server's address, where a relative link resolves
NO_DATE = None  # the entry has no date: it arrives when it is read

# file -> (entries, text of the first entry starts with, its link, its date) | refusal
READ = {
    "rss20.xml": (
        1,
        "First item title\n\nWatch out for nasty tricks",
        "http://example.org/item/1",
        "2002-09-05T00:00:01",
    ),
    "rss20dc.xml": (
        1,
        "First of all\n\nIan Hickson:",
        "http://example.org/archives/2002/09/04.html#first_of_all",
        "2002-09-04T18:54:20",
    ),
    "rss10.rdf": (
        1,
        "First of all\n\nIan Hickson:",
        "http://example.org/archives/2002/09/04.html#first_of_all",
        "2004-05-30T20:23:54",
    ),
    "rss090_item_title.xml": (1, "Item title", "", NO_DATE),
    "atom10.xml": (
        1,
        "First entry title\n\nWatch out for nasty tricks",
        "http://example.org/entry/3",
        "2005-11-09T00:23:47",
    ),
    "atom03.xml": (
        1,
        "First entry title\n\nWatch out for nasty tricks",
        "http://example.org/entry/3",
        "2004-04-20T00:23:47",
    ),
    "atom03-xml-base.xml": (
        1,
        "First entry title\n\nskip to anchor 2",
        "http://example.org/archives/000001.html",
        "2004-04-20T00:23:47",
    ),
    "http_item_link_base_docuri.xml": (1, "", SRV + "/relative/uri", NO_DATE),
    "http_entry_link_base_docuri.xml": (1, "", SRV + "/relative/link", NO_DATE),
    "rel-enclosure.xml": (1, "Check out my awesome movie!", "", NO_DATE),
    "cdf-item_title.xml": (1, "Example item", "", NO_DATE),
    "euc-kr-item.xml": (1, "\ub144", "", NO_DATE),
    "made-gb2312.xml": (
        1,
        "巴黎花店开业\n\n鲜花 Aquarelle 品牌",
        "https://news.test/zh/1",
        "2026-11-02T08:00:00",
    ),
    "undeclared-koi8r.xml": (1, "Как пережить новогоднюю ночь\n\nНаверное", "", NO_DATE),
    "undeclared-shiftjis.xml": (1, "DrecomRSSに記事投稿が反映されない…", "", NO_DATE),
    "undeclared-windows1255.xml": (1, "האם תדפיס נייר של אתר אינטרנט", "", NO_DATE),
    "demoronize-1.xml": (1, "don\u2019t", "", NO_DATE),
    "double-encoded-html.xml": (1, "\u2026", "", NO_DATE),
    "charref_uppercase_x.xml": (1, "a", "", NO_DATE),
    "bozo_linenoise.xml": (1, "\xe2\u20ac\u2122\xe2\u20ac\x9d\u0160", "", NO_DATE),
    "made-bare-ampersand.xml": (
        2,
        "Roses & pivoines",
        "https://news.test/a?x=1&y=2",
        "2026-11-03T09:00:00",
    ),
    "rss_item_link_corrupted_ampersands.xml": (1, "", "http://link/get?a=1&b=2", NO_DATE),
    # channel only (versions, encodings, a high-bit date, an undeclared namespace): read, empty
    **{
        name: (0, None, None, None)
        for name in (
            "rss_version_091_netscape.xml",
            "rss_version_092.xml",
            "rss_version_094.xml",
            "big5.xml",
            "utf-8-bom.xml",
            "utf-16le-bom.xml",
            "utf-32be-autodetect.xml",
            "http_high_bit_date.xml",
            "undeclared_namespace.xml",
            "entity-eacute.xml",
            "entity-nbsp.xml",
        )
    },
}
REFUSED = {
    "rss_empty_document.xml": "not an RSS or Atom feed \\(found no RSS or Atom element\\)",
    "entity_in_doctype.xml": "declares XML entities",
}


def _read(name: str, time_machine):
    time_machine.move_to(NOW, tick=False)
    body = (FEEDS / name).read_bytes()
    with (
        FeedServer(body, etag=None, content_type="application/xml") as srv,
        Http(retries=0) as http,
    ):
        conn = connector_for(AccountRef(1, 1, "rss", "veille", srv.base_url + "/f"), http)
        return conn.fetch({}), srv.base_url


def test_every_file_of_the_corpus_has_an_expectation():
    files = {p.name for p in FEEDS.iterdir() if p.suffix in (".xml", ".rdf")}
    assert files == set(READ) | set(REFUSED) | {"rss_incomplete_cdata.xml"}
    assert len(files) >= 30


@pytest.mark.parametrize("name", sorted(READ))
def test_the_feed_is_read(name, time_machine):
    count, text, link, date = READ[name]
    result, base = _read(name, time_machine)
    assert len(result.items) == count
    if not count:
        return
    first = result.items[0]
    assert first.text.startswith(text)
    assert "\ufffd" not in first.text and "<" not in first.text  # decoded, plain
    assert first.url == link.replace(SRV, base)
    expected = NOW if date is None else dt.datetime.fromisoformat(date).replace(tzinfo=dt.UTC)
    assert first.received_at == expected
    assert len(set(i.external_id for i in result.items)) == count


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_the_feed_is_refused_in_one_sentence(name, time_machine):
    with pytest.raises(ConnectorError, match=REFUSED[name]) as caught:
        _read(name, time_machine)
    assert "\n" not in caught.value.message and len(caught.value.message) < 120


def test_an_entry_lost_in_a_broken_cdata_is_named_not_silent(time_machine):
    result, _ = _read("rss_incomplete_cdata.xml", time_machine)
    assert result.items == ()
    (error,) = result.errors
    assert error.reason == "An empty feed entry was skipped."


TITLES = {  # the feed's own title, as the account health shows it
    "entity-eacute.xml": "testing \xe9 entity",  # an HTML entity XML does not define
    "entity-nbsp.xml": "testing \xa0 entity",
    "made-gb2312.xml": "中文新闻",
    "rss_incomplete_cdata.xml": "can feedparser read this xml",
    "rss20.xml": "Sample Feed",
}


@pytest.mark.parametrize("name", sorted(TITLES))
def test_the_feed_title_is_decoded(name):
    body = (FEEDS / name).read_bytes()
    with (
        FeedServer(body, etag=None, content_type="application/xml") as srv,
        Http(retries=0) as http,
    ):
        conn = connector_for(AccountRef(1, 1, "rss", "veille", srv.base_url + "/f"), http)
        assert conn.check().display_name == TITLES[name]
