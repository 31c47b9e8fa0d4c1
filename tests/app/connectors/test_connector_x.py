"""The X connector over real HTTP on loopback, against a server that answers as the API v2
documents: paging, incremental sync, DMs, publishing, replies, moderation, metrics, 429,
expired token, malformed items; then through the sync into the real inbox."""

from __future__ import annotations

import datetime as dt
import json
import time

import httpx
import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.base import AuthError, NotSupported, RateLimited, Rejected
from app.connectors.contract import DueVariant, MediaRef, ModerationToSend, ReplyToSend
from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.inbox import reading as inbox
from app.services.inbox.replies import create_reply
from app.services.sync.engine import sync_client
from tests.servers.x import FAN, XServer


@pytest.fixture
def x():
    with XServer() as srv:
        yield srv


def conn(srv, token="x-user-token", save=None, **http_options):
    http = Http(httpx.Client(timeout=3), base_delay=0.01, **http_options)
    return connector_for(
        AccountRef(4, 1, "x", "nuagelogiciel", srv.base_url, token, save_token=save), http
    )


def renewable(srv, access="x-user-token", refresh=None):
    """The keyring secret of an app allowed offline.access."""
    return json.dumps(
        {
            "access_token": access,
            "refresh_token": refresh or srv.refresh_token,
            "client_id": srv.client_id,
        }
    )


def variant(text="Nouvelle version 🚀 https://nuage.example/v3", media=()):
    return DueVariant(
        variant_id=9,
        post_id=9,
        client_id=1,
        network="x",
        account_id=4,
        text=text,
        planned_at=dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC),
        idempotency_key="k-9",
        media=media,
    )


def test_mentions_paged_then_only_what_is_new(x):
    for n in range(150):
        x.add_mention(n, f"@nuagelogiciel bug n°{n} 🐛")
    x.add_dm(1, "Bonjour, ma facture ?")
    first = conn(x).fetch({})
    mentions = [i for i in first.items if i.kind == "mention"]
    assert len(mentions) == 150 and not first.errors
    assert mentions[0].text == "@nuagelogiciel bug n°149 🐛"
    assert mentions[0].author == "Léa Fan ✿" and mentions[0].author_handle == "@leafan"
    assert mentions[0].url == f"https://x.com/leafan/status/{mentions[0].external_id}"
    assert mentions[0].received_at == dt.datetime(2026, 11, 1, 2, 29, tzinfo=dt.UTC)
    (dm,) = [i for i in first.items if i.kind == "message"]
    assert dm.text == "Bonjour, ma facture ?"
    pages = [q for m, p, h, q in x.log if p.endswith("/mentions")]
    assert len(pages) == 2 and "pagination_token=100" in pages[1]
    x.add_mention(200, "@nuagelogiciel encore moi", reply_to="1000149")
    x.add_dm(2, "merci !")
    second = conn(x).fetch(first.cursor)
    assert [(i.kind, i.text) for i in second.items] == [
        ("mention", "@nuagelogiciel encore moi"),
        ("message", "merci !"),
    ]
    assert second.items[0].in_reply_to == "1000149"
    asked = [q for m, p, h, q in x.log if p.endswith("/mentions")][-1]
    assert f"since_id={first.cursor['mentions']}" in asked


def test_a_malformed_item_is_skipped_and_the_rest_goes_in(x):
    x.add_mention(1, "valide")
    x.mentions.insert(0, {"id": "1000002", "author_id": FAN["id"]})  # no text
    result = conn(x).fetch({})
    assert [i.text for i in result.items] == ["valide"]
    assert len(result.errors) == 1 and result.errors[0].ref == "1000002"


def test_publish_with_image_reply_and_find_after_a_crash(x, tmp_path):
    image = tmp_path / "v3.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    c = conn(x)
    sent = c.publish(variant(media=(MediaRef(str(image), "image/png", "abc", "Capture"),)))
    assert x.tweets[-1]["payload"] == {
        "text": "Nouvelle version 🚀 https://nuage.example/v3",
        "media": {"media_ids": ["771"]},
    }
    assert sent.url == f"https://x.com/nuagelogiciel/status/{sent.external_id}"
    # after a crash between send and record: found, not sent again
    found = c.find_published(variant(), dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC))
    assert found is not None and found.external_id == sent.external_id
    assert (
        c.find_published(variant("Autre texte"), dt.datetime(2026, 11, 23, tzinfo=dt.UTC)) is None
    )
    c.reply(ReplyToSend(1, 1, "x", 4, "1000001", "Merci Léa, on regarde 🙏", "r-1"))
    assert x.tweets[-1]["payload"]["reply"] == {"in_reply_to_tweet_id": "1000001"}
    with pytest.raises(Rejected, match="280"):
        c.publish(variant("é" * 281))


