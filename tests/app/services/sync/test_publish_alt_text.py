"""A described picture goes out with its description: one post planned for Mastodon, Bluesky,
LinkedIn and Instagram, published by the sync's queue against the local servers over real
HTTP — Mastodon's media gets its ``description``, Bluesky's image its ``alt``, LinkedIn's its
``altText``, Instagram's container its ``alt_text``; a description longer than Mastodon
takes goes out cut at its 1,500 characters instead of failing the post. X gets a 1,200-character
description cut at its 1,000 through ``POST /2/media/metadata`` before the post, a Facebook
Page the whole of it as the photo's ``alt_text_custom``; a description X refuses fails that
post alone, before any post exists, with X's reason."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy import select

from app.connectors.http import Http
from app.models.posts import PostVariant
from app.services.calendar import media as posts_media
from app.services.calendar import posts
from app.services.calendar.media_address import Probe, store_address
from app.services.calendar.media_alt import set_alt_text
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from tests.servers.bluesky import BlueskyServer
from tests.servers.graph import IG, PAGE, GraphServer
from tests.servers.linkedin import ORG, LinkedInServer
from tests.servers.mastodon_mock_server import MockServer
from tests.servers.x import XServer

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
ALT = "Trois bûches de Noël sur le comptoir, décorées de houx 🎄"
ADDRESS = "https://cdn.dupre.example/buches.jpg"
TOKENS = {
    "mastodon": "alice_token",
    "bluesky": "app-pass-1234",
    "linkedin": "li-token",
    "instagram": "page-token-xyz",
    "facebook": "page-token-xyz",
    "x": "x-user-token",
}


def _reset(srv: MockServer) -> None:
    httpx.post(srv.base_url + "/api/v1/_mock/reset").raise_for_status()


def _publish(db, cid: int, title: str, variants: list[VariantInput]):
    """A post due two minutes ago on ``variants``, approved and scheduled, then the client's
    sync (its queue sends it): the sync's report."""
    with db.session() as s:
        p = posts.create_post(
            s,
            cid,
            planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
            variants=variants,
            title=title,
            status="approved",
        )
    with db.session() as s:
        posts.set_status(s, cid, p.id, "scheduled")
    with db.read() as s:
        network_of = {a.uid: a.network for a in clients.list_accounts(s, cid)}
    return sync_client(
        db,
        cid,
        http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
        token_of=lambda _cu, au: TOKENS[network_of[au]],
        samples=False,
    )


def test_each_network_receives_the_pictures_description(db, tmp_path, tribune_home):
    photo = tmp_path / "buches.png"
    photo.write_bytes(PNG)
    with (
        MockServer() as masto,
        BlueskyServer() as bsky,
        LinkedInServer() as li,
        GraphServer() as graph,
    ):
        _reset(masto)
        with db.session() as s:
            c = clients.create_client(s, "Boulangeries Dupré")
            for network, handle, base in (
                ("mastodon", "alice", masto.base_url),
                ("bluesky", "marque.bsky.social", bsky.base_url),
                ("linkedin", ORG, li.base_url),
                ("instagram", IG, graph.base_url + "/v21.0"),
            ):
                clients.add_account(s, c.id, network, handle, base_url=base)
            local = posts_media.store_media(s, c.id, photo)
            remote, _name = store_address(s, c.id, Probe(ADDRESS, "image/jpeg", 4096))
            set_alt_text(s, c.id, local.id, ALT, expected_version=1)
            set_alt_text(s, c.id, remote, ALT, expected_version=1)
        report = _publish(
            db,
            c.id,
            "Bûches",
            [
                VariantInput("mastodon", "Nos bûches", media=(local.id,)),
                VariantInput("bluesky", "Nos bûches", media=(local.id,)),
                VariantInput("linkedin", "Nos bûches", media=(local.id,)),
                VariantInput("instagram", "Nos bûches", media=(remote,)),
            ],
        )
        assert report.ok, report
        with db.read() as s:
            sent = dict(s.execute(select(PostVariant.network, PostVariant.external_id)).all())
            states = set(s.scalars(select(PostVariant.publish_state)))
        assert states == {"published"}, states
        headers = {"Authorization": "Bearer alice_token"}
        status = httpx.get(
            f"{masto.base_url}/api/v1/statuses/{sent['mastodon']}", headers=headers
        ).json()
        assert status["media_attachments"][0]["description"] == ALT
        (record,) = bsky.records.values()
        assert record["embed"]["images"][0]["alt"] == ALT
        (created,) = [d for d in li.created if d.get("commentary") == "Nos bûches"]
        assert created["content"]["media"]["altText"] == ALT
        (container,) = graph.containers
        assert container["image_url"] == ADDRESS and container["alt_text"] == ALT


