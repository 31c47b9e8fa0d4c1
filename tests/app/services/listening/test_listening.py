"""Listening streams against local servers speaking Mastodon's, Bluesky's, X's search APIs and
an RSS feed: incremental, no duplicates, authors' audience, tokens only to their own host."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app.connectors.http import Http
from app.errors import Conflict, ValidationError
from app.models import NetworkAccount
from app.models.listening import ListeningAuthor, ListeningItem
from app.services.clients import workspaces as clients
from app.services.listening import items as litems
from app.services.listening.sentiment import sentiment
from app.services.listening.streams import add_stream
from app.services.listening.sync import sync_client
from tests.servers.rss import FeedServer
from tests.servers.search_bluesky import BlueskySearchServer
from tests.servers.search_mastodon import MastodonSearchServer
from tests.servers.search_x import XSearchServer

NOW = dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC)


def make_client(db, accounts: dict[str, tuple[str, str]]) -> int:
    """A client with accounts {network: (base_url, handle)}."""
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs de Lyon").id
        for network, (url, handle) in accounts.items():
            s.add(NetworkAccount(client_id=cid, network=network, handle=handle, base_url=url))
    return cid


def tokens(mapping):
    def token_of(client_uid, account_uid):
        return mapping

    return token_of


def stored(db, cid) -> list[str]:
    with db.read() as s:
        return sorted(
            s.scalars(select(ListeningItem.external_id).where(ListeningItem.client_id == cid))
        )


def test_mastodon_keyword_and_hashtag_fill_incrementally_without_duplicates(db):
    with MastodonSearchServer() as srv:
        cid = make_client(db, {"mastodon": (srv.base_url, "fleurs")})
        with db.session() as s:
            add_stream(s, cid, "keyword", "fleurs lyon")
            add_stream(s, cid, "hashtag", "#FleursDeLyon", "mastodon")
        first = [srv.post(f"Les fleurs de Lyon n°{i}", followers=100 + i) for i in range(3)]
        tagged = srv.post("joli bouquet", tags=["fleursdelyon"], followers=70_000, acct="star")
        with Http() as http:
            report = sync_client(db, cid, http=http, token_of=tokens("masto-token"), now=NOW)
        assert not report.errors
        assert report.added == 4
        assert stored(db, cid) == sorted([*first, tagged])
        # 95 new posts: more than two pages of 40, followed through min_id
        later = [srv.post(f"fleurs à Lyon, encore {i}", minutes=10 + i) for i in range(95)]
        with Http() as http:
            report = sync_client(db, cid, http=http, token_of=tokens("masto-token"), now=NOW)
        assert report.added == 95
        assert stored(db, cid) == sorted([*first, tagged, *later])
        with Http() as http:
            again = sync_client(db, cid, http=http, token_of=tokens("masto-token"), now=NOW)
        assert again.added == 0
        # each later sync asked only for what is newer than what it had
        searches = srv.requests_to("/api/v2/search")
        assert all("min_id=" in q for _, _, _, q in searches[1:])
        assert all(h.get("authorization") == "Bearer masto-token" for _, _, h, _ in srv.log)
    with db.read() as s:
        star = s.scalar(select(ListeningItem).where(ListeningItem.external_id == tagged))
        assert star.author_handle == "star" and star.author_followers == 70_000
        assert (
            s.scalar(select(ListeningAuthor.followers).where(ListeningAuthor.handle == "star"))
            == 70_000
        )


def test_bluesky_search_with_audience_from_get_profiles(db):
    with BlueskySearchServer() as srv:
        cid = make_client(db, {"bluesky": (srv.base_url, srv.account_handle)})
        with db.session() as s:
            add_stream(s, cid, "keyword", "tribune", "bluesky")
        srv.post("Tribune est nul, remboursez-moi", handle="colere.bsky.social", followers=80_000)
        srv.post("Merci Tribune, génial", handle="fan.bsky.social", followers=12)
        with Http() as http:
            report = sync_client(db, cid, http=http, token_of=tokens(srv.password), now=NOW)
        assert report.added == 2, report
        srv.post("tribune encore", handle="fan.bsky.social", minutes=5)
        with Http() as http:
            report = sync_client(db, cid, http=http, token_of=tokens(srv.password), now=NOW)
        assert report.added == 1
        # the second sync asked from the newest seen, and the audience was fetched once a day
        assert "since=" in srv.requests_to("searchPosts")[-1][3]
        assert len(srv.requests_to("getProfiles")) == 1
    with db.read() as s:
        rows = {r.author_handle: r for r in litems.page(s, cid)}
    assert rows["colere.bsky.social"].author_followers == 80_000
    assert rows["colere.bsky.social"].sentiment == "negative"
    assert rows["fan.bsky.social"].author_followers == 12


def test_x_recent_search_since_id_paging_and_public_metrics(db):
    with XSearchServer() as srv:
        cid = make_client(db, {"x": (srv.base_url, "marque")})
        with db.session() as s:
            add_stream(s, cid, "keyword", "marque", "x")
        srv.post("la marque déçoit", username="journaliste", followers=250_000)
        with Http() as http:
            assert sync_client(db, cid, http=http, token_of=tokens("x-token"), now=NOW).added == 1
        for i in range(230):
            srv.post(f"marque {i}", minutes=i)
        with Http() as http:
            assert sync_client(db, cid, http=http, token_of=tokens("x-token"), now=NOW).added == 230
            assert sync_client(db, cid, http=http, token_of=tokens("x-token"), now=NOW).added == 0
        later = srv.requests_to("/2/tweets/search/recent")[1:]
        assert all("since_id=" in q for *_, q in later)
        assert any("next_token=" in q for *_, q in later)
    assert len(stored(db, cid)) == 231
    with db.read() as s:
        top = litems.figures(s, cid, now=NOW).top_authors[0]
    assert top == ("x", "journaliste", 250_000)


def test_feed_stream_sends_no_token_and_remembers_seen_entries(db):
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>Alerte</title>
    <item><guid>a1</guid><title>Fleurs de Lyon : une arnaque ?</title><link>http://x/1</link></item>
    <item><guid>a2</guid><title>Bravo aux fleuristes</title><link>http://x/2</link></item>
    </channel></rss>"""
    with FeedServer(rss, etag=None) as feed:
        cid = make_client(db, {})
        with db.session() as s:
            add_stream(s, cid, "feed", feed.base_url + "/alerte.xml")
        with Http() as http:
            assert sync_client(db, cid, http=http, token_of=tokens("never"), now=NOW).added == 2
            assert sync_client(db, cid, http=http, token_of=tokens("never"), now=NOW).added == 0
        assert all("authorization" not in h for _, _, h, _ in feed.log)
    with db.read() as s:
        feelings = {r.external_id: r.sentiment for r in litems.page(s, cid)}
    assert feelings == {"a1": "negative", "a2": "positive"}


