"""A photo's description (alt text): kept on the client's media asset, saved against the
version read (another seat's change is a conflict, never overwritten), set from the
``tribune post alt`` command, cut at each network's limit when it goes out; and two seats
attaching the same new file at the same instant get one row."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.errors import Conflict, ValidationError
from app.models.posts import MediaAsset
from app.networks import NETWORKS, alt_text_limit, takes_alt_text
from app.services.calendar import media as posts_media
from app.services.calendar import posts
from app.services.calendar.media_alt import (
    MAX_ALT,
    for_network,
    limits_note,
    read_alt,
    set_alt_text,
    too_long,
    undescribed_note,
)
from app.services.calendar.posts import VariantInput
from app.services.calendar.queue import due_variants
from app.services.clients import workspaces as clients
from tests.conftest import db_url_of
from tests.harness.seats import answers

JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 40
NOW = dt.datetime(2026, 11, 23, 9, tzinfo=dt.UTC)


def _client_with_photo(db, tmp_path, name="vitrine.jpg"):
    photo = tmp_path / name
    photo.write_bytes(JPEG)
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        media = posts_media.store_media(s, cid, photo)
    return cid, media


def test_a_description_is_kept_on_the_picture_and_checked_against_the_version_read(
    db, tmp_path, tribune_home
):
    cid, media = _client_with_photo(db, tmp_path)
    assert (media.alt_text, media.alt_version) == ("", 1)
    with db.session() as s:
        mine = set_alt_text(
            s, cid, media.id, "  Vitrine de Noël\x07, bûches  ", expected_version=1, now=NOW
        )
    assert (mine.text, mine.version) == ("Vitrine de Noël, bûches", 2)
    # another seat, still on version 1, is told who changed it and when: nothing overwritten
    with db.session() as s, pytest.raises(Conflict) as clash:
        set_alt_text(s, cid, media.id, "Une vitrine", expected_version=1)
    details = clash.value.details
    assert (details.kind, details.target_id, details.field) == ("media", media.id, "alt_text")
    assert (details.mine, details.theirs, details.version) == (
        "Une vitrine",
        "Vitrine de Noël, bûches",
        2,
    )
    assert "vitrine.jpg" in clash.value.message
    with db.read() as s:
        assert read_alt(s, cid, [media.id])[media.id].text == "Vitrine de Noël, bûches"
        # every post using the picture sees the one description
        assert posts_media.media_for(s, cid, [media.id])[0].alt_text == "Vitrine de Noël, bûches"
    # keeping mine knowingly: saved with their version (the session's own rows see it)
    with db.session() as s:
        posts_media.media_for(s, cid, [media.id])  # loaded in this session first
        assert set_alt_text(s, cid, media.id, "Une vitrine", expected_version=2).version == 3
        assert posts_media.media_for(s, cid, [media.id])[0].alt_text == "Une vitrine"
    with db.session() as s, pytest.raises(ValidationError):
        set_alt_text(s, cid, media.id, "x" * (MAX_ALT + 1), expected_version=None)


def _as_sent(db, cid: int, media_id: int, networks) -> dict[str, str]:
    """A post scheduled on ``networks`` with that one picture: the description the queue
    hands each network's connector."""
    with db.session() as s:
        p = posts.create_post(
            s,
            cid,
            planned_at=NOW,
            variants=[VariantInput(n, "Au fournil", media=(media_id,)) for n in networks],
            title="Fournil",
            status="approved",
        )
        posts.set_status(s, cid, p.id, "scheduled")
    with db.read() as s:
        return {v.network: v.media[0].alt_text for v in due_variants(s, cid, NOW)}


