"""The LinkedIn connector over real HTTP on loopback against a server answering as the
versioned Community Management API documents; then through the sync into the inbox."""

from __future__ import annotations

import datetime as dt
import json

import httpx
import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.base import AuthError, NotSupported, Rejected
from app.connectors.contract import DueVariant, MediaRef, ModerationToSend, ReplyToSend
from app.connectors.http import Http
from app.services.clients import workspaces as clients
from app.services.inbox import moderation
from app.services.inbox import reading as inbox
from app.services.sync.engine import sync_client
from tests.servers.linkedin import ORG, POST, LinkedInServer


@pytest.fixture
def li():
    with LinkedInServer() as srv:
        yield srv


def conn(srv, token="li-token", save=None):
    http = Http(httpx.Client(timeout=3), base_delay=0.01)
    return connector_for(
        AccountRef(5, 1, "linkedin", ORG, srv.base_url, token, save_token=save), http
    )


def variant(text="Taux du livret solidaire : 3 % 🌱", link="https://banque.example/livret"):
    return DueVariant(
        variant_id=4, post_id=4, client_id=1, network="linkedin", account_id=5, text=text,
        planned_at=dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC), idempotency_key="k-4", link=link,
    )  # fmt: skip


def test_comments_on_recent_posts_paged_then_only_new_ones(li):
    for n in range(70):
        li.add_comment(n, f"Question n°{n} sur le livret ?")
    li.add_comment(80, "Merci pour votre réponse", actor=ORG)  # our own answer: not in the inbox
    first = conn(li).fetch({})
    assert len(first.items) == 70 and not first.errors
    c0 = first.items[0]
    assert (c0.kind, c0.text, c0.author_handle) == ("comment", "Question n°0 sur le livret ?",
                                                    "urn:li:person:abc")  # fmt: skip
    assert c0.author == "LinkedIn member" and c0.in_reply_to == POST
    assert c0.external_id == f"urn:li:comment:({POST},900)"
    assert c0.received_at == dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    comment_pages = [q for m, p, h, q in li.log if p.endswith("/comments")]
    assert len(comment_pages) == 2 and "start=50" in comment_pages[1]
    assert all(h["linkedin-version"] and h["x-restli-protocol-version"] == "2.0.0"
               for m, p, h, q in li.log)  # fmt: skip
    li.add_comment(90, "Et pour un PEL ?")
    second = conn(li).fetch(first.cursor)
    assert [i.text for i in second.items] == ["Et pour un PEL ?"]


def test_a_malformed_comment_is_skipped_the_rest_goes_in(li):
    li.add_comment(1, "valide")
    li.comments[POST].append({"id": "999", "actor": "urn:li:person:x"})  # no created/message
    result = conn(li).fetch({})
    assert [i.text for i in result.items] == ["valide"] and len(result.errors) == 1


