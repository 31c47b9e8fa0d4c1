"""The sync engine: for each account of a client, fetch what is new, publish what is due.

* Incremental: each account keeps its cursors (:class:`SyncCursor`); the items and the new
  cursor are committed in one transaction, so a crash never skips or doubles a message.
* Idempotent: the inbox drops a message it already has (network, external id).
* One failing account never stops the others; each gets its own :class:`SyncRun` row.
* Only an authentication failure marks an account "reconnect needed"; timeouts, 5xx and
  rate limits leave its status alone and are reported. Malformed items are skipped and
  counted, the rest goes in.
* Cancellable between requests; ``progress(done, total, label)`` like ``ui.tasks``.
* One seat per account across the agency (:mod:`app.services.sync_lock`): an account another
  seat is syncing is skipped with the outcome "busy" and who has it, never waited for.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from app import secrets
from app.connectors import CONNECTORS, TOKENLESS, AccountRef, connector_for
from app.connectors.base import AuthError, BadResponse, ConnectorError, RateLimited, Unavailable
from app.connectors.http import Cancelled, Http
from app.db import Database
from app.errors import Conflict, NotFound, SecretsError
from app.i18n import translate
from app.models.base import utcnow
from app.models.sync import SyncRun
from app.services.moderation_push import push_moderation
from app.services.network_data import IngestResult
from app.services.publish import publish_due
from app.services.sync_accounts import (  # noqa: F401  (re-exported for the CLI and UI)
    _first_of_network,
    accounts_to_sync,
    client_ids_with_accounts,
    is_placeholder_host,
)
from app.services.sync_cursors import load_cursor, save_cursor
from app.services.sync_daily import daily_check, record_samples
from app.services.sync_health import set_status
from app.services.sync_lock import Keeper, busy_message, claim_account
from app.services.sync_sinks import Sinks, real_sinks

log = logging.getLogger("tribune.sync")
_running: set[int] = set()  # clients being synced in this process (GUI timer + button)
_running_lock = threading.Lock()


@dataclass(frozen=True)
class AccountSyncResult:
    account_id: int
    network: str
    handle: str
    # ok | busy | auth | rate_limited | unavailable | bad_response | error | cancelled
    outcome: str
    fetched: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    published: int = 0
    replies: int = 0
    failed: int = 0
    requests: int = 0
    message: str = ""
    moderated: int = 0  # moderation actions carried out on the network


@dataclass(frozen=True)
class SyncReport:
    client_id: int
    accounts: tuple[AccountSyncResult, ...]
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        return not self.cancelled and all(
            a.outcome in ("ok", "skipped", "busy") for a in self.accounts
        )

    def total(self, name: str) -> int:
        return sum(getattr(a, name) for a in self.accounts)


class _Skip(Exception):
    pass


def sync_client(
    db: Database,
    client_ref: str | int,
    *,
    network: str | None = None,
    http: Http | None = None,
    sinks: Sinks | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    now: dt.datetime | None = None,
    publish: bool = True,
    samples: bool = True,
    max_pages: int = 50,
    token_of: Callable[[str, str], str | None] = secrets.account_token,
    token_saver: Callable[[str, str, str], None] = secrets.store_account_token,
) -> SyncReport:
    """Sync every account of a client (or only those of ``network``). ``token_of`` reads an
    account's credentials, ``token_saver`` writes those a network renewed (both: keyring)."""
    client_id, client_uid, accounts = accounts_to_sync(db, client_ref, network)
    if network and not accounts:
        raise NotFound(
            translate("Sync", "This client has no {network} account.").format(network=network)
        )
    with _running_lock:
        if client_id in _running:
            raise Conflict(translate("Sync", "This client is already being synced."))
        _running.add(client_id)
    try:
        return _sync_accounts(
            db,
            client_id,
            client_uid,
            accounts,
            network=network,
            http=http,
            sinks=sinks,
            progress=progress,
            is_cancelled=is_cancelled,
            now=now,
            publish=publish,
            samples=samples,
            max_pages=max_pages,
            token_of=token_of,
            token_saver=token_saver,
        )
    finally:
        with _running_lock:
            _running.discard(client_id)


def _sync_accounts(
    db,
    client_id,
    client_uid,
    accounts,
    *,
    network,
    http,
    sinks,
    progress,
    is_cancelled,
    now,
    publish,
    samples,
    max_pages,
    token_of,
    token_saver,
) -> SyncReport:
    sinks = sinks or real_sinks()
    own_http = http is None
    http = http or Http(is_cancelled=is_cancelled)
    http.is_cancelled = is_cancelled
    first = _first_of_network(db, client_id)
    results: list[AccountSyncResult] = []
    cancelled = False
    keeper = Keeper(db).__enter__()  # renews this seat's locks and leases while it works
    try:
        for index, (aid, auid, net, handle, base_url) in enumerate(accounts):
            if is_cancelled():
                cancelled = True
                break
            if progress:
                progress(index, len(accounts), f"{net} {handle}")

            def note(label, _i=index):
                if progress:
                    progress(_i, len(accounts), label)

            result = _sync_account(
                db,
                client_id,
                client_uid,
                aid,
                auid,
                net,
                handle,
                base_url,
                http=http,
                sinks=sinks,
                note=note,
                is_cancelled=is_cancelled,
                now=now or utcnow(),
                publish=publish,
                samples=samples,
                max_pages=max_pages,
                token_of=token_of,
                token_saver=token_saver,
                default_account=first.get(net) == aid,
                keeper=keeper,
            )
            results.append(result)
            if result.outcome == "cancelled":
                cancelled = True
                break
        if progress and not cancelled:
            progress(len(accounts), len(accounts), translate("Sync", "Done"))
    finally:
        keeper.__exit__(None, None, None)
        if own_http:
            http.close()
    return SyncReport(client_id, tuple(results), cancelled)


