"""Bluesky, Graph API (Facebook, Instagram) and RSS/Atom connectors over loopback HTTP."""

from __future__ import annotations

import dataclasses
import datetime as dt

import httpx
import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.base import AuthError, BadResponse, Rejected
from app.connectors.bluesky import facets_for, tid_for
from app.connectors.contract import DueVariant, MediaRef
from app.connectors.http import Http
from tests.servers.bluesky import BlueskyServer
from tests.servers.graph import IG, PAGE, GraphServer
from tests.servers.rss import FeedServer


def http():
    return Http(httpx.Client(timeout=3), base_delay=0.01)


def variant(network, text="Bonjour 🌷 https://fleurs.example/promo @ami.bsky.social", media=()):
    return DueVariant(
        variant_id=3,
        post_id=3,
        client_id=1,
        network=network,
        account_id=1,
        text=text,
        planned_at=dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC),
        idempotency_key="k-3",
        media=media,
    )


# -- Bluesky ----------------------------------------------------------------------------------
@pytest.fixture
def bsky():
    with BlueskyServer() as srv:
        yield srv


def bsky_conn(srv, password="app-pass-1234"):
    return connector_for(
        AccountRef(1, 1, "bluesky", "marque.bsky.social", srv.base_url, password), http()
    )


def test_bluesky_notifications_paged_then_incremental(bsky):
    for n in range(60):
        bsky.add_mention(n, f"@marque.bsky.social coucou {n} ✿")
    bsky.add_mention(100, "j'aime", reason="like")
    c = bsky_conn(bsky)
    first = c.fetch({})
    assert len(first.items) == 60 and first.requests == 2  # cursor paging, likes ignored
    assert first.items[0].text == "@marque.bsky.social coucou 59 ✿"
    assert first.items[0].url.startswith("https://bsky.app/profile/fan.bsky.social/post/")
    bsky.add_mention(200, "nouveau", reason="reply")
    second = c.fetch(first.cursor)
    assert [(i.kind, i.text) for i in second.items] == [("comment", "nouveau")]
    assert second.requests == 1  # stopped at the first already-seen notification


def test_bluesky_expired_access_token_is_refreshed(bsky):
    bsky.add_mention(1, "hello")
    c = bsky_conn(bsky)
    c.login()
    bsky.expired.add(c._access)
    assert len(c.fetch({}).items) == 1
    assert bsky.requests_to("refreshSession")


def test_bluesky_wrong_app_password_is_auth_error(bsky):
    with pytest.raises(AuthError):
        bsky_conn(bsky, "wrong").fetch({})


def test_bluesky_publish_with_facets_and_image_never_twice(bsky, tmp_path):
    image = tmp_path / "a.jpg"
    image.write_bytes(b"\xff\xd8jpeg")
    c = bsky_conn(bsky)
    v = variant("bluesky", media=(MediaRef(str(image), "image/jpeg", "h", "Tulipes"),))
    one = c.publish(v)
    two = c.publish(v)
    assert one.external_id == two.external_id and len(bsky.records) == 1
    record = next(iter(bsky.records.values()))
    text = record["text"].encode()
    link, mention = record["facets"]
    assert (
        text[link["index"]["byteStart"] : link["index"]["byteEnd"]]
        == b"https://fleurs.example/promo"
    )
    assert mention["features"][0]["did"] == "did:plc:ami"
    assert record["embed"]["images"][0]["alt"] == "Tulipes"
    with pytest.raises(Rejected):
        c.publish(variant("bluesky", text="x" * 301))


def test_bluesky_publishes_a_video_as_a_video_embed(bsky, tmp_path):
    clip = tmp_path / "atelier.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"0" * 4000)
    c = bsky_conn(bsky)
    movie = MediaRef(str(clip), "video/mp4", "v", "L'atelier au matin")
    c.publish(variant("bluesky", media=(movie,)))
    record = next(iter(bsky.records.values()))
    embed = record["embed"]
    assert embed["$type"] == "app.bsky.embed.video" and embed["alt"] == "L'atelier au matin"
    assert embed["video"]["mimeType"] == "video/mp4" and embed["video"]["size"] == 4012
    photo = tmp_path / "a.jpg"
    photo.write_bytes(b"\xff\xd8jpeg")
    both = (movie, MediaRef(str(photo), "image/jpeg", "h", ""))
    other = dataclasses.replace(variant("bluesky", media=both), idempotency_key="k-other")
    with pytest.raises(Rejected, match="one video"):
        c.publish(other)
    assert len(bsky.records) == 1


