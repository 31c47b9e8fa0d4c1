"""The approval sheet: a period's posts as they will appear, for the client to approve."""

from __future__ import annotations

import datetime as dt
import html
import os
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.documents import wording
from app.documents.approval_form import FieldSpot, add_fields
from app.documents.pdf import KeepTogether, PdfResult, render_html_pdf
from app.documents.style import DocumentStyle
from app.errors import NotFound
from app.i18n import document_language
from app.i18n import document_translate as translate  # the sheet is in the client's language
from app.models import Client
from app.networks import network_label
from app.services.calendar.approval import period_post_ids
from app.services.calendar.media import media_for, read_media_bytes
from app.services.calendar.post_types import PostInfo, VariantInfo, status_label
from app.services.calendar.posts import client_zone, get_post
from app.services.people import agency as agency_service

CSS = """
h1 { font-size: 16pt; }
p.posthead { font-size: 11pt; margin-top: 6pt; margin-bottom: 2pt; }
.title { font-size: 10pt; color: #2b3750; }
.meta { color: #5b6477; font-size: 8.5pt; }
.net { font-weight: 600; color: #2b3750; }
.text { white-space: pre-wrap; }
table.card { border-color: #c9d1e0; margin-bottom: 4pt; }
table.card td { padding-top: 5px; padding-bottom: 5px; padding-left: 7px; padding-right: 7px; }
td.decide { background-color: #f4f6fb; }
.line { color: #9aa3b5; }
table.sign td { padding-top: 12px; padding-left: 0; }
"""

# Qt drops a heading's top margin after a table: an empty small line keeps them apart
SPACER = "<p style='margin: 0; font-size: 8pt'>&nbsp;</p>"
AWAITING = ("in_review",)  # what waits for the client's decision
FOR_INFORMATION = ("approved", "scheduled", "published")


def _day_and_time(post: PostInfo, zone: ZoneInfo, language: str) -> str:
    """ "mardi 1er décembre" and "8 h 15" on two lines, in the list for information."""
    local = post.planned_at.astimezone(zone)
    day = wording.weekday_day_month(local.date(), language)
    return day if post.all_day else f"{day}\n{wording.clock_time(local, language)}"


def _when(post: PostInfo, zone: ZoneInfo, language: str) -> str:
    """ "mardi 1er décembre 2026, 8 h 15" / "Tuesday 1 December 2026, 8:15 AM"."""
    local = post.planned_at.astimezone(zone)
    if post.all_day:
        return wording.long_date(local.date(), language)
    return wording.long_datetime(local, language)


def _thumbnails(
    session: Session, client_id: int, variant: VariantInfo, images: dict[str, bytes]
) -> str:
    """The pictures of a variant as thumbnails; other files named."""
    shown: list[str] = []
    named: list[str] = []
    for m in media_for(session, client_id, variant.media):
        if m.mime.startswith("image/") and m.mime != "image/webp":
            name = f"media-{m.id}"
            if name not in images:
                try:
                    images[name] = read_media_bytes(session, m)
                except OSError:
                    named.append(m.filename)
                    continue
            shown.append(f"<img src='{name}' height='110'/>")
        else:
            named.append(m.filename)
    out = ""
    if shown:
        out += "<br/>" + "&nbsp;&nbsp;".join(shown)
    if named:
        files = ", ".join(html.escape(n) for n in named)
        out += (
            "<br/><span class='meta'>"
            + html.escape(translate("CalendarApproval", "Attached:"))
            + f" {files}</span>"
        )
    return out