def test_a_described_picture_gets_its_description_before_the_post(x, tmp_path):
    image = tmp_path / "vitrine.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    c = conn(x)
    alt = "La vitrine en décembre : trois bûches et du houx 🎄"
    described = MediaRef(str(image), "image/png", "a", alt)
    plain = MediaRef(str(image), "image/png", "b", "")
    sent = c.publish(variant(media=(described, plain)))
    # the described one only, by the id X gave its upload, before the post is created
    assert x.metadata == [{"id": "771", "metadata": {"alt_text": {"text": alt}}}]
    assert x.order == ["upload 771", "metadata 771", "upload 772", f"tweet {sent.external_id}"]
    assert x.tweets[-1]["payload"]["media"] == {"media_ids": ["771", "772"]}
    # no description anywhere: no metadata call at all
    c.publish(variant("Sans description", media=(plain,)))
    assert len(x.metadata) == 1 and x.order[-2:] == ["upload 773", "tweet 3000001"]
    # a description longer than X keeps is cut at its 1,000 characters, never refused
    c.publish(variant("Longue", media=(MediaRef(str(image), "image/png", "c", "é" * 1200),)))
    assert x.metadata[-1]["metadata"]["alt_text"]["text"] == "é" * 1000


def test_a_refused_description_sends_no_post(x, tmp_path):
    image = tmp_path / "vitrine.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    x.metadata_refuses = "Media metadata could not be saved."
    c = conn(x)
    with pytest.raises(Rejected, match=r"X refused the picture's description: .*HTTP 400"):
        c.publish(variant(media=(MediaRef(str(image), "image/png", "a", "Une vitrine"),)))
    assert x.uploads == 1 and x.tweets == [] and x.sent == 0
    x.metadata_refuses = ""  # the next attempt (the queue's retry) goes out once
    c.publish(variant(media=(MediaRef(str(image), "image/png", "a", "Une vitrine"),)))
    assert len(x.tweets) == 1 and x.metadata[-1]["id"] == "772"


def test_a_private_answer_goes_to_the_direct_message_conversation_once(x):
    x.add_dm(1, "Bonjour, ma facture ?")
    c = conn(x)
    answer = "Bonjour Léa, je vous l’envoie par e-mail dans l’heure. " + "—" * 300
    sent = c.reply(ReplyToSend(1, 1, "x", 4, "2000001", answer, "r-dm", private=True))
    posted = [(m, p) for m, p, h, q in x.log if m == "POST"]
    assert posted == [("POST", "/2/dm_conversations/501-900/messages")]
    assert x.dms[0]["text"] == answer and sent.external_id == x.dms[0]["id"]  # past 280: a DM
    # a crash between the send and its record: asked again, it is found, not sent twice
    again = c.reply(ReplyToSend(1, 1, "x", 4, "2000001", answer, "r-dm", private=True))
    assert again.external_id == sent.external_id
    assert len([1 for m, p, h, q in x.log if m == "POST"]) == 1
    # our own answer is not fetched back into the inbox
    assert [i.text for i in c.fetch({}).items if i.kind == "message"] == ["Bonjour, ma facture ?"]
    with pytest.raises(Rejected, match="10000"):
        c.reply(ReplyToSend(1, 1, "x", 4, "2000001", "a" * 10_001, "r-long", private=True))


