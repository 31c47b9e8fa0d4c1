"""The monthly report's listening page: what was said about the brand beyond its own pages.

Volume of items found by the client's listening streams, the share of negative ones, where
they came from (networks and feeds), the most followed authors, and the crisis alerts of the
month by date and signal. A client without a stream gets no page (nothing to say), one with
streams but a quiet month gets one kind sentence. Names and handles are escaped text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session

from app.charts import style as st
from app.charts.lang import translate
from app.documents.report_sections import e, heading_html, html_table, no_data, percent
from app.models.listening import CrisisAlert, ListeningItem, ListeningStream
from app.networks import network_label
from app.services.listening.competitors import CompetitorRow


@dataclass(frozen=True)
class ListeningSummary:
    total: int
    negative: int
    by_network: tuple[tuple[str, int, int], ...]  # network, items, negative items
    top_authors: tuple[tuple[str, str, int], ...]  # network, handle, followers
    alerts: tuple[tuple[dt.datetime, str], ...]  # when (UTC), signal key

    @property
    def negative_share(self) -> float:
        return self.negative / self.total if self.total else 0.0


def listening_summary(
    session: Session, client_id: int, start: dt.datetime, end: dt.datetime, top: int = 5
) -> ListeningSummary | None:
    """The month [start, end) of the client's listening; None when it listens to nothing."""
    streams = session.scalar(
        select(func.count(ListeningStream.id)).where(ListeningStream.client_id == client_id)
    )
    if not streams:
        return None
    within = (
        ListeningItem.client_id == client_id,
        ListeningItem.published_at >= start,
        ListeningItem.published_at < end,
    )
    negative: ColumnElement[int | None] = func.sum(
        case((ListeningItem.sentiment == "negative", 1), else_=0)
    )
    rows = session.execute(
        select(ListeningItem.network, func.count(ListeningItem.id), negative)
        .where(*within)
        .group_by(ListeningItem.network)
        .order_by(func.count(ListeningItem.id).desc(), ListeningItem.network)
    ).all()
    by_network = tuple((n, int(c), int(neg or 0)) for n, c, neg in rows)
    authors = session.execute(
        select(
            ListeningItem.network,
            ListeningItem.author_handle,
            func.max(ListeningItem.author_followers),
        )
        .where(*within, ListeningItem.author_followers.is_not(None))
        .group_by(ListeningItem.network, ListeningItem.author_handle)
        .order_by(func.max(ListeningItem.author_followers).desc(), ListeningItem.author_handle)
        .limit(top)
    ).all()
    alerts = session.execute(
        select(CrisisAlert.at, CrisisAlert.signal)
        .where(CrisisAlert.client_id == client_id, CrisisAlert.at >= start, CrisisAlert.at < end)
        .order_by(CrisisAlert.at)
    ).all()
    return ListeningSummary(
        total=sum(c for _, c, _ in by_network),
        negative=sum(neg for _, _, neg in by_network),
        by_network=by_network,
        # the followers are never None here (the query keeps only known ones)
        top_authors=tuple((n, h, int(f or 0)) for n, h, f in authors),
        alerts=tuple((at, signal) for at, signal in alerts),
    )


def signal_name(key: str) -> str:
    return {
        "complaints": translate("Report", "Complaints above the usual rate"),
        "negative_spike": translate("Report", "Spike of negative mentions"),
        "influencer": translate("Report", "Complaint from an influential author"),
        "watch_words": translate("Report", "Watch words"),
    }.get(key) or translate("Report", "Crisis signal")  # never an internal key


