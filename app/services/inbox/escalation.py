"""Escalation: pass a message to the client contact the charter names, and follow it.

The contact owes an answer within the rule's delay (business time). Tribune prepares the
e-mail (``mailto:`` link, an .eml file, or SMTP with the password in the keyring), tracks the
wait, lists what is overdue, records the answer and keeps the log the client can audit.
"""

from __future__ import annotations

import datetime as dt
import urllib.parse
from dataclasses import dataclass, replace
from email.message import EmailMessage
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound, ValidationError
from app.i18n import translate
from app.models import Client, Contact, utcnow
from app.models.inbox import Escalation, InboxMessage
from app.services.charter.in_force import rules_in_force
from app.services.inbox.delays import add_business_minutes, business_minutes_between
from app.services.inbox.reading import get_message
from app.services.inbox.triage import category_label
from app.services.people import audit
from app.services.people.actor import current_actor
from app.services.versions import stale, stamp

CHANNELS = ("mailto", "eml", "smtp")
DEFAULT_ANSWER_MINUTES = 8 * 60


@dataclass(frozen=True)
class Suggestion:
    contact_id: int | None
    name: str
    email: str
    answer_within_minutes: int
    from_charter: bool


@dataclass(frozen=True)
class EscalationInfo:
    id: int
    message_id: int
    contact_id: int | None
    contact_name: str
    contact_email: str
    channel: str
    asked_by: str
    asked_at: dt.datetime
    due_at: dt.datetime
    delay_minutes: int
    reminded_at: dt.datetime | None
    answered_at: dt.datetime | None
    answer: str
    subject: str
    body: str
    version: int = 1
    updated_by: str = ""

    def on_time(self) -> bool | None:
        if self.answered_at is None:
            return None
        return self.answered_at <= self.due_at


def _info(e: Escalation) -> EscalationInfo:
    return EscalationInfo(
        e.id,
        e.message_id,
        e.contact_id,
        e.contact_name,
        e.contact_email,
        e.channel,
        e.asked_by,
        e.asked_at,
        e.due_at,
        e.delay_minutes,
        e.reminded_at,
        e.answered_at,
        e.answer,
        e.subject,
        e.body,
        e.version or 1,
        e.updated_by or "",
    )


def suggest(session: Session, client_id: int, message_id: int) -> Suggestion | None:
    """The contact the charter's matrix gives for this message's category or topic."""
    msg = get_message(session, client_id, message_id)
    rule = rules_in_force(session, client_id).escalation_for(msg.category, msg.text)
    if rule is None:
        return None
    return Suggestion(
        rule.contact_id, rule.contact_name, rule.contact_email, rule.answer_within_minutes, True
    )


def compose(
    client: Client, msg: InboxMessage, contact_name: str, due_local: str, note: str
) -> tuple[str, str]:
    subject = translate("Escalation", "[{client}] {category} from {author} on {network}").format(
        client=client.name,
        category=category_label(msg.category),
        author=msg.author,
        network=msg.network,
    )
    body = translate(
        "Escalation",
        "Hello {contact},\n\nThis message was posted on {network} on {when}:\n\n{quote}\n\n"
        "Link: {url}\n\n{note}Could you tell us how to answer, or how this will be resolved, "
        "before {due}?\n\nThank you,\n{me}",
    ).format(
        contact=contact_name,
        network=msg.network,
        when=msg.received_at.astimezone(ZoneInfo(client.timezone)).strftime("%d/%m/%Y %H:%M"),
        quote="\n".join("> " + line for line in msg.text.splitlines()),
        url=msg.url or "-",
        note=(note.strip() + "\n\n") if note.strip() else "",
        due=due_local,
        me=current_actor(),
    )
    return subject, body


