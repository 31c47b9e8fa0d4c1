"""Text from a network that a database would refuse (issue #19): NUL characters, a 1 MB
message, names longer than their column, lone surrogates. Over real HTTP from the local
servers, on both engines: every message stored (cleaned, cut with a note), never a sync
batch that fails with half its rows committed."""

from __future__ import annotations

import datetime as dt

import httpx
from sqlalchemy import func, select

from app.connectors.http import Http
from app.models.inbox import InboxMessage
from app.models.listening import ListeningAuthor, ListeningItem
from app.services.clients import workspaces as clients
from app.services.listening.streams import add_stream
from app.services.listening.sync import sync_client as listen
from app.services.sync.engine import sync_client
from app.textsafe import MAX_STORED_TEXT
from tests.servers.bluesky import BlueskyServer
from tests.servers.search_mastodon import MastodonSearchServer

NOW = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)
HUGE = "é" * 1_000_000  # 1 MB of text in one message


def test_inbox_sync_stores_hostile_text_whole_batches_on_both_engines(db):
    with BlueskyServer() as bsky:
        with db.session() as s:
            c = clients.create_client(s, "Texte hostile")
            clients.add_account(s, c.id, "bluesky", "marque.bsky.social", base_url=bsky.base_url)
            uid = clients.list_accounts(s, c.id)[0].uid
        for n in range(1, 1501):
            bsky.add_mention(n, f"message {n}")
        # newest first: notifications[0] is n=1500
        by_n = {1500 - i: note for i, note in enumerate(bsky.notifications)}
        by_n[5]["record"]["text"] = HUGE
        by_n[600]["record"]["text"] = "avant\x00après"
        by_n[900]["author"]["displayName"] = "N\x00" + "n" * 400
        by_n[900]["author"]["handle"] = "h" * 300 + ".bsky.social"
        by_n[1200]["record"]["text"] = "demi \ud83d surrogate"
        report = sync_client(
            db,
            c.id,
            http=Http(httpx.Client(timeout=10), base_delay=0.01),
            now=NOW,
            samples=False,
            publish=False,
            token_of=lambda cu, au: "app-pass-1234" if au == uid else None,
        )
    assert report.ok, report
    with db.read() as s:
        assert s.scalar(select(func.count()).where(InboxMessage.client_id == c.id)) == 1500
        texts = dict(s.execute(select(InboxMessage.external_id, InboxMessage.text)).all())
        authors = s.execute(select(InboxMessage.author, InboxMessage.author_handle)).all()
    by_text = {t: e for e, t in texts.items()}
    assert "avantaprès" in by_text
    assert "demi \ufffd surrogate" in by_text
    huge = next(t for t in texts.values() if t.startswith("éé"))
    assert huge.startswith("é" * MAX_STORED_TEXT)
    assert len(huge) < MAX_STORED_TEXT + 100 and "900000 more characters not kept" in huge
    assert all("\x00" not in a and len(a) <= 200 and len(h) <= 200 for a, h in authors)
    assert any(a.startswith("Nnnn") for a, _ in authors)


def test_listening_stores_hostile_text_on_both_engines(db):
    with MastodonSearchServer() as srv:
        with db.session() as s:
            c = clients.create_client(s, "Écoute hostile")
            clients.add_account(s, c.id, "mastodon", "marque", base_url=srv.base_url)
            add_stream(s, c.id, "keyword", "fleurs")
        srv.post("fleurs\x00 nul", acct="nul", name="Nul\x00Nom")
        srv.post("fleurs " + HUGE, acct="grand", name="G" * 400, followers=2**40)
        srv.post("fleurs ordinaires", acct="fan")
        report = listen(db, c.id, http=Http(), token_of=lambda cu, au: "masto-token", now=NOW)
    assert not report.errors, report
    with db.read() as s:
        items = s.execute(select(ListeningItem.author, ListeningItem.text)).all()
        authors = s.execute(select(ListeningAuthor.name, ListeningAuthor.followers)).all()
    assert len(items) == 3
    assert all("\x00" not in a + t and len(a) <= 200 for a, t in items)
    assert any("more characters not kept" in t for _, t in items)
    assert all("\x00" not in n and len(n) <= 200 and 0 <= f < 2**31 for n, f in authors)
