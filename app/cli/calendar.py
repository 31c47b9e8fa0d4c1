"""``tribune calendar import|export|check|approval|approve``."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate
from app.limits import check_year
from app.services.clients import workspaces as clients

if TYPE_CHECKING:
    from app.connectors.contract import IngestResult


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    cal = sub.add_parser("calendar", help=translate("CalendarCli", "the content calendar"))
    csub = cal.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)

    p = csub.add_parser(
        "import", help=translate("CalendarCli", "import posts from an iCalendar (.ics) or CSV file")
    )
    p.add_argument("client")
    p.add_argument("file")
    p.add_argument(
        "--map",
        dest="column_map",
        default="",
        help=translate(
            "CalendarCli",
            'CSV columns for a layout Tribune does not know, e.g. "text=Message,date=Date,'
            'networks=Réseau" (saved for the client and reused)',
        ),
    )
    p.add_argument(
        "--networks",
        default="",
        help=translate(
            "CalendarCli", "networks for CSV files that do not name them, e.g. facebook,instagram"
        ),
    )
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_const",
        const=True,
        default=None,
        help=translate("CalendarCli", "read slashed dates as day/month/year"),
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_const",
        const=False,
        help=translate("CalendarCli", "read slashed dates as month/day/year"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_import)

    p = csub.add_parser(
        "export", help=translate("CalendarCli", "export the posts as iCalendar or CSV")
    )
    p.add_argument("client")
    p.add_argument("--out", help=translate("CalendarCli", "the iCalendar file to write"))
    p.add_argument(
        "--csv",
        dest="csv_out",
        help=translate("CalendarCli", "the CSV file to write (Tribune's import layout)"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_export)

    p = csub.add_parser(
        "check", help=translate("CalendarCli", "check the planned posts against the charter")
    )
    p.add_argument("client")
    p.add_argument("--from", dest="start", help=translate("CalendarCli", "first day (YYYY-MM-DD)"))
    p.add_argument("--to", dest="end", help=translate("CalendarCli", "last day (YYYY-MM-DD)"))
    json_flag(p)
    p.set_defaults(handler=cmd_check)

    p = csub.add_parser(
        "approval", help=translate("CalendarCli", "write the approval sheet (PDF) of a period")
    )
    p.add_argument("client")
    p.add_argument("--from", dest="start", required=True)
    p.add_argument("--to", dest="end", required=True)
    p.add_argument("--out", required=True)
    p.add_argument(
        "--language",
        choices=("fr", "en"),
        default=None,
        help=translate("CalendarCli", "language of the sheet (default: the client's)"),
    )
    p.set_defaults(handler=cmd_approval)

    p = csub.add_parser(
        "approval-import",
        help=translate("CalendarCli", "record the decisions of the client's filled approval sheet"),
    )
    p.add_argument("client")
    p.add_argument("file")
    json_flag(p)
    p.set_defaults(handler=cmd_approval_import)

    p = csub.add_parser(
        "approve",
        help=translate(
            "CalendarCli", "record the client's approval of the posts waiting for it in a period"
        ),
    )
    p.add_argument("client")
    p.add_argument("--from", dest="start", required=True)
    p.add_argument("--to", dest="end", required=True)
    p.add_argument(
        "--schedule",
        action="store_true",
        help=translate("CalendarCli", "and put them in the publishing queue"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_approve)


def _date(value: str | None, default: dt.date) -> dt.date:
    if not value:
        return default
    try:
        day = dt.date.fromisoformat(value)
        check_year(day)
        return day
    except ValueError:
        raise ValidationError(
            translate("CalendarCli", "Invalid date « {value} » (expected YYYY-MM-DD).").format(
                value=value
            )
        ) from None


def _read_file(path: Path) -> bytes:
    """The file's bytes, or one line saying why not."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ValidationError(
            translate("CalendarCli", "Cannot read {path}: {reason}").format(
                path=path, reason=exc.strerror or type(exc).__name__
            )
        ) from None