def escalate(
    session: Session,
    client_id: int,
    message_id: int,
    *,
    contact_id: int | None = None,
    contact_name: str = "",
    contact_email: str = "",
    channel: str = "mailto",
    note: str = "",
    now: dt.datetime | None = None,
) -> EscalationInfo:
    """Record an escalation to the charter's contact (or the one the user chose)."""
    if channel not in CHANNELS:
        raise ValidationError(translate("Escalation", "Unknown channel {c}.").format(c=channel))
    msg = get_message(session, client_id, message_id)
    client = session.get_one(Client, client_id)
    rules = rules_in_force(session, client_id, now)
    rule = rules.escalation_for(msg.category, msg.text)
    minutes = rule.answer_within_minutes if rule else DEFAULT_ANSWER_MINUTES
    if contact_id is not None:
        contact = session.get(Contact, contact_id)
        if contact is None or contact.client_id != client_id:
            raise NotFound(translate("Escalation", "This contact is not one of the client's."))
        contact_name, contact_email = contact.name, contact.email
    elif not contact_name.strip() and rule is not None:
        contact_id, contact_name, contact_email = (
            rule.contact_id,
            rule.contact_name,
            rule.contact_email,
        )
    if not contact_name.strip():
        raise ValidationError(
            translate("Escalation", "Choose whom to ask: the charter names nobody for this."),
            "contact",
        )
    if channel in ("mailto", "smtp") and "@" not in (contact_email or ""):
        raise ValidationError(
            translate("Escalation", "{name} has no e-mail address.").format(name=contact_name)
        )
    now = now or utcnow()
    due = add_business_minutes(now, minutes, rules.business_hours)
    due_local = due.astimezone(ZoneInfo(client.timezone)).strftime("%d/%m/%Y %H:%M")
    subject, body = compose(client, msg, contact_name, due_local, note)
    row = Escalation(
        client_id=client_id,
        message_id=msg.id,
        contact_id=contact_id,
        contact_name=contact_name,
        contact_email=contact_email or "",
        channel=channel,
        asked_by=current_actor(),
        asked_at=now,
        due_at=due,
        delay_minutes=minutes,
        subject=subject,
        body=body,
    )
    stamp(row, now)
    session.add(row)
    if msg.status in ("new", "in_progress", "answered"):
        msg.status = "waiting"
        msg.due_at = None
        stamp(msg, now)
    session.flush()
    audit.record(
        session,
        "inbox.escalate",
        client_id=client_id,
        target_type="message",
        target_id=msg.id,
        details={"escalation_id": row.id, "contact": contact_name, "channel": channel},
    )
    return _info(row)


def get(session: Session, client_id: int, escalation_id: int) -> EscalationInfo:
    return _info(_row(session, client_id, escalation_id))


def _row(session: Session, client_id: int, escalation_id: int, lock: bool = False) -> Escalation:
    # lock: PostgreSQL waits for a colleague writing it now, then reads what they saved
    row = session.get(
        Escalation, escalation_id, with_for_update=lock or None, populate_existing=lock
    )
    if row is None or row.client_id != client_id:
        raise NotFound(translate("Escalation", "No such escalation."))
    return row


def record_answer(
    session: Session,
    client_id: int,
    escalation_id: int,
    answer: str,
    now: dt.datetime | None = None,
    *,
    expected_version: int | None = None,
) -> EscalationInfo:
    """The contact answered: keep the answer; the message is the CM's again, to reply.

    An answer someone already recorded is never replaced silently: :class:`Conflict` with
    theirs, unless ``expected_version`` is the current one (keep mine, knowingly)."""
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError(translate("Escalation", "Write down what the contact answered."))
    row = _row(session, client_id, escalation_id, lock=True)
    stale_read = expected_version is not None and row.version != expected_version
    if stale_read or (
        expected_version is None and row.answered_at is not None and row.answer != answer
    ):
        raise stale(
            "escalation",
            translate("Escalation", "the answer of {name}").format(name=row.contact_name),
            target_id=row.id,
            mine=answer,
            theirs=row.answer,
            by=row.updated_by or row.asked_by,
            at=row.updated_at or row.answered_at,
            version=row.version,
            zone=session.get_one(Client, client_id).timezone,
        )
    now = now or utcnow()
    row.answer, row.answered_at = answer, now
    stamp(row, now)
    msg = get_message(session, client_id, row.message_id)
    if msg.status == "waiting":
        rules = rules_in_force(session, client_id, now)
        msg.status = "in_progress"
        msg.due_at = add_business_minutes(
            now, rules.delay_for(msg.category).first_answer_minutes, rules.business_hours
        )
    audit.record(
        session,
        "inbox.escalation.answer",
        client_id=client_id,
        target_type="message",
        target_id=msg.id,
        details={"escalation_id": row.id},
    )
    return _info(row)


