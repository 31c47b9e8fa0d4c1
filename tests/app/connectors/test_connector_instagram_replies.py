"""Instagram replies under a comment (the comment's ``replies`` edge) reach the inbox as
answers to that comment, over loopback HTTP against the local Graph server, through the
sync into a real database; a reply written later under an old comment still arrives."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy import select

from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.services.clients import workspaces as clients
from app.services.sync.engine import sync_client
from app.services.sync.sinks import real_sinks
from tests.servers.graph import IG, GraphServer

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)


def comment(cid, text, user, minute):
    return {
        "id": cid,
        "text": text,
        "username": user,
        "timestamp": f"2026-11-02T10:{minute:02d}:00+0000",
    }


def test_replies_under_a_comment_arrive_threaded(db):
    with GraphServer() as graph:
        with db.session() as s:
            c = clients.create_client(s, "Fleurs de Lyon")
            clients.add_account(s, c.id, "instagram", IG, base_url=graph.base_url + "/v21.0")
        graph.ig_comments = [comment("ig_c1", "Livrez-vous à Villeurbanne ?", "lea", 0)]
        graph.ig_replies = {
            "ig_c1": [
                comment("ig_r1", "@lea oui, le mardi", "fleursdelyon", 5),
                comment("ig_r2", "@fleursdelyon et le samedi ?", "lea", 7),
                comment("ig_r3", "Moi aussi je veux savoir", "marc", 9),  # a second page
            ]
        }

        def run():
            return sync_client(
                db,
                c.id,
                http=Http(httpx.Client(timeout=3), base_delay=0.01),
                sinks=real_sinks(),
                now=NOW,
                samples=False,
                publish=False,
                token_of=lambda cu, au: "page-token-xyz",
            )

        first = run()
        assert first.ok and first.accounts[0].added == 4, first
        with db.read() as s:
            rows = s.execute(
                select(InboxMessage.external_id, InboxMessage.id, InboxMessage.parent_id)
                .where(InboxMessage.client_id == c.id)
            ).all()  # fmt: skip
        ids = {ext: pk for ext, pk, _ in rows}
        parents = {ext: parent for ext, _, parent in rows}
        assert parents == {
            "ig_c1": None,
            "ig_r1": ids["ig_c1"],
            "ig_r2": ids["ig_c1"],
            "ig_r3": ids["ig_c1"],
        }
        assert graph.requests_to("ig_c1/replies")  # the third reply came by paging.next
        # later: a new reply under the old comment, nothing else new
        graph.ig_replies["ig_c1"].append(comment("ig_r4", "Merci !", "lea", 30))
        second = run()
        assert second.accounts[0].added == 1 and second.accounts[0].duplicates == 0
        with db.read() as s:
            late = s.execute(
                select(InboxMessage.parent_id, InboxMessage.author_handle, InboxMessage.text)
                .where(InboxMessage.external_id == "ig_r4")
            ).one()  # fmt: skip
        assert late == (ids["ig_c1"], "@lea", "Merci !")
