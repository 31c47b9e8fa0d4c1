"""``tribune demo``, ``backup`` and ``restore``."""

from __future__ import annotations

import argparse

from app.cli import CliContext, json_flag
from app.i18n import translate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("demo", help=translate("Cli", "load the demo agency (a year of data)"))
    p.add_argument(
        "--if-empty",
        action="store_true",
        help=translate("Cli", "do nothing if the database already has clients"),
    )
    p.add_argument("--seed", type=int, default=2026)
    json_flag(p)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("backup", help=translate("Cli", "write every row to one file (no secrets)"))
    p.add_argument("--out", required=True, metavar="FILE")
    json_flag(p)
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser(
        "restore", help=translate("Cli", "replace the database content with a backup file")
    )
    p.add_argument("file")
    json_flag(p)
    p.set_defaults(handler=cmd_restore)

    db = sub.add_parser("db", help=translate("Cli", "the agency's database"))
    dsub = db.add_subparsers(dest="db_command", metavar="COMMAND", required=True)
    p = dsub.add_parser(
        "move",
        help=translate(
            "Cli", "copy everything into another, empty database (SQLite ↔ PostgreSQL), verified"
        ),
    )
    p.add_argument("--to", required=True, metavar="URL")
    json_flag(p)
    p.set_defaults(handler=cmd_db_move)


def cmd_demo(ctx: CliContext) -> int:
    from app.demo import build_demo

    summary = build_demo(ctx.db, seed=ctx.args.seed, if_empty=ctx.args.if_empty)
    if not summary:
        ctx.emit({}, translate("Cli", "The database already has clients; demo not loaded."))
        return 0
    ctx.emit(
        summary,
        translate("Cli", "Demo agency loaded: {details}").format(
            details=", ".join(f"{k} {v}" for k, v in summary.items())
        ),
    )
    return 0


def cmd_backup(ctx: CliContext) -> int:
    from app.services.database.backup import write_backup

    result = write_backup(ctx.db, ctx.args.out)
    ctx.emit(
        {"path": str(result.path), "tables": result.tables},
        translate("Cli", "Backup written to {path} ({rows} rows).").format(
            path=result.path, rows=result.rows
        ),
    )
    return 0


def cmd_restore(ctx: CliContext) -> int:
    from app.services.database.backup import read_manifest, restore_backup

    read_manifest(ctx.args.file)  # refuse a file that is no backup before opening the database
    result = restore_backup(ctx.db, ctx.args.file)  # verified whole, current data kept first
    safety = result.previous_copy
    ctx.emit(
        {"tables": result.tables, "previous_copy": str(safety) if safety else None},
        translate("Cli", "Restored {rows} rows from {path}.").format(
            rows=result.rows, path=ctx.args.file
        )
        + (
            " " + translate("Cli", "The previous data is kept in {path}.").format(path=safety)
            if safety
            else ""
        ),
    )
    return 0


def cmd_db_move(ctx: CliContext) -> int:
    from app.services.database.move import move_database

    result = move_database(ctx.db, ctx.args.to)
    ctx.emit(
        {"target": result.target, "tables": result.tables, "checksums": result.checksums},
        translate(
            "Cli",
            "Moved {rows} rows to {url}, every table checked. Use it with --db or $TRIBUNE_DB "
            "(or File › Settings in the app).",
        ).format(rows=result.rows, url=result.target),
    )
    return 0
