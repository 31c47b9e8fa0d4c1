"""A client's SMTP settings for escalation e-mails, and sending an escalation by SMTP.

The settings (host, port, user, sender, STARTTLS) are shared by the team in the database;
the password is kept in the keyring only (``escalation_mail.store_smtp_password``).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.errors import ValidationError
from app.i18n import translate
from app.models import Client
from app.models.inbox import EscalationSmtp
from app.services.inbox import escalation, escalation_mail
from app.services.people import audit


@dataclass(frozen=True)
class SmtpSettings:
    host: str = ""
    port: int = 587
    username: str = ""
    sender: str = ""
    starttls: bool = True

    @property
    def configured(self) -> bool:
        return bool(self.host and "@" in self.sender)


def get_settings(session: Session, client_id: int) -> SmtpSettings:
    row = session.get(EscalationSmtp, client_id)
    if row is None:
        return SmtpSettings()
    return SmtpSettings(row.host, row.port, row.username, row.sender, row.starttls)


def save_settings(
    session: Session, client_id: int, settings: SmtpSettings, password: str | None = None
) -> SmtpSettings:
    """Check and keep the settings; a non-empty ``password`` goes to the keyring."""
    host, sender = settings.host.strip(), settings.sender.strip()
    username = settings.username.strip()
    if not host or any(c.isspace() for c in host):
        raise ValidationError(translate("Escalation", "Give the SMTP server's name."), "host")
    if not 0 < int(settings.port) < 65536:
        raise ValidationError(
            translate("Escalation", "The SMTP port is a number from 1 to 65535."), "port"
        )
    if "@" not in sender or any(c.isspace() for c in sender):
        raise ValidationError(
            translate("Escalation", "The sender must be an e-mail address."), "sender"
        )
    client = session.get(Client, client_id)
    if client is None:
        raise ValidationError(translate("Escalation", "Unknown client."))
    row = session.get(EscalationSmtp, client_id)
    if row is None:
        row = EscalationSmtp(client_id=client_id)
        session.add(row)
    row.host, row.port, row.username = host, int(settings.port), username
    row.sender, row.starttls = sender, bool(settings.starttls)
    audit.record(
        session, "inbox.smtp_settings", client=client, target_type="client",
        target_id=client_id, details={"host": host, "port": int(settings.port),
                                      "username": username, "sender": sender},
    )  # fmt: skip
    session.flush()
    if password:
        escalation_mail.store_smtp_password(client.uid, password)
    return get_settings(session, client_id)


@dataclass(frozen=True)
class SmtpJob:
    """Everything needed to send, read in a short session; sending happens outside it."""

    info: escalation.EscalationInfo
    client_uid: str
    settings: SmtpSettings


def prepare(session: Session, client_id: int, escalation_id: int) -> SmtpJob:
    settings = get_settings(session, client_id)
    if not settings.configured:
        raise ValidationError(
            translate(
                "Escalation", "Set the client's SMTP server first (SMTP… button of the inbox)."
            )
        )
    info = escalation.get(session, client_id, escalation_id)
    if "@" not in info.contact_email:
        raise ValidationError(translate("Escalation", "This contact has no e-mail address."))
    return SmtpJob(info, session.get_one(Client, client_id).uid, settings)


def send(job: SmtpJob, timeout: float = 15) -> None:
    """Send by SMTP (network: call it from a worker thread, never inside a write session)."""
    s = job.settings
    escalation_mail.send_smtp(
        job.info, client_uid=job.client_uid, host=s.host, port=s.port, username=s.username,
        sender=s.sender, starttls=s.starttls, timeout=timeout,
    )  # fmt: skip
