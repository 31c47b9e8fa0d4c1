"""Demo step: a year of realistic French posts for each demo client (six months back, six ahead).

Past posts are published (with network ids), the next two weeks scheduled or approved, later
ones drafts and ideas; key dates get their posts (Saint-Valentin for the florist, galette
for the bakery…). Bulk Core inserts: a few thousand rows in well under a second.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import uuid
from collections.abc import Sequence
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select

from app.db import Database
from app.db_busy import BATCH, commit_batch
from app.demo import DemoContext
from app.demo.calendar_texts import CONTENT, FILLERS
from app.models import Client, NetworkAccount
from app.models.posts import Post, PostVariant
from app.services.calendar.counters import PUBLISHABLE_NETWORKS
from app.services.calendar.keydates import marketing_days
from app.services.charter.rules import CharterRules

STATUS_LIVE = ("scheduled", "approved")
Mix = list[tuple[str, int, list[str]]]  # (category, weight, texts)
# (when, category, text, networks[, campaign])
Plan = (
    tuple[dt.datetime, str, str, tuple[str, ...]]
    | tuple[dt.datetime, str, str, tuple[str, ...], str]
)


def _text(template: str, rng: random.Random, slug: str) -> str:
    return template.format(
        flower=rng.choice(FILLERS["flower"]),
        bread=rng.choice(FILLERS["bread"]),
        url=f"https://{slug}.example/p/{rng.randint(100, 999)}",
        n=rng.randint(1, 9),
    )


def _variant_text(network: str, text: str) -> str:
    if network == "linkedin":
        return text + "\n\n#communication #proximité"
    if network in ("x", "bluesky") and len(text) > 250:
        return text[:245] + "…"
    return text


def _texts_for(category: str, mix: Mix) -> list[str]:
    """Texts of the demo category closest to a charter category (« conseils » → conseil)."""
    key = category.casefold()
    for name, _, texts in mix:
        if key.startswith(name[:5].casefold()) or name.casefold().startswith(key[:5]):
            return texts
    return [t for _, _, texts in mix for t in texts]


def _in_window(rng: random.Random, windows: Sequence[tuple[dt.time, dt.time]]) -> dt.time:
    start, end = rng.choice(windows)
    a, b = start.hour * 60 + start.minute, end.hour * 60 + end.minute
    minute = rng.randrange(a, max(a + 1, b - 14), 15) if b - a >= 15 else a
    return dt.time(minute // 60, minute % 60)


def _charter_plans(
    rng: random.Random, rules: CharterRules, mix: Mix, slug: str, start: dt.date, end: dt.date
) -> list[Plan]:
    """Each network's weekly volume, hours and content mix as its charter says (a few
    deliberate slips, so the check has something to say)."""
    plans: list[Plan] = []
    monday = start - dt.timedelta(days=start.weekday())
    while monday < end:
        for vol in rules.networks:
            if vol.network not in PUBLISHABLE_NETWORKS:
                continue
            high = vol.posts_per_week_max or vol.posts_per_week_min + 2
            count = rng.randint(vol.posts_per_week_min, max(vol.posts_per_week_min, high))
            if rng.random() < 0.04:
                count += 2  # a busy week
            windows = vol.best_hours or ((dt.time(9), dt.time(18)),)
            cats = list(vol.content_mix) or [m[0] for m in mix]
            weights = list(vol.content_mix.values()) or [m[1] for m in mix]
            for offset in sorted(rng.sample(range(7), min(7, count))):
                day = monday + dt.timedelta(days=offset)
                if not start <= day < end:
                    continue
                time = _in_window(rng, windows)
                if rng.random() < 0.03:
                    time = dt.time(rng.choice((6, 15, 23)), 0)  # off the charter's hours
                category = rng.choices(cats, weights=weights)[0]
                text = _text(rng.choice(_texts_for(category, mix)), rng, slug)
                plans.append((dt.datetime.combine(day, time), category, text, (vol.network,)))
        monday += dt.timedelta(days=7)
    return plans


def _free_plans(
    rng: random.Random,
    per_week: int,
    hours: Sequence[int],
    mix: Mix,
    slug: str,
    nets: dict[str, int],
    start: dt.date,
    end: dt.date,
) -> list[Plan]:
    plans: list[Plan] = []
    weights = [w for _, w, _ in mix]
    day = start
    while day < end:
        if rng.random() < per_week / 7 * (0.6 if day.weekday() >= 5 else 1.1):
            cat, _, texts = rng.choices(mix, weights=weights)[0]
            chosen = tuple(n for n in nets if rng.random() < 0.75) or (rng.choice(list(nets)),)
            when = dt.datetime.combine(day, dt.time(rng.choice(hours), rng.choice((0, 15, 30, 45))))
            plans.append((when, cat, _text(rng.choice(texts), rng, slug), chosen))
        day += dt.timedelta(days=1)
    return plans


def _title(text: str) -> str:
    """The first phrase of the text, as a CM would name the post in the calendar."""
    head = re.split(r"\s[:!?—]|\. |https?://", text, maxsplit=1)[0].strip(" ,.")
    if len(head) > 60:
        head = head[:60].rsplit(" ", 1)[0] + "…"
    return head


def _status(rng: random.Random, planned: dt.datetime, now: dt.datetime) -> str:
    delta = planned - now
    if delta.total_seconds() < 0:
        return "published"
    if delta.days < 14:
        return rng.choice(STATUS_LIVE)
    if delta.days < 45:
        return rng.choice(("in_review", "draft", "draft"))
    return rng.choice(("draft", "idea", "idea"))


def populate(db: Database, ctx: DemoContext) -> None:
    from app.services.charter.in_force import rules_in_force

    rng = ctx.rng
    now = dt.datetime.now(dt.UTC)
    post_rows, variant_rows = [], []
    with db.read() as session:
        tz = {cid: zone for cid, zone in session.execute(select(Client.id, Client.timezone))}
        accounts = session.execute(
            select(NetworkAccount.client_id, NetworkAccount.network, NetworkAccount.id)
        ).all()
        next_id = (session.scalar(select(Post.id).order_by(Post.id.desc()).limit(1)) or 0) + 1
        rules = {cid: rules_in_force(session, cid) for cid in ctx.clients.values()}
    start = ctx.today - dt.timedelta(days=182)
    end = ctx.today + dt.timedelta(days=183)
    for slug, (per_week, hours, mix, specials) in CONTENT.items():
        cid = ctx.clients.get(slug)
        if cid is None:
            continue
        zone = ZoneInfo(tz[cid])
        nets = {n: aid for c, n, aid in accounts if c == cid and n in PUBLISHABLE_NETWORKS}
        charter = rules.get(cid)
        if charter is not None and charter.networks:
            plans = _charter_plans(rng, charter, mix, slug, start, end)
            lead = charter.networks[0]
            special_nets = tuple(v.network for v in charter.networks)
            special_time = _in_window(rng, lead.best_hours or ((dt.time(10), dt.time(11)),))
            special_cat = max(
                lead.content_mix, key=lead.content_mix.__getitem__, default="temps fort"
            )
        elif nets:
            plans = _free_plans(rng, per_week, hours, mix, slug, nets, start, end)
            special_nets, special_time, special_cat = tuple(nets), dt.time(10), "temps fort"
        else:
            continue
        for year in {start.year, ctx.today.year, end.year}:
            for kd in marketing_days(year):
                if kd.key in specials and start <= kd.day < end:
                    day = kd.day - dt.timedelta(
                        days=2 if kd.key in ("valentine", "mothers_day") else 0
                    )
                    text = _text(specials[kd.key], rng, slug)
                    when = dt.datetime.combine(day, special_time)
                    plans.append((when, special_cat, text, special_nets, "Temps forts"))
        for plan in plans:
            local, cat, text, chosen = plan[:4]
            campaign = plan[4] if len(plan) > 4 else ""
            planned = local.replace(tzinfo=zone).astimezone(dt.UTC)
            status = _status(rng, planned, now)
            pid = next_id
            next_id += 1
            post_rows.append(
                {
                    "id": pid,
                    "client_id": cid,
                    "uid": uuid.uuid4().hex,
                    "title": _title(text),
                    "planned_at": planned,
                    "all_day": False,
                    "category": cat,
                    "tags": [],
                    "campaign": campaign,
                    "author": rng.choice(list(ctx.staff) or ["Camille Martin"]),
                    "status": status,
                    "status_reason": "",
                    "notes": "",
                    "approval_comment": "",
                    "created_at": planned - dt.timedelta(days=rng.randint(3, 30)),
                    "updated_at": planned - dt.timedelta(days=1),
                    "version": 1,
                }
            )
            published = status == "published"
            for network in chosen:
                ext = str(rng.randint(10**9, 10**10)) if published else ""
                variant_rows.append(
                    {
                        "post_id": pid,
                        "client_id": cid,
                        "network": network,
                        "account_id": nets.get(network),
                        "text": _variant_text(network, text),
                        "link": "",
                        "first_comment": "",
                        "media": [],
                        "idempotency_key": uuid.uuid4().hex,
                        "publish_state": "published" if published else "",
                        "attempts": 1 if published else 0,
                        "sending_at": planned if published else None,
                        "external_id": ext,
                        "url": f"https://{network}.example/{slug}/{ext}" if published else "",
                        "published_at": planned if published else None,
                        "last_error": "",
                        "retryable": True,
                    }
                )
    with db.session() as session:  # a batch at a time: other seats write in between
        for model, rows in ((Post, post_rows), (PostVariant, variant_rows)):
            for first in range(0, len(rows), BATCH):
                session.execute(insert(model), rows[first : first + BATCH])
                commit_batch(session)
    ctx.count("posts", len(post_rows))