def cmd_import(ctx: CliContext) -> int:
    path = Path(ctx.args.file)
    data = _read_file(path)
    with ctx.db.session() as session:
        client = clients.find_client(session, ctx.args.client)
        is_csv = path.suffix.lower() == ".csv"
        if is_csv:
            from app.services.calendar.csv_import import import_csv
            from app.services.csvfiles.mappings import parse_map

            result: IngestResult = import_csv(
                session,
                client.id,
                data,  # its encoding and separator are found, and said
                base_dir=path.parent,
                mapping=parse_map(ctx.args.column_map) if ctx.args.column_map else None,
                networks=[n for n in ctx.args.networks.replace(" ", ",").split(",") if n],
                day_first=ctx.args.day_first,
            )
        else:
            from app.services.calendar.ical import import_ics

            result = import_ics(session, client.id, data)

    def human() -> str:
        lines = [
            translate(
                "CalendarCli", "{added} added, {duplicates} already there, {errors} refused."
            ).format(added=result.added, duplicates=result.duplicates, errors=len(result.errors))
        ]
        reading = getattr(result, "reading", "")  # the CSV import says how it read the file
        if reading:
            lines.insert(0, translate("CalendarCli", "Read as: {reading}").format(reading=reading))
        # the iCalendar import names each event in its reason ("event 3, UID …: …")
        lines += [f"  {note}" for note in getattr(result, "notes", ())]
        for e in result.errors:
            if is_csv:
                ref = f" UID {e.ref}" if e.ref else ""
                lines.append(
                    translate("CalendarCli", "  line {line}{ref}: {reason}").format(
                        line=e.line, ref=ref, reason=e.reason
                    )
                )
            else:
                lines.append(f"  {e.reason}")
        return "\n".join(lines)

    ctx.emit(dataclasses.asdict(result), human)
    return 0


def cmd_export(ctx: CliContext) -> int:
    if not ctx.args.out and not ctx.args.csv_out:
        raise ValidationError(
            translate("CalendarCli", "Say where to write: --out FILE.ics or --csv FILE.csv.")
        )
    out = ctx.args.csv_out or ctx.args.out
    as_csv = bool(ctx.args.csv_out) or Path(out).suffix.lower() == ".csv"
    with ctx.db.read() as session:
        client = clients.find_client(session, ctx.args.client)
        if as_csv:
            from app.services.calendar.csv_export import export_csv

            rows = export_csv(session, client.id, out)
        else:
            from app.services.calendar.ical import export_file

            n = export_file(session, client.id, out)
    if as_csv:
        ctx.emit(
            {"rows": rows, "out": out},
            translate("CalendarCli", "{count} rows (one per post and network) written to {path}.")
            .format(count=rows, path=out),
        )  # fmt: skip
        return 0
    ctx.emit(
        {"events": n, "out": out},
        translate("CalendarCli", "{count} posts written to {path}.").format(count=n, path=out),
    )
    return 0


def cmd_check(ctx: CliContext) -> int:
    from app.services.calendar.check import check_calendar

    today = dt.date.today()
    start = _date(ctx.args.start, today)
    end = _date(ctx.args.end, start + dt.timedelta(days=27))
    # Bound as "translate" for lupdate; outside document_language it is the usual translate.
    from app.i18n import document_language
    from app.i18n import document_translate as translate

    with ctx.db.read() as session:
        client = clients.find_client(session, ctx.args.client)
        slug = client.slug
        language = client.language
        # The findings speak the client's language, like its charter (not the shell's).
        with document_language(language):
            findings = check_calendar(session, client.id, start, end, language=language)
    data = {
        "client": slug,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "findings": [
            {**dataclasses.asdict(f), "day": f.day.isoformat() if f.day else None} for f in findings
        ],
    }
    with document_language(language):
        names = {
            "error": translate("CalendarCli", "error"),
            "warning": translate("CalendarCli", "warning"),
            "hint": translate("CalendarCli", "hint"),
        }
        nothing = translate("CalendarCli", "Nothing to report: the calendar follows the charter.")
    ctx.emit(
        data,
        lambda: "\n".join(f"{names[f.severity]}: {f.message}" for f in findings) or nothing,
    )
    return 0


