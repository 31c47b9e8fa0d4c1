"""The monthly client report as a PDF the agency sends as it is.

Cover (agency and client, names and logos, the month), key figures with their change, the
charts (PNG at 200 dpi), objectives against targets, the CM's successes and failures, top
posts, inbox and escalations, charter compliance and next month's plan. Everything typed by
people or fetched from networks is escaped (html.escape): the PDF shows it as plain text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.charts import style as st
from app.charts.figures import build, chart_title
from app.charts.lang import report_language, translate
from app.db import Database
from app.documents import report_team, wording
from app.documents.pdf import render_html_pdf
from app.documents.report_sections import (
    change_html,
    compliance_section,
    e,
    figure_name,
    fmt_figure,
    heading_html,
    html_table,
    inbox_section,
    keep_headings_with_content,
    no_data,
    paragraphs,
    signed_percent,
    widowed_headings,
)
from app.models.client import network_label
from app.services import agency as agency_service
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


def _amount(value: float, language: str) -> str:
    """36 000 rather than 36 000,0; 4,7 keeps its decimal."""
    rounded = round(value, 1)
    decimals = 0 if float(rounded).is_integer() or abs(rounded) >= 1000 else 1
    return st.format_number(rounded, language, decimals)


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
    build(key, data, language).savefig(buf, format="png", dpi=IMAGE_DPI)
    return buf.getvalue()


def _img(name: str, png: bytes) -> str:
    from PySide6.QtGui import QImage

    image = QImage.fromData(png)
    height = int(BODY_PX * image.height() / max(image.width(), 1))
    # line-height 100 %: the base 130 % would add a third of the chart's height below it
    return (
        f'<p style="line-height: 100%; margin-bottom: 4pt">'
        f'<img src="{name}" width="{BODY_PX}" height="{height}"></p>'
    )


def month_label(period: Period, language: str, today: dt.date | None = None) -> str:
    """ "décembre 2026", or for a month still running "décembre 2026 (du 1er au 5 décembre)":
    a report read on the 5th must not look like a whole month."""
    text = st.format_date(period.start, language, "MMMM yyyy")
    today = today or dt.date.today()
    if period.start <= today < period.end:
        partial = wording.period(period.start, today, language, year=False)
        text = f"{text} ({partial})"
    return text


def _status(met: bool | None) -> str:
    # outside the f-strings: lupdate does not read inside them (the French said "reached")
    if met:
        reached = translate("Report", "reached")
        return f'<span class="up">{e(reached)}</span>'
    missed = translate("Report", "not reached")
    return f'<span class="down">{e(missed)}</span>'


COVER_FIGURES = ("followers", "engagement_rate", "messages", "answered_within_delay")


def _cover_figures(data: DashboardData, colour: str, language: str) -> str:
    """The month at a glance on the cover: four figures in the client's colour."""
    cells = []
    for key in COVER_FIGURES:
        figure = data.figure(key)
        if figure.value is None:
            continue
        change = ""
        if figure.change is not None and abs(figure.change * 100) >= 0.05:
            change = signed_percent(figure.change, language)
        cells.append(
            f'<td width="25%"><span style="font-size: 20pt; font-weight: 600; color: {colour}">'
            f"{fmt_figure(key, figure.value, language)}</span><br>"
            f'<span class="small">{e(figure_name(key))}</span><br>'
            f'<span class="small muted">{e(change)}</span></td>'
        )
    if not cells:
        return ""
    return (
        "<p>&nbsp;</p>" * 4
        + f'<table width="100%" cellspacing="0"><tr>{"".join(cells)}</tr></table>'
    )


