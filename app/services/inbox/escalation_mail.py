"""Optional SMTP sending of escalation e-mails; the password lives in the keyring only."""

from __future__ import annotations

import smtplib
import ssl

from app import secrets
from app.errors import TribuneError, ValidationError
from app.i18n import translate
from app.services.inbox.escalation import EscalationInfo, email_message

SECRET_NAME = "smtp-password"


def store_smtp_password(client_uid: str, password: str) -> None:
    secrets.set_secret(secrets.client_key(client_uid, SECRET_NAME), password)


def send_smtp(
    info: EscalationInfo,
    *,
    client_uid: str,
    host: str,
    port: int = 587,
    username: str = "",
    sender: str,
    starttls: bool = True,
    timeout: float = 15,
) -> None:
    """Send the escalation e-mail. Errors never carry the password."""
    if not host or "@" not in sender:
        raise ValidationError(
            translate("Escalation", "Give the SMTP server and the sender address.")
        )
    password = ""
    if username:
        password = secrets.get_secret(secrets.client_key(client_uid, SECRET_NAME)) or ""
        if not password:
            raise ValidationError(
                translate("Escalation", "No SMTP password in the keyring for this client.")
            )
    try:
        with smtplib.SMTP(host, port, timeout=timeout) as smtp:
            if starttls:
                smtp.starttls(context=ssl.create_default_context())
            if username:
                smtp.login(username, password)
            smtp.send_message(email_message(info, sender))
    except (OSError, smtplib.SMTPException) as exc:
        raise TribuneError(
            translate("Escalation", "The e-mail could not be sent ({kind}).").format(
                kind=type(exc).__name__
            )
        ) from None
