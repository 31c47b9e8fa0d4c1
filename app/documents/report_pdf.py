"""The monthly client report as a PDF the agency sends as it is.

Cover (agency and client, names and logos, the month), key figures with their change, the
charts (PNG at 200 dpi), objectives against targets, the CM's successes and failures, top
posts, inbox and escalations, charter compliance and next month's plan. Everything typed by
people or fetched from networks is escaped (html.escape): the PDF shows it as plain text.

Every page is under the agency's name (app.documents.style): its logo, name and colour, the
client's name, "page X / Y" in the report's language, French spacing in a French report.

To add a page (team activity, listening): write a builder ``(ReportParts) -> str`` in its own
module (app.documents.report_pages shows the pattern; return "" to leave it out) and put it
in :data:`PAGE_BUILDERS`; data read from the database goes into ``ReportParts.extra`` in
:func:`render_report`, which holds the only session.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from app.charts import style as st
from app.charts.figures import build, chart_title
from app.charts.lang import report_language, translate
from app.db import Database
from app.documents import report_pages as pages
from app.documents import report_team, wording
from app.documents.layout import HeadingKeeper
from app.documents.pdf import render_html_pdf
from app.documents.report_listening import (
    competitors_section,
    listening_section,
    listening_summary,
)
from app.documents.report_pages import ReportParts
from app.documents.report_reviews import REVIEWS_PNG, reviews_section
from app.documents.report_sections import (
    compliance_section,
    inbox_section,
)
from app.documents.style import DocumentStyle
from app.services.charter.in_force import rules_in_force
from app.services.clients import workspaces as client_service
from app.services.clients.info import ClientInfo
from app.services.listening.competitors import comparison
from app.services.people import agency as agency_service
from app.services.people.agency import AgencyInfo
from app.services.reports import sources
from app.services.reports.commentary import Commentary, get_commentary
from app.services.reports.dashboard import DashboardData, dashboard_data
from app.services.reports.periods import Period, parse_month
from app.services.reports.reviews import review_stats
from app.services.reports.sources import PlannedPost

REPORT_CHARTS = ("audience", "engagement", "posts", "delays", "escalations", "heatmap", "top_posts")
IMAGE_DPI = 200

CSS = """
.cover h1 { font-size: 28pt; }
.month { font-size: 18pt; }
.up { color: #2f9e44; } .down { color: #e03131; }
.warn { color: #a33a00; }
td.num, th.num { text-align: right; }
"""


@dataclass(frozen=True)
class ReportResult:
    path: Path
    pages: int
    month: str
    has_metrics: bool


COMPETITORS_PNG = "chart-competitors.png"


def charts_with_data(data: DashboardData) -> list[str]:
    """The report's charts that have something to show (the text says "no data" otherwise)."""
    present = {
        "audience": data.has_metrics,
        "engagement": data.has_metrics,
        "posts": bool(data.posts_per_week),
        "delays": any(d.messages for d in data.delays or ()),
        "escalations": bool(data.escalations and data.escalations.opened),
        "heatmap": any(any(r) for r in data.engagement_heatmap),
        "top_posts": bool(data.top_posts),
    }
    return [k for k in REPORT_CHARTS if present[k]]


def _figure_png(key: str, data: DashboardData, language: str) -> bytes:
    buf = io.BytesIO()
    # tight, with a margin: a label at the edge ("100 %") is never cut off
    build(key, data, language).savefig(
        buf, format="png", dpi=IMAGE_DPI, bbox_inches="tight", pad_inches=0.08
    )
    return buf.getvalue()


def month_label(period: Period, language: str, today: dt.date | None = None) -> str:
    """ "décembre 2026", or for a month still running "décembre 2026 (du 1er au 5 décembre)":
    a report read on the 5th must not look like a whole month."""
    text = st.format_date(period.start, language, "MMMM yyyy")
    today = today or dt.date.today()
    if period.start <= today < period.end:
        partial = wording.period(period.start, today, language, year=False)
        text = f"{text} ({partial})"
    return text


# The report's parts in order, each a builder of ReportParts -> HTML ("" leaves it out).
# A new page (team activity, listening) is one more entry in this list.
PAGE_BUILDERS: list[Callable[[ReportParts], str]] = [
    pages.cover,
    pages.key_figures,
    pages.objectives,
    pages.commentary,
    pages.charts,
    pages.top_posts,
    lambda r: inbox_section(r.data, r.language),
    lambda r: compliance_section(r.data, r.extra, r.language),
    pages.next_month,
    lambda r: report_team.team_section(r.extra.get("team"), r.language),
    lambda r: listening_section(
        r.extra.get("listening"),
        r.language,
        lambda at: wording.long_datetime(at.astimezone(ZoneInfo(r.extra["zone"])), r.language),
    ),
    lambda r: reviews_section(
        r.extra.get("reviews"),
        r.extra.get("reviews_before"),
        r.language,
        pages._img(REVIEWS_PNG, r.images[REVIEWS_PNG]) if REVIEWS_PNG in r.images else "",
    ),
    lambda r: competitors_section(
        r.extra.get("competitors"),
        r.language,
        pages._img(COMPETITORS_PNG, r.images[COMPETITORS_PNG])
        if COMPETITORS_PNG in r.images
        else "",
    ),
]


def report_html(parts: ReportParts) -> str:
    return "".join(build(parts) for build in PAGE_BUILDERS)


class ReportCancelled(Exception):
    """The user cancelled the report before it was written (nothing was written)."""


def render_report(
    db: Database,
    client_ref: str | int,
    month: str,
    out: str | Path,
    *,
    language: str | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    include_team: bool | None = None,  # the team page (see app.documents.report_team)
    now: dt.datetime | None = None,
) -> ReportResult:
    """Write ``client_ref``'s report for ``month`` ("YYYY-MM") to ``out`` (a PDF).

    ``language`` ("fr", "en"; default the client's) sets the headings, labels, dates and
    numbers for this report only: the app's own language is left alone, so the GUI can
    write an English report while showing French. ``progress(done, total, label)`` is called
    between sections; ``is_cancelled()`` is checked there too and raises
    :class:`ReportCancelled` (no file is written, nor any part of one). ``now`` (default the
    clock's) says whether the month is still running, which charter is in force and which
    escalations are overdue.
    """
    now = now or dt.datetime.now(dt.UTC)
    period: Period = parse_month(month)
    with db.read() as session:
        client = client_service.get_client(session, client_ref)
        agency = agency_service.agency(session)
        zone = ZoneInfo(client.timezone)
        today = now.astimezone(zone).date()  # the client's day
        data = dashboard_data(session, client.id, period, today=today, now=now)
        commentary = get_commentary(session, client.id, month)
        nxt = period.shifted(1)
        plan = sources.planned_posts(session, client.id, nxt.start, nxt.end, client.timezone) or []
        rules = rules_in_force(session, client.id, now)  # read once, for both review periods
        team = report_team.gather(session, client, period, include_team)
        competitors = comparison(session, client.id, period.start, period.end)
        reviews = review_stats(session, client.id, period.start, period.end, rules=rules)
        before = period.previous()
        reviews_before = review_stats(session, client.id, before.start, before.end, rules=rules)
        listening = listening_summary(
            session,
            client.id,
            dt.datetime.combine(period.start, dt.time(), zone),
            dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(), zone),
        )
    with report_language(language or client.language) as language:
        return _write(
            client,
            agency,
            data,
            commentary,
            plan,
            period,
            out,
            language,
            progress or (lambda *_a: None),
            is_cancelled or (lambda: False),
            today=today,
            extra={
                "listening": listening,
                "team": team,
                "competitors": competitors,
                "reviews": reviews,
                "reviews_before": reviews_before,
            },
        )


def _write(
    client: ClientInfo,
    agency: AgencyInfo,
    data: DashboardData,
    commentary: Commentary,
    plan: list[PlannedPost],
    period: Period,
    out: str | Path,
    language: str,
    progress: Callable[[int, int, str], None],
    cancelled: Callable[[], bool],
    *,
    today: dt.date,
    extra: dict[str, Any] | None = None,
) -> ReportResult:
    keys = charts_with_data(data)
    total = len(keys) + 2
    images: dict[str, bytes] = {}
    for done, key in enumerate(keys):
        if cancelled():
            raise ReportCancelled()
        progress(done, total, chart_title(key))
        images[f"chart-{key}.png"] = _figure_png(key, data, language)
    rows = (extra or {}).get("competitors")
    if rows and any(not r.ours for r in rows):  # the competitors' page opens on their chart
        images[COMPETITORS_PNG] = _figure_png(
            "competitors", replace(data, competitors=tuple(rows)), language
        )
    stats = (extra or {}).get("reviews")
    if stats is not None and stats.has_reviews:  # the reviews' page opens on their chart
        images[REVIEWS_PNG] = _figure_png("reviews", replace(data, reviews=stats), language)
    if cancelled():
        raise ReportCancelled()
    progress(len(keys), total, translate("Report", "Writing the pages"))
    style = DocumentStyle.for_agency(agency, client.name, language, client.logo)
    logos: list[str] = []
    for name, logo in (("logo-agency", agency.logo), ("logo-client", client.logo)):
        if logo:
            images[name] = logo
            logos.append(name)
    month_text = month_label(period, language, today)
    parts = ReportParts(
        data=data,
        commentary=commentary,
        language=language,
        month=month_text,
        agency=style.agency_name,
        generated=translate("Report", "Generated on {day}").format(
            day=wording.long_date(today, language, weekday=False)
        ),
        accent=style.ink_accent,
        logos=logos,
        charts=keys,
        images=images,
        plan=plan,
        extra={"today": today, "colour": client.colour, "zone": client.timezone, **(extra or {})},
    )
    body = report_html(parts)
    if cancelled():
        raise ReportCancelled()
    result = render_html_pdf(
        # laid out twice: a heading left alone at the bottom of a page moves to the next one
        HeadingKeeper(body),
        out,
        title=translate("Report", "{client} — report {month}").format(
            client=client.name, month=month_text
        ),
        footer_left=translate("Report", "Monthly report — {month}").format(month=month_text),
        page_label=translate("Report", "page {page} / {pages}"),
        css=CSS,
        images=images,
        style=style,
    )
    progress(total, total, "")
    return ReportResult(result.path, result.pages, period.start.strftime("%Y-%m"), data.has_metrics)