def test_the_queue_gives_each_network_the_description_as_it_takes_it(db, tmp_path, tribune_home):
    cid, media = _client_with_photo(db, tmp_path)
    long_text = "Une vitrine de bûches de Noël, " * 60  # 1,860 characters
    with db.session() as s:
        set_alt_text(s, cid, media.id, long_text, expected_version=None)
    networks = ("mastodon", "bluesky", "facebook", "linkedin", "x", "google")
    due = _as_sent(db, cid, media.id, networks)
    kept = long_text.strip()
    assert due["mastodon"] == kept[:1500]
    assert due["bluesky"] == kept  # 2,000 allowed
    assert due["linkedin"] == kept
    assert due["facebook"] == kept  # no limit documented
    assert due["x"] == kept[:1000]
    assert due["google"] == ""  # Tribune does not send it there
    assert for_network("Une vitrine", "x") == "Une vitrine"
    assert too_long("mastodon", [("vitrine.jpg", kept, False)])
    assert not too_long("bluesky", [("v", kept, False)])
    assert NETWORKS["mastodon"].alt_text_max == 1500 and NETWORKS["x"].alt_text_max == 1000
    assert "vitrine.jpg" in undescribed_note(["vitrine.jpg"]) and undescribed_note([]) == ""


def test_a_videos_description_goes_only_where_videos_take_one(db, tmp_path, tribune_home):
    clip = tmp_path / "atelier.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"0" * 100)
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        video = posts_media.store_media(s, cid, clip)
        set_alt_text(s, cid, video.id, "Le fournil au lever du jour", expected_version=None)
    networks = ("mastodon", "bluesky", "threads", "x", "facebook", "instagram")
    due = _as_sent(db, cid, video.id, networks)
    said = "Le fournil au lever du jour"
    assert due == {
        "mastodon": said,
        "bluesky": said,
        "threads": said,
        "x": "",  # X documents descriptions for images and GIFs only
        "facebook": "",  # a Page video has no documented field
        "instagram": "",  # nor has an Instagram video container
    }
    assert for_network(said, "x", "image/jpeg") == said
    assert takes_alt_text("x") and not takes_alt_text("x", video=True)
    assert not takes_alt_text("google") and takes_alt_text("mastodon", video=True)


def test_a_videos_description_is_cut_at_the_video_limit_where_it_is_shorter(
    db, tmp_path, tribune_home
):
    """Bluesky: 2,000 characters for an image, 1,000 graphemes for a video (the
    app.bsky.embed.video lexicon); a longer one would fail the post."""
    clip = tmp_path / "atelier.mp4"
    clip.write_bytes(b"\x00\x00\x00\x18ftypmp42" + b"0" * 100)
    long_text = "Le fournil au lever du jour, la première fournée. " * 30  # 1,500
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
        video = posts_media.store_media(s, cid, clip)
        set_alt_text(s, cid, video.id, long_text, expected_version=None)
    kept = long_text.strip()
    due = _as_sent(db, cid, video.id, ("bluesky", "mastodon"))
    assert due == {"bluesky": kept[:1000], "mastodon": kept[:1500]}
    assert for_network(kept, "bluesky", "image/png") == kept  # a photo: 2,000
    assert alt_text_limit("bluesky") == 2000 and alt_text_limit("bluesky", video=True) == 1000
    assert alt_text_limit("x", video=True) == 0 and alt_text_limit("google") == 0
    assert alt_text_limit("mastodon", video=True) == 1500  # no separate video limit
    cut = too_long("bluesky", [("atelier.mp4", kept, True), ("vitrine.jpg", kept, False)])
    assert cut == ["Bluesky: the description of atelier.mp4 is cut at 1,000 characters"]
    assert limits_note(["bluesky", "x", "google"], video=True) == (
        "Bluesky: 1,000 characters · X: not sent with a video · Google: not sent by Tribune"
    )
    assert limits_note(["bluesky", "x"]) == "Bluesky: 2,000 characters · X: 1,000 characters"


