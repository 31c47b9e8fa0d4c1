"""The rules in force for a client at a date, as the rest of Tribune reads them.

The charter is the rulebook: the inbox (delays, escalation, moderation, style, watch words),
the calendar (networks, volumes, hours, content mix) and the reports (objectives, delays)
read it only through :func:`app.services.charter.in_force.rules_in_force`, never from the
charter's tables. This module holds the shapes of the rules; The signed
version in force at that date wins; else the latest draft, flagged ``signed=False``; with no
charter at all, :func:`default_rules` (``status="none"``) keeps every feature working.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

MESSAGE_CATEGORIES = (
    "question",
    "complaint",
    "praise",
    "suggestion",
    "request",
    "spam",
    "abuse",
    "other",
)
MODERATION_ACTIONS = ("hide", "delete", "ban", "answer", "report")
WEEKDAYS = range(7)  # Monday = 0, as datetime.weekday()


@dataclass(frozen=True)
class BusinessHours:
    """Opening hours per weekday (local time), and the days off."""

    timezone: str = "Europe/Paris"
    # weekday -> list of (opening, closing) local times; a missing weekday is closed.
    days: dict[int, tuple[tuple[dt.time, dt.time], ...]] = field(
        default_factory=lambda: {d: ((dt.time(9, 0), dt.time(18, 0)),) for d in range(5)}
    )
    public_holidays_country: str | None = "FR"  # the holidays package's country code
    public_holidays_subdivision: str | None = None
    extra_closed_days: frozenset[dt.date] = frozenset()


@dataclass(frozen=True)
class ResponseDelay:
    category: str
    first_answer_minutes: int  # counted in business time
    business_hours_only: bool = True


@dataclass(frozen=True)
class EscalationRule:
    """Messages of this category (or about this topic) go to this client contact."""

    category: str | None  # one of MESSAGE_CATEGORIES, or None when the topic decides
    topic: str  # free text ("remboursement", "données personnelles"), may be empty
    contact_id: int | None
    contact_name: str
    contact_email: str
    answer_within_minutes: int  # business time the contact has to answer


@dataclass(frozen=True)
class ModerationRule:
    key: str  # stable identifier, e.g. "insult", "racism", "spam", "personal_data"
    label: str  # as written in the charter
    actions: tuple[str, ...]  # subset of MODERATION_ACTIONS
    requires_second_approval: bool = False


@dataclass(frozen=True)
class NetworkVolume:
    network: str
    handle: str = ""
    posts_per_week_min: int = 0
    posts_per_week_max: int = 0  # 0 = no maximum
    best_hours: tuple[tuple[dt.time, dt.time], ...] = ()  # local time windows
    content_mix: dict[str, int] = field(default_factory=dict)  # category -> percent


@dataclass(frozen=True)
class Objective:
    kpi: str  # e.g. "followers", "engagement_rate", "answered_within_delay"
    label: str
    target: float
    period: str  # "month", "quarter", "year"
    unit: str = ""


@dataclass(frozen=True)
class Style:
    register: str = "vous"  # "tu" or "vous"
    emojis: bool = True
    signature: str = ""
    words_to_use: tuple[str, ...] = ()
    words_to_avoid: tuple[str, ...] = ()


@dataclass(frozen=True)
class CharterRules:
    client_id: int
    status: str  # "signed", "draft" or "none"
    version_number: int | None
    signed: bool
    business_hours: BusinessHours
    delays: dict[str, ResponseDelay]
    escalation: tuple[EscalationRule, ...]
    moderation: tuple[ModerationRule, ...]
    networks: tuple[NetworkVolume, ...]
    objectives: tuple[Objective, ...]
    style: Style
    watch_words: tuple[str, ...] = ()
    crisis_contacts: tuple[str, ...] = ()
    # Added by the charter feature (defaults keep older callers working).
    version_id: int | None = None
    signed_at: dt.datetime | None = None

    def delay_for(self, category: str) -> ResponseDelay:
        return (
            self.delays.get(category) or self.delays.get("other") or ResponseDelay(category, 8 * 60)
        )

    def escalation_for(self, category: str, text: str = "") -> EscalationRule | None:
        """The topic rule whose topic appears in ``text`` wins over the category rule."""
        lowered = (text or "").casefold()
        for rule in self.escalation:
            if rule.topic and rule.topic.casefold() in lowered:
                return rule
        for rule in self.escalation:
            if rule.category == category:
                return rule
        return None

    def moderation_rule(self, key: str) -> ModerationRule | None:
        return next((r for r in self.moderation if r.key == key), None)

    def network(self, network: str) -> NetworkVolume | None:
        return next((n for n in self.networks if n.network == network), None)


DEFAULT_DELAYS_MINUTES = {
    "complaint": 2 * 60,
    "question": 4 * 60,
    "request": 4 * 60,
    "abuse": 60,
    "praise": 8 * 60,
    "suggestion": 8 * 60,
    "spam": 8 * 60,
    "other": 8 * 60,
}


def default_rules(client_id: int, timezone: str = "Europe/Paris") -> CharterRules:
    """Sensible rules while a client has no charter (shown as "no charter" in the UI)."""
    return CharterRules(
        client_id=client_id,
        status="none",
        version_number=None,
        signed=False,
        business_hours=BusinessHours(timezone=timezone),
        delays={c: ResponseDelay(c, m) for c, m in DEFAULT_DELAYS_MINUTES.items()},
        escalation=(),
        moderation=(
            ModerationRule("insult", "Insults", ("hide",), False),
            ModerationRule("hate", "Hate speech, racism", ("delete", "ban", "report"), True),
            ModerationRule("spam", "Spam", ("delete",), False),
            ModerationRule("personal_data", "Personal data posted", ("hide",), False),
        ),
        networks=(),
        objectives=(),
        style=Style(),
    )