def test_publish_with_images_reply_find_after_crash_and_delete_a_comment(li, tmp_path):
    c = conn(li)
    sent = c.publish(variant())
    assert sent.external_id == "urn:li:share:8000"
    assert (
        li.created[0]["commentary"]
        == "Taux du livret solidaire : 3 % 🌱\nhttps://banque.example/livret"
    )
    assert li.created[0]["author"] == ORG and li.created[0]["visibility"] == "PUBLIC"
    found = c.find_published(variant(), dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    assert found is not None and found.external_id == sent.external_id
    assert c.find_published(variant("Autre"), dt.datetime(2026, 11, 1, tzinfo=dt.UTC)) is None
    comment = f"urn:li:comment:({POST},901)"
    c.reply(ReplyToSend(1, 1, "linkedin", 5, comment, "Bonjour, écrivez-nous en privé.", "r"))
    assert li.created[-1] == {"actor": ORG, "message": {"text": "Bonjour, écrivez-nous en privé."},
                              "parentComment": comment, "object": POST}  # fmt: skip
    item = ModerationToSend(1, 1, "linkedin", 5, "delete", comment, "urn:li:person:abc", "Spam")
    c.moderate(item)
    assert li.deleted == [(POST, "901", ORG)]
    for action in ("hide", "ban", "report"):
        with pytest.raises(NotSupported, match="LinkedIn does not allow"):
            c.moderate(ModerationToSend(**{**item.__dict__, "action": action}))
    image = tmp_path / "a.png"
    image.write_bytes(b"\x89PNG-bytes")
    photo = MediaRef(str(image), "image/png", "x", "Notre agence de Lyon")
    c.publish(DueVariant(**{**variant().__dict__, "media": (photo,)}))
    assert li.created[-1]["content"] == {
        "media": {"id": "urn:li:image:C4E1", "altText": "Notre agence de Lyon"}
    }
    assert li.images["urn:li:image:C4E1"] == b"\x89PNG-bytes"
    c.publish(DueVariant(**{**variant().__dict__, "media": (photo, photo)}))
    assert len(li.created[-1]["content"]["multiImage"]["images"]) == 2
    document = MediaRef(str(image), "application/pdf", "y")
    with pytest.raises(Rejected, match="not application/pdf"):
        c.publish(DueVariant(**{**variant().__dict__, "media": (document,)}))


def test_a_video_goes_up_in_parts_and_waits_until_available(li, tmp_path, monkeypatch):
    import dataclasses

    import app.connectors.linkedin_media as li_module  # where the uploads live

    monkeypatch.setattr(li_module, "VIDEO_POLL", 0.05)
    li.part_size = 100_000
    clip = tmp_path / "livret.mp4"
    clip.write_bytes(bytes(range(256)) * 1000)  # 256 KB: three parts
    media = MediaRef(str(clip), "video/mp4", "abc", "Le livret en 30 secondes")
    c = conn(li)
    sent = c.publish(dataclasses.replace(variant(), media=(media,)))
    (urn,) = li.videos
    video = li.videos[urn]
    assert sorted(video["parts"]) == [0, 1, 2] and video["final"]
    assert b"".join(video["parts"][i] for i in range(3)) == clip.read_bytes()
    assert video["looks"] == 2  # PROCESSING, then AVAILABLE: the post waited for it
    assert li.created[-1]["content"] == {"media": {"id": urn, "title": "Le livret en 30 secondes"}}
    assert sent.external_id == li.posts[-1]["id"]
    # a video with a picture: LinkedIn takes one video alone, said before anything is sent
    picture = tmp_path / "p.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    both = (media, MediaRef(str(picture), "image/png", "def", ""))
    with pytest.raises(Rejected, match="one video"):
        c.publish(dataclasses.replace(variant(), media=both))
    assert len(li.videos) == 1
    li.video_fails = True
    before = len(li.created)
    with pytest.raises(Rejected, match="could not process"):
        c.publish(dataclasses.replace(variant(), media=(media,)))
    assert len(li.created) == before  # no post without its video


def test_an_expired_access_renews_itself_with_the_apps_secret(li):
    secret = json.dumps(
        {
            "access_token": "li-token",
            "refresh_token": li.refresh_token,
            "client_id": li.client_id,
            "client_secret": li.client_secret,
        }
    )
    saved: list[str] = []
    c = conn(li, secret, saved.append)
    li.expire_access()  # sixty days later
    assert c.check().display_name == "Banque Solidaire"
    assert li.renewals == 1
    (kept,) = saved
    assert json.loads(kept)["access_token"] == li.token
    assert json.loads(kept)["refresh_token"] == "li-refresh-1"  # LinkedIn keeps it
    # the year the refresh token lasts is forecast from then on (client dialog, sidebar)
    ends = conn(li, kept).check().token_expires_at
    assert ends is not None and 364 <= (ends - dt.datetime.now(dt.UTC)).days <= 365
    # the app's secret refused (revoked): reconnect, no secret in the message
    li.client_secret = "rotated-by-the-agency"
    li.expire_access()
    with pytest.raises(AuthError, match="reconnect") as caught:
        conn(li, kept).fetch({})
    assert "li-app-secret" not in str(caught.value) and "li-refresh-1" not in str(caught.value)


def test_a_refused_token_asks_to_reconnect(li):
    with pytest.raises(AuthError) as caught:
        conn(li, token="expired-li-secret").fetch({})
    assert "expired-li-secret" not in str(caught.value)


def test_followers_and_check(li):
    c = conn(li)
    assert c.check().display_name == "Banque Solidaire"
    (sample,) = c.account_samples(dt.date(2026, 11, 23))
    assert sample.followers == 18250


def test_sync_into_the_inbox_and_delete_spam_on_linkedin(db, li):
    with db.session() as s:
        cid = clients.create_client(s, "Banque Solidaire").id
        clients.add_account(s, cid, "linkedin", ORG, base_url=li.base_url)
    li.add_comment(1, "Gagnez des bitcoins, cliquez ici")

    def run():
        return sync_client(
            db, cid, token_of=lambda cu, au: "li-token",
            http=Http(httpx.Client(timeout=3), base_delay=0.01), samples=False,
        )  # fmt: skip

    assert run().accounts[0].added == 1
    with db.read() as s:
        (row,) = inbox.page(s, cid).rows
    with db.session() as s:
        moderation.request(s, cid, row.id, "delete", "spam")
    report = run()
    assert report.ok and report.accounts[0].moderated == 1
    assert li.deleted == [(POST, "901", ORG)]
