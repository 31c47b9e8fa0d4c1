"""The monthly client report as a PDF the agency sends as it is.

Cover (agency and client, names and logos, the month), key figures with their change, the
charts (PNG at 200 dpi), objectives against targets, the CM's successes and failures, top
posts, inbox and escalations, charter compliance and next month's plan. Everything typed by
people or fetched from networks is escaped (html.escape): the PDF shows it as plain text.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from dataclasses import dataclass
from pathlib import Path

from app.charts import style as st
from app.charts.figures import build, category_label
from app.db import Database
from app.documents.pdf import render_html_pdf
from app.i18n import translate
from app.services import clients as client_service
from app.services import report_sources as sources
from app.services.charter_rules import rules_in_force
from app.services.dashboard import DashboardData, dashboard_data
from app.services.dashboard_periods import Period, parse_month
from app.services.report_commentary import Commentary, get_commentary

REPORT_CHARTS = ("audience", "engagement", "posts", "delays", "escalations", "heatmap", "top_posts")
IMAGE_DPI = 200
BODY_PX = 640  # body width in CSS pixels (96 dpi): A4 minus 2 × 20 mm

CSS = """
.cover { margin-top: 120pt; }
.cover h1 { font-size: 28pt; }
.month { font-size: 18pt; color: #3b6fd8; }
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


def e(text) -> str:
    return html.escape(str(text), quote=True)


def _figure_png(key: str, data: DashboardData, language: str) -> bytes:
    buf = io.BytesIO()
    build(key, data, language).savefig(buf, format="png", dpi=IMAGE_DPI)
    return buf.getvalue()


def _img(name: str, png: bytes) -> str:
    from PySide6.QtGui import QImage

    image = QImage.fromData(png)
    height = int(BODY_PX * image.height() / max(image.width(), 1))
    return f'<p><img src="{name}" width="{BODY_PX}" height="{height}"></p>'


def _fmt(key: str, value, language: str) -> str:
    if value is None:
        return "—"
    if key in ("engagement_rate", "answered_within_delay"):
        return st.format_number(value * 100, language, 1) + " %"
    return st.format_number(value, language)


def figure_name(key: str) -> str:
    return {
        "followers": translate("Report", "Followers (end of month)"),
        "follower_growth": translate("Report", "New followers"),
        "impressions": translate("Report", "Impressions"),
        "engagements": translate("Report", "Engagements"),
        "engagement_rate": translate("Report", "Engagement rate"),
        "clicks": translate("Report", "Clicks"),
        "posts": translate("Report", "Posts published"),
        "messages": translate("Report", "Messages received"),
        "answered_within_delay": translate("Report", "Answered within the charter's delay"),
    }[key]


def _table(header: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    head = "".join(
        f'<th class="{"num" if i >= numeric_from else ""}">{e(h)}</th>'
        for i, h in enumerate(header)
    )
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="{"num" if i >= numeric_from else ""}">{c}</td>' for i, c in enumerate(r)
        )
        + "</tr>"
        for r in rows
    )
    return f'<table width="100%" cellspacing="0"><tr>{head}</tr>{body}</table>'


def _no_data(text: str | None = None) -> str:
    return f'<p class="muted">{e(text or translate("Report", "No data for this month."))}</p>'


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{e(p)}</p>" for p in text.split("\n") if p.strip())