def test_a_refused_token_is_reported_and_other_streams_go_on(db):
    with MastodonSearchServer() as masto, XSearchServer() as x:
        cid = make_client(db, {"mastodon": (masto.base_url, "f"), "x": (x.base_url, "f")})
        with db.session() as s:
            assert len(add_stream(s, cid, "keyword", "fleurs")) == 2  # both searchable accounts
        x.post("fleurs")
        masto.post("fleurs")

        def token_of(client_uid, account_uid):
            with db.read() as s:
                net = s.scalar(
                    select(NetworkAccount.network).where(NetworkAccount.uid == account_uid)
                )
            return "x-token" if net == "x" else "wrong"

        with Http(retries=0) as http:
            report = sync_client(db, cid, http=http, token_of=token_of, now=NOW)
    assert report.added == 1
    assert [r.network for r in report.errors] == ["mastodon"]
    assert "reconnect" in report.errors[0].error


def test_stream_validation(db):
    cid = make_client(db, {"mastodon": ("http://127.0.0.1:9", "f")})
    with db.session() as s:
        with pytest.raises(ValidationError):
            add_stream(s, cid, "keyword", "   ")
        with pytest.raises(ValidationError):
            add_stream(s, cid, "keyword", "fleurs", "x")  # no X account
        with pytest.raises(ValidationError):
            add_stream(s, cid, "feed", "file:///etc/passwd")
        with pytest.raises(ValidationError):
            add_stream(s, cid, "hashtag", "deux mots", "mastodon")
        add_stream(s, cid, "keyword", "fleurs", "mastodon")
    with db.session() as s, pytest.raises(Conflict):
        add_stream(s, cid, "keyword", "fleurs", "mastodon")


