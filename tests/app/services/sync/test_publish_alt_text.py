"""A described picture goes out with its description: one post planned for Mastodon, Bluesky,
LinkedIn and Instagram, published by the sync's queue against the local servers over real
HTTP — Mastodon's media gets its ``description``, Bluesky's image its ``alt``, LinkedIn's its
``altText``, Instagram's container its ``alt_text``; a description longer than Mastodon
takes goes out cut at its 1,500 characters instead of failing the post."""

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
from tests.servers.graph import IG, GraphServer
from tests.servers.linkedin import ORG, LinkedInServer
from tests.servers.mastodon_mock_server import MockServer

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
ALT = "Trois bûches de Noël sur le comptoir, décorées de houx 🎄"
ADDRESS = "https://cdn.dupre.example/buches.jpg"
TOKENS = {
    "mastodon": "alice_token",
    "bluesky": "app-pass-1234",
    "linkedin": "li-token",
    "instagram": "page-token-xyz",
}


def _reset(srv: MockServer) -> None:
    httpx.post(srv.base_url + "/api/v1/_mock/reset").raise_for_status()


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
            p = posts.create_post(
                s,
                c.id,
                planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
                variants=[
                    VariantInput("mastodon", "Nos bûches", media=(local.id,)),
                    VariantInput("bluesky", "Nos bûches", media=(local.id,)),
                    VariantInput("linkedin", "Nos bûches", media=(local.id,)),
                    VariantInput("instagram", "Nos bûches", media=(remote,)),
                ],
                title="Bûches",
                category="produit",
                status="approved",
            )
        with db.session() as s:
            posts.set_status(s, c.id, p.id, "scheduled")
        with db.read() as s:
            network_of = {a.uid: a.network for a in clients.list_accounts(s, c.id)}
        report = sync_client(
            db,
            c.id,
            http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
            token_of=lambda _cu, au: TOKENS[network_of[au]],
            samples=False,
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
            p = posts.create_post(
                s,
                c.id,
                planned_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=2),
                variants=[VariantInput("mastodon", "La vitrine", media=(local.id,))],
                title="Vitrine",
                status="approved",
            )
        with db.session() as s:
            posts.set_status(s, c.id, p.id, "scheduled")
        report = sync_client(
            db,
            c.id,
            http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
            token_of=lambda _cu, _au: "alice_token",
            samples=False,
        )
        assert report.ok, report
        with db.read() as s:
            external = s.scalar(select(PostVariant.external_id))
        status = httpx.get(
            f"{masto.base_url}/api/v1/statuses/{external}",
            headers={"Authorization": "Bearer alice_token"},
        ).json()
    assert status["media_attachments"][0]["description"] == long_alt[:1500]
