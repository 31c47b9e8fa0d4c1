"""Recovery looks a Meta or LinkedIn reply up before any resend, on the local servers:
Facebook and Instagram private replies (in the account's conversations, to the comment's
author), Facebook, Instagram and LinkedIn comment replies (among the comment's answers)."""

from __future__ import annotations

import datetime as dt

import httpx
import pytest

from app.connectors import AccountRef, connector_for
from app.connectors.contract import ReplyToSend
from app.connectors.http import Http
from tests.servers.graph import IG, PAGE, GraphServer
from tests.servers.linkedin import ORG, POST, LinkedInServer


def _http():
    return Http(httpx.Client(timeout=5), base_delay=0.01)


def _reply(network, in_reply_to, text, private=False):
    return ReplyToSend(9, 1, network, 1, in_reply_to, text, "tribune-reply-1-9", private)


@pytest.fixture
def graph():
    with GraphServer() as srv:
        srv.add_comment(3, "Ma commande n'est pas arrivée")
        srv.add_comment(4, "Moi non plus")
        srv.ig_comments = [
            {"id": "ig_c1", "text": "Où est mon colis ?", "from": {"id": "ig_u1"},
             "username": "lea", "timestamp": "2026-11-02T10:00:00+0000"},
            {"id": "ig_c2", "text": "Pareil", "from": {"id": "ig_u2"},
             "username": "marc", "timestamp": "2026-11-02T10:01:00+0000"},
        ]  # fmt: skip
        yield srv


def _meta(srv, network):
    handle = PAGE if network == "facebook" else IG
    ref = AccountRef(1, 1, network, handle, srv.base_url + "/v21.0", "page-token-xyz")
    return connector_for(ref, _http())


@pytest.mark.parametrize(
    "network, comment, other",
    [("facebook", "1001_1_c3", "1001_1_c4"), ("instagram", "ig_c1", "ig_c2")],
)
def test_a_private_reply_is_found_in_the_conversations_not_sent_twice(
    graph, network, comment, other
):
    c = _meta(graph, network)
    start = dt.datetime.now(dt.UTC)
    answer = _reply(network, comment, "Nous regardons votre commande 🙏", private=True)
    assert c.find_reply(answer, start) is None  # nothing sent yet: a recovery would send
    sent = c.reply(answer)
    found = c.find_reply(answer, start)
    assert found is not None and found.external_id == sent.external_id
    # the same words to another commenter: not the same reply
    assert c.find_reply(_reply(network, other, answer.text, private=True), start) is None
    # a send older than the reply looked for (minus a minute): not it
    later = start + dt.timedelta(minutes=5)
    if network == "instagram":
        assert c.find_reply(answer, later) is None
    else:  # Facebook says the comment was already answered privately: sent, never again
        again = c.find_reply(answer, later)
        assert again is not None and again.external_id == ""
    assert len(graph.private_replies) == 1


@pytest.mark.parametrize("network, comment", [("facebook", "1001_1_c3"), ("instagram", "ig_c1")])
def test_a_public_comment_reply_is_found_among_the_comments_answers(graph, network, comment):
    c = _meta(graph, network)
    start = dt.datetime.now(dt.UTC)
    answer = _reply(network, comment, "Merci, on s'en occupe")
    assert c.find_reply(answer, start) is None
    sent = c.reply(answer)
    found = c.find_reply(answer, start)
    assert found is not None and found.external_id == sent.external_id
    assert c.find_reply(_reply(network, comment, "Autre texte"), start) is None


def test_a_linkedin_comment_reply_is_found_under_the_same_post():
    with LinkedInServer() as li:
        ref = AccountRef(5, 1, "linkedin", ORG, li.base_url, "li-token")
        c = connector_for(ref, _http())
        comment = f"urn:li:comment:({POST},901)"
        start = dt.datetime.now(dt.UTC)
        answer = _reply("linkedin", comment, "Bonjour, écrivez-nous en privé.")
        assert c.find_reply(answer, start) is None
        sent = c.reply(answer)
        found = c.find_reply(answer, start)
        assert found is not None and found.external_id == sent.external_id
        assert c.find_reply(_reply("linkedin", comment, "Autre"), start) is None
