"""A calendar post as a Google Business Profile local post (My Business API v4).

``POST /v4/{account}/{location}/localPosts`` with a ``LocalPost``: ``summary`` (1,500
characters), ``topicType`` STANDARD ("What's new"), EVENT or OFFER, an ``event`` (``title``
and ``schedule``: dates, and for a timed event start and end times) for an event and for an
offer (its validity), ``callToAction`` (``LEARN_MORE`` and the post's link) or, for an offer,
``offer`` (``redeemOnlineUrl``: the post's link, ``couponCode``, ``termsConditions``), and one
photo by its public https address (``media[].sourceUrl``: Google fetches it).

How the editor says which kind: the Google variant's first line, in English or in French::

    Offer: -20 % on Christmas logs (2026-12-01 → 2026-12-24)
    Code: BUCHE20
    Terms: One per customer, while stocks last.
    Événement : Atelier pain au levain (2026-12-12 14:00 → 17:00)

makes an offer or an event with that title and those days (one day, or from → to; without
dates, the planned day), each day with an optional time (``HH:MM``; an end time alone means
the start day); an offer's next lines may give its coupon code (``Code:``) and its terms
(``Terms:`` / ``Conditions :``); the link is where the offer is redeemed; the rest of the text
is the post. Any other text is a "What's new" post. A first line that starts like a kind but
cannot be read, or what Google would refuse (times given by halves, a code or terms on an
event, a code over 58 characters, terms over 5,000), is refused before anything is sent, in
one line that says what is wrong.
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
CODE_LIMIT = 58  # an offer's coupon code, as Business Profile takes it
TERMS_LIMIT = 5000  # an offer's terms and conditions
KINDS = {
    "offer": "OFFER",
    "offre": "OFFER",
    "event": "EVENT",
    "événement": "EVENT",
    "évènement": "EVENT",
    "evenement": "EVENT",
}
DETAILS = {"code": "code", "terms": "terms", "conditions": "terms"}
_HEAD = re.compile(r"^\s*(?P<kind>[^\W\d_]+)\s*:\s*(?P<rest>.*)$")
_WHEN = r"(?P<{0}>\d{{4}}-\d{{2}}-\d{{2}})?(?:[ T]*(?P<{0}_time>\d{{1,2}}[:h]\d{{2}}))?"
_DAYS = re.compile(
    r"^(?P<title>.*?)\s*\(\s*"
    + _WHEN.format("start")
    + r"(?:\s*(?:→|->|–|—|-|to|au)\s*"
    + _WHEN.format("end")
    + r")?\s*\)\s*$"
)


@dataclass(frozen=True)
class Topic:
    kind: str  # STANDARD, EVENT, OFFER
    summary: str
    title: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    code: str = ""  # an offer's coupon code
    terms: str = ""  # an offer's terms and conditions


def kind_note() -> str:
    """The editor's line under the Google tab."""
    return translate(
        "Connectors",
        "A first line “Offer: title (2026-12-01 → 2026-12-24)” or “Event: title (2026-12-12 "
        "14:00 → 17:00)” makes an offer or an event; an offer may add “Code: …” and “Terms: "
        "…” lines and is redeemed at the link; any other text is a “What's new” post.",
    )


def _bad(why: str) -> Rejected:
    return Rejected(
        translate("Connectors", "The Google post's first lines cannot be read: {why}").format(
            why=why
        )
    )


def _time(text: str | None) -> dt.time | None:
    if not text:
        return None
    hours, minutes = re.split("[:h]", text)
    try:
        return dt.time(int(hours), int(minutes))
    except ValueError:
        raise _bad(translate("Connectors", "a time does not exist.")) from None


