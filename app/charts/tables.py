"""Each chart's data as a table (header + rows) for "Export CSV", and the CSV writer."""

from __future__ import annotations

import io
import os
from pathlib import Path

from app import csvsafe
from app.charts.figures import category_label
from app.charts.lang import translate
from app.errors import StorageError
from app.safefile import write_bytes_checked
from app.services.reports.dashboard import DashboardData


def chart_table(key: str, data: DashboardData) -> tuple[list[str], list[list[object]]]:
    """The numbers behind chart ``key``: column names and rows (plain values)."""
    if key in ("audience", "engagement"):
        field = "followers" if key == "audience" else "engagements"
        header = ["date"]
        cols = []
        for a in data.accounts:
            header.append(f"{a.network}:{a.handle}:{field}")
            cols.append(getattr(data, field)[a.id])
            if key == "engagement":
                header.append(f"{a.network}:{a.handle}:impressions")
                cols.append(data.impressions[a.id])
            views = data.views_total.get(a.id, ())  # YouTube's lifetime views, when given
            if key == "audience" and any(v is not None for v in views):
                header.append(f"{a.network}:{a.handle}:views_total")
                cols.append(views)
        rows = [
            [d.isoformat(), *(c[i] if c[i] is not None else "" for c in cols)]
            for i, d in enumerate(data.dates)
        ]
        return header, rows
    if key == "posts":
        header = ["week", "network", "posts", "charter_min", "charter_max"]
        rows = []
        for network, by_week in sorted(data.posts_per_week.items()):
            low, high = data.charter_ranges.get(network, ("", ""))
            rows += [[w.isoformat(), network, n, low, high] for w, n in sorted(by_week.items())]
        return header, rows
    if key == "delays":
        header = [
            "category",
            "messages",
            "answered",
            "within_delay",
            "delay_minutes",
            "median_first_answer_minutes",
            "median_resolution_minutes",
        ]
        return header, [
            [
                d.category,
                d.messages,
                d.answered,
                d.within_delay,
                d.delay_minutes,
                _num(d.median_first_answer_minutes),
                _num(d.median_resolution_minutes),
            ]
            for d in data.delays or ()
        ]
    if key == "inbox":
        header = ["dimension", "value", "messages"]
        if data.inbox is None:
            return header, []
        return header, [["category", c, n] for c, n in data.inbox.by_category.items()] + [
            ["network", c, n] for c, n in data.inbox.by_network.items()
        ]
    if key == "escalations":
        header = ["week", "opened", "resolved"]
        esc = data.escalations
        if esc is None:
            return header, []
        weeks = sorted(set(esc.opened_by_week) | set(esc.answered_by_week))
        return header, [
            [w.isoformat(), esc.opened_by_week.get(w, 0), esc.answered_by_week.get(w, 0)]
            for w in weeks
        ]
    if key == "heatmap":
        header = ["weekday", "hour", "mean_engagements_per_post", "messages"]
        msgs = data.message_heatmap
        return header, [
            [d, h, round(data.engagement_heatmap[d][h], 2), msgs[d][h] if msgs else ""]
            for d in range(7)
            for h in range(24)
        ]
    if key == "top_posts":
        header = [
            "rank",
            "network",
            "post_id",
            "published_at",
            "text",
            "impressions",
            "reactions",
            "comments",
            "shares",
            "clicks",
            "engagements",
        ]
        rows = []
        for rank, p in [("top", p) for p in data.top_posts] + [
            ("bottom", p) for p in data.bottom_posts
        ]:
            rows.append(
                [
                    rank,
                    p.network,
                    p.external_post_id,
                    p.published_at.isoformat() if p.published_at else "",
                    p.text,
                    p.impressions,
                    p.reactions,
                    p.comments,
                    p.shares,
                    p.clicks,
                    p.engagements,
                ]
            )
        return header, rows
    if key == "objectives":
        header = ["kpi", "label", "target", "actual", "unit", "period", "met"]
        return header, [
            [
                o.kpi,
                o.label,
                o.target,
                _num(o.actual),
                o.unit,
                o.period,
                "" if o.met is None else int(o.met),
            ]
            for o in data.objectives
        ]
    if key == "competitors":
        header = [
            "account",
            "network",
            "handle",
            "ours",
            "followers",
            "follower_change",
            "posts_per_week",
            "engagement_per_post",
        ]
        return header, [
            [
                r.name,
                r.network,
                r.handle,
                int(r.ours),
                "" if r.followers is None else r.followers,
                "" if r.follower_change is None else r.follower_change,
                _num(r.posts_per_week),
                _num(r.engagement_per_post),
            ]
            for r in data.competitors
        ]
    if key == "reviews":
        header = ["month", "reviews", "average_rating"]
        months = data.reviews.months if data.reviews is not None else ()
        return header, [[m.month.isoformat(), m.reviews, _num(m.average)] for m in months]
    raise KeyError(key)


def _num(value: float | None) -> float | str:
    return "" if value is None else round(value, 2)


def chart_csv(key: str, data: DashboardData) -> str:
    header, rows = chart_table(key, data)
    buf = io.StringIO()
    writer = csvsafe.writer(buf, lineterminator="\n")  # no cell read as a formula
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def write_chart_csv(key: str, data: DashboardData, path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    try:
        write_bytes_checked(target, chart_csv(key, data).encode("utf-8"))
    except OSError as exc:
        raise StorageError(
            translate("Charts", "Cannot write {path}: {reason}").format(
                path=target, reason=exc.strerror or exc
            )
        ) from None
    return target


__all__ = ["category_label", "chart_csv", "chart_table", "write_chart_csv"]
