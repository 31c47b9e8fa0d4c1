"""The monthly report's parts, one builder each: cover, key figures, objectives, the CM's view,
charts, top posts and next month's plan (inbox and compliance are in report_sections).

Each builder takes the :class:`ReportParts` of one report and returns its HTML, or "" when it
has nothing to say; :data:`app.documents.report_pdf.PAGE_BUILDERS` puts them in order.
Everything typed by people or fetched from networks goes through ``e`` (html.escape).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.charts import style as st
from app.charts.lang import translate
from app.documents import wording
from app.documents.report_sections import (
    change_html,
    e,
    figure_name,
    fmt_figure,
    heading_html,
    html_table,
    no_data,
    paragraphs,
    signed_percent,
)
from app.networks import network_label
from app.services.reports.commentary import Commentary
from app.services.reports.dashboard import DashboardData
from app.services.reports.sources import PlannedPost

BODY_PX = 640  # body width in CSS pixels (96 dpi): A4 minus 2 × 20 mm
COVER_FIGURES = ("followers", "engagement_rate", "messages", "answered_within_delay")


@dataclass
class ReportParts:
    """What every builder may read: the month's data and the words around it."""

    data: DashboardData
    commentary: Commentary
    language: str
    month: str  # "décembre 2026 (du 1er au 5 décembre)"
    agency: str
    generated: str  # "Généré le 5 décembre 2026"
    accent: str = "#2b4c8c"  # the agency's colour, readable on white
    logos: list[str] = field(default_factory=list)  # image names for the cover
    charts: list[str] = field(default_factory=list)  # chart keys with an image
    images: dict[str, bytes] = field(default_factory=dict)
    plan: list[PlannedPost] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # room for later pages (team, listening)


def amount(value: float, language: str) -> str:
    """36 000 rather than 36 000,0; 4,7 keeps its decimal."""
    rounded = round(value, 1)
    decimals = 0 if float(rounded).is_integer() or abs(rounded) >= 1000 else 1
    return wording.number(rounded, language, decimals)


def _img(name: str, png: bytes) -> str:
    from PySide6.QtGui import QImage

    image = QImage.fromData(png)
    height = int(BODY_PX * image.height() / max(image.width(), 1))
    # line-height 100 %: the base 130 % would add a third of the chart's height below it
    return (
        f'<p style="line-height: 100%; margin-bottom: 4pt">'
        f'<img src="{name}" width="{BODY_PX}" height="{height}"></p>'
    )


def _status(met: bool | None) -> str:
    # outside the f-strings: lupdate does not read inside them (the French said "reached")
    if met:
        reached = translate("Report", "reached")
        return f'<span class="up">{e(reached)}</span>'
    missed = translate("Report", "not reached")
    return f'<span class="down">{e(missed)}</span>'


def _cover_figures(r: ReportParts) -> str:
    """The month at a glance on the cover: four figures in the agency's colour."""
    cells = []
    for key in COVER_FIGURES:
        figure = r.data.figure(key)
        if figure.value is None:
            continue
        change = ""
        if figure.change is not None and abs(figure.change * 100) >= 0.05:
            change = signed_percent(figure.change, r.language)
        cells.append(
            f'<td width="25%"><span style="font-size: 20pt; font-weight: 600; color: {r.accent}">'
            f"{fmt_figure(key, figure.value, r.language)}</span><br>"
            f'<span class="small">{e(figure_name(key))}</span><br>'
            f'<span class="small muted">{e(change)}</span></td>'
        )
    if not cells:
        return ""
    return (
        "<p>&nbsp;</p>" * 4
        + f'<table width="100%" cellspacing="0"><tr>{"".join(cells)}</tr></table>'
    )


def cover(r: ReportParts) -> str:
    logos = "".join(f'<img src="{name}" height="70"> &nbsp; ' for name in r.logos)
    heading = translate("Report", "Monthly report")
    prepared = translate("Report", "Prepared by {agency}").format(agency=r.agency)
    return (
        "<p>&nbsp;</p>" * 6 + f"<p>{logos}</p>"
        f'<h1 style="font-size: 26pt">{e(r.data.client_name)}</h1>'
        f'<p class="month accent">{e(heading)} — {e(r.month)}</p>'
        f'<p class="muted">{e(prepared)}<br>{e(r.generated)}</p>' + _cover_figures(r)
    )