def _details(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    """The ``Code:`` and ``Terms:`` lines right under the first line, and the rest."""
    found: dict[str, str] = {}
    while lines:
        head = _HEAD.match(lines[0])
        key = DETAILS.get(head.group("kind").casefold()) if head else None
        if head is None or key is None:
            break
        found[key] = head.group("rest").strip()
        lines = lines[1:]
    return found, lines


def read_topic(text: str, planned: dt.date) -> Topic:
    """The kind of post the text asks for (see the module's doc)."""
    first, *others = text.strip().split("\n")
    head = _HEAD.match(first)
    kind = KINDS.get(head.group("kind").casefold()) if head else None
    if head is None or kind is None:
        return Topic("STANDARD", text.strip())
    line = head.group("rest").strip()
    days = _DAYS.match(line)
    title = (days.group("title") if days else line).strip()
    when = days.groupdict() if days else {}
    try:
        start = dt.date.fromisoformat(when["start"]) if when.get("start") else planned
        end = dt.date.fromisoformat(when["end"]) if when.get("end") else start
    except ValueError:
        raise _bad(translate("Connectors", "a date does not exist.")) from None
    start_time, end_time = _time(when.get("start_time")), _time(when.get("end_time"))
    details, rest = _details(others)
    if not title:
        raise _bad(translate("Connectors", "the title is missing."))
    if len(title) > TITLE_LIMIT:
        raise _bad(
            translate("Connectors", "the title is longer than {n} characters.").format(
                n=TITLE_LIMIT
            )
        )
    if (start_time is None) != (end_time is None):
        raise _bad(translate("Connectors", "give both a start time and an end time, or neither."))
    if (end, end_time or dt.time()) < (start, start_time or dt.time()):
        raise _bad(translate("Connectors", "it ends before it starts."))
    if kind == "EVENT" and details:
        raise _bad(translate("Connectors", "a code or terms go only with an offer."))
    code, terms = details.get("code", ""), details.get("terms", "")
    if len(code) > CODE_LIMIT or not details.get("code", "-"):
        raise _bad(
            translate("Connectors", "the code is empty or longer than {n} characters.").format(
                n=CODE_LIMIT
            )
        )
    if len(terms) > TERMS_LIMIT:
        raise _bad(
            translate("Connectors", "the terms are longer than {n} characters.").format(
                n=TERMS_LIMIT
            )
        )
    summary = "\n".join(rest).strip()
    return Topic(kind, summary, title, start, end, start_time, end_time, code, terms)


def _date(day: dt.date) -> dict[str, int]:
    return {"year": day.year, "month": day.month, "day": day.day}


def _clock(time: dt.time) -> dict[str, int]:
    return {"hours": time.hour, "minutes": time.minute, "seconds": 0, "nanos": 0}


def _offer(topic: Topic, link: str) -> dict[str, str]:
    """An offer's ``offer``: where it is redeemed (an http(s) address), its code, its terms."""
    if link and not re.fullmatch(r"https?://[^\s/]+\.[^\s]+", link):
        raise Rejected(
            translate(
                "Connectors",
                "Google redeems an offer at a web address: the link “{link}” is not one.",
            ).format(link=link[:80])
        )
    found = {"redeemOnlineUrl": link, "couponCode": topic.code, "termsConditions": topic.terms}
    return {key: value for key, value in found.items() if value}


def local_post(topic: Topic, link: str, photo: str) -> dict[str, Any]:
    """The ``LocalPost`` body for ``topic``."""
    body: dict[str, Any] = {"topicType": topic.kind, "summary": topic.summary}
    if topic.kind != "STANDARD" and topic.start and topic.end:
        schedule: dict[str, Any] = {"startDate": _date(topic.start), "endDate": _date(topic.end)}
        if topic.start_time and topic.end_time:
            schedule["startTime"] = _clock(topic.start_time)
            schedule["endTime"] = _clock(topic.end_time)
        body["event"] = {"title": topic.title, "schedule": schedule}
    if topic.kind == "OFFER":
        if offer := _offer(topic, link):
            body["offer"] = offer
    elif link:
        body["callToAction"] = {"actionType": "LEARN_MORE", "url": link}
    if photo:
        body["media"] = [{"mediaFormat": "PHOTO", "sourceUrl": photo}]
    return body


def problems(text: str, link: str, day: dt.date) -> list[str]:
    """What Google would refuse in the variant's text and link, for the editor (one line)."""
    try:
        topic = read_topic(text, day)
        if topic.kind == "OFFER":
            _offer(topic, link)
    except Rejected as exc:
        return [exc.message]
    return []


def photo_address(media: Sequence[MediaRef]) -> str:
    """The post's one photo, by the public address Google fetches it from."""
    if not media:
        return ""
    if len(media) > 1 or media[0].is_video:
        raise Rejected(translate("Connectors", "A Google post takes one photo; not sent."))
    path = str(media[0].path)
    if not path.startswith("https://"):
        raise Rejected(
            translate(
                "Connectors",
                "Google only takes a photo at a public https address, not a file from this "
                "computer: not sent. Give the photo with “Add by address…” in the post.",
            )
        )
    return path


__all__ = [
    "SUMMARY_LIMIT",
    "Topic",
    "kind_note",
    "local_post",
    "photo_address",
    "problems",
    "read_topic",
]
