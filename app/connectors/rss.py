"""RSS 2.0 and Atom feeds as listening sources: new entries arrive in the inbox as mentions.

``base_url`` is the feed's address. A conditional GET (``ETag`` / ``Last-Modified``) makes a
second sync cost one 304; entries already seen are dropped by date and by id.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from app.connectors.base import BadResponse, Connector, FetchResult, Health, Rejected
from app.connectors.http import parse_time
from app.connectors.text import html_to_text
from app.i18n import translate
from app.services.network_data import IncomingMessage, RowError

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"


def _text(node, path: str) -> str:
    found = node.find(path)
    return (found.text or "").strip() if found is not None and found.text else ""


def parse_feed(body: bytes) -> tuple[str, list[dict]]:
    """(feed title, entries as dicts) of an RSS 2.0 or Atom document."""
    if b"<!ENTITY" in body[:4096]:
        raise BadResponse(translate("Connectors", "The feed declares XML entities; refused."))
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        raise BadResponse(translate("Connectors", "The feed is not valid XML.")) from None
    entries = []
    if root.tag == f"{ATOM}feed":
        title = _text(root, f"{ATOM}title")
        for e in root.findall(f"{ATOM}entry"):
            link = ""
            for node in e.findall(f"{ATOM}link"):
                if node.get("rel", "alternate") == "alternate":
                    link = node.get("href", "")
            body_html = _text(e, f"{ATOM}content") or _text(e, f"{ATOM}summary")
            entries.append(
                {
                    "id": _text(e, f"{ATOM}id") or link,
                    "title": _text(e, f"{ATOM}title"),
                    "link": link,
                    "author": _text(e, f"{ATOM}author/{ATOM}name"),
                    "body": body_html,
                    "date": _text(e, f"{ATOM}updated") or _text(e, f"{ATOM}published"),
                }
            )
        return title, entries
    channel = root.find("channel")
    if root.tag != "rss" or channel is None:
        raise BadResponse(translate("Connectors", "This address is not an RSS or Atom feed."))
    title = _text(channel, "title")
    for item in channel.findall("item"):
        link = _text(item, "link")
        entries.append(
            {
                "id": _text(item, "guid") or link,
                "title": _text(item, "title"),
                "link": link,
                "author": _text(item, f"{DC}creator") or _text(item, "author"),
                "body": _text(item, f"{CONTENT}encoded") or _text(item, "description"),
                "date": _text(item, "pubDate") or _text(item, f"{DC}date"),
            }
        )
    return title, entries


class RssConnector(Connector):
    network = "rss"
    can_publish = False

    def _download(self, cursor: dict):
        headers = {}
        if cursor.get("etag"):
            headers["If-None-Match"] = cursor["etag"]
        if cursor.get("modified"):
            headers["If-Modified-Since"] = cursor["modified"]
        response = self.http.get(self.account.base_url, headers=headers)
        if response.status_code >= 400 and response.status_code != 304:
            raise Rejected(
                translate("Connectors", "The feed answered HTTP {status}.").format(
                    status=response.status_code
                )
            )
        return response

    def check(self) -> Health:
        title, _ = parse_feed(self._download({}).content)
        return Health(display_name=title)

    def fetch(self, cursor: dict, *, max_pages: int = 50, progress=None) -> FetchResult:
        cursor = dict(cursor or {})
        response = self._download(cursor)
        if response.status_code == 304:
            return FetchResult((), cursor, (), 1)
        title, entries = parse_feed(response.content)
        seen = parse_time(cursor.get("seen_at"))
        newest = seen
        items, errors = [], []
        for e in entries:
            when = parse_time(e["date"])
            if not e["id"]:
                errors.append(
                    RowError(
                        0,
                        e["title"][:80],
                        translate("Connectors", "A feed entry without id or link was skipped."),
                    )
                )
                continue
            when = when or dt.datetime.now(dt.UTC)
            if seen and when <= seen:
                continue
            newest = max(newest, when) if newest else when
            text = "\n\n".join(x for x in (html_to_text(e["title"]), html_to_text(e["body"])) if x)
            items.append(
                IncomingMessage.fast(
                    network=self.network,
                    external_id=e["id"][:200],
                    kind="mention",
                    author=e["author"] or title,
                    author_handle=self.account.handle,
                    text=text,
                    received_at=when,
                    url=e["link"],
                    account_id=self.account.id,
                )
            )
        if response.headers.get("ETag"):
            cursor["etag"] = response.headers["ETag"]
        if response.headers.get("Last-Modified"):
            cursor["modified"] = response.headers["Last-Modified"]
        if newest:
            cursor["seen_at"] = newest.isoformat()
        if progress:
            progress(len(items), "entries")
        return FetchResult(tuple(items), cursor, tuple(errors), 1)
