"""The charter's rules applied to the calendar: what is off, what deserves a look.

Rules come only from :func:`app.services.charter.in_force.rules_in_force`. :func:`check_posts`
is pure (posts + rules → findings) so it is tested on hand-made :class:`CharterRules`;
:func:`check_calendar` loads a period and calls it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.documents.wording import locale_for
from app.i18n import document_translate as translate
from app.networks import network_label
from app.services.calendar.keydates import KeyDate, key_dates
from app.services.calendar.query import PostChip, posts_between
from app.services.calendar.slots import Slot, is_far_from_best
from app.services.calendar.slots import best_slots as load_best_slots
from app.services.charter.in_force import rules_in_force
from app.services.charter.rules import CharterRules

MIX_TOLERANCE = 15  # percentage points off the charter's mix before we warn


@dataclass(frozen=True)
class Finding:
    severity: str  # "error", "warning" or "hint"
    code: str  # network_not_in_charter, volume_low, volume_high, off_hours, mix, not_approved,
    #            key_date, far_from_best
    message: str
    post_id: int | None = None
    network: str = ""
    day: dt.date | None = None


def _language() -> str:
    """The language the findings are written in: the client's inside
    :func:`app.i18n.document_language` (the CLI), else the interface's."""
    code = translate("CalendarCheck", "en", "the code of this catalogue's language: fr, en")
    return "fr" if code.strip().lower() == "fr" else "en"


def day_text(day: dt.date) -> str:
    """ "mer. 9 déc. 2026" / "Wed 9 Dec 2026", never an ISO date."""
    from PySide6.QtCore import QDate

    return locale_for(_language()).toString(QDate(day.year, day.month, day.day), "ddd d MMM yyyy")


def time_text(moment: dt.datetime | dt.time) -> str:
    """ "15:00": on the 24-hour clock in every language, like the charter's hours and the
    best slots the same findings quote."""
    return f"{moment:%H:%M}"


def _when(local: dt.datetime) -> str:
    return f"{day_text(local.date())}, {time_text(local)}"


def slot_text(weekday: int, hour: int) -> str:
    """« Tuesday 18:00 » in the current language."""
    names = (
        translate("CalendarCheck", "Monday"),
        translate("CalendarCheck", "Tuesday"),
        translate("CalendarCheck", "Wednesday"),
        translate("CalendarCheck", "Thursday"),
        translate("CalendarCheck", "Friday"),
        translate("CalendarCheck", "Saturday"),
        translate("CalendarCheck", "Sunday"),
    )
    return f"{names[weekday]} {hour:02d}:00"


def _off_hours(p: PostChip, rules: CharterRules, t: dt.time) -> bool:
    """Outside every charter window of a network of the post that has windows."""
    windows = [
        w for n in p.networks if (v := rules.network(n)) and v.best_hours for w in v.best_hours
    ]
    return bool(windows) and not any(a <= t <= b for a, b in windows)


