"""The typed schema of the charter's structured sections, and their validation.

Two levels, on purpose:

* :func:`validate_data` refuses values of the wrong shape or outside their domain (an unknown
  category, a negative delay, a contact of another client, deleting criticism). Nothing is
  saved and the caller gets a :class:`ValidationError` naming the row.
* :func:`section_issues` lists what is *incomplete* (an escalation row without a contact, a
  category without a delay, a rule without an action, hours written wrongly). A draft may be
  saved with issues — nothing typed is ever lost — but it cannot be sent for signature.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from app.i18n import document_translate as translate
from app.models import NETWORKS
from app.services.charter.labels import category_label, column_label
from app.services.charter.rules import MESSAGE_CATEGORIES, MODERATION_ACTIONS

KPIS = (
    "followers",
    "engagement_rate",
    "reach",
    "answered_within_delay",
    "first_response_minutes",
    "posts_published",
    "other",
)
PERIODS = ("week", "month", "quarter", "year")
MODERATION_KEYS = (
    "insult",
    "hate",
    "threat",
    "spam",
    "advertising",
    "personal_data",
    "off_topic",
    "criticism",
    "other",
)
REGISTERS = ("vous", "tu")
REQUIRED_ROWS = ("networks", "escalation", "delays", "moderation")
MAX_DELAY_MINUTES = 60 * 24 * 30


@dataclass(frozen=True)
class Column:
    key: str
    type: str  # text, int, float, choice, category, contact, delay, actions, bool, hours, mix
    choices: tuple[str, ...] = ()
    optional: bool = False  # may stay empty without an issue


@dataclass(frozen=True)
class SectionSchema:
    key: str
    kind: str  # "rich", "table", "delays" (table + business hours), "style"
    columns: tuple[Column, ...] = ()


SCHEMAS: dict[str, SectionSchema] = {
    s.key: s
    for s in (
        SectionSchema("context", "rich"),
        SectionSchema(
            "objectives",
            "table",
            (
                Column("label", "text"),
                Column("kpi", "choice", KPIS),
                Column("target", "float"),
                Column("unit", "text", optional=True),
                Column("period", "choice", PERIODS),
            ),
        ),
        SectionSchema(
            "networks",
            "table",
            (
                Column("network", "choice", NETWORKS),
                Column("handle", "text", optional=True),
                Column("posts_min", "int"),
                Column("posts_max", "int", optional=True),
                Column("best_hours", "hours", optional=True),
                Column("content_mix", "mix", optional=True),
            ),
        ),
        SectionSchema("scope", "rich"),
        SectionSchema("intervention", "rich"),
        SectionSchema("autonomy", "rich"),
        SectionSchema(
            "escalation",
            "table",
            (
                Column("category", "category", optional=True),
                Column("topic", "text", optional=True),
                Column("contact", "contact"),
                Column("delay", "delay"),
            ),
        ),
        SectionSchema(
            "delays",
            "delays",
            (Column("category", "category"), Column("delay", "delay")),
        ),
        SectionSchema(
            "moderation",
            "table",
            (
                Column("key", "choice", MODERATION_KEYS),
                Column("label", "text", optional=True),
                Column("actions", "actions", MODERATION_ACTIONS),
                Column("second_approval", "bool", optional=True),
            ),
        ),
        SectionSchema("style", "style"),
        SectionSchema(
            "crisis",
            "table",
            (Column("contact", "contact"), Column("how", "text", optional=True)),
        ),
        SectionSchema(
            "reporting",
            "table",
            (
                Column("report", "text"),
                Column("frequency", "choice", PERIODS),
                Column("recipient", "contact"),
            ),
        ),
    )
}
SECTION_KEYS = tuple(SCHEMAS)
STYLE_FIELDS = ("register", "emojis", "signature", "words_to_use", "words_to_avoid", "watch_words")


@dataclass(frozen=True)
class Issue:
    """Something incomplete in a section: ``row`` is None for the whole section."""

    section: str
    row: int | None
    column: str | None
    message: str


# -- value helpers ----------------------------------------------------------------------------
_HOURS = re.compile(r"^\s*(\d{1,2})[:h](\d{2})\s*[-–]\s*(\d{1,2})[:h](\d{2})\s*$")


def parse_hours(text: str) -> tuple[tuple[dt.time, dt.time], ...]:
    """ "12:00-14:00, 18h30-20h00" → ((12:00, 14:00), (18:30, 20:00)); ValueError if wrong."""
    windows = []
    for part in (text or "").replace(";", ",").split(","):
        if not part.strip():
            continue
        m = _HOURS.match(part)
        if not m:
            raise ValueError(part)
        h1, m1, h2, m2 = (int(g) for g in m.groups())
        start, end = dt.time(h1, m1), dt.time(h2, m2)
        if end <= start:
            raise ValueError(part)
        windows.append((start, end))
    return tuple(windows)


def parse_mix(text: str) -> dict[str, int]:
    """ "produits 40, coulisses 30 %, conseils 30" → {"produits": 40, ...}; ValueError if wrong."""
    mix: dict[str, int] = {}
    for part in (text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        m = re.match(r"^(.*?)[\s:=]+(\d{1,3})\s*%?$", part)
        if not m or not m.group(1).strip():
            raise ValueError(part)
        mix[m.group(1).strip()] = int(m.group(2))
    return mix


def format_delay(minutes: int | str | None) -> str:  # "" from an empty cell
    if minutes is None or minutes == "":
        return ""
    minutes = int(minutes)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return translate("CharterSchema", "{m} min").format(m=rest)
    if not rest:
        return translate("CharterSchema", "{h} h").format(h=hours)
    return translate("CharterSchema", "{h} h {m:02d}").format(h=hours, m=rest)


def parse_time(text: str) -> dt.time:
    h, m = text.split(":")
    return dt.time(int(h), int(m))


def default_business_hours() -> dict[str, Any]:
    return {
        "days": {str(d): [["09:00", "18:00"]] for d in range(5)},
        "country": "FR",
        "subdivision": "",
        "closed_days": [],
    }


# -- completeness -----------------------------------------------------------------------------
def section_issues(key: str, data: dict[str, Any]) -> list[Issue]:
    """What is missing or unreadable in a saved section (empty list: complete)."""
    schema = SCHEMAS.get(key)
    if schema is None or schema.kind in ("rich", "style"):
        return []
    issues: list[Issue] = []
    rows = (data or {}).get("rows", [])
    for i, row in enumerate(rows):
        for col in schema.columns:
            value = row.get(col.key)
            if col.optional:
                if col.type == "hours" and value:
                    try:
                        parse_hours(value)
                    except ValueError:
                        issues.append(
                            Issue(
                                key,
                                i,
                                col.key,
                                translate(
                                    "CharterSchema",
                                    "Row {row}: hours must look like 12:00-14:00, 18:00-20:00.",
                                ).format(row=i + 1),
                            )
                        )
                if col.type == "mix" and value:
                    try:
                        parse_mix(value)
                    except ValueError:
                        issues.append(
                            Issue(
                                key,
                                i,
                                col.key,
                                translate(
                                    "CharterSchema",
                                    "Row {row}: content mix must look like « products 40, tips 60 ».",  # noqa: E501
                                ).format(row=i + 1),
                            )
                        )
                continue
            if value in (None, "", []):
                issues.append(Issue(key, i, col.key, _missing(key, col.key, i)))
        if key == "escalation" and not row.get("category") and not (row.get("topic") or "").strip():
            issues.append(
                Issue(
                    key,
                    i,
                    "topic",
                    translate(
                        "CharterSchema", "Row {row}: give a message category or a topic."
                    ).format(row=i + 1),
                )
            )
    if key in REQUIRED_ROWS and not rows:
        issues.append(Issue(key, None, None, translate("CharterSchema", "Add at least one row.")))
    if key == "delays":
        present = {r.get("category") for r in rows if r.get("delay") not in (None, "")}
        for category in MESSAGE_CATEGORIES:
            if category not in present:
                issues.append(
                    Issue(
                        key,
                        None,
                        "delay",
                        translate(
                            "CharterSchema", "No delay for the category « {category} »."
                        ).format(category=category_label(category)),
                    )
                )
        if not (data or {}).get("business_hours", {}).get("days"):
            issues.append(
                Issue(
                    key, None, None, translate("CharterSchema", "Business hours have no open day.")
                )
            )
    return issues


def _missing(section: str, column: str, row: int) -> str:
    if column == "contact" or column == "recipient":
        text = translate("CharterSchema", "Row {row}: choose a contact.")
    elif column == "delay":
        text = translate("CharterSchema", "Row {row}: give a delay.")
    elif column == "actions":
        text = translate("CharterSchema", "Row {row}: choose at least one action.")
    else:
        text = translate("CharterSchema", "Row {row}: fill in « {column} ».")
    return text.format(row=row + 1, column=column_label(section, column))