def _sync_account(db, client_id, client_uid, aid, auid, net, handle, base_url, *, keeper, **kw):
    """Sync one account if no other seat is syncing it, else say who is ("busy")."""
    lock = claim_account(db, aid)
    if isinstance(lock, str):
        return AccountSyncResult(aid, net, handle, "busy", message=busy_message(lock))
    keeper.hold(account=aid)
    try:
        return _sync_held_account(
            db, client_id, client_uid, aid, auid, net, handle, base_url, keeper=keeper, **kw
        )
    finally:
        keeper.drop(account=aid)
        lock.release()


def _sync_held_account(
    db,
    client_id,
    client_uid,
    aid,
    auid,
    net,
    handle,
    base_url,
    *,
    http,
    sinks,
    note,
    is_cancelled,
    now,
    publish,
    samples,
    max_pages,
    token_of,
    token_saver,
    default_account,
    keeper,
) -> AccountSyncResult:
    with db.session() as s:
        run = SyncRun(client_id=client_id, account_id=aid, started_at=utcnow())
        s.add(run)
        s.flush()
        run_id = run.id
    before = http.requests
    counts = {
        "fetched": 0,
        "added": 0,
        "duplicates": 0,
        "skipped": 0,
        "published": 0,
        "replies": 0,
        "failed": 0,
    }
    outcome, message = "ok", ""
    moderated = 0
    if net not in CONNECTORS:  # a network this build has no connector for: left as it is
        outcome = "skipped"
        message = translate("Sync", "No connector for {network} yet; skipped.").format(network=net)
    token = ""
    try:
        if outcome == "skipped":
            raise _Skip()
        token = "" if net in TOKENLESS else (token_of(client_uid, auid) or "")
        if net not in TOKENLESS and not token:
            raise AuthError(
                translate("Sync", "No token in the system keyring for this account: reconnect it.")
            )
        connector = connector_for(
            AccountRef(
                aid,
                client_id,
                net,
                handle,
                base_url,
                token,
                save_token=lambda secret: token_saver(client_uid, auid, secret),
            ),
            http,
        )
        daily_check(db, client_id, aid, connector, now)
        cursor = load_cursor(db, aid)

        def page_progress(n, label):
            note(
                translate("Sync", "{network} {handle}: {n} fetched").format(
                    network=net, handle=handle, n=n
                )
            )

        fetched = connector.fetch(cursor, max_pages=max_pages, progress=page_progress)
        counts["fetched"] = len(fetched.items)
        counts["skipped"] = len(fetched.errors)
        gone = fetched.deleted  # said once, never one error per deleted status
        if gone:
            message = translate("Sync", "%n deleted status(es) skipped", "", gone)
        with db.session() as s:
            if fetched.items and sinks.ingest is not None:
                res: IngestResult = sinks.ingest(s, client_id, list(fetched.items))
                counts["added"], counts["duplicates"] = res.added, res.duplicates
                counts["skipped"] += len(res.errors)
            if sinks.ingest is not None or not fetched.items:
                save_cursor(s, client_id, aid, fetched.cursor)
            set_status(s, aid, "connected", "", last_sync_at=utcnow())
        if publish:
            out = publish_due(
                db,
                client_id,
                aid,
                connector,
                sinks,
                now,
                default_account=default_account,
                is_cancelled=is_cancelled,
                keeper=keeper,
            )
            counts["published"], counts["replies"], counts["failed"] = (
                out.published,
                out.replies,
                out.failed,
            )
            if out.messages:
                message = out.messages[0]
            pushed = push_moderation(
                db,
                client_id,
                aid,
                connector,
                default_account=default_account,
                is_cancelled=is_cancelled,
            )
            moderated = pushed.done
            if pushed.messages and not message:
                message = pushed.messages[0]
        if samples:
            record_samples(db, client_id, aid, connector, sinks, now)
    except _Skip:
        pass
    except Cancelled:
        outcome, message = "cancelled", translate("Sync", "Cancelled.")
    except AuthError as exc:
        outcome, message = "auth", exc.message
        with db.session() as s:
            set_status(s, aid, "reconnect_needed", exc.message)
    except (RateLimited, Unavailable, BadResponse) as exc:  # transient: status left alone
        outcome, message = exc.kind, exc.message
    except ConnectorError as exc:  # refused for good (403, 404, not supported...)
        outcome, message = "error", exc.message
        with db.session() as s:
            set_status(s, aid, "error", exc.message)
    except SecretsError as exc:  # no keyring on this machine: say so, the account is fine
        outcome, message = "error", exc.message
    except Exception as exc:  # a bug or a sink failure must not stop the other accounts
        outcome = "error"
        message = translate("Sync", "Unexpected problem ({kind}).").format(kind=type(exc).__name__)
        text = traceback.format_exc()
        log.error(
            "sync of account %s failed: %s", aid, text.replace(token, "***") if token else text
        )
    with db.session() as s:
        run = s.get(SyncRun, run_id)
        run.finished_at, run.outcome, run.message = utcnow(), outcome, message
        run.requests = http.requests - before
        for k, v in counts.items():
            setattr(run, k, v)
    return AccountSyncResult(
        aid,
        net,
        handle,
        outcome,
        requests=http.requests - before,
        message=message,
        moderated=moderated,
        **counts,
    )
