"""Photos and videos by their public https address: checked against a brand's site on loopback
over real TLS (a picture, a 404, an HTML page, an http:// address, a too-big file, a server
that refuses HEAD, a redirect to http), kept once per client, and published — the address
handed to Google and Threads exactly once, the bytes downloaded for a network that uploads
them — on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import ipaddress
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from app.connectors.base import Rejected, Unavailable
from app.connectors.contract import DueVariant, MediaRef
from app.connectors.http import Http
from app.errors import ValidationError
from app.models.posts import MediaAsset
from app.models.sync import PublishAttempt
from app.services.calendar import media as posts_media
from app.services.calendar import media_address, posts
from app.services.calendar.media_address import probe_address, store_address
from app.services.calendar.media_store import files_for
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from tests.conftest import db_url_of
from tests.harness.seats import answers, seat_context
from tests.servers import google as google_server
from tests.servers import threads as threads_server
from tests.servers.media_host import JPEG, MP4, PNG, MediaHost

NOW = dt.datetime(2026, 12, 1, 9, tzinfo=dt.UTC)


@pytest.fixture
def site(monkeypatch):
    with MediaHost() as host:
        monkeypatch.setenv("SSL_CERT_FILE", host.cafile)  # httpx trusts the site's certificate
        monkeypatch.setenv("TRIBUNE_MEDIA_LOOPBACK", "1")  # the site is on this computer
        yield host


def _refusal(address: str, network: str | None = None) -> str:
    with pytest.raises(ValidationError) as caught:
        probe_address(address, network)
    message = caught.value.message
    assert "\n" not in message and message.startswith("Address refused")
    return message


def test_a_picture_at_an_https_address_is_checked_with_a_head(site):
    probe = probe_address(site.base_url + "/photo.jpg", "google")
    assert (probe.mime, probe.size) == ("image/jpeg", len(JPEG))
    assert site.log == [("HEAD", "/photo.jpg", "")]  # nothing downloaded to check it
    video = probe_address(site.base_url + "/clip.mp4", "threads")  # Threads takes videos too
    assert (video.mime, video.size) == ("video/mp4", len(MP4))


def test_a_server_refusing_head_is_asked_for_one_byte(site):
    probe = probe_address(site.base_url + "/nohead/photo.png")
    assert (probe.mime, probe.size) == ("image/png", len(PNG))
    assert site.log == [
        ("HEAD", "/nohead/photo.png", ""),
        ("GET", "/nohead/photo.png", "bytes=0-0"),
    ]


def test_what_is_not_a_reachable_picture_is_refused_in_one_line(site):
    assert "404" in _refusal(site.base_url + "/gone.jpg")
    assert "not a picture or a video (text/html)" in _refusal(site.base_url + "/page.html")
    assert "200 MB" in _refusal(site.base_url + "/big.jpg", "google")
    assert "not https" in _refusal(site.base_url + "/to-http")
    before = len(site.log)
    assert "only https" in _refusal(site.base_url.replace("https", "http") + "/photo.jpg")
    assert "only https" in _refusal("file:///etc/passwd")
    assert "not a web address" in _refusal("https://user:pw@127.0.0.1/photo.jpg")
    assert "not a web address" in _refusal("https://127.0.0.1:99999/photo.jpg")  # no such port
    assert len(site.log) == before  # refused before any request
    assert "could not be reached" in _refusal("https://127.0.0.1:9/photo.jpg")


@pytest.mark.parametrize(
    "address",
    [
        "https://192.168.1.20/photo.jpg",  # the office NAS
        "https://10.0.0.5/photo.jpg",
        "https://172.16.3.4/photo.jpg",
        "https://100.64.0.1/photo.jpg",  # carrier-grade NAT
        "https://169.254.169.254/latest/meta-data",  # link-local (a cloud's metadata)
        "https://[fd00::1]/photo.jpg",  # IPv6 unique local
        "https://[::ffff:10.0.0.5]/photo.jpg",  # IPv4 behind an IPv6 mapping
        "https://0.0.0.0/photo.jpg",
    ],
)
def test_an_address_on_a_private_network_is_refused_before_any_request(address, monkeypatch):
    monkeypatch.setenv("TRIBUNE_MEDIA_LOOPBACK", "1")  # (loopback only: these stay refused)
    message = _refusal(address, "instagram")
    assert "private network" in message and "could not reach it" in message


def test_this_computer_is_refused_by_name_and_by_address_unless_allowed(site, monkeypatch):
    monkeypatch.delenv("TRIBUNE_MEDIA_LOOPBACK")
    port = site.base_url.rsplit(":", 1)[1]
    assert "private network (127.0.0.1)" in _refusal(site.base_url + "/photo.jpg")
    assert "private network" in _refusal(f"https://localhost:{port}/photo.jpg")  # resolved
    assert site.log == []  # nothing asked of it
    monkeypatch.setenv("TRIBUNE_MEDIA_LOOPBACK", "1")  # a test server on this computer
    assert probe_address(site.base_url + "/photo.jpg").mime == "image/jpeg"


def test_a_redirect_to_a_private_network_is_refused_and_not_followed(site, sqlite_db):
    assert "private network (192.168.1.20)" in _refusal(site.base_url + "/to-private")
    assert site.log == [("HEAD", "/to-private", "")]
    # a picture that moved to the office NAS after it was attached: refused when sent
    moved = MediaRef(site.base_url + "/to-private", "image/jpeg", "0" * 64)
    with pytest.raises(Rejected, match="private network"), files_for(sqlite_db, _mastodon(moved)):
        pass


def test_a_name_answered_again_with_a_private_address_is_refused_before_use(
    site, sqlite_db, monkeypatch, tmp_path
):
    """DNS rebinding: the check resolves the name to a public address, the connection (which
    resolves it again) reaches this computer. The address the answer came from is judged
    before anything of it is read: no picture kept, nothing downloaded, no redirect."""
    monkeypatch.delenv("TRIBUNE_MEDIA_LOOPBACK")
    public = [ipaddress.ip_address("93.184.216.34")]
    monkeypatch.setattr(media_address, "_addresses", lambda host: public)  # the check's answer
    assert "private network (127.0.0.1)" in _refusal(site.base_url + "/photo.jpg")
    assert "private network (127.0.0.1)" in _refusal(site.base_url + "/to-private")
    assert [path for _method, path, _range in site.log] == ["/photo.jpg", "/to-private"]
    photo = MediaRef(site.base_url + "/photo.jpg", "image/jpeg", "0" * 64)
    refused = pytest.raises(Rejected, match=r"private network \(127\.0\.0\.1\)")
    with refused, files_for(sqlite_db, _mastodon(photo)):
        pass
    assert site.log[-1][:2] == ("GET", "/photo.jpg")  # asked, and its answer left unread
    target = tmp_path / "kept.jpg"
    with pytest.raises(Rejected, match="private network"):
        media_address.download_address(site.base_url + "/photo.jpg", target, "mastodon")
    assert not target.exists() or target.read_bytes() == b""


def test_an_address_is_kept_once_per_client(db, site):
    address = site.base_url + "/photo.jpg"
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        other = clients.create_client(s, "Fleuriste").id
        first = store_address(s, cid, probe_address(address))
        again = store_address(s, cid, probe_address(address.replace("https", "HTTPS") + "#top"))
        theirs = store_address(s, other, probe_address(address))
    assert first == again and first[1] == "photo.jpg" and theirs[0] != first[0]
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MediaAsset)) == 2
        (info,) = posts_media.media_for(s, cid, [first[0]])
        assert info.path == address and info.mime == "image/jpeg"
        # Google takes it as it is; a file from this computer would be flagged
        assert posts_media.check_media(s, cid, "google", [first[0]]) == []
        assert posts_media.check_media(s, cid, "threads", [first[0]]) == []
        assert posts_media.check_media(s, cid, "instagram", [first[0]]) == []


def _seat(url: str, client_id: int, address: str, start: float, out) -> None:
    from app.db import Database

    db = Database(url)
    try:
        probe = probe_address(address, "google")  # over TLS, from this process
        while time.monotonic() < start:  # both seats keep it at the same instant
            time.sleep(0.001)
        with db.session() as s:
            out.put(("ok", store_address(s, client_id, probe)))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def test_two_seats_adding_the_same_address_at_once_get_one_row(db, site):
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
    ctx = seat_context()
    out = ctx.Queue()
    start = time.monotonic() + 4  # after both interpreters have started
    args = (db_url_of(db), cid, site.base_url + "/photo.jpg", start, out)
    seats = [ctx.Process(target=_seat, args=args) for _ in range(2)]
    results = answers(seats, out)
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    assert results[0][1] == results[1][1]  # the same media for both seats
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MediaAsset)) == 1


def test_a_local_file_for_google_says_to_add_it_by_address(db, tmp_path):
    photo = tmp_path / "buche.jpg"
    photo.write_bytes(JPEG)
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        info = posts_media.store_media(s, cid, photo)
        (problem,) = posts_media.check_media(s, cid, "google", [info.id])
    assert "buche.jpg" in problem and "Add by address…" in problem


def _due(db, network, handle, base_url, address) -> int:
    with db.session() as s:
        c = clients.create_client(s, "Boulangerie Dupré")
        clients.add_account(s, c.id, network, handle, base_url=base_url)
        media_id, _name = store_address(s, c.id, probe_address(address, network))
        p = posts.create_post(
            s,
            c.id,
            planned_at=NOW - dt.timedelta(minutes=2),
            variants=[VariantInput(network, "La bûche est arrivée", media=(media_id,))],
            title="Bûche",
            category="produit",
            status="approved",
        )
    with db.session() as s:
        posts.set_status(s, c.id, p.id, "scheduled")
    return c.id


def _sync(db, cid, token):
    return sync_client(
        db,
        cid,
        http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
        token_of=lambda cu, au: token,
        token_saver=lambda cu, au, t: None,
        now=NOW,
        samples=False,
    )


def _sent(db) -> list[str]:
    with db.read() as s:
        return [a.state for a in s.scalars(select(PublishAttempt))]


def test_a_google_post_with_a_photo_by_address_goes_out_once(db, site):
    address = site.base_url + "/photo.jpg"
    with google_server.GoogleServer() as srv:
        srv.tokens.add("tok")
        cid = _due(db, "google", google_server.PLACE, srv.base_url, address)
        for _ in range(2):
            report = _sync(db, cid, "tok")
            assert report.ok, report
        (post,) = srv.local_posts
        assert post["media"] == [{"mediaFormat": "PHOTO", "sourceUrl": address}]
    assert _sent(db) == ["sent"]


def test_a_threads_post_with_a_photo_by_address_goes_out_once(db, site):
    address = site.base_url + "/photo.jpg"
    with threads_server.ThreadsServer() as srv:
        token = "THlong-test"
        srv.long_lived.add(token)
        cid = _due(db, "threads", threads_server.USER, srv.base_url + "/v1.0", address)
        for _ in range(2):
            report = _sync(db, cid, token)
            assert report.ok, report
        (post,) = srv.published
        assert (post["media_type"], post["image_url"]) == ("IMAGE", address)
    assert _sent(db) == ["sent"]


def _mastodon(ref: MediaRef) -> DueVariant:
    return DueVariant(1, 1, 1, "mastodon", 1, "Pain du jour", NOW, "k1", (ref,))


def test_a_network_that_uploads_bytes_gets_them_downloaded(sqlite_db, site):
    ref = MediaRef(site.base_url + "/photo.jpg", "image/jpeg", "0" * 64)
    with files_for(sqlite_db, _mastodon(ref)) as ready:
        (local,) = ready.media
        assert local.path.endswith(".jpg") and Path(local.path).read_bytes() == JPEG
    google = DueVariant(1, 1, 1, "google", 1, "Pain", NOW, "k1", (ref,))
    with files_for(sqlite_db, google) as ready:
        assert ready.media == (ref,)  # Google fetches it itself


def test_a_download_that_fails_is_refused_or_retried(sqlite_db, site, monkeypatch):
    gone = MediaRef(site.base_url + "/gone.jpg", "image/jpeg", "0" * 64)
    with pytest.raises(Rejected, match="404"), files_for(sqlite_db, _mastodon(gone)):
        pass
    down = MediaRef("https://127.0.0.1:9/photo.jpg", "image/jpeg", "0" * 64)
    with pytest.raises(Unavailable), files_for(sqlite_db, _mastodon(down)):
        pass
    monkeypatch.setattr(media_address, "_limit", lambda mime, network: 100)
    photo = MediaRef(site.base_url + "/photo.jpg", "image/jpeg", "0" * 64)
    with pytest.raises(Rejected, match="more than"), files_for(sqlite_db, _mastodon(photo)):
        pass


def test_an_address_survives_a_backup_and_its_restore(sqlite_db, site, tmp_path, tribune_home):
    from app.services.database.backup import restore_backup, write_backup

    address = site.base_url + "/photo.jpg"
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        media_id, _name = store_address(s, cid, probe_address(address))
    out = tmp_path / "with-address.zip"
    write_backup(sqlite_db, out)
    restore_backup(sqlite_db, out, keep_copy=False)
    with sqlite_db.read() as s:
        (info,) = posts_media.media_for(s, cid, [media_id])
    assert info.path == address  # an address, not a file of the media folder
