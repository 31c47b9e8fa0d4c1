"""A local Pleroma / Akkoma replaying their recorded answers (tests/data/mastodon-pleroma).

Built on :class:`tests.servers.mastodon.MastodonReplayServer` (opaque ids, ``Link`` paging
by ``max_id`` / ``min_id``) with what these servers do differently:

* ``types[]`` is not understood by the older releases (they had ``include_types[]``): every
  notification comes back, ``pleroma:emoji_reaction`` and ``pleroma:chat_mention`` (which
  has a ``chat_message`` and no ``status``) among the mentions;
* notification ids are short numbers in strings (``"428172"``) while status ids are flake ids
  (``"AITJf9Wpr0msWChNBI"``);
* no ``/api/v2/instance``: the character limit is ``max_toot_chars`` of ``/api/v1/instance``;
* statuses carry the ``pleroma`` extension object (``content["text/plain"]``,
  ``content_type``, ``emoji_reactions``, ``in_reply_to_account_acct``…).
"""

from __future__ import annotations

import json

from tests.conftest import REPO
from tests.servers.mastodon import MastodonReplayServer

PLEROMA = REPO / "tests" / "data" / "mastodon-pleroma"


def pleroma_recorded(name: str):
    return json.loads((PLEROMA / name).read_text(encoding="utf-8"))


class PleromaReplayServer(MastodonReplayServer):
    def __init__(self, *, notifications=(), instance="pleroma-instance.json") -> None:
        super().__init__(notifications=notifications)
        self.me = pleroma_recorded("pleroma-account.json")
        self.instance = pleroma_recorded(instance)

    def handle(self, method, path, query, headers, body):
        if headers.get("authorization") in (None, "Bearer revoked"):
            return 403, {}, {"error": "Invalid credentials."}  # Pleroma says 403
        if path == "/api/v2/instance":
            return 404, {}, {"error": "Not found"}
        if path == "/api/v1/instance":
            return 200, {}, self.instance
        if path == "/api/v1/notifications":
            query = {k: v for k, v in query.items() if k != "types[]"}  # not understood
        return super().handle(method, path, query, headers, body)