def _best_slot_hint(p: PostChip, local: dt.datetime, slots: tuple[Slot, ...]) -> Finding:
    return Finding(
        "hint",
        "far_from_best",
        translate(
            "CalendarCheck",
            "« {title} », {day} {time}: far from the best times to post ({slots}).",
        ).format(
            title=p.title or p.preview[:40],
            day=day_text(local.date()),
            time=time_text(local),
            slots=", ".join(slot_text(d, h) for d, h in slots),
        ),
        p.id,
        "",
        local.date(),
    )


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def check_posts(
    posts: list[PostChip],
    rules: CharterRules,
    zone: ZoneInfo,
    start: dt.date,
    end: dt.date,
    keydates: dict[dt.date, list[KeyDate]] | None = None,
    now: dt.datetime | None = None,
    best_slots: tuple[tuple[int, int], ...] = (),
) -> list[Finding]:
    """Findings for ``posts`` planned between ``start`` and ``end`` (local dates, inclusive).

    ``best_slots`` are the client's best (weekday, hour) slots from the metrics: a post far
    from all of them and outside the charter's hours gets a hint.
    """
    out: list[Finding] = []
    listed = {n.network for n in rules.networks}
    live = [p for p in posts if p.status not in ("idea",)]
    # 1. Networks the charter does not list (only when the charter lists any).
    if rules.networks:
        for p in live:
            for network in p.networks:
                if network not in listed:
                    out.append(
                        Finding(
                            "warning",
                            "network_not_in_charter",
                            translate(
                                "CalendarCheck", "{network} is not among the charter's networks."
                            ).format(network=network_label(network)),
                            p.id,
                            network,
                            p.planned_at.astimezone(zone).date(),
                        )
                    )
    # 2. Weekly volumes per network (whole weeks inside the period only).
    per_week: dict[tuple[str, dt.date], int] = Counter()
    for p in live:
        week = _week_start(p.planned_at.astimezone(zone).date())
        for network in p.networks:
            per_week[(network, week)] += 1
    first_week = (
        _week_start(start) if start.weekday() == 0 else _week_start(start) + dt.timedelta(7)
    )
    weeks = []
    w = first_week
    while w + dt.timedelta(days=6) <= end:
        weeks.append(w)
        w += dt.timedelta(days=7)
    for vol in rules.networks:
        for week in weeks:
            n = per_week.get((vol.network, week), 0)
            label = network_label(vol.network)
            if vol.posts_per_week_min and n < vol.posts_per_week_min:
                out.append(
                    Finding(
                        "warning",
                        "volume_low",
                        translate(
                            "CalendarCheck",
                            "{network}: {count} posts in the week of {week}, the charter asks "
                            "for at least {min}.",
                        ).format(
                            network=label,
                            count=n,
                            week=day_text(week),
                            min=vol.posts_per_week_min,
                        ),
                        None,
                        vol.network,
                        week,
                    )
                )
            if vol.posts_per_week_max and n > vol.posts_per_week_max:
                out.append(
                    Finding(
                        "warning",
                        "volume_high",
                        translate(
                            "CalendarCheck",
                            "{network}: {count} posts in the week of {week}, the charter allows "
                            "at most {max}.",
                        ).format(
                            network=label,
                            count=n,
                            week=day_text(week),
                            max=vol.posts_per_week_max,
                        ),
                        None,
                        vol.network,
                        week,
                    )
                )
    # 3. Hours outside the charter's windows (and, as a hint, far from the best slots).
    for p in live:
        if p.all_day:
            continue
        local = p.planned_at.astimezone(zone)
        t = local.time().replace(tzinfo=None)
        if _off_hours(p, rules, t) and is_far_from_best(best_slots, local):
            out.append(_best_slot_hint(p, local, best_slots))
        for network in p.networks:
            volume = rules.network(network)
            if volume is None or not volume.best_hours:
                continue
            if not any(a <= t <= b for a, b in volume.best_hours):
                windows = ", ".join(f"{a:%H:%M}–{b:%H:%M}" for a, b in volume.best_hours)
                out.append(
                    Finding(
                        "warning",
                        "off_hours",
                        translate(
                            "CalendarCheck",
                            "{network}, {day} {time}: outside the charter's hours ({windows}).",
                        ).format(
                            network=network_label(network),
                            day=day_text(local.date()),
                            time=time_text(t),
                            windows=windows,
                        ),
                        p.id,
                        network,
                        local.date(),
                    )
                )
    # 4. Content mix per network.
    by_network: dict[str, Counter[str]] = defaultdict(Counter)
    for p in live:
        for network in p.networks:
            by_network[network][p.category or ""] += 1
    for vol in rules.networks:
        counts = by_network.get(vol.network)
        if not vol.content_mix or not counts:
            continue
        total = sum(counts.values())
        for category, percent in vol.content_mix.items():
            actual = round(100 * counts.get(category, 0) / total)
            if abs(actual - percent) > MIX_TOLERANCE:
                out.append(
                    Finding(
                        "warning",
                        "mix",
                        translate(
                            "CalendarCheck",
                            "{network}: « {category} » is {actual} % of the posts, the charter "
                            "plans {planned} %.",
                        ).format(
                            network=network_label(vol.network),
                            category=category,
                            actual=actual,
                            planned=percent,
                        ),
                        None,
                        vol.network,
                    )
                )
    # 5. Scheduled posts not approved — the status says scheduled only after approval, but
    #    imported or edited posts can still be drafts close to their time.
    now = now or dt.datetime.now(dt.UTC)
    for p in posts:
        if p.status in ("draft", "in_review", "idea") and now <= p.planned_at <= now + dt.timedelta(
            days=2
        ):
            out.append(
                Finding(
                    "error",
                    "not_approved",
                    translate(
                        "CalendarCheck", "« {title} » is planned on {when} but not approved yet."
                    ).format(
                        title=p.title or p.preview[:40],
                        when=_when(p.planned_at.astimezone(zone)),
                    ),
                    p.id,
                    "",
                    p.planned_at.astimezone(zone).date(),
                )
            )
    # 6. Key dates with nothing planned in the three days around: a hint.
    planned_days = {p.planned_at.astimezone(zone).date() for p in posts}
    for day, kds in sorted((keydates or {}).items()):
        if not start <= day <= end:
            continue
        near = any(day + dt.timedelta(days=d) in planned_days for d in range(-3, 2))
        if not near:
            for kd in (k for k in kds if k.kind == "marketing"):
                out.append(
                    Finding(
                        "hint",
                        "key_date",
                        translate(
                            "CalendarCheck", "{name} on {day}: nothing planned around it."
                        ).format(name=kd.name, day=day_text(day)),
                        None,
                        "",
                        day,
                    )
                )
    order = {"error": 0, "warning": 1, "hint": 2}
    out.sort(key=lambda f: (order[f.severity], f.day or dt.date.min, f.code))
    return out


def check_calendar(
    session: Session,
    client_id: int,
    start: dt.date,
    end: dt.date,
    *,
    language: str = "fr",
    now: dt.datetime | None = None,
    best_slots: tuple[tuple[int, int], ...] | None = None,
    posts: list[PostChip] | None = None,
) -> list[Finding]:
    """Load ``client_id``'s posts between two local dates and check them against the charter.

    ``best_slots`` defaults to the client's best slots of the last year (the metrics);
    ``posts``, when the caller already read every post of that period (no filter), spares
    reading them twice.
    """
    from app.services.calendar.posts import client_zone

    zone = client_zone(session, client_id)
    begin = dt.datetime.combine(start, dt.time(0), tzinfo=zone).astimezone(dt.UTC)
    finish = dt.datetime.combine(end + dt.timedelta(days=1), dt.time(0), tzinfo=zone).astimezone(
        dt.UTC
    )
    if posts is None:
        posts = posts_between(session, client_id, begin, finish)
    rules = rules_in_force(session, client_id, begin)
    slots = best_slots
    if slots is None:
        slots = load_best_slots(session, client_id, (now or dt.datetime.now(dt.UTC)).date())
    return check_posts(
        posts, rules, zone, start, end, key_dates(start, end, language), now, best_slots=slots
    )