def test_send_to_inbox_and_dismiss(db):
    from app.models.inbox import InboxMessage

    with MastodonSearchServer() as srv:
        cid = make_client(db, {"mastodon": (srv.base_url, "fleurs")})
        with db.session() as s:
            add_stream(s, cid, "keyword", "fleurs")
        srv.post("fleurs fanées, je veux être remboursé", acct="claire")
        srv.post("fleurs", acct="autre")
        with Http() as http:
            sync_client(db, cid, http=http, token_of=tokens("masto-token"), now=NOW)
    with db.read() as s:
        other, complaint = sorted(litems.page(s, cid), key=lambda r: r.author_handle)
    with db.session() as s:
        assert litems.send_to_inbox(s, cid, complaint.id) is True
        litems.dismiss(s, cid, other.id)
    with db.session() as s:
        assert litems.send_to_inbox(s, cid, complaint.id) is False  # already there: once
    with db.read() as s:
        msgs = s.execute(
            select(InboxMessage.category, InboxMessage.kind).where(InboxMessage.client_id == cid)
        ).all()
        statuses = dict(s.execute(select(ListeningItem.author_handle, ListeningItem.status)).all())
    assert msgs == [("complaint", "mention")]
    assert statuses == {"claire": "sent_to_inbox", "autre": "dismissed"}
    with db.read() as s:
        assert [r.author_handle for r in litems.page(s, cid, search="REMBOURSÉ")] == ["claire"]
        # the full-text index: accents ignored, words as prefixes, syntax is only text
        assert [r.author_handle for r in litems.page(s, cid, search="fanee rembours")] == ["claire"]
        assert litems.page(s, cid, search='"fleurs" OR -x') == []
        assert litems.page(s, cid + 1, search="fleurs") == []  # never another client's
        assert s.scalar(select(func.count()).select_from(ListeningItem)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C'est une arnaque, remboursez-nous !", "negative"),
        ("Merci, le bouquet était magnifique", "positive"),
        ("pas génial du tout", "negative"),
        ("Livraison prévue demain", "neutral"),
        ("Worst service ever, I want a refund", "negative"),
        ("DÉÇU", "negative"),
    ],
)
def test_sentiment_lexicon(text, expected):
    assert sentiment(text) == expected


def test_hashtag_links_to_another_host_are_not_followed_and_429_waits(db):
    with MastodonSearchServer() as srv, MastodonSearchServer(token="other") as elsewhere:
        srv.link_base = elsewhere.base_url
        cid = make_client(db, {"mastodon": (srv.base_url, "fleurs")})
        with db.session() as s:
            add_stream(s, cid, "hashtag", "lyon", "mastodon")
        srv.post("un", tags=["lyon"])
        with Http() as http:
            assert (
                sync_client(db, cid, http=http, token_of=tokens("masto-token"), now=NOW).added == 1
            )
        for i in range(3):
            srv.post(f"deux {i}", tags=["lyon"], minutes=5 + i)
        # Mastodon's 429 has no Retry-After: Http waits for X-RateLimit-Reset (ISO 8601)
        reset = (dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)).isoformat()
        srv.fail_next(429, path="/timelines/tag/", headers={"X-RateLimit-Reset": reset})
        with Http() as http:
            report = sync_client(db, cid, http=http, token_of=tokens("masto-token"), now=NOW)
            assert report.added == 3 and not report.errors
            assert http.slept > 0
    assert elsewhere.log == []  # the token never left the account's host
    assert len(stored(db, cid)) == 4