def test_bluesky_reply_threads_to_the_parent(bsky):
    from app.connectors.contract import ReplyToSend

    c = bsky_conn(bsky)
    parent = "at://did:plc:fan/app.bsky.feed.post/n1"
    pub = c.reply(ReplyToSend(1, 1, "bluesky", 1, parent, "Avec plaisir !", "reply-9"))
    record = bsky.records[pub.external_id.rsplit("/", 1)[-1]]
    assert record["reply"]["parent"] == {"uri": parent, "cid": "cidp"}
    assert record["reply"]["root"] == record["reply"]["parent"]


def test_tid_is_valid_and_stable():
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    assert tid_for("a", when) == tid_for("a", when) != tid_for("b", when)
    assert len(tid_for("a", when)) == 13
    assert facets_for("é https://x.fr", lambda h: None)[0]["index"] == {
        "byteStart": 3,
        "byteEnd": 15,
    }


def test_bluesky_item_without_fields_is_skipped_not_the_rest(bsky):
    bsky.add_mention(1, "un")
    bsky.add_mention(2, "deux")
    del bsky.notifications[0]["record"]
    result = bsky_conn(bsky).fetch({})
    assert [i.text for i in result.items] == ["un"]
    assert len(result.errors) == 1 and result.errors[0].ref.endswith("/n2")


def test_bluesky_malformed_notifications(bsky):
    bsky.fail_next(200, path="listNotifications", body={"notifications": "nope"})
    with pytest.raises(BadResponse):
        bsky_conn(bsky).fetch({})


# -- Graph API --------------------------------------------------------------------------------
@pytest.fixture
def graph():
    with GraphServer() as srv:
        yield srv


def fb(srv, network="facebook", handle=PAGE, token="page-token-xyz"):
    return connector_for(AccountRef(1, 1, network, handle, srv.base_url + "/v21.0", token), http())


def test_facebook_comments_paged_messages_and_expiry(graph):
    for n in range(130):
        graph.add_comment(n, f"Commentaire {n} — très déçu 😡")
    c = fb(graph)
    health = c.check()
    assert health.display_name == "Fleurs de Lyon"
    assert health.token_expires_at == dt.datetime(2027, 1, 15, tzinfo=dt.UTC)
    first = c.fetch({})
    comments = [i for i in first.items if i.kind == "comment"]
    assert len(comments) == 130 and comments[0].in_reply_to == "1001_1"
    assert [i.text for i in first.items if i.kind == "message"] == ["Bonjour, ma commande ?"]
    assert len(graph.requests_to("/comments")) == 2  # paging.next followed


def test_facebook_expired_token_code_190(graph):
    graph.expired = True
    with pytest.raises(AuthError) as err:
        fb(graph).fetch({})
    assert "reconnect" in err.value.message


def test_facebook_rate_limit_code_4(graph):
    from app.connectors.base import RateLimited

    graph.fail_next(
        403, body={"error": {"message": "Application request limit reached", "code": 4}}
    )
    with pytest.raises(RateLimited):
        fb(graph).fetch({})