def report_html(data, commentary: Commentary, extra: dict, images: dict, language: str) -> str:
    month = st.format_date(data.period.start, language, "MMMM yyyy")
    parts = []
    logos = "".join(f'<img src="{name}" height="70"> &nbsp; ' for name in extra["logos"])
    prepared = translate("Report", "Prepared by {agency}").format(agency=extra["agency"])
    parts.append(
        f'<p style="margin-top: 150pt">{logos}</p>'
        f'<h1 style="font-size: 26pt">{e(data.client_name)}</h1>'
        f'<p class="month">{e(translate("Report", "Monthly report"))} — {e(month)}</p>'
        f'<p class="muted">{e(prepared)}<br>{e(extra["generated"])}</p>'
    )
    parts.append(
        f'<h2 style="page-break-before: always">{e(translate("Report", "Key figures"))}</h2>'
    )
    if not data.has_metrics:
        parts.append(_no_data(translate("Report", "No metrics were recorded for this month.")))
    rows = []
    for f in data.key_figures:
        change = "—"
        if f.change is not None:
            cls = "up" if f.change >= 0 else "down"
            sign = "+" if f.change >= 0 else ""
            pct = st.format_number(f.change * 100, language, 1)
            change = f'<span class="{cls}">{sign}{pct} %</span>'
        rows.append(
            [
                e(figure_name(f.key)),
                _fmt(f.key, f.value, language),
                _fmt(f.key, f.previous, language),
                change,
            ]
        )
    parts.append(
        _table(
            [
                translate("Report", "Figure"),
                translate("Report", "This month"),
                translate("Report", "Previous month"),
                translate("Report", "Change"),
            ],
            rows,
        )
    )
    for jump in data.jumps:
        parts.append(
            '<p class="warn">'
            + e(
                translate(
                    "Report",
                    "Warning: {account} gained {gain} followers on {day} without matching "
                    "engagement. Bought or fake followers bring nothing; we are checking.",
                ).format(
                    account=f"{jump.network} · {jump.handle}",
                    gain=st.format_number(jump.gain, language),
                    day=st.format_date(jump.day, language, "d MMMM"),
                )
            )
            + "</p>"
        )

    parts.append(f"<h2>{e(translate('Report', 'Objectives'))}</h2>")
    if data.objectives:
        parts.append(
            _table(
                [
                    translate("Report", "Objective"),
                    translate("Report", "Target"),
                    translate("Report", "Actual"),
                    translate("Report", "Status"),
                ],
                [
                    [
                        e(o.label),
                        e(f"{st.format_number(o.target, language, 1)} {o.unit}"),
                        e(
                            "—"
                            if o.actual is None
                            else f"{st.format_number(o.actual, language, 1)} {o.unit}"
                        ),
                        e(
                            translate("Report", "reached")
                            if o.met
                            else translate("Report", "not reached")
                        ),
                    ]
                    for o in data.objectives
                ],
            )
        )
    else:
        parts.append(_no_data(translate("Report", "The charter sets no objectives yet.")))

    parts.append(f"<h2>{e(translate('Report', 'Successes and failures'))}</h2>")
    if commentary.is_empty:
        parts.append(_no_data(translate("Report", "No commentary was written for this month.")))
    for heading, text in (
        (translate("Report", "Successes"), commentary.successes),
        (translate("Report", "Failures"), commentary.failures),
        (translate("Report", "Next steps"), commentary.next_steps),
    ):
        if text.strip():
            parts.append(f"<h3>{e(heading)}</h3>{_paragraphs(text)}")

    parts.append(f'<h2 style="page-break-before: always">{e(translate("Report", "Charts"))}</h2>')
    for key in REPORT_CHARTS:
        parts.append(_img(f"chart-{key}.png", images[f"chart-{key}.png"]))

    parts.append(
        f'<h2 style="page-break-before: always">{e(translate("Report", "Top posts"))}</h2>'
    )
    if data.top_posts:
        parts.append(
            _table(
                [
                    translate("Report", "Post"),
                    translate("Report", "Network"),
                    translate("Report", "Impressions"),
                    translate("Report", "Engagements"),
                ],
                [
                    [
                        e(p.text or p.external_post_id),
                        e(p.network),
                        st.format_number(p.impressions, language),
                        st.format_number(p.engagements, language),
                    ]
                    for p in data.top_posts
                ],
                numeric_from=2,
            )
        )
    else:
        parts.append(_no_data())
    parts.append(_inbox_section(data, language))
    parts.append(_compliance_section(data, extra, language))
    parts.append(f"<h2>{e(translate('Report', 'Next month'))}</h2>")
    plan = extra["plan"]
    if plan:
        parts.append(
            _table(
                [
                    translate("Report", "Date"),
                    translate("Report", "Network"),
                    translate("Report", "Post"),
                ],
                [
                    [
                        e(st.format_date(p.planned_at.date(), language, "d MMM")),
                        e(p.network),
                        e(p.title),
                    ]
                    for p in plan[:40]
                ],
                numeric_from=9,
            )
        )
    else:
        parts.append(_no_data(translate("Report", "Nothing planned in the calendar yet.")))
    return "".join(parts)


