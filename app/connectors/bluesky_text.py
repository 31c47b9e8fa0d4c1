"""Bluesky text: link and mention facets, with the UTF-8 byte offsets the AT Protocol wants."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

LINK = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)]")
MENTION = re.compile(r"(?<![\w@])@([a-zA-Z0-9][a-zA-Z0-9.-]*\.[a-zA-Z]{2,})")


def facets_for(text: str, resolve: Callable[[str], str | None]) -> list[dict[str, Any]]:
    """Link and mention facets with byte offsets (``resolve(handle)`` → DID or None)."""
    facets: list[dict[str, Any]] = []

    def byte_range(start: int, end: int) -> dict[str, Any]:
        return {"byteStart": len(text[:start].encode()), "byteEnd": len(text[:end].encode())}

    for m in LINK.finditer(text):
        facets.append(
            {
                "index": byte_range(m.start(), m.end()),
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": m.group()}],
            }
        )
    for m in MENTION.finditer(text):
        did = resolve(m.group(1))
        if did:
            facets.append(
                {
                    "index": byte_range(m.start(), m.end()),
                    "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did}],
                }
            )
    return facets


__all__ = ["LINK", "MENTION", "facets_for"]
