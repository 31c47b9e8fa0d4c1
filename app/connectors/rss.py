"""RSS (0.90, 0.91–2.0, 1.0/RDF) and Atom feeds as listening sources: new entries arrive in
the inbox as mentions.

``base_url`` is the feed's address. Parsing is feedparser's (every version, every declared
encoding, malformed feeds read as far as they go, xhtml content): a hand-made reader refused
RSS 1.0, Chinese and Korean encodings and a whole feed over one bare ``&``. A conditional GET
(``ETag`` / ``Last-Modified``) makes a second sync cost one 304.

The cursor is the set of entry ids already delivered (the most recent :data:`KEEP_IDS`), never
a date: an entry that appears late with an older date still arrives, and an entry dated in
the future moves nothing. A cursor of an older Tribune (``seen_at``) is honoured once, then
replaced by ids.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

import feedparser
import httpx

from app.connectors.base import BadResponse, Connector, FetchProgress, FetchResult, Health, Rejected
from app.connectors.contract import IncomingMessage, RowError
from app.connectors.http import parse_time
from app.connectors.text import html_to_text
from app.i18n import translate

KEEP_IDS = 2000  # ids remembered per feed: far more than any feed lists at once


def _when(entry: Mapping[str, Any]) -> dt.datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # the plain dict's look-up: feedparser's own maps a missing updated_parsed to
        # published_parsed, with a DeprecationWarning (the mapping is going away)
        value = dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC)
    return None


def _body(entry: Mapping[str, Any]) -> str:
    for content in entry.get("content") or ():
        if content.get("value"):
            value: str = content["value"]
            return value
    text: str = entry.get("summary") or entry.get("description") or ""
    return text


def _declared(body: bytes, content_type: str) -> bool:
    """Whether the HTTP answer or the XML declaration names an encoding (or a BOM does)."""
    if "charset=" in content_type.lower():
        return True
    if body[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff") or body[:2] in (
        b"\xff\xfe",
        b"\xfe\xff",
    ):
        return True
    head = body[:200].split(b"?>", 1)[0]
    return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<?xml") and b"encoding=" in head


def _guessed(body: bytes) -> str:
    """The encoding of a feed that says none and is not UTF-8 (KOI8-R, Shift_JIS, Windows
    code pages…), as charset-normalizer reads it; "" when it cannot tell."""
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    return best.encoding if best is not None else ""


def parse_feed(
    body: bytes, content_type: str = "", base: str = ""
) -> tuple[str, list[dict[str, Any]]]:
    """(feed title, entries as dicts) of any RSS or Atom document, as feedparser reads it.

    ``base`` is the feed's address: entries' relative links are resolved against it (their
    ids are kept as written, so that a cursor stored before stays valid). A feed that
    names no encoding and is not UTF-8 is read in the encoding charset-normalizer detects,
    rather than as Windows-1252 (which turns Cyrillic or Japanese into mojibake).

    Raises:
        BadResponse: the document declares XML entities, or is no feed at all (saying what
            was found instead).
    """
    if b"<!ENTITY" in body[:4096]:
        raise BadResponse(translate("Connectors", "The feed declares XML entities; refused."))
    headers = {"content-type": content_type} if content_type else {}
    parsed = feedparser.parse(body, response_headers=headers or None)
    override = isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride)
    if override and not _declared(body, content_type):
        guess = _guessed(body)
        if guess and guess.replace("_", "-").lower() not in ("utf-8", "ascii"):
            headers["content-type"] = f"application/xml; charset={guess}"
            parsed = feedparser.parse(body, response_headers=headers)
    version = parsed.get("version") or ""
    if not version and not parsed.entries:
        start = body[:200].lstrip().lower()
        found = (
            translate("Connectors", "a web page")
            if start.startswith((b"<!doctype html", b"<html"))
            else translate("Connectors", "no RSS or Atom element")
        )
        raise BadResponse(
            translate(
                "Connectors", "This address is not an RSS or Atom feed (found {found})."
            ).format(found=found)
        )
    title = parsed.feed.get("title", "")
    entries = []
    for e in parsed.entries:
        link = e.get("link", "")
        when = _when(e)
        body_html = _body(e)
        entry_id = e.get("id") or link  # as written: ids stay what earlier syncs stored
        if not entry_id and (e.get("title") or body_html):
            # RSS 0.90/0.91 items may have neither guid nor link: their content is their name
            seed = "\n".join((e.get("title", ""), body_html, when.isoformat() if when else ""))
            entry_id = "content:" + hashlib.sha256(seed.encode("utf-8", "replace")).hexdigest()[:32]
        entries.append(
            {
                "id": entry_id,
                "title": e.get("title", ""),
                "link": urljoin(base, link) if base and link else link,
                "author": e.get("author", ""),
                "body": body_html,
                "date": when,
            }
        )
    return title, entries


def _key(entry_id: str) -> str:
    """A short, fixed-size form of an entry id for the cursor (ids may be long URLs)."""
    return hashlib.sha256(entry_id.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class RssConnector(Connector):
    network = "rss"
    can_publish = False

    def _download(self, cursor: dict[str, Any]) -> httpx.Response:
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
        response = self._download({})
        title, _ = parse_feed(
            response.content, response.headers.get("Content-Type", ""), self.account.base_url
        )
        return Health(display_name=title)

    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: FetchProgress | None = None
    ) -> FetchResult:
        cursor = dict(cursor or {})
        response = self._download(cursor)
        if response.status_code == 304:
            return FetchResult((), cursor, (), 1)
        title, entries = parse_feed(
            response.content, response.headers.get("Content-Type", ""), self.account.base_url
        )
        seen_ids: list[str] = list(cursor.get("seen_ids") or [])
        known = set(seen_ids)
        legacy = parse_time(cursor.get("seen_at")) if "seen_ids" not in cursor else None
        now = dt.datetime.now(dt.UTC)
        items, errors, fresh = [], [], []
        for e in entries:
            if not e["id"]:
                errors.append(
                    RowError(
                        0,
                        html_to_text(e["title"])[:80],
                        translate("Connectors", "An empty feed entry was skipped."),
                    )
                )
                continue
            key = _key(e["id"])
            if key in known:
                continue
            known.add(key)
            fresh.append(key)
            when = e["date"] or now
            if legacy and when <= legacy:
                continue  # delivered by the date cursor of an older Tribune
            text = "\n\n".join(x for x in (html_to_text(e["title"]), html_to_text(e["body"])) if x)
            items.append(
                IncomingMessage.fast(
                    network=self.network,
                    external_id=e["id"][:200],
                    kind="mention",
                    author=e["author"] or title,
                    author_handle=self.account.handle,
                    text=text,
                    # an entry dated in the future arrives now, not years ahead in the inbox
                    received_at=min(when, now),
                    url=e["link"],
                    account_id=self.account.id,
                )
            )
        if response.headers.get("ETag"):
            cursor["etag"] = response.headers["ETag"]
        if response.headers.get("Last-Modified"):
            cursor["modified"] = response.headers["Last-Modified"]
        cursor["seen_ids"] = (fresh + seen_ids)[:KEEP_IDS]
        cursor.pop("seen_at", None)
        if progress:
            progress(len(items), "entries")
        return FetchResult(tuple(items), cursor, tuple(errors), 1)