def test_facebook_publish_and_find_after_crash(graph):
    c = fb(graph)
    v = variant("facebook", text="Promo de Noël 🎄")
    pub = c.publish(v)
    assert pub.external_id == "1001_100"
    found = c.find_published(v, dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    assert found.external_id == pub.external_id


def test_facebook_publishes_a_photo_and_a_video_with_their_text(graph, tmp_path):
    c = fb(graph)
    photo = tmp_path / "bouquet.jpg"
    photo.write_bytes(b"\xff\xd8 jpeg " * 50)
    clip = tmp_path / "atelier.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"1" * 3000)
    one = c.publish(
        dataclasses.replace(
            variant("facebook", text="Bouquet du jour"),
            media=(MediaRef(str(photo), "image/jpeg", "p", ""),),
        )
    )
    assert graph.published[-1]["message"] == "Bouquet du jour"
    assert graph.published[-1]["photos"] == photo.read_bytes() and one.external_id.startswith(
        "1001_"
    )
    two = c.publish(
        dataclasses.replace(
            variant("facebook", text="L'atelier au matin"),
            media=(MediaRef(str(clip), "video/mp4", "v", ""),),
            idempotency_key="k-video",
        )
    )
    assert graph.published[-1]["videos"] == clip.read_bytes()
    assert graph.published[-1]["message"] == "L'atelier au matin"
    assert two.external_id == graph.published[-1]["id"] != one.external_id
    # three photos: one post carrying all three, not the first one alone
    shots = [tmp_path / f"p{i}.jpg" for i in range(3)]
    for i, shot in enumerate(shots):
        shot.write_bytes(b"\xff\xd8" + bytes([i]) * 40)
    c.publish(
        dataclasses.replace(
            variant("facebook", text="Trois bouquets"),
            media=tuple(MediaRef(str(p), "image/jpeg", str(i), "") for i, p in enumerate(shots)),
            idempotency_key="k-three",
        )
    )
    assert graph.unpublished == [p.read_bytes() for p in shots]
    assert graph.published[-1]["attached"] == ["photo_u1", "photo_u2", "photo_u3"]
    assert graph.published[-1]["message"] == "Trois bouquets"
    both = (MediaRef(str(clip), "video/mp4", "v", ""), MediaRef(str(photo), "image/jpeg", "p", ""))
    with pytest.raises(Rejected, match="one video"):
        c.publish(dataclasses.replace(variant("facebook"), media=both, idempotency_key="k-2"))
    assert c._video_base() == c.base  # a test server serves videos itself …
    real = connector_for(AccountRef(1, 1, "facebook", PAGE, "", "t"), c.http)
    assert real._video_base() == "https://graph-video.facebook.com/v21.0"  # … Meta does not


def test_facebook_photos_carry_their_own_description_and_videos_none(graph, tmp_path):
    c = fb(graph)
    shots = [tmp_path / f"p{i}.jpg" for i in range(3)]
    for i, shot in enumerate(shots):
        shot.write_bytes(b"\xff\xd8" + bytes([i]) * 40)
    alts = ["Pivoines roses dans un vase bleu", "", "Un bouquet de tulipes jaunes 🌷"]
    # one photo: its description goes with the upload that makes the post
    c.publish(
        dataclasses.replace(
            variant("facebook", text="Bouquet du jour"),
            media=(MediaRef(str(shots[0]), "image/jpeg", "p", alts[0]),),
        )
    )
    assert graph.photo_forms == [{"caption": "Bouquet du jour", "alt_text_custom": alts[0]}]
    # several photos: each unpublished upload carries its own; none when undescribed
    c.publish(
        dataclasses.replace(
            variant("facebook", text="Trois bouquets"),
            media=tuple(
                MediaRef(str(p), "image/jpeg", str(i), alt)
                for i, (p, alt) in enumerate(zip(shots, alts, strict=True))
            ),
            idempotency_key="k-three",
        )
    )
    assert graph.photo_forms[1:] == [
        {"published": "false", "alt_text_custom": alts[0]},
        {"published": "false"},
        {"published": "false", "alt_text_custom": alts[2]},
    ]
    assert graph.published[-1]["attached"] == ["photo_u1", "photo_u2", "photo_u3"]
    # a video: Graph documents no description for it, none is sent (the server refuses one)
    clip = tmp_path / "atelier.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"1" * 3000)
    c.publish(
        dataclasses.replace(
            variant("facebook", text="L'atelier au matin"),
            media=(MediaRef(str(clip), "video/mp4", "v", "L'atelier au matin"),),
            idempotency_key="k-video",
        )
    )
    assert graph.published[-1]["videos"] == clip.read_bytes() and len(graph.photo_forms) == 4


def test_facebook_and_instagram_replies(graph):
    from app.connectors.contract import ReplyToSend

    def reply(network, parent):
        return ReplyToSend(1, 1, network, 1, parent, "Merci, on s’en occupe 🙏", "r-1")

    assert fb(graph).reply(reply("facebook", "1001_1_c3")).external_id == "reply_0"
    assert fb(graph, "instagram", IG).reply(reply("instagram", "ig_c1")).external_id == "reply_1"
    assert [(p["parent"], p["message"]) for p in graph.published] == [
        ("1001_1_c3", "Merci, on s’en occupe 🙏"),
        ("ig_c1", "Merci, on s’en occupe 🙏"),
    ]
    # private: a message to the comment's author, never a public reply (both networks)
    published = len(graph.published)
    private = [dataclasses.replace(reply(n, c), private=True) for n, c in
               (("facebook", "1001_1_c3"), ("instagram", "ig_c2"))]  # fmt: skip
    assert fb(graph).reply(private[0]).external_id == "m_1"
    assert fb(graph, "instagram", IG).reply(private[1]).external_id == "m_2"
    assert graph.private_replies == [
        (PAGE, {"comment_id": "1001_1_c3"}, "Merci, on s’en occupe 🙏"),
        (IG, {"comment_id": "ig_c2"}, "Merci, on s’en occupe 🙏"),
    ]
    assert len(graph.published) == published


def test_facebook_and_instagram_hide_a_comment(graph):
    fb(graph).hide("1001_1_c7")
    fb(graph, "instagram", IG).hide("ig_c1", hidden=True)
    posts = [r for r in graph.log if r[0] == "POST"]
    assert [p[1] for p in posts] == ["/v21.0/1001_1_c7", "/v21.0/ig_c1"]


def test_instagram_comments_and_publish(graph):
    graph.ig_comments = [
        {
            "id": "c1",
            "text": "Trop beau 😍",
            "username": "lea",
            "timestamp": "2026-11-02T10:00:00+0000",
        }
    ]
    c = fb(graph, "instagram", IG)
    items = c.fetch({}).items
    assert [(i.author_handle, i.text) for i in items] == [("@lea", "Trop beau 😍")]
    with pytest.raises(Rejected):
        c.publish(variant("instagram"))
    pub = c.publish(
        variant("instagram", media=(MediaRef(graph.base_url + "/img.jpg", "image/jpeg", "h"),))
    )
    assert pub.url == "https://instagram.test/p/new"
    assert graph.published[-1]["container"] == "container_1"


def test_instagram_reel_from_a_local_video_by_resumable_upload(graph, tmp_path, monkeypatch):
    import app.connectors.instagram as ig_module

    monkeypatch.setattr(ig_module, "VIDEO_POLL", 0.05)
    clip = tmp_path / "reel.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40)
    c = fb(graph, "instagram", IG)
    movie = MediaRef(str(clip), "video/mp4", "v", "")
    pub = c.publish(variant("instagram", text="Les coulisses 🌷", media=(movie,)))
    ((cid, reel),) = graph.reels.items()
    assert reel["form"]["media_type"] == "REELS" and reel["form"]["caption"] == "Les coulisses 🌷"
    assert reel["bytes"] == clip.read_bytes()  # sent whole to the upload address, OAuth header
    assert reel["looks"] == 2  # IN_PROGRESS, then FINISHED: published only then
    assert graph.published[-1]["container"] == cid and pub.external_id == "ig_new"
    # a reel at a web address: a REELS container with video_url, no upload
    c.publish(
        dataclasses.replace(
            variant("instagram", media=(MediaRef("https://cdn.example/r.mp4", "video/mp4", "w"),)),
            idempotency_key="k-url",
        )
    )
    assert graph.containers[-1]["video_url"] == "https://cdn.example/r.mp4"
    assert graph.containers[-1]["media_type"] == "REELS"
    # several files: said, not cut to the first one
    with pytest.raises(Rejected, match="one file"):
        c.publish(variant("instagram", media=(movie, movie)))
    graph.reel_fails = True
    before = len(graph.published)
    with pytest.raises(Rejected, match="could not process"):
        c.publish(variant("instagram", media=(movie,)))
    assert len(graph.published) == before


# -- RSS / Atom -------------------------------------------------------------------------------
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>Veille presse</title>
<item><title>Les Fleurs de Lyon ouvrent à Paris</title><link>https://news.test/1</link>
<guid>news-1</guid><pubDate>Mon, 02 Nov 2026 08:00:00 +0000</pubDate><dc:creator>Jeanne</dc:creator>
<description>&lt;p&gt;Un &lt;b&gt;succès&lt;/b&gt;&amp;nbsp;!&lt;/p&gt;</description></item>
<item><title>Sans guid</title><link>https://news.test/2</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><id>tag:blog,2026:1</id><title>Billet</title><updated>2026-11-03T10:00:00Z</updated>
<link href="https://blog.test/1"/><author><name>Paul</name></author>
<summary type="html">&lt;p&gt;Résumé&lt;/p&gt;</summary></entry></feed>"""


def rss_conn(url):
    return connector_for(AccountRef(1, 1, "rss", "veille", url), http())


def test_rss_entries_as_mentions_and_304_next_time():
    with FeedServer(RSS) as srv:
        c = rss_conn(srv.base_url + "/feed.xml")
        first = c.fetch({})
        assert first.items[0].text == "Les Fleurs de Lyon ouvrent à Paris\n\nUn succès !"
        assert first.items[0].author == "Jeanne" and first.items[0].kind == "mention"
        assert len(first.items) == 2  # link used as id when there is no guid
        second = c.fetch(first.cursor)
        assert second.items == () and srv.log[-1][2]["if-none-match"] == '"v1"'


def test_atom_and_broken_feed():
    with FeedServer(ATOM) as srv:
        items = rss_conn(srv.base_url).fetch({}).items
        assert [(i.author, i.text, i.url) for i in items] == [
            ("Paul", "Billet\n\nRésumé", "https://blog.test/1")
        ]
    with FeedServer("<html>pas un flux") as srv, pytest.raises(BadResponse):
        rss_conn(srv.base_url).fetch({})
