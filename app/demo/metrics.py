"""Demo step: a year of daily metrics for every demo account, and its posts' numbers.

Coherent rather than random: audiences grow, each client has its seasons (flowers at
Valentine's and Mother's Day, the bakery in January and at Easter, the hotel in summer),
weekends and lunchtime/evening posts do better, and the bakery's Instagram gets one
suspicious jump of followers that engagement does not follow.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Result, select
from sqlalchemy.orm import Session

from app.connectors.contract import AccountMetricSample, PostMetricSample
from app.db import Database
from app.db_busy import commit_batch
from app.demo import DemoContext
from app.services.reports.metrics import (
    AccountRef,
    client_accounts,
    record_account_samples,
    record_post_samples,
)

DAYS = 365
BASE_FOLLOWERS = {
    "facebook": 12000,
    "instagram": 8000,
    "linkedin": 4000,
    "mastodon": 900,
    "bluesky": 1500,
    "x": 5000,
    "rss": 0,
}
# month (1-12) -> activity factor, per client
SEASONS = {
    "aquarelle-petales": {2: 1.9, 5: 1.6, 12: 1.3, 8: 0.7},
    "maison-dupre": {1: 1.7, 4: 1.4, 12: 1.3, 8: 0.6},
    "banque-solidaire": {9: 1.2, 8: 0.7, 12: 0.8},
    "nuage-logiciel": {1: 1.3, 9: 1.2, 8: 0.6},
    "hotel-les-embruns": {7: 1.8, 8: 2.0, 6: 1.3, 1: 0.6, 11: 0.7},
}
TOPICS = {
    "aquarelle-petales": [
        "Bouquet du mois",
        "Atelier composition",
        "Livraison express",
        "Fleurs de saison",
        "Coulisses de l'atelier",
        "Jeu concours",
    ],
    "maison-dupre": [
        "Pain du jour",
        "Galette des rois",
        "Recette de la semaine",
        "Nouveau magasin",
        "Portrait de boulanger",
        "Concours photo",
    ],
    "banque-solidaire": [
        "Conseil épargne",
        "Projet solidaire financé",
        "Agence près de chez vous",
        "Alerte fraude",
        "Rapport annuel",
        "Webinaire patrimoine",
    ],
    "nuage-logiciel": [
        "Product update",
        "Customer story",
        "Invoice tips",
        "Release notes",
        "Hiring",
        "Status update",
    ],
    "hotel-les-embruns": [
        "Vue sur la mer",
        "Menu du chef",
        "Offre week-end",
        "Balade à Saint-Malo",
        "Spa et bien-être",
        "Avis de nos hôtes",
    ],
}
GOOD_HOURS = (8, 12, 13, 18, 19, 20)
# (slug, network) -> (followers a year ago, engagement rate): set against the demo charters'
# objectives so the reports show successes and failures (others are drawn at random).
PROFILES = {
    ("aquarelle-petales", "instagram"): (26000, 0.047),  # 36,000 followers: not yet
    ("aquarelle-petales", "facebook"): (18000, 0.03),
    ("maison-dupre", "facebook"): (20500, 0.05),  # 6 % engagement: missed
    ("banque-solidaire", "linkedin"): (19000, 0.035),  # LinkedIn reach: reached
    ("nuage-logiciel", "mastodon"): (4300, 0.05),  # 5,000 followers: reached in the autumn
    ("hotel-les-embruns", "instagram"): (9000, 0.055),  # 5 % engagement: reached
}
SUSPICIOUS = ("maison-dupre", "instagram", 48, 3200)  # slug, network, days ago, gain


def _season(slug: str, day: dt.date) -> float:
    table = SEASONS.get(slug, {})
    # smooth month factors into each other
    here = table.get(day.month, 1.0)
    nxt = table.get(day.month % 12 + 1, 1.0)
    w = day.day / 31
    return here * (1 - w * 0.4) + nxt * (w * 0.4)


# a published variant: (id, external id, published at, text, url)
Sent = tuple[int, str, dt.datetime, str, str]


def _published(session: Session, client_id: int) -> dict[int, dict[dt.date, list[Sent]]]:
    """The calendar's published variants per account and local day (the recent months)."""
    try:
        from app.models.posts import PostVariant
    except ImportError:  # the calendar feature is not installed
        return {}
    tz = ZoneInfo("Europe/Paris")
    rows: Result[int, int, str, dt.datetime, str, str] = session.execute(  # (not null here)
        select(
            PostVariant.id,
            PostVariant.account_id,
            PostVariant.external_id,
            PostVariant.published_at,
            PostVariant.text,
            PostVariant.url,
        ).where(
            PostVariant.client_id == client_id,
            PostVariant.published_at.is_not(None),
            PostVariant.external_id != "",
        )
    )
    out: dict[int, dict[dt.date, list[Sent]]] = {}
    for vid, account_id, ext, when, text, url in rows:
        day = when.astimezone(tz).date()
        out.setdefault(account_id, {}).setdefault(day, []).append((vid, ext, when, text, url))
    return out