def test_an_expired_access_renews_itself_and_the_rotated_tokens_are_kept(x, tmp_path):
    x.add_mention(1, "@nuagelogiciel bravo pour la v3")
    first = renewable(x)
    saved: list[str] = []
    c = conn(x, first, saved.append)
    assert c.check().display_name == "Nuage Logiciel"
    assert x.renewals == 0 and saved == []  # a valid access is not renewed for nothing
    x.expire_access()  # two hours later
    assert [i.text for i in c.fetch({}).items] == ["@nuagelogiciel bravo pour la v3"]
    assert x.renewals == 1
    (kept,) = saved  # written back at once: X's refresh tokens are single-use
    assert json.loads(kept) == {
        "access_token": x.token,
        "refresh_token": x.refresh_token,
        "client_id": x.client_id,
    }
    # an image sent after a renewal goes whole (not an exhausted file handle)
    image = tmp_path / "v3.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 5000)
    x.expire_access()
    c.publish(variant(media=(MediaRef(str(image), "image/png", "abc", "Capture"),)))
    assert x.renewals == 2 and x.upload_sizes[-1] > 5000 and len(saved) == 2
    # the first secret's refresh token is dead now: reconnect, and no secret in the message
    x.expire_access()
    with pytest.raises(AuthError, match="reconnect") as caught:
        conn(x, first).fetch({})
    assert "x-refresh-1" not in str(caught.value) and "x-user-token" not in str(caught.value)
    # the kept one still renews
    again = conn(x, saved[-1], saved.append)
    assert again.check().display_name == "Nuage Logiciel" and x.renewals == 3


def test_a_video_goes_up_in_chunks_and_waits_for_processing(x, tmp_path, monkeypatch):
    import app.connectors.x_media as x_module  # where the chunked upload lives

    monkeypatch.setattr(x_module, "VIDEO_CHUNK", 64 * 1024)
    clip = tmp_path / "atelier.mp4"
    clip.write_bytes(bytes(range(256)) * 900)  # 230 KB: four chunks
    c = conn(x)
    sent = c.publish(variant(media=(MediaRef(str(clip), "video/mp4", "abc", "L'atelier"),)))
    (vid,) = x.videos
    video = x.videos[vid]
    assert (video["type"], video["category"]) == ("video/mp4", "tweet_video")
    assert sorted(video["chunks"]) == [0, 1, 2, 3]
    assert b"".join(video["chunks"][i] for i in range(4)) == clip.read_bytes()
    assert video["polls"] == 2  # in progress, then succeeded: the post waited for it
    assert x.tweets[-1]["payload"]["media"] == {"media_ids": [vid]}
    assert sent.external_id == x.tweets[-1]["id"]
    # X documents descriptions for images only: none is asked for, the video goes out
    assert x.metadata == [] and x.order == [f"upload {vid}", f"tweet {sent.external_id}"]
    # X refuses to process it: the reason is kept, no post goes out
    x.video_fails = "Unsupported codec"
    before = len(x.tweets)
    with pytest.raises(Rejected, match="Unsupported codec"):
        c.publish(variant(media=(MediaRef(str(clip), "video/mp4", "abc", "L'atelier"),)))
    assert len(x.tweets) == before


def test_hide_a_reply_and_block_its_author_but_no_report(x):
    c = conn(x)
    item = ModerationToSend(1, 1, "x", 4, "hide", "1000007", "@leafan", "Insultes", "insult")
    c.moderate(item)
    assert x.hidden == {"1000007": True}
    c.moderate(ModerationToSend(**{**item.__dict__, "action": "unhide"}))
    assert x.hidden == {"1000007": False}
    c.moderate(ModerationToSend(**{**item.__dict__, "action": "ban"}))
    assert x.blocked == [FAN["id"]]
    for action in ("delete", "report"):
        with pytest.raises(NotSupported, match="X does not allow"):
            c.moderate(ModerationToSend(**{**item.__dict__, "action": action}))


def test_rate_limit_waits_for_the_epoch_reset_then_succeeds(x):
    reset = int(time.time()) + 2  # X sends epoch seconds and no Retry-After
    x.fail_next(429, headers={"x-rate-limit-reset": str(reset)}, body={"title": "Too Many"})
    c = conn(x)
    assert c.check().display_name == "Nuage Logiciel"
    assert time.time() >= reset - 0.05  # asked again once the window reopened, not before
    assert 0 < c.http.slept <= 2.05
    assert len([p for m, p, h, q in x.log if p == "/2/users/me"]) == 2
    far = str(int(time.time()) + 900)
    x.fail_next(429, headers={"x-rate-limit-reset": far}, body={"title": "Too Many Requests"})
    with pytest.raises(RateLimited):
        conn(x, max_wait=60).fetch({})  # a 15-minute window is reported, not slept


