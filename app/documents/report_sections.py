"""Building blocks of the monthly report's HTML: escaping, tables, headings, sections.

Everything typed by people or fetched from networks goes through :func:`e` (html.escape).
"""

from __future__ import annotations

import html

from app.charts import style as st
from app.charts.figures import category_label
from app.i18n import translate
from app.services.dashboard import DashboardData


def e(text) -> str:
    return html.escape(str(text), quote=True)


def fmt_figure(key: str, value, language: str) -> str:
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


def html_table(header: list[str], rows: list[list[str]], numeric_from: int = 1) -> str:
    def cell(tag: str, i: int, content: str) -> str:
        if i >= numeric_from:  # figures right-aligned, kept apart from their neighbours
            # Qt's rich text ignores cell padding in this renderer: keep columns apart
            return f'<{tag} align="right">&nbsp;&nbsp;&nbsp;&nbsp;{content}</{tag}>'
        return f"<{tag}>{content}&nbsp;&nbsp;</{tag}>"

    head = "".join(cell("th", i, e(h)) for i, h in enumerate(header))
    body = "".join(
        "<tr>" + "".join(cell("td", i, c) for i, c in enumerate(r)) + "</tr>" for r in rows
    )
    return f'<table width="100%" cellspacing="0" cellpadding="4"><tr>{head}</tr>{body}</table>'


def heading_html(text: str, level: int = 2, new_page: bool = False) -> str:
    style = ' style="page-break-before: always"' if new_page else ""
    return f"<h{level}{style}>{e(text)}</h{level}>"


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


def compliance_section(data: DashboardData, extra: dict, language: str) -> str:
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
                        e(f"{st.format_number(d.delay_minutes / 60, language, 1)} h"),
                        str(d.messages),
                        st.format_number((d.share_within or 0) * 100, language) + " %",
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
                [[e(k), str(v)] for k, v in data.moderation.items()],
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
        vol.append([e(network), e(planned), st.format_number(actual, language, 1)])
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