def test_a_description_longer_than_mastodon_takes_goes_out_cut_not_refused(
    db, tmp_path, tribune_home
):
    photo = tmp_path / "vitrine.png"
    photo.write_bytes(PNG)
    long_alt = ("La vitrine de la boulangerie en décembre, " * 50).strip()  # 2,149
    with MockServer() as masto:
        _reset(masto)
        with db.session() as s:
            c = clients.create_client(s, "Boulangeries Dupré")
            clients.add_account(s, c.id, "mastodon", "alice", base_url=masto.base_url)
            local = posts_media.store_media(s, c.id, photo)
            set_alt_text(s, c.id, local.id, long_alt, expected_version=None)
        variants = [VariantInput("mastodon", "La vitrine", media=(local.id,))]
        report = _publish(db, c.id, "Vitrine", variants)
        assert report.ok, report
        with db.read() as s:
            external = s.scalar(select(PostVariant.external_id))
        status = httpx.get(
            f"{masto.base_url}/api/v1/statuses/{external}",
            headers={"Authorization": "Bearer alice_token"},
        ).json()
    assert status["media_attachments"][0]["description"] == long_alt[:1500]


def _x_and_facebook_post(db, x, graph, photo, alt):
    """A client with an X account and a Facebook Page, and one due post to both showing
    ``photo`` described as ``alt``; the sync's report and {network: variant row}."""
    with db.session() as s:
        c = clients.create_client(s, "Boulangeries Dupré")
        clients.add_account(s, c.id, "x", "nuagelogiciel", base_url=x.base_url)
        clients.add_account(s, c.id, "facebook", PAGE, base_url=graph.base_url + "/v21.0")
        local = posts_media.store_media(s, c.id, photo)
        set_alt_text(s, c.id, local.id, alt, expected_version=None)
    report = _publish(
        db,
        c.id,
        "Vitrine",
        [
            VariantInput("x", "La vitrine", media=(local.id,)),
            VariantInput("facebook", "La vitrine", media=(local.id,)),
        ],
    )
    with db.read() as s:
        rows = {v.network: v for v in s.scalars(select(PostVariant))}
        for v in rows.values():
            s.expunge(v)
    return report, rows


def test_x_and_facebook_receive_the_description_x_cut_at_its_limit(db, tmp_path, tribune_home):
    photo = tmp_path / "vitrine.png"
    photo.write_bytes(PNG)
    long_alt = ("Une vitrine de bûches, " * 60)[:1199] + "."  # kept as typed: no end space
    assert len(long_alt) == 1200
    with XServer() as x, GraphServer() as graph:
        report, rows = _x_and_facebook_post(db, x, graph, photo, long_alt)
    assert report.ok, report
    assert {n: v.publish_state for n, v in rows.items()} == {
        "x": "published",
        "facebook": "published",
    }
    (described,) = x.metadata
    assert described["metadata"] == {"alt_text": {"text": long_alt[:1000]}}
    (tweet,) = x.tweets
    assert x.order == [f"upload {described['id']}", f"metadata {described['id']}",
                       f"tweet {tweet['id']}"]  # fmt: skip
    assert tweet["payload"]["media"] == {"media_ids": [described["id"]]}
    assert rows["x"].external_id == tweet["id"]
    assert graph.photo_forms == [{"caption": "La vitrine", "alt_text_custom": long_alt}]


def test_a_description_x_refuses_fails_that_post_before_it_exists(db, tmp_path, tribune_home):
    photo = tmp_path / "vitrine.png"
    photo.write_bytes(PNG)
    with XServer() as x, GraphServer() as graph:
        x.metadata_refuses = "The alt text could not be set."
        _report, rows = _x_and_facebook_post(db, x, graph, photo, ALT)
        assert x.uploads == 1 and x.tweets == [] and x.sent == 0  # no post on X
    assert rows["x"].publish_state == "failed"
    assert (
        "X refused the picture's description: X refused the request (HTTP 400)"
        in rows["x"].last_error
    )
    assert rows["facebook"].publish_state == "published"  # the other network went out
    assert graph.photo_forms == [{"caption": "La vitrine", "alt_text_custom": ALT}]
