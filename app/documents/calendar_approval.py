"""The approval sheet: a period's posts as they will appear, for the client to approve."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

from sqlalchemy.orm import Session

from app.documents.pdf import PdfResult, render_html_pdf
from app.i18n import document_language
from app.i18n import document_translate as translate  # the sheet is in the client's language
from app.models import Client
from app.services.posts import client_zone, get_post
from app.services.posts_approval import period_post_ids
from app.services.posts_counters import count_text, network_label
from app.services.posts_media import media_for
from app.services.posts_types import status_label

CSS = """
.post { margin-bottom: 10pt; }
.when { font-weight: 600; font-size: 11pt; color: #1d2536; }
.net { font-weight: 600; color: #3e7bfa; }
.text { white-space: pre-wrap; }
.box { color: #5b6477; }
"""


def approval_html(
    session: Session,
    client_id: int,
    start: dt.date,
    end: dt.date,
    images: dict[str, bytes] | None = None,
) -> tuple[str, str]:
    """The sheet's HTML and title; image attachments are put in ``images`` by name."""
    images = {} if images is None else images
    client = session.get(Client, client_id)
    zone = client_zone(session, client_id)
    begin = dt.datetime.combine(start, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(
        dt.UTC
    )
    esc = html.escape
    title = translate("CalendarApproval", "Posts to approve — {client}").format(client=client.name)
    parts = [
        f"<h1>{esc(title)}</h1>",
        "<p class='muted'>"
        + esc(
            translate(
                "CalendarApproval",
                "From {start} to {end}. Tick a box for each post; a rejection needs a comment.",
            ).format(start=start.isoformat(), end=end.isoformat())
        )
        + "</p>",
    ]
    ids = period_post_ids(session, client_id, begin, finish)
    if not ids:
        parts.append("<p>" + esc(translate("CalendarApproval", "No post in this period.")) + "</p>")
    for n, pid in enumerate(ids, start=1):
        post = get_post(session, client_id, pid)
        local = post.planned_at.astimezone(zone)
        when = local.strftime("%Y-%m-%d") if post.all_day else local.strftime("%Y-%m-%d %H:%M")
        parts.append("<table width='100%' border='1' cellspacing='0' cellpadding='5' class='post'>")
        head = f"{n}. {when} — {post.title or ''}"
        meta = " · ".join(x for x in (post.category, post.campaign, status_label(post.status)) if x)
        parts.append(
            f"<tr><th colspan='2'><span class='when'>{esc(head)}</span><br/>"
            f"<span class='small muted'>{esc(meta)}</span></th></tr>"
        )
        for v in post.variants:
            c = count_text(v.network, v.text)
            counter = f"{c.used} / {c.limit}"
            body = esc(v.text).replace("\n", "<br/>")
            extra = ""
            if v.link:
                extra += f"<br/><span class='small muted'>🔗 {esc(v.link)}</span>"
            if v.first_comment:
                extra += (
                    "<br/><span class='small muted'>"
                    + esc(translate("CalendarApproval", "First comment:"))
                    + f" {esc(v.first_comment)}</span>"
                )
            for m in media_for(session, client_id, v.media):
                if m.mime.startswith("image/") and m.mime != "image/webp":
                    name = f"media-{m.id}"
                    if name not in images:
                        try:
                            images[name] = Path(m.path).read_bytes()
                        except OSError:
                            continue
                    extra += f"<br/><img src='{name}' width='160'/>"
            if v.media:
                extra += (
                    "<br/><span class='small muted'>"
                    + esc(
                        translate("CalendarApproval", "{count} attached file(s)").format(
                            count=len(v.media)
                        )
                    )
                    + "</span>"
                )
            parts.append(
                f"<tr><td width='18%'><span class='net'>{esc(network_label(v.network))}</span><br/>"
                f"<span class='small muted'>{esc(counter)}</span></td>"
                f"<td><span class='text'>{body}</span>{extra}</td></tr>"
            )
        parts.append(
            "<tr><td colspan='2' class='box'>☐ "
            + esc(translate("CalendarApproval", "Approved"))
            + " &nbsp;&nbsp; ☐ "
            + esc(translate("CalendarApproval", "Rejected"))
            + " &nbsp;&nbsp; "
            + esc(translate("CalendarApproval", "Comment:"))
            + " ______________________________________</td></tr></table>"
        )
    return "\n".join(parts), title


def render_approval_sheet(
    session: Session, client_id: int, start: dt.date, end: dt.date, out: str | Path
) -> PdfResult:
    client = session.get(Client, client_id)
    with document_language(client.language):
        return _render(session, client, start, end, out)


def _render(session: Session, client: Client, start: dt.date, end: dt.date, out) -> PdfResult:
    images: dict[str, bytes] = {}
    body, title = approval_html(session, client.id, start, end, images)
    return render_html_pdf(
        body,
        out,
        title=title,
        footer_left=translate("CalendarApproval", "Approval sheet — {client}").format(
            client=client.name
        ),
        css=CSS,
        images=images,
        plain_first_page=False,
    )
