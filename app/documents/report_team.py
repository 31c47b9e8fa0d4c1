"""The monthly report's "Team activity" page: who answered, released, approved, published and
escalated for the client this month (see :mod:`app.services.people.activity`).

Shown by default when the agency shares a PostgreSQL database and more than one person
worked for the client in the month; ``include_team`` (``tribune report --team/--no-team``)
forces it either way. Names are people's own: plain escaped text.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.charts.lang import translate
from app.documents import wording
from app.documents.report_sections import STRIPE, e, heading_html, no_data
from app.services.clients.info import ClientInfo
from app.services.people.activity import PersonActivity, period_bounds, team_activity
from app.services.reports.periods import Period


def gather(
    session: Session, client: ClientInfo, period: Period, include: bool | None = None
) -> list[PersonActivity] | None:
    """The rows of the page, or None when the page is left out."""
    if include is False:
        return None
    lo, hi = period_bounds(period.start, period.end, client.timezone)
    people = team_activity(session, client.id, lo, hi)
    if include is None:
        shared = session.get_bind().dialect.name == "postgresql"
        if not shared or len(people) < 2:
            return None
    return people


def team_section(people: list[PersonActivity] | None, language: str) -> str:
    if people is None:
        return ""
    out = [heading_html(translate("Report", "Team activity"))]
    if not people:
        out.append(no_data(translate("Report", "Nobody recorded any work for this client.")))
        return "".join(out)
    out.append(
        "<p>"
        + e(
            wording.typeset(
                translate(
                    "Report",
                    "Who did what this month, from the audit trail: replies that left (a "
                    "junior's once a lead released them), approvals, publications and "
                    "escalations.",
                ),
                language,
            )
        )
        + "</p>"
    )

    def n(value: int) -> str:
        return e(wording.number(value, language))

    rows = [
        [
            e(p.name)
            + (f' <span class="muted">({e(p.login)})</span>' if p.login != p.name else ""),
            n(p.replies_sent),
            n(p.replies_released),
            n(p.posts_approved),
            n(p.posts_published),
            n(p.escalations_handled),
        ]
        for p in people
    ]
    total = [
        "<b>" + e(translate("Report", "Team")) + "</b>",
        *(
            "<b>" + n(sum(getattr(p, key) for p in people)) + "</b>"
            for key in (
                "replies_sent",
                "replies_released",
                "posts_approved",
                "posts_published",
                "escalations_handled",
            )
        ),
    ]
    headers = [
        translate("Report", "Person"),
        translate("Report", "Replies sent"),
        translate("Report", "Released for others"),
        translate("Report", "Approved posts"),
        translate("Report", "Published posts"),
        translate("Report", "Escalations"),
    ]
    out.append(_table(headers, [*rows, total]))
    return "".join(out)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """The report's table style (tinted header, striped rows) with five narrow figure
    columns: the headings in a smaller type, so that no word is cut in two."""
    widths = [25, 15, 15, 15, 15, 15]

    def th(i: int, text: str) -> str:
        align = ' align="right"' if i else ""
        return f'<th{align} width="{widths[i]}%"><span style="font-size: 8pt">{e(text)}</span></th>'

    def td(i: int, content: str) -> str:
        return f'<td align="right">{content}&nbsp;</td>' if i else f"<td>{content}</td>"

    head = "".join(th(i, h) for i, h in enumerate(headers))
    body = "".join(
        (f'<tr bgcolor="{STRIPE}">' if n % 2 else "<tr>")
        + "".join(td(i, c) for i, c in enumerate(r))
        + "</tr>"
        for n, r in enumerate(rows)
    )
    return f'<table width="100%" cellspacing="0" cellpadding="3"><tr>{head}</tr>{body}</table>'