def populate(db: Database, ctx: DemoContext) -> None:
    first = ctx.today - dt.timedelta(days=DAYS)
    for slug, client_id in ctx.clients.items():
        with db.session() as session:
            accounts = [a for a in client_accounts(session, client_id) if a.network != "rss"]
            published = _published(session, client_id)
            for account in accounts:
                samples, posts, details = _account_year(
                    ctx, slug, account, first, published.get(account.id, {})
                )
                record_account_samples(session, client_id, samples, source="demo")
                record_post_samples(session, client_id, posts, source="demo", details=details)
                commit_batch(session)  # an account at a time: other seats write in between
                ctx.count("metric days", len(samples))
                ctx.count("post metrics", len(posts))


def _account_year(
    ctx: DemoContext,
    slug: str,
    account: AccountRef,
    first: dt.date,
    calendar: dict[dt.date, list[Sent]],
) -> tuple[list[AccountMetricSample], list[PostMetricSample], dict[str, dict[str, Any]]]:
    """A year of one account; days the calendar covers use its published posts."""
    rng = ctx.rng
    tz = ZoneInfo("Europe/Paris")
    followers = BASE_FOLLOWERS.get(account.network, 1000) * rng.uniform(0.6, 1.4)
    rate = rng.uniform(0.025, 0.06)
    followers, rate = PROFILES.get((slug, account.network), (followers, rate))
    growth = followers * rng.uniform(0.0006, 0.0015)  # new followers per day
    samples: list[AccountMetricSample] = []
    posts: list[PostMetricSample] = []
    details: dict[str, dict[str, Any]] = {}
    jump_day = None
    if (slug, account.network) == SUSPICIOUS[:2]:
        jump_day = ctx.today - dt.timedelta(days=SUSPICIOUS[2])
    topics = TOPICS.get(slug, ["Publication"])
    calendar_from = min(calendar) if calendar else ctx.today
    for i in range(DAYS):
        day = first + dt.timedelta(days=i)
        season = _season(slug, day)
        weekend = 1.15 if day.weekday() >= 5 else 1.0
        gain = growth * season * rng.uniform(0.4, 1.6) - rng.uniform(0, growth * 0.3)
        if jump_day and day == jump_day:
            gain += SUSPICIOUS[3]
        followers += gain
        if day >= calendar_from:
            todays = calendar.get(day, [])
            n_posts = len(todays)
        else:
            todays = []
            n_posts = 1 if rng.random() < (0.55 * season if season < 1.5 else 0.8) else 0
            if day.weekday() == 6:
                n_posts = 0
        engagements = followers * rate * 0.12 * season * weekend * rng.uniform(0.75, 1.25)
        engagements *= 1.0 + 0.35 * n_posts
        impressions = engagements / (rate * rng.uniform(0.9, 1.1))
        samples.append(
            AccountMetricSample(
                account_id=account.id,
                day=day,
                followers=int(followers),
                impressions=int(impressions),
                reach=int(impressions * 0.62),
                engagements=int(engagements),
                clicks=int(engagements * 0.18),
                profile_visits=int(engagements * 0.09),
                posts=n_posts,
            )
        )
        for k in range(n_posts):
            if todays:
                vid, ext, when, text, url = todays[k]
                local = when.astimezone(tz)
                hour = local.hour
            else:
                vid, text, url = None, "", ""
                hour = rng.choice(GOOD_HOURS) if rng.random() < 0.6 else rng.randint(7, 22)
                local = dt.datetime.combine(day, dt.time(hour, rng.choice((0, 15, 30, 45))), tz)
                ext = f"{account.network}-{account.id}-{day:%Y%m%d}-{k}"
            hour_boost = 2.2 if hour in GOOD_HOURS else 0.6
            reach = followers * rng.uniform(0.08, 0.25) * season * hour_boost
            reactions = reach * rate * rng.uniform(0.5, 1.6)
            posts.append(
                PostMetricSample(
                    network=account.network,
                    external_post_id=ext,
                    day=day,
                    variant_id=vid,
                    impressions=int(reach * 1.4),
                    reactions=int(reactions),
                    comments=int(reactions * rng.uniform(0.03, 0.15)),
                    shares=int(reactions * rng.uniform(0.01, 0.08)),
                    clicks=int(reactions * rng.uniform(0.1, 0.5)),
                )
            )
            details[ext] = {
                "published_at": local.astimezone(dt.UTC),
                "text": text or f"{rng.choice(topics)} — {day.strftime('%d/%m')}",
                "url": url or f"https://{account.network}.example/{account.handle}/{ext}",
            }
    return samples, posts, details