def test_tribune_post_sets_and_lists_a_description(db, cli, tmp_path, tribune_home):
    cid, media = _client_with_photo(db, tmp_path)
    with db.session() as s:
        p = posts.create_post(
            s,
            cid,
            planned_at=NOW,
            variants=[VariantInput("mastodon", "Bonjour", media=(media.id,))],
        )
        slug = clients.get_client(s, cid).slug
    url = db_url_of(db)
    done = cli("post", "alt", slug, str(media.id), "--json", input="Deux bûches 🎄\n", db_url=url)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["alt_text"] == "Deux bûches 🎄"
    listed = cli("post", "media", slug, str(p.id), "--json", db_url=url)
    assert listed.returncode == 0, listed.stderr
    assert json.loads(listed.stdout)["media"] == [
        {
            "network": "mastodon",
            "media_id": media.id,
            "file": "vitrine.jpg",
            "mime": "image/jpeg",
            "alt_text": "Deux bûches 🎄",
        }
    ]
    cleared = cli("post", "alt", slug, str(media.id), "--text", "", db_url=url)
    assert cleared.returncode == 0, cleared.stderr
    with db.read() as s:
        assert read_alt(s, cid, [media.id])[media.id].text == ""
    # bad input: one line on stderr, exit 1
    for args, stdin in (
        (("post", "alt", slug, "99999", "--text", "x"), None),
        (("post", "alt", slug, str(media.id)), ""),
        (("post", "alt", slug, str(media.id), "--text", "y" * (MAX_ALT + 5)), None),
        (("post", "alt", slug, "pas-un-nombre", "--text", "x"), None),
        (("post", "media", "inconnu", str(p.id)), None),
        (("post", "media", slug, "99999"), None),
    ):
        bad = cli(*args, input=stdin, db_url=url)
        assert bad.returncode == 1, (args, bad.stdout, bad.stderr)
        assert len(bad.stderr.strip().splitlines()) == 1, bad.stderr
        assert "Traceback" not in bad.stderr


def _attach(url: str, home: str, client_id: int, path: str, barrier, out) -> None:
    """One seat attaching ``path``: both seats meet in ``put_file``, after the old code's
    select and before its insert (on SQLite the second seat waits for the write lock)."""
    os.environ["TRIBUNE_HOME"] = home
    from app.db import Database
    from app.services.calendar import media as seat_media

    original = seat_media.put_file

    def meet(*args, **kwargs):
        try:
            barrier.wait(timeout=5)
        except threading.BrokenBarrierError:
            pass
        return original(*args, **kwargs)

    seat_media.put_file = meet
    db = Database(url)
    try:
        with db.session() as s:
            out.put(("ok", seat_media.store_media(s, client_id, path).id))
    except Exception as exc:  # reported to the test, which fails with it
        out.put(("error", f"{type(exc).__name__}: {exc}"))
    finally:
        db.dispose()


def test_two_seats_attaching_the_same_new_file_at_once_get_one_row(db, tmp_path, tribune_home):
    photo = tmp_path / "affiche.jpg"
    photo.write_bytes(JPEG)
    with db.session() as s:
        cid = clients.create_client(s, "Boulangerie Dupré").id
    ctx = multiprocessing.get_context("spawn")
    out, barrier = ctx.Queue(), ctx.Barrier(2)
    seats = []
    for name in ("seat-a", "seat-b"):
        home = tmp_path / name
        home.mkdir()
        args = (db_url_of(db), str(home), cid, str(photo), barrier, out)
        seats.append(ctx.Process(target=_attach, args=args))
    results = answers(seats, out)
    assert [kind for kind, _ in results] == ["ok", "ok"], results
    assert results[0][1] == results[1][1]  # the same media for both seats
    with db.read() as s:
        assert s.scalar(select(func.count()).select_from(MediaAsset)) == 1
        kept = s.scalars(select(MediaAsset)).one()
    assert (kept.id, kept.filename, kept.size) == (results[0][1], "affiche.jpg", len(JPEG))
    assert Path(kept.path).read_bytes() == JPEG  # the winner's local copy, for previews
