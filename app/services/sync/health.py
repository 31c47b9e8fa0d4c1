"""Account health: connected, reconnect needed, or error with the reason; token expiry.

Only an authentication failure sets "reconnect needed" (done by the sync engine); a
reconnect stores the new token in the keyring and checks it against the network, keeping
the account row and so its cursors, messages and numbers.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.db import Database
from app.i18n import translate
from app.models import Client, NetworkAccount
from app.models.base import utcnow
from app.models.sync import AccountHealthEvent
from app.services.clients import workspaces as clients
from app.services.people import audit

if TYPE_CHECKING:
    from app.connectors.http import Http

EXPIRY_WARNING_DAYS = 7


@dataclass(frozen=True)
class AccountHealth:
    account_id: int
    network: str
    handle: str
    status: str  # unknown | connected | reconnect_needed | error
    reason: str
    label: str  # translated one-liner for the UI
    token_expires_at: dt.datetime | None
    expires_in_days: int | None
    last_sync_at: dt.datetime | None
    needs_attention: bool


def set_status(
    s: Session,
    account_id: int,
    status: str,
    reason: str,
    *,
    last_sync_at: dt.datetime | None = None,
    token_expires_at: dt.datetime | None = None,
) -> None:
    """Set an account's status; a change is kept in the health history."""
    account = s.get(NetworkAccount, account_id)
    if account is None:
        return
    if account.status != status or (status != "connected" and account.status_reason != reason):
        s.add(
            AccountHealthEvent(
                client_id=account.client_id, account_id=account_id, status=status, reason=reason
            )
        )
    account.status, account.status_reason = status, reason
    if last_sync_at is not None:
        account.last_sync_at = last_sync_at
    if token_expires_at is not None:
        account.token_expires_at = token_expires_at


def status_label(status: str, reason: str, expires_in_days: int | None) -> str:
    if status == "connected":
        if expires_in_days is not None and expires_in_days <= EXPIRY_WARNING_DAYS:
            return translate("Sync", "Connected — token expires in {n} days").format(
                n=max(0, expires_in_days)
            )
        return translate("Sync", "Connected")
    if status == "reconnect_needed":
        text = translate(
            "Sync", "Reconnect needed: the network no longer accepts this account's access token."
        )
        return _with_detail(text, reason)
    if status == "error":
        text = translate("Sync", "Error: the last sync of this account did not go through.")
        return _with_detail(text, reason)
    return translate("Sync", "Not checked yet")


def _with_detail(text: str, reason: str) -> str:
    """A translated explanation first; the network's own words (often English) kept after."""
    reason = " ".join((reason or "").split())
    if not reason:
        return text
    return translate("Sync", "{explanation} Details: {reason}").format(
        explanation=text, reason=reason
    )


def outcome_label(outcome: str) -> str:
    """A sync outcome code (ok, auth, rate_limited, …) in words."""
    return {
        "ok": translate("Sync", "ok"),
        "auth": translate("Sync", "reconnect needed"),
        "rate_limited": translate("Sync", "rate limited"),
        "unavailable": translate("Sync", "unreachable"),
        "skipped": translate("Sync", "skipped"),
        "busy": translate("Sync", "synced by another seat"),
        "cancelled": translate("Sync", "cancelled"),
    }.get(outcome, translate("Sync", "error"))


def account_health(
    s: Session, client_id: int, now: dt.datetime | None = None
) -> list[AccountHealth]:
    now = now or utcnow()
    rows = s.scalars(
        select(NetworkAccount)
        .where(NetworkAccount.client_id == client_id)
        .order_by(NetworkAccount.network, NetworkAccount.handle)
    )
    out = []
    for a in rows:
        days = None
        if a.token_expires_at is not None:
            days = (a.token_expires_at - now).days
        attention = a.status in ("reconnect_needed", "error") or (
            days is not None and days <= EXPIRY_WARNING_DAYS
        )
        out.append(
            AccountHealth(
                a.id,
                a.network,
                a.handle,
                a.status,
                a.status_reason,
                status_label(a.status, a.status_reason, days),
                a.token_expires_at,
                days,
                a.last_sync_at,
                attention,
            )
        )
    return out


class HealthEntry(NamedTuple):
    """One recorded health event (a named tuple, as the row it comes from)."""

    at: dt.datetime
    status: str
    reason: str


def health_history(
    s: Session, client_id: int, account_id: int, limit: int = 50
) -> Sequence[HealthEntry]:
    # not annotated as Row: SQLAlchemy 2.0 writes Row[tuple[...]], 2.1 Row[...]
    return [
        HealthEntry._make(r)
        for r in s.execute(
            select(AccountHealthEvent.at, AccountHealthEvent.status, AccountHealthEvent.reason)
            .where(
                AccountHealthEvent.client_id == client_id,
                AccountHealthEvent.account_id == account_id,
            )
            .order_by(AccountHealthEvent.id.desc())
            .limit(limit)
        )
    ]


