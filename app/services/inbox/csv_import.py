"""CSV import of messages (format in the design's CLI contract).

Every bad row is reported with its line and reason while every good row goes in; rows are
written in batches, each batch one transaction through :func:`ingest_messages`, so a crash
leaves whole batches or nothing of a batch. (network, external_id) already present is a
duplicate: counted, nothing added.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from app.connectors.contract import IncomingMessage, RowError
from app.db import Database
from app.db_busy import DatabaseBusy, kept_message, let_others_write
from app.errors import ValidationError
from app.i18n import translate
from app.limits import check_year
from app.services.charter.in_force import rules_in_force
from app.services.inbox.ingest import ingest_messages

COLUMNS = (
    "network",
    "external_id",
    "kind",
    "author",
    "author_handle",
    "text",
    "received_at",
    "in_reply_to",
    "url",
)
BATCH = 1000


@dataclass(frozen=True)
class ImportReport:
    added: int
    duplicates: int
    errors: tuple[RowError, ...]
    cancelled: bool = False


def parse_time(value: str) -> dt.datetime:
    value = value.strip()
    if not value:
        raise ValueError(translate("InboxImport", "missing received time"))
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            translate("InboxImport", "bad date {value} (ISO 8601 with an offset expected)").format(
                value=value[:40]
            )
        ) from None
    if parsed.tzinfo is None:
        raise ValueError(
            translate("InboxImport", "the date {value} has no time zone offset").format(value=value)
        )
    check_year(parsed, value)  # year 1 or 9999 would overflow once converted to UTC
    return parsed


def parse_rows(text: str) -> tuple[list[tuple[int, IncomingMessage]], list[RowError]]:
    """The good rows with their line numbers, and the bad rows' errors."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError(translate("InboxImport", "The file is empty.")) from None
    except csv.Error as exc:
        raise ValidationError(
            translate("InboxImport", "Not a CSV file: {reason}").format(reason=exc)
        ) from None
    names = [h.strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise ValidationError(
            translate("InboxImport", "Line 1: missing columns: {cols}").format(
                cols=", ".join(missing)
            )
        )
    pos = {c: names.index(c) for c in COLUMNS}
    good: list[tuple[int, IncomingMessage]] = []
    errors: list[RowError] = []
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            errors.append(
                RowError(
                    line, "", translate("InboxImport", "broken CSV: {reason}").format(reason=exc)
                )
            )
            break
        start, line = line, reader.line_num + 1
        if not row or all(not cell.strip() for cell in row):
            continue
        if (columns := len(row)) < len(names):
            errors.append(
                RowError(
                    start,
                    row[pos["external_id"]] if len(row) > pos["external_id"] else "",
                    translate("InboxImport", "%Ln column(s) instead of {m}", "", columns).format(
                        m=len(names)
                    ),
                )
            )
            continue
        # NUL is never text (and PostgreSQL refuses it): dropped so both engines agree
        cell = {c: row[i].replace("\x00", "") for c, i in pos.items()}
        try:
            received = parse_time(cell["received_at"])
        except ValueError as exc:
            errors.append(RowError(start, cell["external_id"], str(exc)))
            continue
        good.append(
            (
                start,
                IncomingMessage(
                    network=cell["network"].strip().lower(),
                    external_id=cell["external_id"].strip(),
                    kind=cell["kind"].strip().lower(),
                    author=cell["author"].strip(),
                    author_handle=cell["author_handle"].strip(),
                    text=cell["text"],
                    received_at=received,
                    in_reply_to=cell["in_reply_to"].strip(),
                    url=cell["url"].strip(),
                ),
            )
        )
    return good, errors


def read_file(path: Path) -> str:
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ValidationError(
            translate("InboxImport", "No such file: {path}").format(path=path)
        ) from None
    except UnicodeDecodeError as exc:
        raise ValidationError(
            translate("InboxImport", "The file is not UTF-8 (byte {pos}).").format(pos=exc.start)
        ) from None
    except OSError as exc:
        raise ValidationError(
            translate("InboxImport", "Cannot read {path}: {reason}").format(
                path=path, reason=exc.strerror
            )
        ) from None


class Cancellable(Protocol):
    """What ``import_csv`` reads of the UI's cancel token."""

    @property
    def cancelled(self) -> bool: ...


def import_csv(
    db: Database,
    client_id: int,
    path: Path,
    progress: Callable[[int, int, str], None] | None = None,
    token: Cancellable | None = None,
    batch: int = BATCH,
) -> ImportReport:
    """Import ``path`` for the client; one transaction per batch of ``batch`` rows."""
    good, errors = parse_rows(read_file(path))
    added = duplicates = 0
    total = len(good)
    with db.read() as session:
        rules = rules_in_force(session, client_id)
    for start in range(0, total, batch):
        if token is not None and token.cancelled:
            return ImportReport(
                added, duplicates, tuple(sorted(errors, key=lambda e: e.line)), True
            )
        chunk = good[start : start + batch]
        try:
            with db.session() as session:
                result = ingest_messages(
                    session,
                    client_id,
                    [m for _, m in chunk],
                    lines=[ln for ln, _ in chunk],
                    rules=rules,
                )
        except DatabaseBusy:
            if start == 0:
                raise  # nothing was written: the busy message says so
            # earlier batches are committed: "nothing was written" would be false
            raise DatabaseBusy(kept_message()) from None
        let_others_write(db.engine.url.database if db.is_sqlite else None)
        added += result.added
        duplicates += result.duplicates
        errors.extend(result.errors)
        if progress is not None:
            progress(min(start + batch, total), total, "")
    return ImportReport(added, duplicates, tuple(sorted(errors, key=lambda e: e.line)))