def _post_card(
    session: Session,
    client_id: int,
    n: int,
    post: PostInfo,
    zone: ZoneInfo,
    language: str,
    images: dict[str, bytes],
    keep: KeepTogether,
) -> str:
    esc = html.escape
    when = _when(post, zone, language)
    title = wording.typeset(post.title or "", language)
    meta = " · ".join(esc(x) for x in (post.category, post.campaign) if x)
    key = f"post{post.id}"
    head = keep.anchor(key, f"<b>{n}. {esc(when)}</b>")
    if title or meta:
        head += "<br/><span class='title'>" + esc(title) + "</span>"
        head += f" <span class='meta'>{'· ' if title and meta else ''}{meta}</span>"
    rows = []
    for v in post.variants:
        body = esc(v.text).replace("\n", "<br/>")
        extra = ""
        if v.link:
            extra += f"<br/><span class='meta'>{esc(v.link)}</span>"
        if v.first_comment:
            extra += (
                "<br/><span class='meta'>"
                + esc(translate("CalendarApproval", "First comment:"))
                + f" {esc(v.first_comment)}</span>"
            )
        extra += _thumbnails(session, client_id, v, images)
        rows.append(
            f"<tr><td width='20%'><span class='net'>{esc(network_label(v.network))}</span></td>"
            f"<td><span class='text'>{body}</span>{extra}</td></tr>"
        )
    # the anchors say where the fillable form puts its boxes and its comment field
    line = "_" * 78
    pid = post.id
    decide = (
        "<tr><td colspan='2' class='decide'>"
        + f"<a name='field-ok-{pid}'>☐</a> "
        + esc(translate("CalendarApproval", "Approved"))
        + f"&nbsp;&nbsp;&nbsp;&nbsp;<a name='field-change-{pid}'>☐</a> "
        + esc(translate("CalendarApproval", "To change"))
        + "<br/>"
        + esc(wording.typeset(translate("CalendarApproval", "Comment:"), language))
        + f"<br/><span class='line'><a name='field-comment-{pid}'>{line}</a></span>"
        + f"<br/><span class='line'>{line}</span></td></tr>"
    )
    return (
        f"<p class='posthead'{keep.style(key)}>{head}</p>"
        + "<table width='100%' border='1' cellspacing='0' class='card'>"
        + "".join(rows)
        + decide
        + "</table>"
        + keep.end(key)
    )


