"""``tribune report CLIENT --month YYYY-MM --out FILE.pdf`` and ``tribune metrics import``."""

from __future__ import annotations

import argparse

from app.cli import CliContext, json_flag
from app.i18n import install_translators, translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("report", help=translate("Cli", "write a client's monthly report as a PDF"))
    p.add_argument("client")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument(
        "--team",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=translate("Cli", "the team activity page (default: when several people worked)"),
    )
    p.add_argument(
        "--language",
        choices=("fr", "en"),
        default=None,
        help=translate("Cli", "language of the report (default: the client's)"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_report)

    m = sub.add_parser("metrics", help=translate("Cli", "network metrics"))
    msub = m.add_subparsers(dest="metrics_command", metavar="ACTION", required=True)
    p = msub.add_parser(
        "import",
        help=translate(
            "Cli", "import a metrics CSV (Tribune's format or a Meta Business Suite export)"
        ),
    )
    p.add_argument("client")
    p.add_argument("file")
    p.add_argument(
        "--account",
        default=None,
        help=translate("Cli", "the account (id or handle) for exports that do not name it"),
    )
    order = p.add_mutually_exclusive_group()
    order.add_argument(
        "--day-first",
        dest="day_first",
        action="store_const",
        const=True,
        default=None,
        help=translate("Cli", "read slashed dates as day/month/year (03/04 = 3 April)"),
    )
    order.add_argument(
        "--month-first",
        dest="day_first",
        action="store_const",
        const=False,
        help=translate("Cli", "read slashed dates as month/day/year (03/04 = 4 March)"),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=translate("Cli", "say how the file reads (layout, separator, dates), import nothing"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_metrics_import)


def cmd_report(ctx: CliContext) -> int:
    from app.documents.report_pdf import render_report
    from app.services.clients.workspaces import get_client
    from app.services.reports.periods import parse_month

    parse_month(ctx.args.month)  # a malformed month fails before the database is opened
    with ctx.db.read() as session:
        client = get_client(session, ctx.args.client)
    language = ctx.args.language or client.language
    install_translators(language)
    result = render_report(
        ctx.db, client.id, ctx.args.month, ctx.args.out, language=language,
        include_team=ctx.args.team,
    )  # fmt: skip
    ctx.emit(
        {
            "path": str(result.path),
            "pages": result.pages,
            "month": result.month,
            "has_metrics": result.has_metrics,
        },
        translate("Cli", "Report written: {path} ({pages} pages)").format(
            path=result.path, pages=result.pages
        ),
    )
    return 0


def cmd_metrics_import(ctx: CliContext) -> int:
    from app.services.clients.workspaces import get_client
    from app.services.reports.metrics_import import import_metrics_csv, inspect_metrics_csv

    day_first = ctx.args.day_first
    if ctx.args.dry_run:  # what the file is, said before anything is written
        reading = inspect_metrics_csv(ctx.args.file, day_first=day_first)
        ctx.emit(
            {"format": reading.layout, "rows": reading.rows, "reading": reading.describe()},
            translate("Cli", "Read as: {reading}; {rows} rows; nothing imported.").format(
                reading=reading.describe(), rows=reading.rows
            ),
        )
        return 0
    with ctx.db.session() as session:
        client = get_client(session, ctx.args.client)
        result = import_metrics_csv(
            session, client.id, ctx.args.file, account=ctx.args.account, day_first=day_first
        )
    ctx.emit(
        {
            "format": result.layout,
            "rows": result.rows,
            "reading": result.reading,
            "errors": [{"line": e.line, "ref": e.ref, "reason": e.reason} for e in result.errors],
        },
        lambda: "\n".join(
            [
                translate("Cli", "Read as: {reading}").format(reading=result.reading),
                translate("Cli", "{rows} rows imported ({layout}), {errors} rejected.").format(
                    rows=result.rows, layout=result.layout, errors=len(result.errors)
                ),
            ]
            + [
                translate("Cli", "line {line}: {reason}").format(line=e.line, reason=e.reason)
                for e in result.errors
            ]
        ),
    )
    return 1 if result.errors and not result.rows else 0
