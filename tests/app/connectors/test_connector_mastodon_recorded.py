"""Recorded answers of two Mastodon-API servers (Mastodon's documentation, GoToSocial's test
suite; tests/data/api/README.md) replayed over loopback HTTP and read by the connector and
the sync: opaque ids (ULIDs), cursors kept as strings, content warnings, polls, media with
their alt text, boosts, deleted statuses counted once, direct messages kept."""

from __future__ import annotations

import datetime as dt
import urllib.parse

import httpx
import pytest
from sqlalchemy import select

from app.connectors import AccountRef, connector_for
from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from app.services.sync.sinks import real_sinks
from tests.servers.mastodon import MastodonReplayServer, notification, recorded

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32, as in a ULID


def ulid(n: int) -> str:
    """A ULID-shaped id growing with n (never a number: int() refuses it)."""
    tail = ""
    for _ in range(10):
        n, r = divmod(n, 32)
        tail = ALPHABET[r] + tail
    return "01J9C" + "Q" * 11 + tail


def connector(srv, token="gts-token"):
    http = Http(httpx.Client(timeout=5), base_delay=0.01)
    return connector_for(AccountRef(7, 1, "mastodon", "zork", srv.base_url, token), http)


def gotosocial_statuses() -> dict[str, dict]:
    warning = recorded("gotosocial/status_content_warning.json")
    # GoToSocial's tests render one status twice (with and without its warning): as two
    # statuses of a timeline they need two ids.
    warning["id"] = "01F8MH75CBF9JFX4ZAD54N0W0S"
    return {
        "plain": recorded("gotosocial/status.json"),
        "warning": warning,
        "media": recorded("gotosocial/status_unknown_media.json"),
        "poll": recorded("gotosocial/status_poll.json"),
        "boost": recorded("gotosocial/status_boost.json"),
    }


def gotosocial_server() -> MastodonReplayServer:
    statuses = gotosocial_statuses()
    notes = [notification(ulid(100 + i), s) for i, s in enumerate(statuses.values())]
    notes += [notification(ulid(200 + i), None) for i in range(3)]  # deleted since
    notes.insert(2, notification(ulid(150), statuses["plain"], kind="favourite"))
    notes.reverse()  # newest first, as served
    return MastodonReplayServer(
        notifications=notes, conversations=[recorded("gotosocial/conversation.json")]
    )


def test_gotosocial_answers_arrive_whole_with_string_cursors():
    with gotosocial_server() as srv:
        result = connector(srv).fetch({})
        by_id = {i.external_id: i for i in result.items}
        assert result.errors == () and result.deleted == 3
        assert by_id["01F8MH75CBF9JFX4ZAD54N0W0S"].text.startswith(
            "Content warning: First paragraph of content warning"
        )
        plain = by_id["01F8MH75CBF9JFX4ZAD54N0W0R"]
        assert plain.text.startswith("hello world! #welcome ! first post on the instance")
        assert (
            "[Image: Black and white image of some 50's style text saying: Welcome On Board] "
            "http://localhost:8080/fileserver/01F8MH17FWEB39HZJ76B6VXSKF/attachment/original/"
            "01F8MH6NEM8D7527KZAECTCR76.jpg"
        ) in plain.text
        media = by_id["01HE7XJ1CG84TBKH5V9XKBVGF5"]
        assert "[Image: Photograph of a sloth, Public Domain.] http://localhost:8080/" in media.text
        assert media.author_handle == "@Some_User@example.org"
        poll = by_id["01J9C8P4YB1K4XQ9Y0QH6E7T2W"]
        assert poll.text == "this is a status with a poll!\n\nPoll: first option / second option"
        boost = by_id["01J9C8R2HQ7W3E5T6Y8U9I0O1P"]
        assert boost.text.startswith("boost of @admin: hello world! #welcome")
        dm = by_id["01F8MHAMCHF6Y650WCRSCP4WMY"]  # the conversation's last status
        assert dm.kind == "message"
        assert dm.text == "Content warning: introduction post\n\nhello everyone!"
        assert dm.author_handle == "@the_mighty_zork"
        assert result.cursor["notifications"] == ulid(202)  # the newest, as the server wrote it
        assert result.cursor["conversations_seen"] == ["01F8MHAMCHF6Y650WCRSCP4WMY"]


