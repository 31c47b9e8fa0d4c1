"""Threads media: a carousel of 2–20 images or videos (an item container each, then the
CAROUSEL container, then publish), a video awaited until FINISHED before it is published, a
recovered send found once by its text and kind — and a file on this computer refused in one
sentence before any request, by the connector and by the calendar's sync (no half-sent post,
no first comment) — against a local Threads API over loopback HTTP, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt

import httpx
import pytest
from sqlalchemy import select

from app.connectors.base import AccountRef, Rejected, Unavailable
from app.connectors.contract import DueVariant, MediaRef
from app.connectors.http import Http
from app.connectors.threads import ThreadsConnector
from app.models.posts import PostVariant
from app.services.calendar import media as posts_media
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from tests.servers.threads import USER, ThreadsServer

NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)
CDN = "https://cdn.dupre.example/"


def _photo(n: int, alt: str = "") -> MediaRef:
    return MediaRef(f"{CDN}photo{n}.jpg", "image/jpeg", f"{n:064d}", alt)


CLIP = MediaRef(f"{CDN}four.mp4", "video/mp4", "9" * 64, "Le four à bois")


def _threads(srv) -> ThreadsConnector:
    srv.long_lived.add("THlong-test")
    account = AccountRef(1, 1, "threads", USER, srv.base_url + "/v1.0", "THlong-test")
    threads = ThreadsConnector(account, Http(httpx.Client(timeout=5), retries=0))
    threads.http.sleep = lambda s: None
    return threads


def _variant(text, media=()):
    return DueVariant(1, 1, 1, "threads", 1, text, NOW, "k1", tuple(media))


def _posts_to(srv, what: str):
    return [r for r in srv.log if r[0] == "POST" and r[1].endswith(what)]


def test_a_carousel_is_its_items_then_one_carousel_container_then_one_post():
    with ThreadsServer(wait_polls=1, video_polls=3) as srv:
        threads = _threads(srv)
        media = [_photo(1, "La fougasse"), CLIP, _photo(3)]
        sent = threads.publish(_variant("Trois fournées", media))
        items = [c for c in srv.containers.values() if c.get("is_carousel_item") == "true"]
        assert [(c["media_type"], c.get("image_url") or c.get("video_url")) for c in items] == [
            ("IMAGE", f"{CDN}photo1.jpg"),
            ("VIDEO", f"{CDN}four.mp4"),
            ("IMAGE", f"{CDN}photo3.jpg"),
        ]
        assert items[0]["alt_text"] == "La fougasse" and "text" not in items[0]
        (post,) = srv.published
        assert post["media_type"] == "CAROUSEL" and post["text"] == "Trois fournées"
        assert post["children"].split(",") == [
            cid for cid, c in srv.containers.items() if c.get("is_carousel_item") == "true"
        ]
        # every item was FINISHED before the carousel named it (the video after 4 looks)
        assert [c["looks"] for c in items] == [2, 4, 2]
        assert srv.posts[0]["id"] == sent.external_id
        assert srv.posts[0]["media_type"] == "CAROUSEL_ALBUM"
        assert len(_posts_to(srv, "/threads_publish")) == 1


def test_a_video_is_published_only_once_threads_has_finished_it():
    with ThreadsServer(video_polls=5) as srv:
        threads = _threads(srv)
        threads.publish(_variant("Le four", [CLIP]))
        (container,) = srv.containers.values()
        assert (container["media_type"], container["video_url"]) == ("VIDEO", CLIP.path)
        assert container["looks"] == 6  # five IN_PROGRESS answers, then FINISHED
        publish_at = next(i for i, r in enumerate(srv.log) if r[1].endswith("/threads_publish"))
        assert all("threads_publish" not in r[1] for r in srv.log[:publish_at])
        assert [p["media_type"] for p in srv.published] == ["VIDEO"]


def test_a_video_threads_is_still_preparing_waits_for_the_next_sync():
    with ThreadsServer(video_polls=10**6) as srv:
        threads = _threads(srv)
        with pytest.raises(Unavailable, match="next sync"):
            threads.publish(_variant("Le four", [CLIP]))
        assert not srv.published


def test_a_recovered_carousel_is_found_once_and_not_taken_for_a_text_post():
    with ThreadsServer() as srv:
        threads = _threads(srv)
        carousel = _variant("Portes ouvertes", [_photo(1), _photo(2)])
        since = srv.clock
        assert threads.find_published(carousel, since) is None
        sent = threads.publish(carousel)  # the seat stops here, before recording it
        found = threads.find_published(carousel, since)
        assert found is not None and found.external_id == sent.external_id
        # the same words as a text post are another post: not "found"
        assert threads.find_published(_variant("Portes ouvertes"), since) is None
        assert len(srv.published) == 1


@pytest.mark.parametrize(
    "media, why",
    [
        ([MediaRef("/home/cm/Images/fougasse.jpg", "image/jpeg", "0" * 64)], "this computer"),
        ([_photo(1), MediaRef("http://cdn.dupre.example/b.jpg", "image/jpeg", "1" * 64)], "https"),
        ([_photo(n) for n in range(21)], "at most 20"),
    ],
)
def test_what_threads_cannot_fetch_is_refused_in_one_sentence_before_any_request(media, why):
    with ThreadsServer() as srv:
        threads = _threads(srv)
        with pytest.raises(Rejected, match=why) as refused:
            threads.publish(_variant("Photo", media))
        assert "\n" not in refused.value.message
        assert not srv.containers  # not even the first carousel item
        assert not [r for r in srv.log if r[0] == "POST"]


def test_the_calendar_refuses_a_local_photo_for_threads_and_sends_nothing(db, tmp_path):
    photo = tmp_path / "fougasse.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"0" * 2048)
    with ThreadsServer() as srv:
        srv.long_lived.add("THlong-test")
        with db.session() as s:
            c = clients.create_client(s, "Boulangeries Dupré")
            clients.add_account(s, c.id, "threads", USER, base_url=srv.base_url + "/v1.0")
            media = posts_media.store_media(s, c.id, photo)
            p = posts.create_post(
                s,
                c.id,
                planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
                variants=[
                    VariantInput("threads", "Fougasse", first_comment="Adresses", media=(media.id,))
                ],
                title="Fougasse",
                category="produit",
                status="approved",
            )
        with db.session() as s:
            posts.set_status(s, c.id, p.id, "scheduled")
        sync_client(
            db,
            c.id,
            http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
            token_of=lambda cu, au: "THlong-test",
            token_saver=lambda cu, au, t: None,
            samples=False,
        )
        assert not srv.containers and not srv.published  # neither the post nor its comment
        assert not [r for r in srv.log if r[0] == "POST"]
    with db.read() as s:
        variant = s.scalars(select(PostVariant)).one()
    assert variant.publish_state == "failed"
    assert variant.last_error.startswith("Threads only takes photos and videos at a public https")


def test_a_carousel_item_threads_could_not_fetch_stops_the_post_before_the_carousel():
    with ThreadsServer() as srv:
        srv.fail_container = "Image could not be downloaded"
        threads = _threads(srv)
        with pytest.raises(Rejected, match="could not be downloaded"):
            threads.publish(_variant("Deux photos", [_photo(1), _photo(2)]))
        assert [c["media_type"] for c in srv.containers.values()] == ["IMAGE"]  # the first item
        assert not srv.published and not _posts_to(srv, "/threads_publish")
