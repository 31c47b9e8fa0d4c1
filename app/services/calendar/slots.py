"""Best times to post, fed back to the calendar as a hint.

The slots themselves come from the Charts area's engagement heatmap
(:func:`app.services.reports.dashboard.best_posting_slots`: up to three (weekday, local hour) pairs
over the last year). Here they become what the calendar needs: the next best slot after a
moment (the editor's proposal) and whether a post sits far from all of them.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

Slot = tuple[int, int]  # (weekday 0 = Monday, local hour)

FAR_HOURS = 2  # a post more than this many hours from every best slot's hour is "far"


def best_slots(session: Session, client_id: int, today: dt.date | None = None) -> tuple[Slot, ...]:
    """The client's best (weekday, hour) slots; empty when there are not enough metrics."""
    from app.services.reports.dashboard import best_posting_slots

    return tuple((int(d), int(h)) for d, h in best_posting_slots(session, client_id, today))


def next_best_slot(slots: tuple[Slot, ...], after: dt.datetime) -> dt.datetime | None:
    """The first best slot strictly after ``after`` (naive local wall clock), or None."""
    if not slots:
        return None
    base = after.replace(minute=0, second=0, microsecond=0)
    candidates = []
    for weekday, hour in slots:
        days = (weekday - base.weekday()) % 7
        when = dt.datetime.combine(base.date() + dt.timedelta(days=days), dt.time(hour))
        if when <= after:
            when += dt.timedelta(days=7)
        candidates.append(when)
    return min(candidates)


def hours_from_best(slots: tuple[Slot, ...], local: dt.datetime) -> float | None:
    """Hours between ``local``'s time of day and the nearest best slot's hour (any day)."""
    if not slots:
        return None
    minutes = local.hour * 60 + local.minute
    return min(min(abs(minutes - h * 60), 24 * 60 - abs(minutes - h * 60)) / 60 for _d, h in slots)


def is_far_from_best(slots: tuple[Slot, ...], local: dt.datetime) -> bool:
    distance = hours_from_best(slots, local)
    return distance is not None and distance > FAR_HOURS