def approval_html(
    session: Session,
    client_id: int,
    start: dt.date,
    end: dt.date,
    images: dict[str, bytes] | None = None,
    language: str = "en",
) -> tuple[Callable[[dict[str, int]], str], str]:
    """The sheet's HTML (a callable of the anchors' pages, see :class:`KeepTogether`) and its
    title; pictures are put in ``images`` by name.

    Only the posts waiting for the client's decision get a decision box; posts already
    approved, scheduled or published are listed apart, for information.
    """
    images = {} if images is None else images
    client = _client(session, client_id)
    zone = client_zone(session, client_id)
    begin = dt.datetime.combine(start, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(
        dt.UTC
    )
    esc = html.escape
    title = translate("CalendarApproval", "Posts to approve — {client}").format(client=client.name)
    posts = [
        get_post(session, client_id, pid)
        for pid in period_post_ids(session, client_id, begin, finish)
    ]
    waiting = [p for p in posts if p.status in AWAITING]
    known = [p for p in posts if p.status in FOR_INFORMATION]
    intro = translate(
        "CalendarApproval",
        "Posts planned {period}. For each one, tick Approved or To change; say what to change "
        "in the comment lines, then sign at the end.",
    ).format(period=wording.period(start, end, language))
    if not waiting:  # nothing to tick nor to sign
        intro = translate("CalendarApproval", "Posts planned {period}.").format(
            period=wording.period(start, end, language)
        )
    keep = KeepTogether()

    def page(anchors: dict[str, int]) -> str:
        keep.update(anchors)
        parts = [
            f"<h1>{esc(title)}</h1>",
            f"<p class='muted'>{esc(wording.typeset(intro, language))}</p>",
        ]
        if not waiting:
            parts.append(
                "<p>"
                + esc(
                    translate("CalendarApproval", "No post waits for your approval in this period.")
                )
                + "</p>"
            )
        for n, p in enumerate(waiting, start=1):
            parts.append(_post_card(session, client_id, n, p, zone, language, images, keep))
        if known:
            info = translate("CalendarApproval", "For information: already approved or published")
            parts.append(f"{SPACER}<h2>{esc(info)}</h2>")
            rows = [
                [
                    _day_and_time(p, zone, language),
                    p.title or "",
                    ", ".join(network_label(v.network) for v in p.variants),
                    status_label(p.status),
                ]
                for p in known
            ]
            widths = [28, 44, 14, 14]
            table = "<table width='100%' cellspacing='0' class='info'{}>"
            parts.append(table.format(""))
            for n, row in enumerate(rows):
                if n and f"info-{n}" in keep.moved:  # a row kept whole: on the next page
                    parts.append("</table>" + table.format(keep.style(f"info-{n}")))
                cells = "".join(
                    f"<td width='{w}%'{' class=meta' if i > 1 else ''}>{c}</td>"
                    for i, (c, w) in enumerate(zip(keep.row(f"info-{n}", row), widths, strict=True))
                )
                stripe = " bgcolor='#f3f6fb'" if n % 2 else ""
                parts.append(f"<tr{stripe}>{cells}</tr>")
            parts.append("</table>")
        if waiting:
            heading = esc(translate("CalendarApproval", "Client's approval"))
            parts.append(f"{SPACER}<h2{keep.style('sign')}>{keep.anchor('sign', heading)}</h2>")
            blank = "_" * 34
            labels = [
                translate("CalendarApproval", "Name:"),
                translate("CalendarApproval", "Role:"),
                translate("CalendarApproval", "Date:"),
                translate("CalendarApproval", "Signature:"),
            ]
            parts.append("<table width='100%' class='sign'>")
            boxes = [
                f"<td>{esc(wording.typeset(label, language))} <span class=line>{blank}</span></td>"
                for label in labels
            ]
            parts.append(f"<tr>{boxes[0]}{boxes[1]}</tr><tr>{boxes[2]}{boxes[3]}</tr>")
            parts.append("</table>")
            parts.append(keep.end("sign"))
        return "\n".join(parts)

    return page, title


def _client(session: Session, client_id: int) -> Client:
    client = session.get(Client, client_id)
    if client is None:
        raise NotFound(translate("CalendarApproval", "This client no longer exists."))
    return client


def render_approval_sheet(
    session: Session,
    client_id: int,
    start: dt.date,
    end: dt.date,
    out: str | Path,
    language: str | None = None,
) -> PdfResult:
    """Write the sheet of ``start``..``end`` to ``out``, in ``language`` ("fr", "en"; default
    the client's), under the agency's name and colour."""
    client = _client(session, client_id)
    with document_language(language or client.language) as lang:
        return _render(session, client, start, end, out, lang)


def _render(
    session: Session,
    client: Client,
    start: dt.date,
    end: dt.date,
    out: str | os.PathLike[str],
    lang: str,
) -> PdfResult:
    images: dict[str, bytes] = {}
    body, title = approval_html(session, client.id, start, end, images, lang)
    style = DocumentStyle.for_agency(agency_service.agency(session), client.name, lang, client.logo)
    result = _write_pdf(body, out, title, client, images, style)
    spots = []
    for name, (page, x, y) in result.fields.items():
        if name.startswith("field-ok-"):
            pid = int(name[len("field-ok-") :])
            change = result.fields.get(f"field-change-{pid}")
            comment = result.fields.get(f"field-comment-{pid}")
            if change and comment and change[0] == page == comment[0]:
                version = get_post(session, client.id, pid).version
                spots.append(FieldSpot(pid, version, page, (x, y), change[1:], comment[1:]))
    if spots:
        add_fields(result.path, spots, client.uid)
    return result


def _write_pdf(
    body: Callable[[dict[str, int]], str],
    out: str | os.PathLike[str],
    title: str,
    client: Client,
    images: dict[str, bytes],
    style: DocumentStyle,
) -> PdfResult:
    return render_html_pdf(
        body,
        out,
        title=title,
        footer_left=translate("CalendarApproval", "Approval sheet"),
        page_label=translate("CalendarApproval", "page {page} / {pages}"),
        css=CSS,
        images=images,
        style=style,
    )