def check_account(
    db: Database,
    client_id: int,
    account_id: int,
    *,
    http: Http | None = None,
    token: str | None = None,
) -> AccountHealth:
    """Ask the network who we are; sets connected / reconnect needed / error accordingly."""
    from app import secrets
    from app.connectors import TOKENLESS, AccountRef, connector_for
    from app.connectors.base import AuthError, ConnectorError, RateLimited, Unavailable
    from app.connectors.http import Http

    with db.read() as s:
        a = clients.find_account(s, client_id, account_id)
        client = s.get_one(Client, client_id)
        ref = (a.id, a.network, a.handle, a.base_url, client.uid, a.uid)
    aid, net, handle, base_url, cuid, auid = ref
    save = load = None  # a token typed in for a check is not stored by the check
    if token is None and net not in TOKENLESS:
        token = secrets.account_token(cuid, auid) or ""
        save = functools.partial(secrets.store_account_token, cuid, auid)
        load = functools.partial(secrets.account_token, cuid, auid)
    own = http is None
    http = http or Http()
    status: str | None = "connected"
    reason, expires = "", None
    try:
        health = connector_for(
            AccountRef(
                aid, client_id, net, handle, base_url, token or "", save_token=save, load_token=load
            ),
            http,
        ).check()
        expires = health.token_expires_at
    except AuthError as exc:
        status, reason = "reconnect_needed", exc.message
    except (RateLimited, Unavailable) as exc:
        status, reason = None, exc.message
    except ConnectorError as exc:
        status, reason = "error", exc.message
    finally:
        if own:
            http.close()
    with db.session() as s:
        if status is not None:
            set_status(s, aid, status, reason, token_expires_at=expires)
        else:
            s.get_one(NetworkAccount, aid).status_reason = reason
        return next(h for h in account_health(s, client_id) if h.account_id == aid)


def reconnect_account(
    db: Database, client_id: int, account_id: int, token: str, *, http: Http | None = None
) -> AccountHealth:
    """Store a new token (keyring only) and check it; cursors and history are kept."""
    from app.services.clients import workspace

    workspace.set_account_token(db, client_id, account_id, token)
    with db.session() as s:
        audit.record(
            s, "account.reconnect", client_id=client_id, target_type="account", target_id=account_id
        )
    # checked with the keyring's entry just written, so a network that renews the access on
    # the way (X rotates refresh tokens) has the renewed pair written back, not lost
    return check_account(db, client_id, account_id, http=http)


def reconnect_typed(
    db: Database, client_id: int, typed: list[tuple[int, str]], *, http: Http | None = None
) -> list[AccountHealth]:
    """After the client form is saved: each existing account given a new token is checked
    at once (connected, or why not); new accounts wait for their first sync. A quick check
    (one retry, 10 s timeout): the dialog waits for it."""
    from app.connectors.http import Http

    own = http is None
    http = http or Http(retries=1, timeout=10.0)
    try:
        return [
            reconnect_account(db, client_id, account_id, token.strip(), http=http)
            for account_id, token in typed
            if account_id is not None and token.strip()
        ]
    finally:
        if own:
            http.close()


def not_connected_text(healths: list[AccountHealth]) -> str:
    """One line per account that a new token did not reconnect (empty when all did)."""
    from app.networks import network_label

    return "\n".join(
        translate("Sync", "Saved, but {network} {handle} is not connected: {reason}").format(
            network=network_label(h.network), handle=h.handle, reason=h.label
        )
        for h in healths
        if h.status != "connected"
    )


def find_account_ref(s: Session, client_id: int, ref: str, network: str | None = None) -> int:
    """An account of this client by id or handle (with or without "@"); its id.

    Raises NotFound, or ValidationError when the handle is on several networks.
    """
    from app.errors import NotFound, ValidationError

    text = (ref or "").strip()
    query = select(NetworkAccount.id, NetworkAccount.network, NetworkAccount.handle).where(
        NetworkAccount.client_id == client_id
    )
    if network:
        query = query.where(NetworkAccount.network == network)
    rows = s.execute(query).all()
    hits = [r for r in rows if text.isdigit() and r.id == int(text)]
    if not hits:
        wanted = text.lstrip("@").lower()
        hits = [r for r in rows if r.handle.lstrip("@").lower() == wanted]
    if not hits:
        raise NotFound(translate("Sync", "This client has no account {ref}.").format(ref=text))
    if len(hits) > 1:
        raise ValidationError(
            translate("Sync", "{ref} is on several networks ({networks}): add --network.").format(
                ref=text, networks=", ".join(sorted(r.network for r in hits))
            )
        )
    found: int = hits[0].id
    return found


def attention_counts(s: Session, now: dt.datetime | None = None) -> dict[int, int]:
    """Per client: accounts to reconnect, in error, or whose token expires within a week."""
    soon = (now or utcnow()) + dt.timedelta(days=EXPIRY_WARNING_DAYS)
    rows = s.execute(
        select(NetworkAccount.client_id, func.count(NetworkAccount.id))
        .where(
            or_(
                NetworkAccount.status.in_(("reconnect_needed", "error")),
                NetworkAccount.token_expires_at < soon,
            )
        )
        .group_by(NetworkAccount.client_id)
    )
    return {cid: int(n) for cid, n in rows}