def test_a_refused_token_asks_to_reconnect_and_never_shows_it(x):
    with pytest.raises(AuthError) as caught:
        conn(x, token="expired-secret-token").fetch({})
    assert "expired-secret-token" not in str(caught.value)


def test_metrics_of_the_account_and_posts(x):
    c = conn(x)
    (account,) = c.account_samples(dt.date(2026, 11, 23))
    assert (account.followers, account.posts) == (4321, 987)
    (post,) = c.post_samples(["3000000"], dt.date(2026, 11, 23))
    assert (post.impressions, post.reactions, post.comments, post.shares) == (640, 9, 1, 3)


def test_sync_brings_x_mentions_into_the_inbox_once(db, x):
    with db.session() as s:
        cid = clients.create_client(s, "Nuage Logiciel").id
        clients.add_account(s, cid, "x", "nuagelogiciel", base_url=x.base_url)
    x.add_mention(1, "@nuagelogiciel l'export PDF plante depuis ce matin")
    x.add_dm(2, "Pouvez-vous me rappeler ?")

    def run():
        return sync_client(
            db,
            cid,
            token_of=lambda cu, au: "x-user-token",
            http=Http(httpx.Client(timeout=3), base_delay=0.01),
            samples=False,
        )

    first = run()
    assert first.ok and first.accounts[0].added == 2
    again = run()
    assert again.ok and again.accounts[0].added == 0 and again.accounts[0].fetched == 0
    with db.read() as s:
        rows = inbox.page(s, cid).rows
        assert {r.network for r in rows} == {"x"} and len(rows) == 2
        dm_id = next(r.id for r in rows if r.snippet.startswith("Pouvez-vous"))
    with db.session() as s:  # answered privately from the inbox
        reply_id = create_reply(s, cid, dm_id, "Bien sûr, ce midi.", private=True)
    report = run()
    assert report.ok and report.accounts[0].replies == 1
    assert x.dms[0]["text"] == "Bien sûr, ce midi." and x.dms[0]["sender_id"] == "900"
    with db.read() as s:
        reply = s.get(InboxMessage, reply_id)
        assert (reply.reply_state, reply.external_id) == ("sent", x.dms[0]["id"])
    assert run().accounts[0].replies == 0  # sent once


@pytest.mark.keyring
def test_sync_keeps_the_renewed_tokens_in_the_keyring_only(
    real_keyring, sqlite_db, tribune_home, x
):
    from app import secrets
    from app.models import Client, NetworkAccount
    from app.services.clients.workspace import add_account_with_token

    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Nuage Logiciel").id
    account = add_account_with_token(
        sqlite_db, cid, "x", "nuagelogiciel", base_url=x.base_url, token=renewable(x)
    )
    with sqlite_db.read() as s:
        cuid, auid = s.get(Client, cid).uid, s.get(NetworkAccount, account.id).uid
    x.add_mention(1, "@nuagelogiciel une question")
    x.expire_access()
    report = sync_client(
        sqlite_db, cid, http=Http(httpx.Client(timeout=3), base_delay=0.01), samples=False
    )
    assert report.ok and report.accounts[0].added == 1 and x.renewals == 1
    kept = json.loads(secrets.account_token(cuid, auid))
    assert (kept["access_token"], kept["refresh_token"]) == (x.token, x.refresh_token)
    for secret in (x.token, x.refresh_token, "x-refresh-1"):
        for path in [*sqlite_db.sqlite_path.parent.rglob("*"), *tribune_home.rglob("*")]:
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path
    x.expire_access()  # next time too: the kept refresh token works
    assert sync_client(sqlite_db, cid, http=Http(httpx.Client(timeout=3)), samples=False).ok
    assert x.renewals == 2
    # reconnecting with tokens whose access already expired: the check renews them, and the
    # renewed pair — not the typed one, whose refresh token is now dead — stays in the keyring
    from app.services.sync import health as sync_health

    typed = renewable(x, access="copied-hours-ago")
    health = sync_health.reconnect_account(
        sqlite_db, cid, account.id, typed, http=Http(httpx.Client(timeout=3))
    )
    assert health.status == "connected" and x.renewals == 3
    kept = json.loads(secrets.account_token(cuid, auid))
    assert (kept["access_token"], kept["refresh_token"]) == (x.token, x.refresh_token)
