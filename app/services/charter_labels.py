"""Translated labels of the charter's keys (categories, actions, columns, choices)."""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator

from app.i18n import translate as _app_translate

# The language of the document being written (a PDF follows the charter's language, not the
# app's). Unset: the app's installed translators decide.
_document_language: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "charter_document_language", default=None
)
_translators: dict[str, object] = {}


def _translator(language: str):
    if language not in _translators:
        from PySide6.QtCore import QTranslator

        from app.i18n import translations_dir

        tr = QTranslator()
        _translators[language] = (
            tr if tr.load(str(translations_dir() / f"charter_{language}.qm")) else None
        )
    return _translators[language]


def translate(context: str, text: str) -> str:
    """Like app.i18n.translate, but in the document's language inside :func:`document_language`."""
    language = _document_language.get()
    if language is None:
        return _app_translate(context, text)
    if language == "en":
        return text
    tr = _translator(language)
    found = tr.translate(context, text) if tr is not None else ""
    return found or text


@contextlib.contextmanager
def document_language(language: str) -> Iterator[None]:
    token = _document_language.set(language if language in ("fr", "en") else "en")
    try:
        yield
    finally:
        _document_language.reset(token)


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
        # networks
        "mastodon": "Mastodon",
        "bluesky": "Bluesky",
        "facebook": "Facebook",
        "instagram": "Instagram",
        "linkedin": "LinkedIn",
        "x": "X",
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
