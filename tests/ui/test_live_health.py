"""Account health follows the change feed: an account added or its health changed by another
process shows in the client dialog's health table within 2 s."""

from __future__ import annotations

import sys
import textwrap

from app.services.clients import workspaces as clients
from tests.conftest import db_url_of
from tests.harness import popen as forked
from ui.live import LiveFeed
from ui.sync import AccountHealthView
from ui.tasks import TaskRunner


def test_an_account_added_elsewhere_appears_in_the_health_table(qtbot, sqlite_db):
    with sqlite_db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        clients.add_account(s, cid, "mastodon", "aquarelle", base_url="https://m.example")
    tasks = TaskRunner()
    feed = LiveFeed(sqlite_db)
    feed.start()
    qtbot.waitUntil(lambda: feed.state == "live", timeout=5000)
    view = AccountHealthView(tasks)
    qtbot.addWidget(view)
    view.follow(feed)
    view.show()
    view.load(sqlite_db, cid)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5000)
    script = textwrap.dedent(
        f"""
        from app.db import Database
        from app.services.clients import workspaces as clients
        db = Database({db_url_of(sqlite_db)!r})
        with db.session() as s:
            clients.add_account(s, {cid}, "bluesky", "aquarelle.bsky.social")
        """
    )
    forked.run([sys.executable, "-c", script], check=True, timeout=60)
    try:
        qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=2000)
        assert any("aquarelle.bsky.social" in view.table.item(r, 0).text() for r in range(2))
    finally:
        feed.stop()
        tasks.wait(5000)