def test_incremental_sync_sends_the_ulid_back_and_gets_only_new_ones():
    with gotosocial_server() as srv:
        c = connector(srv)
        first = c.fetch({})
        srv.add_notification(notification(ulid(300), recorded("gotosocial/status.json")))
        convo = recorded("gotosocial/conversation.json")
        convo["last_status"] = {**convo["last_status"], "id": ulid(301), "content": "<p>re</p>"}
        srv.conversations.insert(0, convo)
        second = c.fetch(first.cursor)
        assert [(i.kind, i.external_id) for i in second.items] == [
            ("mention", "01F8MH75CBF9JFX4ZAD54N0W0R"),
            ("message", ulid(301)),
        ]
        assert second.deleted == 0  # the three deleted ones were counted the first time
        queries = [urllib.parse.parse_qs(q) for _, _, _, q in srv.requests_to("notifications")]
        assert queries[-2]["min_id"] == [ulid(202)]  # the stored string, sent as it was
        assert second.cursor["notifications"] == ulid(300)
        third = c.fetch(second.cursor)
        assert third.items == () and third.cursor["notifications"] == ulid(300)


def test_many_pages_of_opaque_ids_then_only_the_new_one():
    status = recorded("gotosocial/status.json")
    notes = [notification(ulid(1000 + n), {**status, "id": ulid(5000 + n)}) for n in range(170)]
    with MastodonReplayServer(notifications=list(reversed(notes))) as srv:
        c = connector(srv)
        first = c.fetch({})
        assert len(first.items) == 170  # three pages of 80 through the Link header
        srv.add_notification(notification(ulid(2000), {**status, "id": ulid(9000)}))
        second = c.fetch(first.cursor)
        assert [i.external_id for i in second.items] == [ulid(9000)]


def test_a_server_that_ignores_min_id_cannot_loop_forever():
    status = recorded("gotosocial/status.json")
    notes = [notification(ulid(10 + n), {**status, "id": ulid(50 + n)}) for n in range(3)]

    class Forgetful(MastodonReplayServer):
        def _page(self, items, query):
            return items[:80]

        def _links(self, path, page, query):
            return {}

    with Forgetful(notifications=list(reversed(notes))) as srv:
        result = connector(srv).fetch({"notifications": ulid(10)})
        assert len(result.items) == 3  # the ingest drops what it already has
        assert len(srv.requests_to("notifications")) == 2


def test_mastodon_documentation_answers():
    notes = recorded("mastodon/notifications.json")  # a mention and a favourite
    status = recorded("mastodon/status.json")
    status["poll"] = recorded("mastodon/poll.json")
    notes.insert(0, notification("34975900", status))
    with MastodonReplayServer(
        notifications=notes, conversations=recorded("mastodon/conversations.json")
    ) as srv:
        result = connector(srv).fetch({})
    by_id = {i.external_id: i for i in result.items}
    assert by_id["103186126728896492"].text == "@trwnh sup!"
    assert by_id["103186126728896492"].in_reply_to == "103186038209478945"
    assert "103186046267791694" not in by_id  # a favourite is not a message
    assert by_id["103270115826048975"].text == (
        '"I lost my inheritance with one wrong digit on my sort code"\n\n'
        "theguardian.com/money/2019/dec…\n\nPoll: accept / deny"
    )
    # the documentation's conversations elide the status's author: the conversation names it
    dm = by_id["103196583826321184"]
    assert dm.kind == "message" and dm.author_handle == "@amic@nulled.red"
    assert result.cursor["notifications"] == "34975900"
    assert set(result.cursor["conversations_seen"]) == {"103196583826321184", "103195253010396431"}


def test_a_cursor_written_by_the_numeric_version_still_works():
    notes = recorded("mastodon/notifications.json")
    with MastodonReplayServer(
        notifications=notes, conversations=recorded("mastodon/conversations.json")
    ) as srv:
        result = connector(srv).fetch({"notifications": "34975535", "conversations": "1"})
    assert [i.external_id for i in result.items if i.kind == "mention"] == ["103186126728896492"]
    assert "conversations" not in result.cursor and len(result.cursor["conversations_seen"]) == 2


@pytest.fixture
def now():
    return dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


def test_sync_says_once_how_many_were_deleted(db, now):
    with gotosocial_server() as srv:
        with db.session() as s:
            c = clients.create_client(s, "Librairie Zork")
            clients.add_account(s, c.id, "mastodon", "zork", base_url=srv.base_url)
        report = sync_client(
            db,
            c.id,
            http=Http(httpx.Client(timeout=3), base_delay=0.01),
            sinks=real_sinks(),
            now=now,
            samples=False,
            publish=False,
            token_of=lambda cu, au: "gts-token",
        )
        (account,) = report.accounts
        assert report.ok and account.skipped == 0
        assert account.message == "3 deleted statuses skipped"
        assert account.added == 6
        with db.read() as s:
            texts = s.scalars(select(InboxMessage.text).where(InboxMessage.client_id == c.id)).all()
        assert any(t.endswith("Poll: first option / second option") for t in texts)
        again = sync_client(
            db,
            c.id,
            http=Http(httpx.Client(timeout=3), base_delay=0.01),
            sinks=real_sinks(),
            now=now,
            samples=False,
            publish=False,
            token_of=lambda cu, au: "gts-token",
        )
        assert again.accounts[0].added == 0 and again.accounts[0].fetched == 0
