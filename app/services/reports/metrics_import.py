"""Import metrics from CSV: Tribune's documented formats and Meta Business Suite exports.

Tribune's account format (UTF-8, comma-separated, header row, RFC 4180 quoting)::

    date,network,handle,followers,impressions,reach,engagements,clicks,profile_visits,posts
    2026-03-01,facebook,MaisonDupre,21034,5120,3300,190,35,17,1

``date`` is ISO (YYYY-MM-DD); ``network`` + ``handle`` name one of the client's accounts
(or give ``account_id``); any metric column may be left out or empty (= not given).

Tribune's post format::

    date,network,external_post_id,published_at,text,url,impressions,reactions,comments,shares,clicks

``published_at`` is ISO 8601 with an offset (may be empty).

Meta Business Suite exports (Insights → Export data), recognised by their headers:

- content export (one row per post): "Post ID", "Publish time" ("MM/DD/YYYY HH:MM", the
  US format Meta writes, read as the client's local time), "Permalink", "Title" or
  "Description", and the figures "Impressions" (or "Views"), "Reach", "Reactions",
  "Comments", "Shares", "Total clicks" (or "Link clicks"). Instagram exports carry
  "Account username"; the network is then instagram, else facebook. The figures are
  lifetime totals, recorded on the publication day.
- daily overview export: "Date" and figure columns among "Reach" / "Facebook Page reach" /
  "Instagram reach", "Impressions", "Followers" / "Total followers", "Content interactions"
  / "Engagements", "Link clicks", "Page visits" / "Facebook Page visits" / "Instagram
  profile visits". It does not name the account: pass ``account``.

The French Meta Business Suite headers and the older Facebook Insights "Post Data" export are
recognised too (:mod:`app.services.reports.metrics_layouts`), and a file re-saved by a spreadsheet
(``;``, Windows-1252, ``sep=`` line) reads as it is (:mod:`app.services.csvfiles.sniff`). Slashed
dates follow the layout's convention (month-first in English exports, day-first in French
ones) unless a value proves the order (a number above 12) or the caller says (``day_first``);
:func:`inspect_metrics_csv` says all of it before importing, and the result carries it.

Numbers may carry thousands separators ("1,234", "1 234"; in a French export the comma is the
decimal one). A post id Excel turned into "1,79E+16" is refused: its digits are lost. A
second header-like row of descriptions (old Insights exports) is skipped. Each bad row is
reported with its line and reason while the good rows go in; importing the same file again
changes nothing (upserts).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.connectors.contract import AccountMetricSample, PostMetricSample, RowError
from app.errors import ValidationError
from app.i18n import translate
from app.limits import check_int, check_year
from app.services.clients.workspaces import get_client
from app.services.csvfiles.sniff import CsvText, date_order, read_bytes, read_text, semicolon_hint
from app.services.people import audit
from app.services.reports.metrics import (
    ACCOUNT_FIELDS,
    AccountRef,
    client_accounts,
)
from app.services.reports.metrics_layouts import Layout, recognise
from app.services.reports.metrics_writes import (  # noqa: F401  (re-exported)
    _chunks,
    _write_in_batches,
)

POST_NUMBERS = ("impressions", "reactions", "comments", "shares", "clicks")
META_POST = {
    "impressions": ("impressions", "views"),
    "reactions": ("reactions", "likes"),
    "comments": ("comments",),
    "shares": ("shares",),
    "clicks": ("total clicks", "link clicks", "clicks"),
}
META_DAILY = {
    "followers": ("followers", "total followers", "facebook page followers", "instagram followers"),
    "reach": ("reach", "facebook page reach", "instagram reach"),
    "impressions": ("impressions", "views"),
    "engagements": ("content interactions", "engagements", "post engagements"),
    "clicks": ("link clicks", "clicks"),
    "profile_visits": (
        "page visits",
        "facebook page visits",
        "instagram profile visits",
        "profile visits",
    ),
}


@dataclass(frozen=True)
class MetricsImportResult:
    layout: str  # "tribune-accounts", "tribune-posts", "meta-posts", "meta-daily"
    rows: int
    errors: tuple[RowError, ...]
    reading: str = ""  # what was read: layout, separator, encoding, date order


@dataclass(frozen=True)
class MetricsReading:
    """What a metrics file is, said before importing it."""

    layout: str
    source: str  # "Meta Business Suite (FR)", "Facebook Insights", "Tribune"…
    csv: CsvText
    dates: str  # "dmy" | "mdy" | "iso"
    dates_why: str
    rows: int

    def describe(self) -> str:
        return translate("Metrics", "{source} ({layout}), {csv}, dates {dates}").format(
            source=self.source,
            layout=self.layout,
            csv=self.csv.describe(),
            dates=self.dates_why if self.dates != "iso" else "ISO (YYYY-MM-DD)",
        )


def detect_layout(header: list[str]) -> str:
    return recognise(header).key


_EXCEL_NUMBER = re.compile(r"^\d+([.,]\d+)?E\+?\d+$", re.IGNORECASE)


def _number(text: str, decimal_comma: bool = False) -> int | None:
    text = (text or "").strip().replace("\u202f", "").replace("\xa0", "").replace(" ", "")
    if not text or text in ("-", "--"):
        return None
    # French: "1 234,0" or "1.234"; English: "1,234"
    comma = text.replace(".", "").replace(",", ".") if decimal_comma else text.replace(",", "")
    text = comma
    if not re.fullmatch(r"\d+(\.0+)?", text):
        raise ValueError(translate("Metrics", 'not a whole number: "{value}"').format(value=text))
    value = int(text.split(".")[0])  # exact: float() would round beyond 2^53
    check_int(value)  # the columns are 32-bit integers
    return value


def _date(text: str, order: str = "mdy") -> dt.date:
    text = (text or "").strip()
    slashed = "%d/%m/%Y" if order == "dmy" else "%m/%d/%Y"
    for fmt in ("%Y-%m-%d", slashed, "%Y-%m-%dT%H:%M:%S"):
        try:
            day = dt.datetime.strptime(
                text[: len(dt.datetime(2000, 1, 1).strftime(fmt))], fmt
            ).date()
        except ValueError:
            continue
        check_year(day)
        return day
    raise ValueError(translate("Metrics", 'invalid date: "{value}"').format(value=text))


def _meta_time(text: str, tz: ZoneInfo, order: str = "mdy") -> dt.datetime:
    text = (text or "").strip()
    day = "%d/%m/%Y" if order == "dmy" else "%m/%d/%Y"
    for fmt in (f"{day} %H:%M", f"{day} %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return dt.datetime.strptime(text, fmt).replace(tzinfo=tz).astimezone(dt.UTC)
        except ValueError:
            continue
    raise ValueError(translate("Metrics", 'invalid publish time: "{value}"').format(value=text))


def _pick(row: dict[str, str], names: Iterable[str]) -> str:
    for name in names:
        if row.get(name, "").strip():
            return row[name]
    return ""


def _read(path: str | Path) -> CsvText:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise ValidationError(
            translate("Metrics", "Cannot read {path}: {reason}").format(
                path=path, reason=exc.strerror or exc
            )
        ) from None
    return read_bytes(raw)


def _reading(
    data: CsvText, day_first: bool | None
) -> tuple[MetricsReading, Layout, list[tuple[int, list[str]]]]:
    rows = [(n, values) for n, values in _numbered(data) if any(v.strip() for v in values)]
    if not rows:
        raise ValidationError(translate("Metrics", "The CSV file is empty."))
    layout = recognise(rows[0][1], semicolon_hint(data))
    column = "publish time" if layout.key == "meta-posts" else "date"
    if layout.dates == "iso":
        dates, why = "iso", ""
    elif day_first is not None:
        dates = "dmy" if day_first else "mdy"
        why = (
            translate("Metrics", "day-first (as asked)")
            if day_first
            else translate("Metrics", "month-first (as asked)")
        )
    else:
        at = layout.header.index(column) if column in layout.header else None
        values = [v[at] for _, v in rows[1:] if at is not None and at < len(v)]
        try:
            dates, why = date_order(values, layout.dates)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None
    reading = MetricsReading(layout.key, layout.source, data, dates, why, len(rows) - 1)
    return reading, layout, rows[1:]


def _numbered(data: CsvText) -> Iterator[tuple[int, list[str]]]:
    reader = data.rows
    for values in reader:
        yield reader.line_num, values


def inspect_metrics_csv(path: str | Path, *, day_first: bool | None = None) -> MetricsReading:
    """What ``path`` is (layout, separator, encoding, date order), without importing it."""
    return _reading(_read(path), day_first)[0]


def import_metrics_csv(
    session: Session,
    client_id: int,
    path: str | Path,
    *,
    account: str | int | None = None,
    day_first: bool | None = None,
) -> MetricsImportResult:
    """Import ``path`` into ``client_id``'s metrics; see the module docstring for layouts."""
    return _import(session, client_id, _read(path), account=account, day_first=day_first)