def overdue(
    session: Session, client_id: int, now: dt.datetime | None = None
) -> list[EscalationInfo]:
    """Escalations whose contact has not answered in time: remind them."""
    rows = session.scalars(
        select(Escalation)
        .where(Escalation.client_id == client_id, Escalation.answered_at.is_(None))
        .where(Escalation.due_at < (now or utcnow()))
        .order_by(Escalation.due_at)
    )
    return [_info(r) for r in rows]


def mark_reminded(
    session: Session, client_id: int, escalation_id: int, now: dt.datetime | None = None
) -> None:
    row = _row(session, client_id, escalation_id)
    row.reminded_at = now or utcnow()
    audit.record(
        session,
        "inbox.escalation.remind",
        client_id=client_id,
        target_type="escalation",
        target_id=row.id,
    )


def for_message(session: Session, client_id: int, message_id: int) -> list[EscalationInfo]:
    rows = session.scalars(
        select(Escalation)
        .where(Escalation.client_id == client_id, Escalation.message_id == message_id)
        .order_by(Escalation.id)
    )
    return [_info(r) for r in rows]


def log(
    session: Session,
    client_id: int,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> list[EscalationInfo]:
    query = select(Escalation).where(Escalation.client_id == client_id)
    if since is not None:
        query = query.where(Escalation.asked_at >= since)
    if until is not None:
        query = query.where(Escalation.asked_at < until)
    return [_info(r) for r in session.scalars(query.order_by(Escalation.asked_at, Escalation.id))]


def answer_minutes(info: EscalationInfo, session: Session, client_id: int) -> int | None:
    if info.answered_at is None:
        return None
    hours = rules_in_force(session, client_id).business_hours
    return business_minutes_between(info.asked_at, info.answered_at, hours)


# -- the e-mail itself ---------------------------------------------------------------------
def mailto_url(info: EscalationInfo) -> str:
    query = urllib.parse.urlencode(
        {"subject": info.subject, "body": info.body}, quote_via=urllib.parse.quote
    )
    return f"mailto:{urllib.parse.quote(info.contact_email, safe='@')}?{query}"


def reminder(info: EscalationInfo) -> EscalationInfo:
    """The same e-mail, as a reminder (subject and first line say so)."""
    return replace(
        info,
        subject=translate("Escalation", "Reminder: {subject}").format(subject=info.subject),
        body=translate(
            "Escalation", "The answer was due on {due}; we are still waiting for it.\n\n"
        ).format(due=info.due_at.strftime("%d/%m/%Y %H:%M UTC"))
        + info.body,
    )


def email_message(info: EscalationInfo, sender: str = "") -> EmailMessage:
    mail = EmailMessage()
    mail["To"] = (
        f"{info.contact_name} <{info.contact_email}>" if info.contact_email else info.contact_name
    )
    if sender:
        mail["From"] = sender
    mail["Subject"] = info.subject
    mail["X-Tribune-Escalation"] = str(info.id)
    mail.set_content(info.body)
    return mail


def write_eml(info: EscalationInfo, path: Path, sender: str = "") -> Path:
    from app.safefile import write_bytes_checked  # aside, fsynced, moved when whole

    return write_bytes_checked(Path(path), bytes(email_message(info, sender)))