def report_html(data, commentary: Commentary, extra: dict, images: dict, language: str) -> str:
    month = month_label(data.period, language, extra.get("today"))
    parts = []
    logos = "".join(f'<img src="{name}" height="70"> &nbsp; ' for name in extra["logos"])
    heading = translate("Report", "Monthly report")
    prepared = translate("Report", "Prepared by {agency}").format(agency=extra["agency"])
    parts.append(
        "<p>&nbsp;</p>" * 8 + f"<p>{logos}</p>"
        f'<h1 style="font-size: 26pt">{e(data.client_name)}</h1>'
        f'<p class="month">{e(heading)} — {e(month)}</p>'
        f'<p class="muted">{e(prepared)}<br>{e(extra["generated"])}</p>'
    )
    parts.append(_cover_figures(data, extra.get("colour") or "#3b6fd8", language))
    parts.append(heading_html(translate("Report", "Key figures"), new_page=True))
    if not data.has_metrics:
        parts.append(no_data(translate("Report", "No metrics were recorded for this month.")))
    rows = []
    for f in data.key_figures:
        change = change_html(f.change, language)
        rows.append(
            [
                e(figure_name(f.key)),
                fmt_figure(f.key, f.value, language),
                fmt_figure(f.key, f.previous, language),
                change,
            ]
        )
    parts.append(
        html_table(
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
                    account=f"{network_label(jump.network)} · {jump.handle}",
                    gain=st.format_number(jump.gain, language),
                    day=st.format_date(jump.day, language, "d MMMM"),
                )
            )
            + "</p>"
        )

    parts.append(heading_html(translate("Report", "Objectives")))
    if data.objectives:
        parts.append(
            html_table(
                [
                    translate("Report", "Objective"),
                    translate("Report", "Target"),
                    translate("Report", "Actual"),
                    translate("Report", "Status"),
                ],
                [
                    [
                        e(o.label),
                        e(f"{_amount(o.target, language)}\u00a0{o.unit}".strip()),
                        e(
                            "—"
                            if o.actual is None
                            else f"{_amount(o.actual, language)}\u00a0{o.unit}".strip()
                        ),
                        _status(o.met),
                    ]
                    for o in data.objectives
                ],
            )
        )
    else:
        parts.append(no_data(translate("Report", "The charter sets no objectives yet.")))

    # The CM's words, when there are some: an empty section is left out, not apologised for.
    if not commentary.is_empty:
        parts.append(heading_html(translate("Report", "Our view of the month")))
        for heading, text in (
            (translate("Report", "Highlights"), commentary.successes),
            (translate("Report", "Points to improve"), commentary.failures),
            (translate("Report", "Next steps"), commentary.next_steps),
        ):
            if text.strip():
                parts.append(f"<h3>{e(heading)}</h3>{paragraphs(text)}")

    parts.append(heading_html(translate("Report", "Charts"), new_page=True))
    for key in charts_with_data(data):
        parts.append(_img(f"chart-{key}.png", images[f"chart-{key}.png"]))
    if not charts_with_data(data):
        parts.append(no_data())

    parts.append(heading_html(translate("Report", "Top posts"), new_page=True))
    if data.top_posts:
        parts.append(
            html_table(
                [
                    translate("Report", "Post"),
                    translate("Report", "Network"),
                    translate("Report", "Impressions"),
                    translate("Report", "Engagements"),
                ],
                [
                    [
                        e(st.printable(p.text or p.external_post_id, 75)),
                        e(network_label(p.network)),
                        st.format_number(p.impressions, language),
                        st.format_number(p.engagements, language),
                    ]
                    for p in data.top_posts
                ],
                numeric_from=2,
                widths=[46, 13, 19, 22],
            )
        )
    else:
        parts.append(no_data())
    parts.append(inbox_section(data, language))
    parts.append(compliance_section(data, extra, language))
    parts.append(report_team.team_section(extra.get("team"), language))
    parts.append(heading_html(translate("Report", "Next month")))
    plan = extra["plan"]
    if plan:
        parts.append(
            html_table(
                [
                    translate("Report", "Date"),
                    translate("Report", "Network"),
                    translate("Report", "Post"),
                ],
                [
                    [
                        e(st.format_date(p.planned_at.date(), language, "d MMM")),
                        e(network_label(p.network)),
                        e(st.printable(p.title, 70)),
                    ]
                    for p in plan[:40]
                ],
                numeric_from=9,
                widths=[10, 40, 50],
            )
        )
    else:
        parts.append(no_data(translate("Report", "Nothing planned in the calendar yet.")))
    return "".join(parts)


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
) -> ReportResult:
    """Write ``client_ref``'s report for ``month`` ("YYYY-MM") to ``out`` (a PDF).

    ``language`` ("fr", "en"; default the client's) sets the headings, labels, dates and
    numbers for this report only: the app's own language is left alone, so the GUI can
    write an English report while showing French. ``progress(done, total, label)`` is called
    between sections; ``is_cancelled()`` is checked there too and raises
    :class:`ReportCancelled` (no file is written, nor any part of one).
    """
    period: Period = parse_month(month)
    with db.read() as session:
        client = client_service.get_client(session, client_ref)
        agency = agency_service.agency(session)
        data = dashboard_data(session, client.id, period)
        commentary = get_commentary(session, client.id, month)
        nxt = period.shifted(1)
        plan = sources.planned_posts(session, client.id, nxt.start, nxt.end, client.timezone) or []
        rules_in_force(session, client.id)
        team = report_team.gather(session, client, period, include_team)
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
            team,
        )


def _write(client, agency, data, commentary, plan, period, out, language, progress, cancelled,
           team=None):  # fmt: skip
    keys = charts_with_data(data)
    total = len(keys) + 2
    images = {}
    for done, key in enumerate(keys):
        if cancelled():
            raise ReportCancelled()
        progress(done, total, chart_title(key))
        images[f"chart-{key}.png"] = _figure_png(key, data, language)
    if cancelled():
        raise ReportCancelled()
    progress(len(keys), total, translate("Report", "Writing the pages"))
    logos = []
    for name, logo in (("logo-agency", agency.logo), ("logo-client", client.logo)):
        if logo:
            images[name] = logo
            logos.append(name)
    extra = {
        "colour": client.colour,
        "agency": agency.name or "Tribune",
        "logos": logos,
        "plan": plan,
        "team": team,
        "generated": translate("Report", "Generated on {day}").format(
            day=wording.long_date(dt.date.today(), language, weekday=False)
        ),
        "today": dt.date.today(),
    }
    body = report_html(data, commentary, extra, images, language)
    if cancelled():
        raise ReportCancelled()
    month_text = month_label(period, language, extra["today"])
    result = render_html_pdf(
        # laid out twice: a heading left alone at the bottom of a page moves to the next one
        lambda anchors: keep_headings_with_content(body, widowed_headings(anchors)),
        out,
        title=translate("Report", "{client} — report {month}").format(
            client=client.name, month=month_text
        ),
        footer_left=f"{client.name} — {month_text}",
        page_label=translate("Report", "page {page} / {pages}"),
        css=CSS,
        images=images,
    )
    progress(total, total, "")
    return ReportResult(result.path, result.pages, period.start.strftime("%Y-%m"), data.has_metrics)
