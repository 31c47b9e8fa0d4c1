"""The sync engine: for each account of a client, fetch what is new, publish what is due.

* Incremental: each account keeps its cursors (:class:`SyncCursor`); the items and the new
  cursor are committed in one transaction, so a crash never skips or doubles a message.
* Idempotent: the inbox drops a message it already has (network, external id).
* One failing account never stops the others; each gets its own :class:`SyncRun` row.
* Only an authentication failure marks an account "reconnect needed"; timeouts, 5xx and
  rate limits leave its status alone and are reported. Malformed items are skipped and
  counted, the rest goes in.
* Cancellable between requests; ``progress(done, total, label)`` like ``ui.tasks``.
* One seat per account across the agency (:mod:`app.services.sync.lock`): an account another
  seat is syncing is skipped with the outcome "busy" and who has it, never waited for.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field

from app import secrets
from app.connectors import CONNECTORS, TOKENLESS, AccountRef, connector_for
from app.connectors.base import (
    AuthError,
    BadResponse,
    Connector,
    ConnectorError,
    RateLimited,
    Unavailable,
)
from app.connectors.contract import IngestResult
from app.connectors.http import Cancelled, Http
from app.db import Database
from app.errors import Conflict, NotFound, SecretsError
from app.i18n import translate
from app.models.base import utcnow
from app.services.inbox.moderation_push import push_moderation
from app.services.sync.accounts import SyncAccount, _first_of_network
from app.services.sync.accounts import accounts_to_sync as accounts_to_sync  # for the CLI
from app.services.sync.accounts import client_ids_with_accounts as client_ids_with_accounts
from app.services.sync.cursors import load_cursor, save_cursor
from app.services.sync.daily import daily_check, record_samples
from app.services.sync.health import set_status
from app.services.sync.lock import Keeper, busy_message, claim_account
from app.services.sync.publish import publish_due
from app.services.sync.runs import AccountSyncResult as AccountSyncResult  # for the callers
from app.services.sync.runs import SyncReport as SyncReport
from app.services.sync.runs import Tally, finish_run, start_run
from app.services.sync.sinks import Sinks, real_sinks

log = logging.getLogger("tribune.sync")
Note = Callable[[str], None]  # a line for the sync bar
_running: set[int] = set()  # clients being synced in this process (GUI timer + button)
_running_lock = threading.Lock()


class _Skip(Exception):
    pass


@dataclass(frozen=True)
class SyncOptions:
    """What a sync does besides fetching: publish what is due, sample the numbers."""

    publish: bool = True
    samples: bool = True
    max_pages: int = 50


@dataclass(frozen=True)
class _ClientRun:
    """Everything the accounts of one client's sync share, passed as one value."""

    db: Database
    client_id: int
    client_uid: str
    http: Http
    sinks: Sinks
    keeper: Keeper
    now: dt.datetime
    options: SyncOptions
    token_of: Callable[[str, str], str | None]
    token_saver: Callable[[str, str, str], None]
    is_cancelled: Callable[[], bool]
    first_of_network: dict[str, int] = field(default_factory=dict)


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
    own_http = http is None
    http = http or Http(is_cancelled=is_cancelled)
    http.is_cancelled = is_cancelled
    keeper = Keeper(db).__enter__()  # renews this seat's locks and leases while it works
    try:
        run = _ClientRun(
            db=db,
            client_id=client_id,
            client_uid=client_uid,
            http=http,
            sinks=sinks or real_sinks(),
            keeper=keeper,
            now=now or utcnow(),
            options=SyncOptions(publish=publish, samples=samples, max_pages=max_pages),
            token_of=token_of,
            token_saver=token_saver,
            is_cancelled=is_cancelled,
            first_of_network=_first_of_network(db, client_id),
        )
        return _sync_accounts(run, accounts, progress)
    finally:
        keeper.__exit__(None, None, None)
        if own_http:
            http.close()
        with _running_lock:
            _running.discard(client_id)


def _sync_accounts(
    run: _ClientRun,
    accounts: list[SyncAccount],
    progress: Callable[[int, int, str], None] | None,
) -> SyncReport:
    results: list[AccountSyncResult] = []
    cancelled = False
    for index, account in enumerate(accounts):
        if run.is_cancelled():
            cancelled = True
            break
        if progress:
            progress(index, len(accounts), f"{account.network} {account.handle}")

        def note(label: str, _i: int = index) -> None:
            if progress:
                progress(_i, len(accounts), label)

        result = _sync_account(run, account, note)
        results.append(result)
        if result.outcome == "cancelled":
            cancelled = True
            break
    if progress and not cancelled:
        progress(len(accounts), len(accounts), translate("Sync", "Done"))
    return SyncReport(run.client_id, tuple(results), cancelled)


def _sync_account(run: _ClientRun, account: SyncAccount, note: Note) -> AccountSyncResult:
    """Sync one account if no other seat is syncing it, else say who is ("busy")."""
    lock = claim_account(run.db, account.id)
    if isinstance(lock, str):
        return AccountSyncResult(
            account.id, account.network, account.handle, "busy", message=busy_message(lock)
        )
    run.keeper.hold(account=account.id)
    try:
        return _sync_held_account(run, account, note)
    finally:
        run.keeper.drop(account=account.id)
        lock.release()