def listening_section(
    summary: ListeningSummary | None,
    language: str,
    date_text: Callable[[dt.datetime], str] = lambda d: d.isoformat(),
) -> str:
    """The page's HTML; "" for a client that listens to nothing. ``date_text`` formats a
    date in the report's language (the report passes its own)."""
    if summary is None:
        return ""
    out = [heading_html(translate("Report", "Listening"), new_page=True)]
    if not summary.total:
        out.append(no_data(translate("Report", "The listening streams found nothing this month.")))
        return "".join(out)
    if summary.total == 1:  # never "1 mentions"
        sentence = (
            translate("Report", "One mention found beyond the brand's pages, a negative one.")
            if summary.negative
            else translate("Report", "One mention found beyond the brand's pages.")
        )
    else:
        sentence = translate(
            "Report", "{n} mentions found beyond the brand's pages, {p} of them negative."
        ).format(
            n=st.format_number(summary.total, language),
            p=percent(summary.negative_share * 100, language),
        )
    out.append("<p>" + e(sentence) + "</p>")
    out.append(
        html_table(
            [
                translate("Report", "Source"),
                translate("Report", "Mentions"),
                translate("Report", "Negative"),
            ],
            [
                [
                    e(network_label(n)),
                    st.format_number(c, language),
                    st.format_number(neg, language),
                ]
                for n, c, neg in summary.by_network
            ],
            widths=[50, 25, 25],
        )
    )
    if summary.top_authors:
        out.append(heading_html(translate("Report", "Most followed authors"), level=3))
        out.append(
            html_table(
                [
                    translate("Report", "Author"),
                    translate("Report", "Network"),
                    translate("Report", "Followers"),
                ],
                [
                    [e(h), e(network_label(n)), st.format_number(f, language)]
                    for n, h, f in summary.top_authors
                ],
                numeric_from=2,
                widths=[50, 25, 25],
            )
        )
    out.append(heading_html(translate("Report", "Crisis alerts"), level=3))
    if summary.alerts:
        out.append(
            html_table(
                [translate("Report", "Date"), translate("Report", "Signal")],
                [[e(date_text(at)), e(signal_name(sig))] for at, sig in summary.alerts],
                numeric_from=2,
                widths=[50, 50],  # "samedi 14 novembre 2026, 18 h 05" on one line
            )
        )
    else:
        out.append(no_data(translate("Report", "No crisis alert this month.")))
    return "".join(out)


def competitors_section(
    rows: Sequence[CompetitorRow] | None, language: str, chart: str = ""
) -> str:
    """The competitors' page: the comparison chart (``chart``, an image's HTML), then each
    competitor beside the client's own accounts (followers at the end of the month, their
    change, posts per week, engagement per post); "" without any competitor sampled."""
    if not rows or all(r.ours for r in rows):
        return ""
    from app.charts.figures_competitors import ordered

    def number(value: float | None, decimals: int = 0) -> str:
        if value is None:
            return "—"
        rounded = round(value, decimals)
        shown = 0 if float(rounded).is_integer() else decimals  # 9, 8,6 — never 9,0
        return st.format_number(rounded, language, shown)

    def change(value: int | None) -> str:
        if value is None:
            return "—"
        text = st.format_number(abs(value), language)
        return "=" if value == 0 else ("+" if value > 0 else "\u2212") + text

    out = [heading_html(translate("Report", "Competitors"), new_page=True), chart]
    out.append(
        html_table(
            [
                translate("Report", "Account"),
                translate("Report", "Followers"),
                translate("Report", "Change"),
                translate("Report", "Posts per week"),
                translate("Report", "Engagement per post"),
            ],
            [
                [
                    ("<b>" if r.ours else "")
                    + e(f"{r.name} ({network_label(r.network)})")
                    + ("</b>" if r.ours else ""),
                    number(r.followers),
                    e(change(r.follower_change)),
                    number(r.posts_per_week, 1),
                    number(r.engagement_per_post, 1),
                ]
                for r in ordered(rows)  # the client's own accounts first
            ],
            # wide enough for "Publications par semaine" and a name on one or two lines,
            # never a header cut inside a word
            widths=[30, 15, 15, 20, 20],
        )
    )
    return "".join(out)