def _inbox_section(data: DashboardData, language: str) -> str:
    out = [f"<h2>{e(translate('Report', 'Inbox and escalations'))}</h2>"]
    if data.inbox is None or not data.inbox.total:
        out.append(_no_data(translate("Report", "No messages for this month.")))
    else:
        out.append(
            "<p>"
            + e(
                translate("Report", "{n} messages received.").format(
                    n=st.format_number(data.inbox.total, language)
                )
            )
            + "</p>"
        )
        out.append(
            _table(
                [translate("Report", "Category"), translate("Report", "Messages")],
                [[e(category_label(c)), str(n)] for c, n in data.inbox.by_category.items()],
            )
        )
    esc = data.escalations
    if esc is None or not esc.opened:
        out.append(_no_data(translate("Report", "No escalations this month.")))
    else:
        out.append(
            "<p>"
            + e(
                translate(
                    "Report",
                    "Escalations: {opened} opened, {answered} answered, {within} within their "
                    "delay, {overdue} still overdue.",
                ).format(
                    opened=esc.opened,
                    answered=esc.answered,
                    within=esc.answered_within_delay,
                    overdue=esc.overdue_open,
                )
            )
            + "</p>"
        )
    return "".join(out)


def _compliance_section(data: DashboardData, extra: dict, language: str) -> str:
    out = [
        f'<h2 style="page-break-before: always">{e(translate("Report", "Charter compliance"))}</h2>'
    ]
    if data.charter_status == "none":
        out.append(_no_data(translate("Report", "No charter yet: Tribune's default delays apply.")))
    out.append(f"<h3>{e(translate('Report', 'Answers within the charter delays'))}</h3>")
    rows = [d for d in (data.delays or ()) if d.messages]
    if rows:
        out.append(
            _table(
                [
                    translate("Report", "Category"),
                    translate("Report", "Delay"),
                    translate("Report", "Messages"),
                    translate("Report", "Within the delay"),
                ],
                [
                    [
                        e(category_label(d.category)),
                        e(f"{st.format_number(d.delay_minutes / 60, language, 1)} h"),
                        str(d.messages),
                        st.format_number((d.share_within or 0) * 100, language) + " %",
                    ]
                    for d in rows
                ],
            )
        )
    else:
        out.append(_no_data())
    out.append(f"<h3>{e(translate('Report', 'Moderation by charter rule'))}</h3>")
    if data.moderation:
        out.append(
            _table(
                [translate("Report", "Rule"), translate("Report", "Actions")],
                [[e(k), str(v)] for k, v in data.moderation.items()],
            )
        )
    else:
        out.append(_no_data(translate("Report", "No moderation action this month.")))
    out.append(f"<h3>{e(translate('Report', 'Planned and actual posting volume'))}</h3>")
    vol = []
    for network, weeks in sorted(data.posts_per_week.items()):
        low, high = data.charter_ranges.get(network, (0, 0))
        planned = "—" if not (low or high) else (f"{low}–{high}" if high else f"≥ {low}")
        actual = sum(weeks.values()) / max(len(weeks), 1)
        vol.append([e(network), e(planned), st.format_number(actual, language, 1)])
    if vol:
        out.append(
            _table(
                [
                    translate("Report", "Network"),
                    translate("Report", "Charter (posts/week)"),
                    translate("Report", "Actual (posts/week)"),
                ],
                vol,
            )
        )
    else:
        out.append(_no_data())
    return "".join(out)


def render_report(
    db: Database, client_ref: str | int, month: str, out: str | Path, *, language: str | None = None
) -> ReportResult:
    """Write ``client_ref``'s report for ``month`` ("YYYY-MM") to ``out`` (a PDF)."""
    period: Period = parse_month(month)
    with db.read() as session:
        client = client_service.get_client(session, client_ref)
        agency = client_service.agency(session)
        data = dashboard_data(session, client.id, period)
        commentary = get_commentary(session, client.id, month)
        nxt = period.shifted(1)
        plan = sources.planned_posts(session, client.id, nxt.start, nxt.end, client.timezone) or []
        rules_in_force(session, client.id)
    language = language or client.language
    images = {f"chart-{k}.png": _figure_png(k, data, language) for k in REPORT_CHARTS}
    logos = []
    for name, logo in (("logo-agency", agency.logo), ("logo-client", client.logo)):
        if logo:
            images[name] = logo
            logos.append(name)
    extra = {
        "agency": agency.name or "Tribune",
        "logos": logos,
        "plan": plan,
        "generated": translate("Report", "Generated on {day}").format(
            day=st.format_date(dt.date.today(), language, "d MMMM yyyy")
        ),
    }
    body = report_html(data, commentary, extra, images, language)
    month_text = st.format_date(period.start, language, "MMMM yyyy")
    result = render_html_pdf(
        body,
        out,
        title=translate("Report", "{client} — report {month}").format(
            client=client.name, month=month_text
        ),
        footer_left=f"{client.name} — {month_text}",
        css=CSS,
        images=images,
    )
    return ReportResult(result.path, result.pages, period.start.strftime("%Y-%m"), data.has_metrics)
