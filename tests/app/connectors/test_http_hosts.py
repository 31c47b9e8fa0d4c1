"""Tokens stay home: a next-page or upload address on another origin never receives the
account's credentials (issue #19). Two real loopback servers: the second one, on another
port, is another origin."""

from __future__ import annotations

import logging

import httpx
import pytest

from app.connectors import AccountRef, BadResponse, connector_for
from app.connectors.http import Http, ScopedHttp, origin_of
from tests.servers.base import LoopbackServer

TOKEN = "s3cret-token-never-elsewhere"


class Foreign(LoopbackServer):
    """Another origin: records what reaches it and answers as a friendly server would."""

    def handle(self, method, path, query, headers, body):
        return 200, {}, {"data": [], "ok": True}


class MastodonHome(LoopbackServer):
    next_url = ""

    def handle(self, method, path, query, headers, body):
        if path == "/api/v1/notifications" and "max_id" not in query:
            note = {
                "id": "10",
                "type": "mention",
                "created_at": "2026-03-01T10:00:00Z",
                "account": {"id": "1", "acct": "lea", "display_name": "Léa"},
                "status": {
                    "id": "100",
                    "content": "<p>Bonjour</p>",
                    "created_at": "2026-03-01T10:00:00Z",
                    "visibility": "public",
                    "account": {"id": "1", "acct": "lea", "display_name": "Léa"},
                },
            }
            return 200, {"Link": f'<{self.next_url}>; rel="next"'}, [note]
        if path == "/api/v1/accounts/verify_credentials":
            return 200, {}, {"id": "1", "acct": "agence", "display_name": "Agence"}
        return 200, {}, []


class GraphHome(LoopbackServer):
    next_url = ""

    def handle(self, method, path, query, headers, body):
        if path.endswith("/feed"):
            return 200, {}, {"data": [{"id": "p1"}], "paging": {"next": self.next_url}}
        return 200, {}, {"data": []}


@pytest.fixture
def servers():
    with Foreign() as foreign:
        yield foreign


def tokens_seen(server: LoopbackServer) -> list[str]:
    return [
        h.get("authorization", "") + q
        for _m, _p, h, q in server.log
        if TOKEN in h.get("authorization", "") + q
    ]


def account(network: str, base_url: str) -> AccountRef:
    return AccountRef(1, 1, network, "123", base_url, token=TOKEN)


def http() -> Http:
    return Http(httpx.Client(timeout=5.0), retries=0, base_delay=0.01)


def test_mastodon_link_next_to_another_origin_gets_no_token(servers, caplog):
    foreign = servers
    with MastodonHome() as home:
        home.next_url = f"{foreign.base_url}/api/v1/notifications?max_id=5"
        connector = connector_for(account("mastodon", home.base_url), http())
        caplog.set_level(logging.WARNING, logger="app.connectors.http")
        with pytest.raises(BadResponse) as err:
            connector.fetch({})
        assert any(TOKEN in (h.get("authorization") or "") for _m, _p, h, _q in home.log)
    assert "127.0.0.1" in err.value.message and "\n" not in err.value.message
    assert TOKEN not in err.value.message
    assert tokens_seen(foreign) == [] and foreign.log == []  # never contacted with it
    assert "not sending credentials" in caplog.text and TOKEN not in caplog.text


def test_graph_paging_next_with_access_token_elsewhere_is_not_followed(servers):
    foreign = servers
    with GraphHome() as home:
        home.next_url = f"{foreign.base_url}/v21.0/p2/feed?access_token={TOKEN}&after=x"
        connector = connector_for(account("facebook", home.base_url + "/v21.0"), http())
        with pytest.raises(BadResponse):
            connector.fetch({})
        assert home.log  # the account's own server was asked
    assert foreign.log == []


def test_same_origin_pages_and_tokenless_requests_still_go(servers):
    foreign = servers
    scoped = ScopedHttp(http(), lambda: {origin_of(foreign.base_url)}, "mastodon")
    assert scoped.get(foreign.base_url + "/x", auth=TOKEN).status_code == 200
    assert tokens_seen(foreign)  # its own origin: the token goes
    elsewhere = ScopedHttp(http(), lambda: {("https", "api.example", 443)}, "rss")
    assert elsewhere.get(foreign.base_url + "/feed.xml").status_code == 200  # no credential
    with pytest.raises(BadResponse):
        elsewhere.get(foreign.base_url + "/y", headers={"Authorization": f"OAuth {TOKEN}"})
    with pytest.raises(BadResponse):
        elsewhere.get(foreign.base_url + "/z", params={"access_token": TOKEN})
    assert len(foreign.log) == 2


def test_declared_network_hosts_are_allowed_and_nothing_else():
    connector = connector_for(account("facebook", "https://graph.facebook.com/v21.0"), http())
    allowed = connector.http.allowed
    assert allowed("https://graph.facebook.com/v21.0/me")
    assert allowed("https://rupload.facebook.com/ig-api-upload/v21.0/123")
    assert not allowed("http://graph.facebook.com/v21.0/me")  # not the same origin
    assert not allowed("https://graph.facebook.com.evil.example/v21.0/me")
    assert not allowed("https://evil.example/?next=graph.facebook.com")
    mastodon = connector_for(account("mastodon", "https://piaille.fr"), http())
    assert mastodon.http.allowed("https://piaille.fr/api/v1/notifications?max_id=3")
    assert not mastodon.http.allowed("https://mastodon.social/api/v1/notifications")
