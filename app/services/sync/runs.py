"""One account's sync as it is recorded and handed back.

A :class:`SyncRun` row is opened before the account's sync starts (:func:`start_run`), so
the history shows a sync that never ended, and closed with its outcome and counts
(:func:`finish_run`), which also builds the :class:`AccountSyncResult` the caller gets. The
counts are filled in as the sync goes, in a :class:`Tally`. :class:`SyncReport` gathers a
client's accounts.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db import Database
from app.models.base import utcnow
from app.models.sync import SyncRun
from app.services.sync.accounts import SyncAccount


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


@dataclass
class Tally:
    """The counts of one account's sync, filled in as it goes."""

    fetched: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    published: int = 0
    replies: int = 0
    failed: int = 0
    moderated: int = 0
    message: str = ""


COUNTS = ("fetched", "added", "duplicates", "skipped", "published", "replies", "failed")


def start_run(db: Database, client_id: int, account_id: int) -> int:
    """The account's SyncRun row, opened (no outcome yet); returns its id."""
    with db.session() as s:
        row = SyncRun(client_id=client_id, account_id=account_id, started_at=utcnow())
        s.add(row)
        s.flush()
        return row.id


def finish_run(
    db: Database, account: SyncAccount, run_id: int, outcome: str, tally: Tally, requests: int
) -> AccountSyncResult:
    """Close the row :func:`start_run` opened and say how the account's sync went."""
    with db.session() as s:
        row = s.get(SyncRun, run_id)
        assert row is not None  # written by start_run, never deleted while the sync runs
        row.finished_at, row.outcome, row.message = utcnow(), outcome, tally.message
        row.requests = requests
        for name in COUNTS:
            setattr(row, name, getattr(tally, name))
    return AccountSyncResult(
        account.id,
        account.network,
        account.handle,
        outcome,
        requests=requests,
        message=tally.message,
        moderated=tally.moderated,
        **{name: getattr(tally, name) for name in COUNTS},
    )