def import_metrics_text(
    session: Session,
    client_id: int,
    text: str,
    *,
    account: str | int | None = None,
    day_first: bool | None = None,
) -> MetricsImportResult:
    return _import(session, client_id, read_text(text), account=account, day_first=day_first)


def _import(
    session: Session,
    client_id: int,
    data: CsvText,
    *,
    account: str | int | None,
    day_first: bool | None,
) -> MetricsImportResult:
    reading, shape, rows = _reading(data, day_first)
    header, layout, order = shape.header, shape.key, reading.dates
    comma = shape.decimal_comma
    client = get_client(session, client_id)
    accounts = client_accounts(session, client_id)
    chosen = _choose_account(accounts, account) if account is not None else None
    if layout == "meta-daily" and chosen is None:
        raise ValidationError(
            translate("Metrics", "This export does not name the account: choose it (--account)."),
            field="account",
        )
    by_handle = {(a.network, a.handle.lower()): a.id for a in accounts}
    account_samples: list[AccountMetricSample] = []
    post_samples: list[PostMetricSample] = []
    details: dict[str, dict[str, Any]] = {}
    errors: list[RowError] = []
    tz = ZoneInfo(client.timezone)
    for line, values in rows:
        row = dict(zip(header, values, strict=False))
        try:
            if layout == "tribune-accounts":
                account_id = _row_account(row, by_handle, accounts)
                numbers = {f: _number(row.get(f, ""), comma) for f in ACCOUNT_FIELDS}
                account_samples.append(
                    AccountMetricSample(account_id, _date(row["date"], order), **numbers)
                )
            elif layout == "meta-daily":
                if line == 2 and not re.match(r"\d", row.get("date", "").strip()):
                    continue  # a row of descriptions under the header
                numbers = {f: _number(_pick(row, names), comma) for f, names in META_DAILY.items()}
                assert chosen is not None  # refused above, before any row
                account_samples.append(
                    AccountMetricSample(chosen, _date(row["date"], order), **numbers)
                )
            elif layout == "tribune-posts":
                published = row.get("published_at", "").strip()
                when = dt.datetime.fromisoformat(published) if published else None
                if when is not None and when.tzinfo is None:
                    raise ValueError(translate("Metrics", "published_at needs a UTC offset"))
                sample = PostMetricSample(
                    row["network"].strip().lower(),
                    row["external_post_id"].strip(),
                    _date(row["date"], order),
                    **{f: _number(row.get(f, ""), comma) for f in POST_NUMBERS},
                )
                post_samples.append(sample)
                details[sample.external_post_id] = {
                    "published_at": when,
                    "text": row.get("text", ""),
                    "url": row.get("url", ""),
                }
            else:  # meta-posts
                if line == 2 and not row.get("post id", "").strip()[:1].isdigit():
                    continue
                when = _meta_time(row["publish time"], tz, order)
                network = "instagram" if "account username" in header else "facebook"
                post_id = row["post id"].strip()
                if not post_id:
                    raise ValueError(translate("Metrics", "the post id is empty"))
                if _EXCEL_NUMBER.match(post_id):
                    raise ValueError(
                        translate(
                            "Metrics",
                            "a spreadsheet turned the post id into a number (« {value} »): its "
                            "digits are lost; import the export as Meta wrote it",
                        ).format(value=post_id)
                    )
                sample = PostMetricSample(
                    network,
                    post_id,
                    when.astimezone(tz).date(),
                    **{f: _number(_pick(row, names), comma) for f, names in META_POST.items()},
                )
                post_samples.append(sample)
                details[post_id] = {
                    "published_at": when,
                    "text": _pick(row, ("title", "description")),
                    "url": row.get("permalink", ""),
                }
        except (ValueError, KeyError, ValidationError) as exc:
            reason = (
                str(exc)
                if not isinstance(exc, KeyError)
                else translate("Metrics", "missing column {name}").format(name=exc.args[0])
            )
            errors.append(RowError(line, "", reason))
    written = _write_in_batches(session, client_id, account_samples, post_samples, details)
    audit.record(
        session,
        "metrics.imported",
        client_id=client_id,
        target_type="metrics",
        details={"layout": layout, "rows": written, "rejected": len(errors)},
    )
    return MetricsImportResult(layout, written, tuple(errors), reading.describe())


def _choose_account(accounts: list[AccountRef], ref: str | int) -> int:
    text = str(ref).strip().lower()
    for a in accounts:
        if text in (str(a.id), a.handle.lower(), f"{a.network}:{a.handle.lower()}"):
            return a.id
    raise ValidationError(
        translate("Metrics", "Unknown account for this client: {ref}").format(ref=ref),
        field="account",
    )


def _row_account(
    row: dict[str, str], by_handle: dict[tuple[str, str], int], accounts: list[AccountRef]
) -> int:
    if row.get("account_id", "").strip():
        wanted = int(row["account_id"])
        if any(a.id == wanted for a in accounts):
            return wanted
        raise ValueError(translate("Metrics", "unknown account {ref}").format(ref=wanted))
    key = (row.get("network", "").strip().lower(), row.get("handle", "").strip().lower())
    if key not in by_handle:
        raise ValueError(
            translate("Metrics", "unknown account {ref}").format(ref=f"{key[0]} · {key[1]}")
        )
    return by_handle[key]
