"""Crisis alerts that reach people: an e-mail to the charter's crisis contacts through the
client's SMTP settings (those of the escalation e-mails; password in the keyring), and a log
row per alert (``crisis_alerts``: when, which signal, why, who was told, and how it went).

Every check where a signal fires opens the client's crisis episode or keeps it open
(:mod:`.episodes`; the holding message is one per episode).

One alert per signal and hour for a client, whichever seat sees it first: the log row is
inserted with ON CONFLICT DO NOTHING before anything is sent, and only its writer sends.
Sending happens outside any database session.
"""

from __future__ import annotations

import datetime as dt
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import TYPE_CHECKING

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app import secrets
from app.i18n import translate
from app.models import utcnow
from app.models.listening import CrisisAlert
from app.services.clients.info import find_client
from app.services.inbox.escalation_mail import SECRET_NAME
from app.services.inbox.escalation_smtp import SmtpSettings, get_settings
from app.services.listening.crisis import Signal, detect
from app.services.listening.episodes import signal_episode
from app.services.listening.store import _insert_for
from app.services.listening.thresholds import thresholds_for

if TYPE_CHECKING:
    from app.db import Database


@dataclass(frozen=True)
class AlertOutcome:
    signal: str
    reason: str
    recipients: tuple[str, ...]
    delivery: str  # "sent", or why nobody was e-mailed


def _message(
    client_name: str, signal: Signal, sender: str, recipients: tuple[str, ...]
) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = translate("Listening", "Crisis alert for {client}").format(client=client_name)
    msg["From"] = sender
    msg["To"] = ", ".join(recipients)
    msg.set_content(
        signal.reason
        + "\n\n"
        + translate(
            "Listening",
            "You receive this because the charter names you as a crisis contact. Sent by Tribune.",
        )
    )
    return msg


def _send(settings: SmtpSettings, client_uid: str, msg: EmailMessage, timeout: float) -> str:
    if not settings.configured:
        return translate("Listening", "not e-mailed: the client's SMTP server is not set")
    password = None
    if settings.username:
        password = secrets.get_secret(secrets.client_key(client_uid, SECRET_NAME))
        if not password:
            return translate("Listening", "not e-mailed: no SMTP password in the keyring")
    try:
        with smtplib.SMTP(settings.host, settings.port, timeout=timeout) as smtp:
            if settings.starttls:
                smtp.starttls(context=ssl.create_default_context())
            if settings.username:
                smtp.login(settings.username, password or "")
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        return translate("Listening", "not e-mailed: the SMTP server failed ({kind})").format(
            kind=type(exc).__name__
        )
    return "sent"


def check_and_alert(
    db: Database, client_id: int, *, now: dt.datetime | None = None, timeout: float = 15
) -> list[AlertOutcome]:
    """Detect the crisis signals; for each one not yet told this hour, e-mail the crisis
    contacts and log it. Returns what this call told (empty when calm)."""
    now = now or utcnow()
    with db.read() as s:
        t = thresholds_for(s, client_id, now)
        signals = detect(s, client_id, now, t)
        if not signals:
            return []
        settings = get_settings(s, client_id)
        client = find_client(s, client_id)
        client_name, client_uid = client.name, client.uid
    recipients = tuple(email for _, email in t.contacts if "@" in (email or ""))
    hour = now.astimezone(dt.UTC).strftime("%Y-%m-%dT%H")
    with db.session() as s:  # a signal opens the crisis episode, or keeps it open
        signal_episode(s, client_id, now)
    out = []
    for signal in signals:
        with db.session() as s:
            insert = _insert_for(s)
            stmt = (
                insert(CrisisAlert.__table__)
                .values(client_id=client_id, at=now, signal=signal.key, key=f"{signal.key}:{hour}",
                        reason=signal.reason, recipients=list(recipients), delivery="pending")
                .on_conflict_do_nothing(index_elements=["client_id", "key"])
                .returning(CrisisAlert.__table__.c.id)
            )  # fmt: skip
            alert_id = s.execute(stmt).scalar()
        if alert_id is None:
            continue  # another seat told them already
        if not recipients:
            delivery = translate(
                "Listening", "not e-mailed: the charter names no crisis contact with an e-mail"
            )
        else:
            delivery = _send(
                settings, client_uid, _message(client_name, signal, settings.sender, recipients),
                timeout,
            )  # fmt: skip
        with db.session() as s:
            s.execute(
                update(CrisisAlert).where(CrisisAlert.id == alert_id).values(delivery=delivery)
            )
        out.append(AlertOutcome(signal.key, signal.reason, recipients, delivery))
    return out


def recent_alerts(session: Session, client_id: int, limit: int = 20) -> list[CrisisAlert]:
    return list(
        session.scalars(
            select(CrisisAlert)
            .where(CrisisAlert.client_id == client_id)
            .order_by(CrisisAlert.at.desc(), CrisisAlert.id.desc())
            .limit(limit)
        )
    )
