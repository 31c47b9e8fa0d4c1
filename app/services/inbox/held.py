"""Comments a network holds for review (YouTube's "held for review"), as the inbox keeps them.

A held comment is not public: it is stored hidden, with a moderation entry that says the
network holds it (action "hide", carried out on the network already). The charter's
moderation then decides, with the usual guarantees (recorded, sent once by the sync of the
account, in the audit trail):

- restoring the message (``moderation.restore``, with its reason) publishes it on the
  network (the entry turns "unhide": the sync sends ``setModerationStatus=published``);
- deleting it by a charter rule rejects it there (``rejected``);
- banning its author, only when a rule allows a ban and someone chose it, rejects it and
  bans the author — never by default.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select, tuple_
from sqlalchemy.orm import Session

from app.connectors.contract import IncomingMessage
from app.i18n import translate
from app.models import utcnow
from app.models.inbox import InboxMessage, ModerationAction
from app.networks import network_label
from app.services.people import audit

HELD_RULE = "held"  # the rule key of the entries the network made, not a charter rule
HELD_STORED = "Held for review by {network}"  # stored in English, translated when shown


def held_label(network: str) -> str:
    """The entry's words in the reader's language (``network``: the network's key)."""
    return shown_held(network_label(network))


def shown_held(label: str) -> str:
    """The entry's words in the reader's language, from the network's name the entry keeps
    (``requested_by``): never the language of the seat that synced it."""
    return translate("Moderation", "Held for review by {network}").format(network=label)


def settle_held(
    session: Session,
    client_id: int,
    items: list[IncomingMessage],
    now: dt.datetime | None = None,
) -> int:
    """Held messages the network decided itself (YouTube Studio), as ``item.decided`` says:
    "published" shows the message again, "rejected" deletes it (the original is kept); either
    way its entry leaves the held state, once, in the audit trail. Returns how many."""
    decided = {(i.network, i.external_id): i.decided for i in items if i.decided}
    if not decided:
        return 0
    rows = session.execute(
        select(InboxMessage, ModerationAction)
        .join(ModerationAction, ModerationAction.message_id == InboxMessage.id)
        .where(
            InboxMessage.client_id == client_id,
            tuple_(InboxMessage.network, InboxMessage.external_id).in_(list(decided)),
            ModerationAction.rule_key == HELD_RULE,
            ModerationAction.network_state.in_(("done", "unhide")),
        )
    ).all()
    for msg, entry in rows:
        decision = decided[(msg.network, msg.external_id)]
        if decision == "published":
            msg.hidden = msg.deleted = False
            entry.network_state = "restored"
        else:
            msg.deleted = True
            entry.network_state = "rejected"
        entry.decided_at = now or utcnow()
        audit.record(
            session,
            "inbox.moderation.network_decided",
            client_id=client_id,
            target_type="message",
            target_id=msg.id,
            details={"network": msg.network, "decision": decision},
            actor=network_label(msg.network),
        )
    session.flush()
    return len(rows)


def record_held(
    session: Session, client_id: int, rows: list[dict[str, Any]], now: dt.datetime | None = None
) -> int:
    """One "held by the network" entry for each newly stored held message (``rows`` as the
    ingest stored them); a message that has one already is left alone. Returns how many."""
    keys = [(r["network"], r["external_id"]) for r in rows]
    if not keys:
        return 0
    found = session.execute(
        select(InboxMessage.id, InboxMessage.network).where(
            InboxMessage.client_id == client_id,
            tuple_(InboxMessage.network, InboxMessage.external_id).in_(keys),
        )
    ).all()
    ids = [i for i, _ in found]
    known = set(
        session.scalars(
            select(ModerationAction.message_id).where(
                ModerationAction.message_id.in_(ids), ModerationAction.rule_key == HELD_RULE
            )
        )
    )
    now = now or utcnow()
    added = 0
    for message_id, network in found:
        if message_id in known:
            continue
        label = network_label(network)
        session.add(
            ModerationAction(
                client_id=client_id,
                message_id=message_id,
                action="hide",
                rule_key=HELD_RULE,
                rule_label=HELD_STORED.format(network=label),
                state="applied",
                requested_by=label,
                requested_at=now,
                decided_by=label,
                decided_at=now,
                network_state="done",  # the network holds it already
                network_message=HELD_STORED.format(network=label),  # shown translated
            )
        )
        audit.record(
            session,
            "inbox.moderation.held",
            client_id=client_id,
            target_type="message",
            target_id=message_id,
            details={"network": network},
            actor=label,
        )
        added += 1
    session.flush()
    return added


__all__ = ["HELD_RULE", "held_label", "record_held", "settle_held", "shown_held"]
