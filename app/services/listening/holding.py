"""The holding message of a crisis: taken from the charter, drafted per network for approval.

The charter's crisis section usually holds the agency's agreed words for the first hour of a
crisis, under a heading such as « Message d'attente » or "Holding statement". In one click
the crisis banner drafts them as one post with a variant per network the client publishes
on (cut to each network's limit at a sentence or a word), planned a few minutes ahead and
sent to review: nothing leaves before a lead approves it, as the charter's escalation wants.
With no such heading, a sober default in the client's language is used, and said so.

Two seats clicking at once (or twice in a row, even either side of hh:00) get ONE post per
crisis episode (:mod:`.episodes`: from the first signal until a seat says the crisis is over,
or a quiet day): the episode is claimed in ``holding_drafts`` with ``INSERT … ON CONFLICT DO
NOTHING`` before anything else is written; the seat that finds the claim taken returns the
post of the seat that took it (on PostgreSQL its insert waits for that seat's commit; on
SQLite the writers queue). Deleting that post frees the episode for a new draft.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.connectors.errors import Rejected
from app.connectors.google_posts import read_topic
from app.db import insert_ignore
from app.i18n import document_language
from app.i18n import document_translate as translate
from app.models import Client, NetworkAccount, utcnow
from app.models.base import table_of
from app.models.charter import CharterSection
from app.models.listening import HoldingDraft
from app.networks import NETWORKS, PUBLISHABLE
from app.services.calendar.post_types import PostInfo, VariantInput
from app.services.calendar.posts import create_post, get_post
from app.services.charter.in_force import version_in_force
from app.services.listening.episodes import signal_episode

HEADINGS = (
    "message d'attente",
    "message d’attente",
    "message de patience",
    "holding message",
    "holding statement",
)
QUOTES = "«»“”\"'  \u202f\u00a0"
LEAD_MINUTES = 10


@dataclass(frozen=True)
class HoldingDraftInfo:
    post: PostInfo
    created: bool  # False: this crisis's holding message was already drafted (maybe elsewhere)
    episode_id: int = 0
    # one line per network the client publishes on that could not take the words (Google
    # reading the first line as an offer or an event): left out of the post, said in the UI
    left_out: tuple[str, ...] = ()


@dataclass(frozen=True)
class HoldingMessage:
    text: str
    from_charter: bool  # False: the default words (the charter has no holding message)


class _Blocks(HTMLParser):
    """The section's text as (is_heading, text) blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[bool, str]] = []
        self._heading = False
        self._text: list[str] = []

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text:
            self.blocks.append((self._heading, text))
        self._text = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2", "h3", "h4", "p", "li", "br", "div"):
            self._flush()
            self._heading = tag in ("h1", "h2", "h3", "h4")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2", "h3", "h4", "p", "li", "div"):
            self._flush()
            self._heading = False

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def _from_html(section_html: str) -> str:
    parser = _Blocks()
    parser.feed(section_html or "")
    parser.close()
    parser._flush()
    words: list[str] = []
    taking = False
    for is_heading, text in parser.blocks:
        if is_heading:
            if taking:
                break
            taking = text.strip().lower().rstrip(" :") in HEADINGS
            continue
        if taking:
            words.append(text)
    return " ".join(words).strip(QUOTES)


def holding_message(
    session: Session, client_id: int, at: dt.datetime | None = None
) -> HoldingMessage:
    """The charter's holding message for the client (the version in force), else the default."""
    version, _signed = version_in_force(session, client_id, at)
    if version is not None:
        section_html = session.scalar(
            select(CharterSection.html).where(
                CharterSection.version_id == version.id, CharterSection.key == "crisis"
            )
        )
        text = _from_html(section_html or "")
        if text:
            return HoldingMessage(text, True)
    with document_language(_language(session, client_id)):
        return HoldingMessage(
            translate(
                "Holding",
                "We have seen your messages and we take the matter very seriously. We will "
                "come back to you shortly with precise answers.",
            ),
            False,
        )


