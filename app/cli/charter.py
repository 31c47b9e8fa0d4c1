"""``tribune charter export|list``: the charter PDF to sign, and the versions of a charter."""

from __future__ import annotations

import argparse

from app.cli import CliContext, json_flag
from app.errors import ValidationError
from app.i18n import translate
from app.limits import bounded_int
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    top = sub.add_parser(
        "charter", help=translate("CliCharter", "the community-management charter")
    )
    csub = top.add_subparsers(dest="charter_command", metavar="ACTION", required=True)

    p = csub.add_parser(
        "export", help=translate("CliCharter", "export the charter as a PDF to sign")
    )
    p.add_argument("client", metavar="CLIENT")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument(
        "--version",
        type=bounded_int(1, 1_000_000),
        default=None,
        metavar="N",
        help=translate("CliCharter", "version number (default: the latest)"),
    )
    p.add_argument(
        "--language",
        choices=("fr", "en"),
        default=None,
        help=translate("CliCharter", "language of the labels and dates (default: the charter's)"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_export)

    p = csub.add_parser("list", help=translate("CliCharter", "list the versions of a charter"))
    p.add_argument("client", metavar="CLIENT")
    json_flag(p)
    p.set_defaults(handler=cmd_list)

    p = csub.add_parser(
        "sign", help=translate("CliCharter", "record the signatures of a charter version (a lead)")
    )
    p.add_argument("client", metavar="CLIENT")
    p.add_argument("--agency", required=True, metavar="NAME")
    p.add_argument("--client-signatory", required=True, metavar="NAME")
    p.add_argument("--scan", default=None, metavar="FILE.pdf")
    p.add_argument(
        "--version",
        type=bounded_int(1, 1_000_000),
        default=None,
        metavar="N",
        help=translate("CliCharter", "version number (default: the latest)"),
    )
    json_flag(p)
    p.set_defaults(handler=cmd_sign)


def cmd_export(ctx: CliContext) -> int:
    from app.documents.charter_pdf import export_charter_pdf, gather

    args = ctx.args
    if not str(args.out).lower().endswith(".pdf"):
        raise ValidationError(
            translate("CliCharter", "The output file must end in .pdf: {path}").format(
                path=args.out
            )
        )
    if args.version is not None and args.version < 1:
        raise ValidationError(translate("CliCharter", "A version number is 1 or more."))
    with ctx.db.read() as session:
        inp = gather(session, args.client, args.version, args.language)
    result = export_charter_pdf(inp, args.out)
    ctx.emit(
        {"path": str(result.path), "pages": result.pages, "version": inp.doc.version.number},
        lambda: translate("CliCharter", "{path}: charter v{n}, {pages} pages").format(
            path=result.path, n=inp.doc.version.number, pages=result.pages
        ),
    )
    return 0


def cmd_list(ctx: CliContext) -> int:
    with ctx.db.read() as session:
        client = clients.find_client(session, ctx.args.client)
        versions = charter.list_versions(session, client.id)
    data = [
        {
            "number": v.number,
            "status": v.status,
            "updated_at": v.updated_at.isoformat(),
            "signed_at": v.signed_at.isoformat() if v.signed_at else None,
            "scan_sha256": v.scan_sha256 or None,
        }
        for v in versions
    ]
    ctx.emit(
        data,
        lambda: (
            "\n".join(f"v{v.number}\t{v.status}\t{v.updated_at:%Y-%m-%d}" for v in versions)
            or translate("CliCharter", "No charter yet.")
        ),
    )
    return 0


def cmd_sign(ctx: CliContext) -> int:
    from pathlib import Path

    from app.services.charter import signing as charter_signing

    args = ctx.args
    scan = None
    if args.scan:
        try:
            scan = Path(args.scan).read_bytes()
        except OSError as exc:
            raise ValidationError(f"{args.scan}: {exc.strerror or exc}") from None
    people = [
        charter.SignatoryInfo("agency", args.agency),
        charter.SignatoryInfo("client", args.client_signatory),
    ]
    with ctx.db.session() as session:
        client = clients.find_client(session, args.client)
        versions = charter.list_versions(session, client.id)
        chosen = [v for v in versions if args.version in (None, v.number)]
        if not chosen:
            raise ValidationError(translate("CliCharter", "No such charter version."))
        v = chosen[0]
        if v.status == "draft":
            charter_signing.send_for_signature(session, client.id, v.id)
        done = charter_signing.record_signature(
            session, client.id, v.id, people, scan=scan, scan_filename=args.scan or ""
        )
    ctx.emit(
        {"number": done.number, "status": done.status},
        lambda: translate("CliCharter", "Charter v{n} signed.").format(n=done.number),
    )
    return 0
