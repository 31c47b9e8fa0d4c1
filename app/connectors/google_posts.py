"""A calendar post as a Google Business Profile local post (My Business API v4).

``POST /v4/{account}/{location}/localPosts`` with a ``LocalPost``: ``summary`` (1,500
characters), ``topicType`` STANDARD ("What's new"), EVENT or OFFER, an ``event`` (``title``
and ``schedule`` dates) for an event and for an offer (its validity), ``callToAction``
(``LEARN_MORE`` and the post's link) or, for an offer, ``offer.redeemOnlineUrl``, and one
photo by its public address (``media[].sourceUrl``: Google fetches it).

How the editor says which kind: the Google variant's first line, in English or in French::

    Offer: -20 % on Christmas logs (2026-12-01 → 2026-12-24)
    Événement : Atelier pain au levain (2026-12-12)

makes an offer or an event with that title and those days (one day, or from → to; without
dates, the planned day); the rest of the text is the post. Any other text is a "What's new"
post. A first line that starts like a kind but cannot be read is refused before anything is
sent, with what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.connectors.contract import MediaRef
from app.connectors.errors import Rejected
from app.i18n import translate

SUMMARY_LIMIT = 1500
TITLE_LIMIT = 58  # Google's limit on an event's or an offer's title
KINDS = {
    "offer": "OFFER",
    "offre": "OFFER",
    "event": "EVENT",
    "événement": "EVENT",
    "évènement": "EVENT",
    "evenement": "EVENT",
}
_HEAD = re.compile(r"^\s*(?P<kind>[^\W\d_]+)\s*:\s*(?P<rest>.*)$")
_DAYS = re.compile(
    r"^(?P<title>.*?)\s*\(\s*(?P<start>\d{4}-\d{2}-\d{2})"
    r"(?:\s*(?:→|->|–|—|-|to|au)\s*(?P<end>\d{4}-\d{2}-\d{2}))?\s*\)\s*$"
)


@dataclass(frozen=True)
class Topic:
    kind: str  # STANDARD, EVENT, OFFER
    summary: str
    title: str = ""
    start: dt.date | None = None
    end: dt.date | None = None


def kind_note() -> str:
    """The editor's line under the Google tab."""
    return translate(
        "Connectors",
        "A first line “Offer: title (2026-12-01 → 2026-12-24)” or “Event: title (date)” makes "
        "an offer or an event; any other text is a “What's new” post.",
    )


def _bad(why: str) -> Rejected:
    return Rejected(
        translate("Connectors", "The Google post's first line cannot be read: {why}").format(
            why=why
        )
    )


def read_topic(text: str, planned: dt.date) -> Topic:
    """The kind of post the text asks for (see the module's doc)."""
    first, _, rest = text.strip().partition("\n")
    head = _HEAD.match(first)
    kind = KINDS.get(head.group("kind").casefold()) if head else None
    if head is None or kind is None:
        return Topic("STANDARD", text.strip())
    line = head.group("rest").strip()
    days = _DAYS.match(line)
    title = (days.group("title") if days else line).strip()
    try:
        start = dt.date.fromisoformat(days.group("start")) if days else planned
        end = dt.date.fromisoformat(days.group("end")) if days and days.group("end") else start
    except ValueError:
        raise _bad(translate("Connectors", "a date does not exist.")) from None
    if not title:
        raise _bad(translate("Connectors", "the title is missing."))
    if len(title) > TITLE_LIMIT:
        raise _bad(
            translate("Connectors", "the title is longer than {n} characters.").format(
                n=TITLE_LIMIT
            )
        )
    if end < start:
        raise _bad(translate("Connectors", "it ends before it starts."))
    return Topic(kind, rest.strip(), title, start, end)


def _date(day: dt.date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def local_post(topic: Topic, link: str, photo: str) -> dict[str, Any]:
    """The ``LocalPost`` body for ``topic``."""
    body: dict[str, Any] = {"topicType": topic.kind, "summary": topic.summary}
    if topic.kind != "STANDARD" and topic.start and topic.end:
        body["event"] = {
            "title": topic.title,
            "schedule": {"startDate": _date(topic.start), "endDate": _date(topic.end)},
        }
    if link and topic.kind == "OFFER":
        body["offer"] = {"redeemOnlineUrl": link}
    elif link:
        body["callToAction"] = {"actionType": "LEARN_MORE", "url": link}
    if photo:
        body["media"] = [{"mediaFormat": "PHOTO", "sourceUrl": photo}]
    return body


def photo_address(media: Sequence[MediaRef]) -> str:
    """The post's one photo, by the public address Google fetches it from."""
    if not media:
        return ""
    if len(media) > 1 or media[0].is_video:
        raise Rejected(translate("Connectors", "A Google post takes one photo; not sent."))
    path = media[0].path
    if not path.startswith(("http://", "https://")):
        raise Rejected(
            translate(
                "Connectors",
                "Google fetches the photo from a public address: the post needs a photo "
                "published at an http(s) address.",
            )
        )
    return str(path)


__all__ = ["SUMMARY_LIMIT", "Topic", "kind_note", "local_post", "photo_address", "read_topic"]