def _language(session: Session, client_id: int) -> str:
    client = session.get(Client, client_id)
    return client.language if client is not None and client.language else "fr"


def fit(text: str, limit: int) -> str:
    """``text`` within ``limit`` characters: whole sentences, else whole words and "…"."""
    if limit <= 0 or len(text) <= limit:
        return text
    sentences = re.split(r"(?<=[.!?…])\s+", text)
    out = ""
    for sentence in sentences:
        candidate = f"{out} {sentence}".strip()
        if len(candidate) > limit:
            break
        out = candidate
    if out:
        return out
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…"


def draft_holding_posts(
    session: Session, client_id: int, *, now: dt.datetime | None = None
) -> PostInfo:
    """This crisis's holding message post (drafted now, or the one already drafted)."""
    return draft_holding(session, client_id, now=now).post


def draft_holding(
    session: Session, client_id: int, *, now: dt.datetime | None = None
) -> HoldingDraftInfo:
    """One post in review with the holding message for every network the client publishes
    on, planned ``LEAD_MINUTES`` ahead (a lead approves it before it can be scheduled) —
    or, when this crisis episode's was already drafted by any seat, that post (``created``
    False). The click is itself a crisis signal: it opens the episode when none is open."""
    now = now or utcnow()
    episode_id = signal_episode(session, client_id, now)
    claim = {"client_id": client_id, "episode_id": episode_id, "post_id": None, "created": now}
    if not insert_ignore(session, table_of(HoldingDraft), [claim]):
        post_id = session.scalar(
            select(HoldingDraft.post_id).where(HoldingDraft.episode_id == episode_id)
        )
        if post_id is not None:
            post = get_post(session, client_id, post_id)
            message = holding_message(session, client_id, now)
            left_out = _left_out(session, client_id, message, now)[1]
            return HoldingDraftInfo(post, False, episode_id, left_out)
    post, left_out = _create(session, client_id, now)
    session.execute(
        update(HoldingDraft).where(HoldingDraft.episode_id == episode_id).values(post_id=post.id)
    )
    return HoldingDraftInfo(post, True, episode_id, left_out)


def _left_out(
    session: Session, client_id: int, message: HoldingMessage, now: dt.datetime
) -> tuple[list[str], tuple[str, ...]]:
    """The networks the holding message goes to, and a line for each that cannot take it:
    Google makes an offer or an event of a first line that reads like one (« Événement :
    … »), which a holding message is not."""
    networks = set(
        session.scalars(select(NetworkAccount.network).where(NetworkAccount.client_id == client_id))
    )
    targets = [n for n in PUBLISHABLE if n in networks] or ["facebook"]
    lines: list[str] = []
    if "google" in targets:
        text = fit(message.text, NETWORKS["google"].max_length)
        try:
            standard = read_topic(text, now.date()).kind == "STANDARD"
        except Rejected:
            standard = False
        if not standard:
            targets.remove("google")
            lines.append(_google_line())
    return targets, tuple(lines)


def _google_line() -> str:
    return translate(
        "Holding",
        "Not offered for Google, which would read its first line as an offer or an event: "
        "post it there by hand.",
    )


def _create(session: Session, client_id: int, now: dt.datetime) -> tuple[PostInfo, tuple[str, ...]]:
    message = holding_message(session, client_id, now)
    targets, left_out = _left_out(session, client_id, message, now)
    targets = targets or ["facebook"]
    variants = [VariantInput(n, fit(message.text, NETWORKS[n].max_length)) for n in targets]
    with document_language(_language(session, client_id)):
        note = (
            translate("Holding", "Drafted from the charter's crisis procedure.")
            if message.from_charter
            else translate(
                "Holding", "The charter has no holding message: default words, to adapt."
            )
        )
        title = translate("Holding", "Crisis: holding message")
        if left_out:  # said to the lead who approves it, in the client's language
            note = f"{note} {_google_line()}"
    post = create_post(
        session,
        client_id,
        planned_at=now + dt.timedelta(minutes=LEAD_MINUTES),
        variants=variants,
        title=title,
        notes=note,
        status="in_review",
    )
    return post, left_out
