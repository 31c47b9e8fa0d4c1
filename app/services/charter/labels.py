"""Translated labels of the charter's keys (categories, actions, columns, choices)."""

from __future__ import annotations

# A charter PDF follows the charter's language, not the app's (see app.i18n).
from app.i18n import document_translate as translate
from app.models.client import NETWORKS
from app.networks import network_label


def category_label(key: str) -> str:
    return {
        "question": translate("CharterLabels", "question"),
        "complaint": translate("CharterLabels", "complaint"),
        "praise": translate("CharterLabels", "praise"),
        "suggestion": translate("CharterLabels", "suggestion"),
        "request": translate("CharterLabels", "request"),
        "spam": translate("CharterLabels", "spam"),
        "abuse": translate("CharterLabels", "abuse"),
        "other": translate("CharterLabels", "other"),
    }.get(key, key)


def choice_label(key: str) -> str:
    """Label of any enumerated value: KPI, period, moderation key, action, network, register."""
    labels = {
        # KPIs
        "followers": translate("CharterLabels", "followers"),
        "engagement_rate": translate("CharterLabels", "engagement rate"),
        "reach": translate("CharterLabels", "reach"),
        "answered_within_delay": translate("CharterLabels", "answered within delay"),
        "first_response_minutes": translate("CharterLabels", "first response time"),
        "posts_published": translate("CharterLabels", "posts published"),
        # periods
        "week": translate("CharterLabels", "week"),
        "month": translate("CharterLabels", "month"),
        "quarter": translate("CharterLabels", "quarter"),
        "year": translate("CharterLabels", "year"),
        # moderation
        "insult": translate("CharterLabels", "insult"),
        "hate": translate("CharterLabels", "hate speech, racism"),
        "threat": translate("CharterLabels", "threat, harassment"),
        "advertising": translate("CharterLabels", "advertising"),
        "personal_data": translate("CharterLabels", "personal data"),
        "off_topic": translate("CharterLabels", "off-topic"),
        "criticism": translate("CharterLabels", "criticism"),
        # actions
        "hide": translate("CharterLabels", "hide"),
        "delete": translate("CharterLabels", "delete"),
        "ban": translate("CharterLabels", "ban"),
        "answer": translate("CharterLabels", "answer"),
        "report": translate("CharterLabels", "report"),
        # registers
        "tu": translate("CharterLabels", "tu (informal)"),
        "vous": translate("CharterLabels", "vous (formal)"),
        # networks (their names; a feed is press watch in a charter)
        **{n: network_label(n) for n in NETWORKS},
        "rss": translate("CharterLabels", "RSS / press watch"),
    }
    if key in labels:
        return labels[key]
    return category_label(key)


def column_label(section: str, column: str) -> str:
    return {
        "label": translate("CharterLabels", "Label"),
        "kpi": translate("CharterLabels", "Indicator"),
        "target": translate("CharterLabels", "Target"),
        "unit": translate("CharterLabels", "Unit"),
        "period": translate("CharterLabels", "Period"),
        "network": translate("CharterLabels", "Network"),
        "handle": translate("CharterLabels", "Account"),
        "posts_min": translate("CharterLabels", "Posts/week min"),
        "posts_max": translate("CharterLabels", "Posts/week max"),
        "best_hours": translate("CharterLabels", "Best hours"),
        "content_mix": translate("CharterLabels", "Content mix (%)"),
        "category": translate("CharterLabels", "Message category"),
        "topic": translate("CharterLabels", "Topic"),
        "contact": translate("CharterLabels", "Contact"),
        "delay": translate("CharterLabels", "Delay"),
        "key": translate("CharterLabels", "What"),
        "actions": translate("CharterLabels", "Actions"),
        "second_approval": translate("CharterLabels", "Second approval"),
        "how": translate("CharterLabels", "How to alert"),
        "report": translate("CharterLabels", "Report"),
        "frequency": translate("CharterLabels", "Frequency"),
        "recipient": translate("CharterLabels", "Recipient"),
    }.get(column, column)


def status_label(status: str) -> str:
    return {
        "draft": translate("CharterLabels", "draft"),
        "sent_for_signature": translate("CharterLabels", "sent for signature"),
        "signed": translate("CharterLabels", "signed"),
        "superseded": translate("CharterLabels", "superseded"),
        "none": translate("CharterLabels", "no charter"),
    }.get(status, status)


def weekday_label(day: int) -> str:
    return (
        translate("CharterLabels", "Monday"),
        translate("CharterLabels", "Tuesday"),
        translate("CharterLabels", "Wednesday"),
        translate("CharterLabels", "Thursday"),
        translate("CharterLabels", "Friday"),
        translate("CharterLabels", "Saturday"),
        translate("CharterLabels", "Sunday"),
    )[day]