def key_figures(r: ReportParts) -> str:
    lang = r.language
    parts = [heading_html(translate("Report", "Key figures"), new_page=True)]
    if not r.data.has_metrics:
        parts.append(no_data(translate("Report", "No metrics were recorded for this month.")))
    rows = [
        [
            e(figure_name(f.key)),
            fmt_figure(f.key, f.value, lang),
            fmt_figure(f.key, f.previous, lang),
            change_html(f.change, lang),
        ]
        for f in r.data.key_figures
    ]
    header = [
        translate("Report", "Figure"),
        translate("Report", "This month"),
        translate("Report", "Previous month"),
        translate("Report", "Change"),
    ]
    parts.append(html_table(header, rows))
    for jump in r.data.jumps:
        warning = translate(
            "Report",
            "Warning: {account} gained {gain} followers on {day} without matching "
            "engagement. Bought or fake followers bring nothing; we are checking.",
        ).format(
            account=f"{network_label(jump.network)} · {jump.handle}",
            gain=wording.number(jump.gain, lang),
            day=wording.day_month(jump.day, lang),
        )
        parts.append(f'<p class="warn">{e(warning)}</p>')
    return "".join(parts)


def objective_value(figure: float, unit: str, lang: str) -> str:
    """ "95 %" ("95%" in English), "1 200 abonnés"; an hour or more of minutes as hours:
    "5 h 13 min", never "312,8 min"."""
    if unit == "min" and figure >= 60:
        hours, minutes = divmod(round(figure), 60)
        return f"{hours}\u00a0h\u00a0{minutes:02d}\u00a0min" if minutes else f"{hours}\u00a0h"
    glue = "" if unit == "%" and lang != "fr" else "\u00a0"  # "95%" in English
    return f"{amount(figure, lang)}{glue}{unit}".strip()


def objectives(r: ReportParts) -> str:
    lang = r.language
    parts = [heading_html(translate("Report", "Objectives"))]
    if not r.data.objectives:
        parts.append(no_data(translate("Report", "The charter sets no objectives yet.")))
        return "".join(parts)
    header = [
        translate("Report", "Objective"),
        translate("Report", "Target"),
        translate("Report", "Actual"),
        translate("Report", "Status"),
    ]

    rows = [
        [
            e(o.label),
            e(objective_value(o.target, o.unit, lang)),
            e("—" if o.actual is None else objective_value(o.actual, o.unit, lang)),
            _status(o.met),
        ]
        for o in r.data.objectives
    ]
    parts.append(html_table(header, rows))
    return "".join(parts)


def commentary(r: ReportParts) -> str:
    """The CM's words, when there are some: an empty section is left out, not apologised for."""
    if r.commentary.is_empty:
        return ""
    parts = [heading_html(translate("Report", "Our view of the month"))]
    for heading, text in (
        (translate("Report", "Highlights"), r.commentary.successes),
        (translate("Report", "Points to improve"), r.commentary.failures),
        (translate("Report", "Next steps"), r.commentary.next_steps),
    ):
        if text.strip():
            parts.append(f"<h3>{e(heading)}</h3>{paragraphs(text)}")
    return "".join(parts)


def charts(r: ReportParts) -> str:
    parts = [heading_html(translate("Report", "Charts"), new_page=True)]
    for key in r.charts:
        parts.append(_img(f"chart-{key}.png", r.images[f"chart-{key}.png"]))
    if not r.charts:
        parts.append(no_data())
    return "".join(parts)


def top_posts(r: ReportParts) -> str:
    lang = r.language
    parts = [heading_html(translate("Report", "Top posts"), new_page=True)]
    if not r.data.top_posts:
        parts.append(no_data())
        return "".join(parts)
    header = [
        translate("Report", "Post"),
        translate("Report", "Network"),
        translate("Report", "Impressions"),
        translate("Report", "Engagements"),
    ]
    rows = [
        [
            e(st.printable(p.text or p.external_post_id, 75)),
            e(network_label(p.network)),
            wording.number(p.impressions, lang),
            wording.number(p.engagements, lang),
        ]
        for p in r.data.top_posts
    ]
    parts.append(html_table(header, rows, numeric_from=2))
    return "".join(parts)


def next_month(r: ReportParts) -> str:
    lang = r.language
    parts = [heading_html(translate("Report", "Next month"))]
    if not r.plan:
        parts.append(no_data(translate("Report", "Nothing planned in the calendar yet.")))
        return "".join(parts)
    header = [
        translate("Report", "Date"),
        translate("Report", "Network"),
        translate("Report", "Post"),
    ]
    rows = [
        [
            e(wording.day_month(p.planned_at.date(), lang)),
            e(network_label(p.network)),
            e(st.printable(p.title, 48)),  # one line: a row never splits across pages
        ]
        for p in r.plan[:40]
    ]
    parts.append(html_table(header, rows, numeric_from=9, widths=[18, 18, 64]))
    return "".join(parts)
