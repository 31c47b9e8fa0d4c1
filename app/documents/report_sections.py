"""Building blocks of the monthly report's HTML: escaping, tables, headings, sections.

Everything typed by people or fetched from networks goes through :func:`e` (html.escape).
"""

from __future__ import annotations

import html
import re
from typing import Any

from app.charts import style as st
from app.charts.figures import category_label, format_hours
from app.charts.lang import translate
from app.documents.layout import (  # noqa: F401 - the report's helpers, re-exported
    HeadingKeeper,
    keep_headings_with_content,
    widowed_headings,
)
from app.documents.style import column_widths
from app.networks import network_label
from app.services.reports.dashboard import DashboardData


def e(text: object) -> str:
    return html.escape(str(text), quote=True)


def fmt_figure(key: str, value: float | None, language: str) -> str:
    if value is None:
        return "—"
    if key in ("engagement_rate", "answered_within_delay"):
        return percent(value * 100, language, 1)
    return st.format_number(value, language)


def change_html(change: float | None, language: str) -> str:
    """A change against the previous month: green up, red down, a grey "=" when nothing moved
    (no alarming "−0,0 %" for a figure that stayed put)."""
    if change is None:
        return "—"
    if abs(change * 100) < 0.05:
        return '<span class="muted">=</span>'
    cls = "up" if change > 0 else "down"
    return f'<span class="{cls}">{e(signed_percent(change, language))}</span>'


def percent(value: float, language: str, decimals: int = 0) -> str:
    """« 4,0 % » (a no-break space keeps the sign with its figure) / "4.0%", a true minus."""
    sign = "\u00a0%" if language == "fr" else "%"  # "4,0 %" in French, "4.0%" in English
    return st.format_number(value, language, decimals).replace("-", "\u2212") + sign


def signed_percent(change: float, language: str) -> str:
    """A change as « +1,9 % » or « −51,1 % » (typographic minus, not a hyphen)."""
    return ("+" if change >= 0 else "") + percent(change * 100, language, 1)


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


STRIPE = "#f3f6fb"


_TAGS = re.compile(r"<[^>]+>")
# Qt lays what follows a table right under it (a table's bottom margin is ignored)
AFTER_TABLE = '<p style="margin: 0; font-size: 6pt">&nbsp;</p>'


def html_table(
    header: list[str],
    rows: list[list[str]],
    numeric_from: int = 1,
    widths: list[int] | None = None,
) -> str:
    """A table in the agency's style (tinted header, striped rows, cells padded by the shared
    CSS); ``widths`` in percent per column, else from the content: no column narrower than
    its longest word, so a word or a handle is never cut."""
    if widths is None:
        plain = [[html.unescape(_TAGS.sub("", c)) for c in r] for r in rows]
        widths = column_widths(header, plain)

    def cell(tag: str, i: int, content: str) -> str:
        align = ' align="right"' if i >= numeric_from else ""  # figures right-aligned
        return f'<{tag}{align} width="{widths[i]}%">{content}</{tag}>'

    head = "".join(cell("th", i, e(h)) for i, h in enumerate(header))
    body = "".join(
        (f'<tr bgcolor="{STRIPE}">' if n % 2 else "<tr>")
        + "".join(cell("td", i, c) for i, c in enumerate(r))
        + "</tr>"
        for n, r in enumerate(rows)
    )
    # <thead>: Qt repeats the header row on each page the table runs over
    head = f"<thead><tr>{head}</tr></thead>"
    return f'<table width="100%" cellspacing="0">{head}{body}</table>{AFTER_TABLE}'


# Qt's rich text drops a heading's top margin after a table: an empty line keeps them apart
HEADING_SPACE = {2: 12, 3: 6}


def heading_html(text: str, level: int = 2, new_page: bool = False) -> str:
    if new_page:
        return f'<h{level} style="page-break-before: always">{e(text)}</h{level}>'
    space = HEADING_SPACE.get(level, 0)
    spacer = f'<p style="margin: 0; font-size: {space}pt">&nbsp;</p>' if space else ""
    return f'{spacer}<h{level} style="margin-top: 0">{e(text)}</h{level}>'


def _rule_label(label: str) -> str:
    """A moderation rule as the charter names it; a bare category key ("spam") as its label."""
    label = category_label(label)
    return label[:1].upper() + label[1:]


def no_data(text: str | None = None) -> str:
    text = text or translate("Report", "No data for this month.")
    return f'<p class="muted">{e(text)}</p>'


def paragraphs(text: str) -> str:
    return "".join(f"<p>{e(p)}</p>" for p in text.split("\n") if p.strip())


def inbox_section(data: DashboardData, language: str) -> str:
    out = [heading_html(translate("Report", "Inbox and escalations"))]
    if data.inbox is None or not data.inbox.total:
        out.append(no_data(translate("Report", "No messages for this month.")))
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
            html_table(
                [translate("Report", "Category"), translate("Report", "Messages")],
                [[e(category_label(c)), str(n)] for c, n in data.inbox.by_category.items()],
            )
        )
    esc = data.escalations
    if esc is None or not esc.opened:
        out.append(no_data(translate("Report", "No escalations this month.")))
    else:
        out.append(
            "<p>"
            + e(
                translate(
                    "Report",
                    "Escalations — opened: {opened}, answered: {answered}, within their delay: "
                    "{within}, still overdue: {overdue}.",
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


def compliance_section(data: DashboardData, extra: dict[str, Any], language: str) -> str:
    out = [heading_html(translate("Report", "Charter compliance"), new_page=True)]
    if data.charter_status == "none":
        out.append(no_data(translate("Report", "No charter yet: Tribune's default delays apply.")))
    out.append(heading_html(translate("Report", "Answers within the charter delays"), 3))
    rows = [d for d in (data.delays or ()) if d.messages]
    if rows:
        out.append(
            html_table(
                [
                    translate("Report", "Category"),
                    translate("Report", "Delay"),
                    translate("Report", "Messages"),
                    translate("Report", "Within the delay"),
                ],
                [
                    [
                        e(category_label(d.category)),
                        e(f"{format_hours(d.delay_minutes, language)}\u00a0h"),
                        str(d.messages),
                        percent((d.share_within or 0) * 100, language),
                    ]
                    for d in rows
                ],
            )
        )
    else:
        out.append(no_data())
    out.append(heading_html(translate("Report", "Moderation by charter rule"), 3))
    if data.moderation:
        out.append(
            html_table(
                [translate("Report", "Rule"), translate("Report", "Actions")],
                [[e(_rule_label(k)), str(v)] for k, v in data.moderation.items()],
            )
        )
    else:
        out.append(no_data(translate("Report", "No moderation action this month.")))
    out.append(heading_html(translate("Report", "Planned and actual posting volume"), 3))
    vol = []
    for network, weeks in sorted(data.posts_per_week.items()):
        low, high = data.charter_ranges.get(network, (0, 0))
        planned = "—" if not (low or high) else (f"{low}–{high}" if high else f"≥ {low}")
        actual = sum(weeks.values()) / max(len(weeks), 1)
        vol.append([e(network_label(network)), e(planned), st.format_number(actual, language, 1)])
    if vol:
        out.append(
            html_table(
                [
                    translate("Report", "Network"),
                    translate("Report", "Charter (posts/week)"),
                    translate("Report", "Actual (posts/week)"),
                ],
                vol,
            )
        )
    else:
        out.append(no_data())
    return "".join(out)