def _connector(run: _ClientRun, account: SyncAccount, token: str) -> Connector:
    client_uid, auid = run.client_uid, account.uid
    return connector_for(
        AccountRef(
            account.id,
            run.client_id,
            account.network,
            account.handle,
            account.base_url,
            token,
            save_token=lambda secret: run.token_saver(client_uid, auid, secret),
            load_token=lambda: run.token_of(client_uid, auid),
        ),
        run.http,
    )


def _fetch_and_ingest(
    run: _ClientRun, account: SyncAccount, connector: Connector, tally: Tally, note: Note
) -> None:
    """New items into the inbox and the cursor moved, in one transaction."""
    cursor = load_cursor(run.db, account.id)

    def page_progress(n: int, label: str) -> None:
        note(
            translate("Sync", "{network} {handle}: {n} fetched").format(
                network=account.network, handle=account.handle, n=n
            )
        )

    fetched = connector.fetch(cursor, max_pages=run.options.max_pages, progress=page_progress)
    tally.fetched = len(fetched.items)
    tally.skipped = len(fetched.errors)
    if fetched.deleted:  # said once, never one error per deleted status
        deleted = fetched.deleted  # a plain name: lupdate does not read ``a.b`` as the count
        tally.message = translate("Sync", "%n deleted status(es) skipped", "", deleted)
    sinks = run.sinks
    with run.db.session() as s:
        if fetched.items and sinks.ingest is not None:
            res: IngestResult = sinks.ingest(s, run.client_id, list(fetched.items))
            tally.added, tally.duplicates = res.added, res.duplicates
            tally.skipped += len(res.errors)
        if sinks.ingest is not None or not fetched.items:
            save_cursor(s, run.client_id, account.id, fetched.cursor)
        set_status(s, account.id, "connected", "", last_sync_at=utcnow())


def _publish_and_moderate(
    run: _ClientRun, account: SyncAccount, connector: Connector, tally: Tally
) -> None:
    """What is due goes out exactly once, then moderation decided in the inbox."""
    default_account = run.first_of_network.get(account.network) == account.id
    out = publish_due(
        run.db,
        run.client_id,
        account.id,
        connector,
        run.sinks,
        run.now,
        default_account=default_account,
        is_cancelled=run.is_cancelled,
        keeper=run.keeper,
    )
    tally.published, tally.replies, tally.failed = out.published, out.replies, out.failed
    if out.messages:
        tally.message = out.messages[0]
    pushed = push_moderation(
        run.db,
        run.client_id,
        account.id,
        connector,
        default_account=default_account,
        is_cancelled=run.is_cancelled,
    )
    tally.moderated = pushed.done
    if pushed.messages and not tally.message:
        tally.message = pushed.messages[0]


def _sync_held_account(run: _ClientRun, account: SyncAccount, note: Note) -> AccountSyncResult:
    db, aid, net = run.db, account.id, account.network
    run_id = start_run(db, run.client_id, aid)
    before = run.http.requests
    tally = Tally()
    outcome = "ok"
    token = ""
    try:
        if net not in CONNECTORS:  # a network this build has no connector for: left as it is
            outcome = "skipped"
            tally.message = translate("Sync", "No connector for {network} yet; skipped.").format(
                network=net
            )
            raise _Skip()
        token = "" if net in TOKENLESS else (run.token_of(run.client_uid, account.uid) or "")
        if net not in TOKENLESS and not token:
            raise AuthError(
                translate("Sync", "No token in the system keyring for this account: reconnect it.")
            )
        connector = _connector(run, account, token)
        daily_check(db, run.client_id, aid, connector, run.now)
        _fetch_and_ingest(run, account, connector, tally, note)
        if run.options.publish:
            _publish_and_moderate(run, account, connector, tally)
        if run.options.samples:
            record_samples(db, run.client_id, aid, connector, run.sinks, run.now)
    except _Skip:
        pass
    except Cancelled:
        outcome, tally.message = "cancelled", translate("Sync", "Cancelled.")
    except AuthError as exc:
        outcome, tally.message = "auth", exc.message
        with db.session() as s:
            set_status(s, aid, "reconnect_needed", exc.message)
    except (RateLimited, Unavailable, BadResponse) as exc:  # transient: status left alone
        outcome, tally.message = exc.kind, exc.message
    except ConnectorError as exc:  # refused for good (403, 404, not supported...)
        outcome, tally.message = "error", exc.message
        with db.session() as s:
            set_status(s, aid, "error", exc.message)
    except SecretsError as exc:  # no keyring on this machine: say so, the account is fine
        outcome, tally.message = "error", exc.message
    except Exception as exc:  # a bug or a sink failure must not stop the other accounts
        outcome = "error"
        tally.message = translate("Sync", "Unexpected problem ({kind}).").format(
            kind=type(exc).__name__
        )
        text = traceback.format_exc()
        log.error(
            "sync of account %s failed: %s", aid, text.replace(token, "***") if token else text
        )
    return finish_run(db, account, run_id, outcome, tally, run.http.requests - before)
