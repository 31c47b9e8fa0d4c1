"""The escalation log as proof for the client: CSV and PDF.

Who was asked, when, by which channel, when they answered, against the charter's delay.
Text from the internet is escaped before it goes into the PDF's HTML.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app import csvsafe
from app.i18n import translate
from app.safefile import checked_output
from app.services.clients.info import find_client
from app.services.inbox import escalation
from app.services.inbox.reading import get_message


@dataclass(frozen=True)
class LogLine:
    asked_at: str
    message: str
    author: str
    contact: str
    channel: str
    asked_by: str
    due_at: str
    answered_at: str
    delay: str
    verdict: str


Since = dt.datetime | None


def lines(
    session: Session,
    client_id: int,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> list[LogLine]:
    client = find_client(session, client_id)
    tz = ZoneInfo(client.timezone)

    def fmt(value: dt.datetime | None) -> str:
        return value.astimezone(tz).strftime("%d/%m/%Y %H:%M") if value else ""

    out: list[LogLine] = []
    for e in escalation.log(session, client_id, since, until):
        msg = get_message(session, client_id, e.message_id)
        on_time = e.on_time()
        verdict = (
            translate("Escalation", "waiting")
            if on_time is None
            else translate("Escalation", "on time")
            if on_time
            else translate("Escalation", "late")
        )
        out.append(
            LogLine(
                fmt(e.asked_at),
                msg.text[:140].replace("\n", " "),
                msg.author,
                e.contact_name,
                e.channel,
                e.asked_by,
                fmt(e.due_at),
                fmt(e.answered_at),
                translate("Escalation", "{h} h {m:02d}").format(
                    h=e.delay_minutes // 60, m=e.delay_minutes % 60
                ),
                verdict,
            )
        )
    return out


def headers() -> list[str]:
    return [
        translate("Escalation", "Asked at"),
        translate("Escalation", "Message"),
        translate("Escalation", "Author"),
        translate("Escalation", "Contact"),
        translate("Escalation", "Channel"),
        translate("Escalation", "Asked by"),
        translate("Escalation", "Due"),
        translate("Escalation", "Answered at"),
        translate("Escalation", "Charter delay"),
        translate("Escalation", "Verdict"),
    ]


def export_csv(
    session: Session, client_id: int, path: Path, since: Since = None, until: Since = None
) -> int:
    rows = lines(session, client_id, since, until)
    # written aside and moved when whole; text from the internet cannot become a formula
    with checked_output(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csvsafe.writer(fh)
        writer.writerow(headers())
        for r in rows:
            writer.writerow(list(r.__dict__.values()))
    return len(rows)


def export_pdf(
    session: Session, client_id: int, path: Path, since: Since = None, until: Since = None
) -> int:
    """The log as proof for the client: A4 landscape through the shared renderer (embedded
    fonts, "page X / Y" footer). Text from the internet is escaped."""
    from app.documents.pdf import render_html_pdf

    client = find_client(session, client_id)
    rows = lines(session, client_id, since, until)
    widths = (9, 21, 13, 10, 7, 8, 9, 9, 7, 7)
    head = "".join(
        f"<th width='{w}%'>{html.escape(h)}</th>" for w, h in zip(widths, headers(), strict=True)
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in r.__dict__.values()) + "</tr>"
        for r in rows
    )
    title = translate("Escalation", "Escalation log — {client}").format(client=client.name)
    n = len(rows)  # a plain name: lupdate reads a count only as a name or a number
    count = translate("Escalation", "%Ln escalation(s)", "", n)
    render_html_pdf(
        f"<h1>{html.escape(title)}</h1><p>{html.escape(count)}</p>"
        f"<table width='100%' cellspacing='0'><tr>{head}</tr>{body}</table>",
        path,
        title=title,
        footer_left=title,
        plain_first_page=False,
        css=(
            "body{font-size:7pt;} h1{font-size:13pt;}"
            "th{background:#1d2536;color:white;padding:3px;text-align:left;}"
            "td{border-bottom:1px solid #ccc;padding:3px;}"
        ),
        margins_mm=(12, 12, 12, 14),
        landscape=True,
    )
    return len(rows)