def cmd_approval(ctx: CliContext) -> int:
    from app.documents.calendar_approval import render_approval_sheet

    start = _date(ctx.args.start, dt.date.today())
    end = _date(ctx.args.end, start)
    from app.services.calendar.approval import submit_for_review
    from app.services.calendar.posts import client_zone

    # As in the app: the period's drafts go to review, then the sheet shows what awaits the
    # client's decision.
    with ctx.db.session() as session:
        client = clients.find_client(session, ctx.args.client)
        zone = client_zone(session, client.id)
        begin, finish = (
            dt.datetime.combine(d, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
            for d in (start, end + dt.timedelta(days=1))
        )
        submit_for_review(session, client.id, begin, finish)
    with ctx.db.read() as session:
        result = render_approval_sheet(
            session, client.id, start, end, ctx.args.out, language=ctx.args.language
        )
    print(
        translate("CalendarCli", "Approval sheet written to {path} ({pages} pages).").format(
            path=result.path, pages=result.pages
        )
    )
    return 0


def cmd_approval_import(ctx: CliContext) -> int:
    from app.services.calendar.approval_import import import_approval_sheet

    data = _read_file(Path(ctx.args.file))
    with ctx.db.session() as session:
        client = clients.find_client(session, ctx.args.client)
        result = import_approval_sheet(session, client.id, data)
    ctx.emit(
        {
            "approved": list(result.approved),
            "to_change": list(result.to_change),
            "skipped": [{"post": pid, "reason": why} for pid, why in result.skipped],
        },
        lambda: "\n".join(
            [
                translate(
                    "CalendarCli", "Approved: {n}, to change: {m}, left as they were: {k}."
                ).format(n=len(result.approved), m=len(result.to_change), k=len(result.skipped))
            ]
            + [f"  #{pid}: {why}" for pid, why in result.skipped]
        ),
    )
    return 0


def cmd_approve(ctx: CliContext) -> int:
    """Approve (and with --schedule, queue) every post « in review » of the period, in one
    transaction: a post whose text changed since the client saw it stops everything (exit 1,
    the conflict named), nothing is half-approved."""
    from zoneinfo import ZoneInfo

    from app.services.calendar import posts
    from app.services.calendar.approval import period_post_ids, record_decision

    start = _date(ctx.args.start, dt.date.today())
    end = _date(ctx.args.end, start)
    if end < start:
        raise ValidationError(translate("CalendarCli", "--to comes before --from."))
    done = []
    with ctx.db.session() as session:
        client = clients.find_client(session, ctx.args.client)
        zone = ZoneInfo(client.timezone)
        begin = posts.local_to_utc(start, dt.time(0), zone)
        finish = posts.local_to_utc(end + dt.timedelta(days=1), dt.time(0), zone)
        for pid in period_post_ids(session, client.id, begin, finish):
            if posts.get_post(session, client.id, pid).status != "in_review":
                continue
            info = record_decision(session, client.id, pid, True)
            if ctx.args.schedule:
                info = posts.set_status(session, client.id, pid, "scheduled")
            done.append(info)
        slug = client.slug
    data = {
        "client": slug,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "posts": [
            {
                "id": p.id,
                "title": p.title,
                "planned_at": p.planned_at.isoformat(),
                "networks": list(p.networks),
                "status": p.status,
            }
            for p in done
        ],
    }

    def human() -> str:
        if not done:
            return translate("CalendarCli", "No post waits for approval in this period.")
        lines = [
            f"{p.planned_at.astimezone(zone):%d/%m %H:%M}  {p.status:<10} {p.title}" for p in done
        ]
        if ctx.args.schedule:
            total = translate("CalendarCli", "{n} posts approved and scheduled.")
        else:
            total = translate("CalendarCli", "{n} posts approved.")
        lines.append(total.format(n=len(done)))
        return "\n".join(lines)

    ctx.emit(data, human)
    return 0
