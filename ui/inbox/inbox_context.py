"""What the inbox's parts share: the client shown and what was read with it.

The area owns one :class:`InboxContext` and hands it to each part it builds (the list, the
conversation, the actions, the live refresh): a part reads the client and the charter's
rules from it, never from the area's attributes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class InboxContext:
    client: Any = None  # ClientInfo of the client shown, or None
    rules: Any = None  # the charter's rules in force (None until read)
    staff: list = field(default_factory=list)
    contacts: list = field(default_factory=list)
    saved: list = field(default_factory=list)  # saved replies

    @property
    def timezone(self) -> str:
        return self.client.timezone if self.client is not None else "Europe/Paris"

    @property
    def client_id(self) -> int | None:
        return self.client.id if self.client is not None else None
