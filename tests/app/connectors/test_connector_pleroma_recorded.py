"""Recorded answers of Pleroma and Akkoma (a Pleroma instance's real notifications and
statuses, kept by Soapbox's test suite; tests/data/mastodon-pleroma/README.md) replayed over
loopback HTTP through the Mastodon connector and the sync: flake and numeric string ids, the
``pleroma`` extension objects, emoji reactions and chat mentions skipped quietly, a deleted
status counted once, the character limit read where these servers put it."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import select

from app.connectors import AccountRef, connector_for
from app.connectors.http import Http
from app.connectors.text import html_to_text
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from tests.servers.mastodon import notification
from tests.servers.pleroma import PleromaReplayServer, pleroma_recorded

WRAPPED = {  # recorded statuses, wrapped as mention notifications by the test
    "428100": "pleroma-status-reply-with-mentions.json",
    "428050": "pleroma-status-with-attachments.json",
    "428000": "pleroma-status-with-poll.json",
}


def _notes() -> list[dict]:
    """Newest first, as served: a chat mention, an emoji reaction, a recorded mention, three
    recorded statuses mentioning us, and a mention whose status was deleted since."""
    notes = [
        pleroma_recorded("notification-pleroma-chat_mention.json"),
        pleroma_recorded("notification-pleroma-emoji_reaction.json"),
        pleroma_recorded("notification-mention.json"),
    ]
    notes += [notification(nid, pleroma_recorded(name)) for nid, name in WRAPPED.items()]
    deleted = pleroma_recorded("pleroma-status-deleted.json")
    notes.append(notification("427900", None, account=deleted["account"]))
    return notes


def _connector(srv):
    http = Http(httpx.Client(timeout=5), base_delay=0.01)
    return connector_for(AccountRef(7, 1, "mastodon", "alex", srv.base_url, "pl-token"), http)


def test_pleroma_answers_arrive_whole_and_quirks_pass_quietly():
    with PleromaReplayServer(notifications=_notes()) as srv:
        result = _connector(srv).fetch({})
        assert result.errors == () and result.deleted == 1
        by_id = {i.external_id: i for i in result.items}
        assert sorted(by_id) == sorted(
            ["AITJf9Wpr0msWChNBI", "AHcweewcCh0iPUtMdk", "AGNkA21auFR5lnEAHw", "103874034847713213"]
        )
        mention = by_id["AITJf9Wpr0msWChNBI"]
        assert mention.author_handle == "@silverpill@mitra.social"
        assert mention.in_reply_to == "AISPFI5nnPaS7J94rI"  # a flake id, kept as it is
        reply = by_id["AHcweewcCh0iPUtMdk"]
        assert reply.in_reply_to == "AHcwFrnbH1Xb2RqxhQ"
        media = by_id["AGNkA21auFR5lnEAHw"].text
        assert media.startswith("Test\n\n[Image: no description] https://media.gleasonator.com/")
        assert media.count("[Media: no description]") == 2 and "[Audio: no description]" in media
        poll = by_id["103874034847713213"].text
        assert "Poll: Banning, censoring, and deplatforming anyone you disagree with / " in poll
        # the cursor is the newest notification's id, a numeric string, never parsed
        assert result.cursor["notifications"] == "429247"


@pytest.mark.parametrize("name", ["notification-mention.json", *WRAPPED.values()])
def test_the_text_matches_pleromas_own_plain_text(name):
    """Pleroma sends its own plain-text rendering (``pleroma.content["text/plain"]``): the
    inbox's reading of the HTML says the same, links and mentions included."""
    data = pleroma_recorded(name)
    status = data.get("status") or data
    own = status["pleroma"]["content"]["text/plain"]
    assert " ".join(html_to_text(status["content"]).split()) == " ".join(own.split())


def test_the_next_sync_walks_forward_from_the_stored_string_id():
    with PleromaReplayServer(notifications=_notes()) as srv:
        first = _connector(srv).fetch({})
        new = pleroma_recorded("pleroma-status.json")
        srv.add_notification(notification("429300", new))
        again = _connector(srv).fetch(first.cursor)
        assert [i.external_id for i in again.items] == [new["id"]]
        assert again.deleted == 0 and again.errors == ()
        assert again.cursor["notifications"] == "429300"
        asked = [q for m, p, h, q in srv.log if p == "/api/v1/notifications"]
        assert "min_id=429247" in asked[-2] or "min_id=429247" in asked[-1]


@pytest.mark.parametrize("instance", ["pleroma-instance.json", "akkoma-instance.json"])
def test_the_character_limit_is_read_from_api_v1_instance(instance):
    with PleromaReplayServer(instance=instance) as srv:
        health = _connector(srv).check()
        assert health.char_limit == 5000  # max_toot_chars, not Mastodon's 500
        assert health.display_name == "Alex Gleason"


def test_the_sync_keeps_each_pleroma_mention_once(db):
    with PleromaReplayServer(notifications=_notes()) as srv:
        with db.session() as s:
            c = clients.create_client(s, "Gleasonator")
            clients.add_account(s, c.id, "mastodon", "alex", base_url=srv.base_url)

        def sync():
            return sync_client(
                db,
                c.id,
                http=Http(httpx.Client(timeout=5), base_delay=0.01, retries=1),
                token_of=lambda cu, au: "pl-token",
                samples=False,
                publish=False,
            )

        assert sync().ok and sync().ok
        with db.read() as s:
            rows = s.scalars(select(InboxMessage).where(InboxMessage.network == "mastodon")).all()
            parents = {r.in_reply_to for r in rows}
        assert len(rows) == 4
        assert parents >= {"AISPFI5nnPaS7J94rI", "AHcwFrnbH1Xb2RqxhQ"}
