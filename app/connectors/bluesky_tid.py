"""Record keys of our own Bluesky posts: a valid AT Protocol TID derived from the send's
idempotency key, so a retried send writes the same record (never a second post)."""

from __future__ import annotations

import datetime as dt
import hashlib

B32 = "234567abcdefghijklmnopqrstuvwxyz"


def tid_for(key: str, when: dt.datetime) -> str:
    """A valid AT Protocol TID (13 base32-sortable chars) that depends only on ``key``/``when``."""
    micros = int(when.timestamp() * 1_000_000) & ((1 << 53) - 1)
    clock = int.from_bytes(hashlib.sha256(key.encode()).digest()[:2], "big") & 0x3FF
    value = (micros << 10) | clock
    return "".join(B32[(value >> (5 * i)) & 31] for i in reversed(range(13)))
