"""Moderation carried out on the networks: the sync sends what the inbox applied.

An action applied in Tribune (hide, delete, ban, report, by a charter rule) is marked
"pending" for the network; at the next sync of the message's account the connector does
what its API allows (Meta: hide, delete, block from the Page; Mastodon and Bluesky: block
or report the author) and the result is written: "done", "unsupported" (the API has no
such call: the action holds in Tribune only, and the message says so), or "failed" with the
network's reason. A network that does not answer leaves the action pending for the next
sync; restoring a hidden message un-hides it on the network too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.connectors.base import (
    AuthError,
    Connector,
    ConnectorError,
    NotSupported,
    RateLimited,
    Unavailable,
)
from app.connectors.contract import ModerationToSend
from app.db import Database
from app.models.inbox import InboxMessage, ModerationAction
from app.services.people import audit
from app.services.sync.publish import for_account

TO_SEND = ("pending", "unhide")


@dataclass(frozen=True)
class PushOutcome:
    done: int = 0
    not_possible: int = 0
    failed: int = 0
    messages: tuple[str, ...] = ()


def due_moderation(
    session: Session, client_id: int, network: str, account_id: int, default_account: bool
) -> list[ModerationToSend]:
    """The actions waiting for this account (its messages; unassigned ones go to the first
    account of the network, like replies)."""
    rows = session.execute(
        select(ModerationAction, InboxMessage)
        .join(InboxMessage, InboxMessage.id == ModerationAction.message_id)
        .where(
            ModerationAction.client_id == client_id,
            ModerationAction.state == "applied",
            ModerationAction.network_state.in_(TO_SEND),
            InboxMessage.network == network,
        )
        .order_by(ModerationAction.id)
    ).all()
    items = [
        ModerationToSend(
            moderation_id=action.id,
            client_id=client_id,
            network=msg.network,
            account_id=msg.account_id,
            action="unhide" if action.network_state == "unhide" else action.action,
            external_id=msg.external_id,
            author_handle=msg.author_handle,
            reason=" — ".join(x for x in (action.rule_label, action.note) if x),
            rule_key=action.rule_key,
        )
        for action, msg in rows
    ]
    return [i for i in items if for_account(i, account_id, network, default_account)]


def record(session: Session, item: ModerationToSend, state: str, message: str = "") -> None:
    row = session.get(ModerationAction, item.moderation_id)
    if row is None or row.network_state not in TO_SEND:
        return  # restored or cancelled meanwhile
    row.network_state = "restored" if item.action == "unhide" and state == "done" else state
    row.network_message = message[:1000]
    audit.record(
        session,
        "inbox.moderation.network",
        client_id=item.client_id,
        target_type="message",
        target_id=row.message_id,
        details={"action": item.action, "network": item.network, "state": state},
    )


def push_moderation(
    db: Database,
    client_id: int,
    account_id: int,
    connector: Connector,
    *,
    default_account: bool,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> PushOutcome:
    """Send the account's pending moderation; an auth failure is raised (reconnect), an
    outage stops here and leaves the rest pending."""
    with db.read() as s:
        items = due_moderation(s, client_id, connector.network, account_id, default_account)
    done = not_possible = failed = 0
    messages: list[str] = []
    for item in items:
        if is_cancelled():
            break
        try:
            connector.moderate(item)
        except AuthError:
            raise
        except (Unavailable, RateLimited) as exc:
            messages.append(exc.message)
            break  # no network: stays pending
        except NotSupported as exc:
            state, message = "unsupported", exc.message
            not_possible += 1
        except ConnectorError as exc:
            state, message = "failed", exc.message
            failed += 1
            messages.append(exc.message)
        else:
            state, message = "done", ""
            done += 1
        with db.session() as s:
            record(s, item, state, message)
    return PushOutcome(done, not_possible, failed, tuple(messages))
