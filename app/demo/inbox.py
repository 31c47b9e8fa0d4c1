"""Demo step: a year of realistic messages per client, with an escalated complaint and a
crisis (bulk Core inserts: the FTS triggers index them as they go in)."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.db import Database, bulk_insert
from app.db_writes import insert_in_batches
from app.demo import DemoContext
from app.demo import inbox_followup as followup
from app.demo.inbox_texts import (
    EN,
    FIRST,
    LAST,
    REVIEW_NETWORKS,
    SAVED,
    TEMPLATES,
    VOCAB,
    WEIGHTS,
)
from app.models import Client, Contact, NetworkAccount, utcnow
from app.models.inbox import Escalation, InboxMessage, InboxNote, SavedReply
from app.services.charter.in_force import rules_in_force
from app.services.charter.rules import CharterRules
from app.services.inbox.delays import add_business_minutes, due_time

PER_DAY = 7


def _text(rng: random.Random, slug: str, category: str, language: str) -> str:
    table = EN if language == "en" else TEMPLATES
    words = dict(VOCAB.get(slug, VOCAB["aquarelle-petales"]))
    words.update({k.capitalize(): v[:1].upper() + v[1:] for k, v in words.items()})
    return rng.choice(table[category]).format(**words)


def _kind(rng: random.Random, network: str, category: str = "praise") -> str:
    """Comments, mentions, private messages; reviews only where the network has them, and
    only for what a review says (praise, a complaint, a suggestion — not a question)."""
    kinds = ("comment", "comment", "mention", "message")
    reviews = network in REVIEW_NETWORKS and category in ("praise", "complaint", "suggestion")
    return rng.choice(kinds + (("review",) if reviews else ()))


def populate(db: Database, ctx: DemoContext) -> None:
    now = utcnow()
    anchor = now if ctx.today == now.date() else dt.datetime.combine(ctx.today, dt.time(11), dt.UTC)
    for slug, cid in ctx.clients.items():
        with db.session() as s:
            _client(s, ctx, slug, cid, anchor)


def _client(s: Session, ctx: DemoContext, slug: str, cid: int, anchor: dt.datetime) -> None:
    rng = ctx.rng
    client = s.get_one(Client, cid)
    rules = rules_in_force(s, cid)
    accounts = list(s.scalars(select(NetworkAccount).where(NetworkAccount.client_id == cid)))
    networks: list[tuple[str, int | None]] = [
        (a.network, a.id) for a in accounts if a.network != "rss"
    ] or [("facebook", None)]
    names = [f"{rng.choice(FIRST)} {rng.choice(LAST)}" for _ in range(500)]
    authors = [
        (n, n.lower().replace(" ", ".").replace("ï", "i").replace("ë", "e") + str(i))
        for i, n in enumerate(names)
    ]
    staff = list(ctx.staff.values())
    seen: set[str] = set()
    rows: list[dict[str, Any]] = []
    n = 0
    cats, weights = zip(*WEIGHTS, strict=True)
    for day in range(365, -1, -1):
        date = (anchor - dt.timedelta(days=day)).date()
        peak = (
            3
            if (slug == "aquarelle-petales" and date.month == 2 and date.day in (12, 13, 14))
            else 1
        )
        for _ in range(rng.randint(PER_DAY - 3, PER_DAY + 3) * peak):
            at = dt.datetime.combine(date, dt.time(rng.randint(7, 22), rng.randint(0, 59)), dt.UTC)
            if at > anchor:
                continue
            category = rng.choices(cats, weights)[0]
            name, handle = rng.choice(authors)
            network, account = rng.choice(networks)
            age = anchor - at
            status = (
                "new"
                if age < dt.timedelta(hours=20)
                else rng.choice(
                    ("closed", "closed", "answered", "answered", "ignored")
                    if age > dt.timedelta(days=4)
                    else ("answered", "in_progress", "new")
                )
            )
            n += 1
            rows.append(
                _row(
                    cid,
                    network,
                    account,
                    f"demo-{slug}-{n}",
                    name,
                    handle,
                    _text(rng, slug, category, client.language),
                    at,
                    category,
                    status,
                    handle not in seen,
                    rules,
                    rng,
                    staff,
                )
            )
            seen.add(handle)
    rows += _crisis(ctx, slug, cid, anchor, rules, networks)
    insert_in_batches(s, cast(Table, InboxMessage.__table__), rows)  # other seats write in between
    _replies(s, ctx, cid, client.name, client.language)
    for title, body, category in SAVED:
        s.add(SavedReply(client_id=cid, title=title, body=body, category=category))
    if slug == "aquarelle-petales":
        _escalated_complaint(s, cid, anchor, rules)
    ctx.count("inbox messages", len(rows))
    ctx.count(
        "moderation actions",
        followup.moderation(s, cid, rules, anchor, rng, list(ctx.staff), client.language),
    )
    ctx.count(
        "escalations",
        followup.escalations(
            s, cid, rules, anchor, rng, client.name, waiting=slug == "hotel-les-embruns"
        ),
    )


def _row(
    cid: int,
    network: str,
    account: int | None,
    ext: str,
    name: str,
    handle: str,
    text: str,
    at: dt.datetime,
    category: str,
    status: str,
    newcomer: bool,
    rules: CharterRules,
    rng: random.Random,
    staff: list[int],
) -> dict[str, Any]:
    closed = status in ("closed", "answered", "ignored")
    answered = at + dt.timedelta(minutes=rng.randint(20, 600))
    return {
        "client_id": cid,
        "account_id": account,
        "network": network,
        "external_id": ext,
        "kind": _kind(rng, network, category),
        "author": name,
        "author_handle": handle,
        "text": text,
        "received_at": at,
        "in_reply_to": "",
        "url": f"https://{network}.example/{ext}",
        "status": status,
        "status_reason": "Hors sujet" if status == "ignored" else "",
        "category": category,
        "sentiment": -1 if category == "complaint" else (1 if category == "praise" else 0),
        "priority": 1 if category == "complaint" else 0,
        "assignee_id": rng.choice(staff) if staff and status != "new" else None,
        "tags": [],
        "newcomer": newcomer,
        "due_at": None
        if closed or status == "waiting"
        else due_time(at, rules.delay_for(category), rules.business_hours),
        "first_answer_at": answered if status in ("closed", "answered") else None,
        "resolved_at": answered + dt.timedelta(hours=2) if status == "closed" else None,
        "resolution": "Réponse apportée, client satisfait."
        if status == "closed" and category == "complaint"
        else "",
        "ours": False,
        "reply_state": "",
        "version": 1,
    }


def _crisis(
    ctx: DemoContext,
    slug: str,
    cid: int,
    anchor: dt.datetime,
    rules: CharterRules,
    networks: list[tuple[str, int | None]],
) -> list[dict[str, Any]]:
    """Maison Dupré: a batch of galettes with a porcelain charm that broke teeth, this morning."""
    if slug != "maison-dupre":
        return []
    texts = [
        "Ma fille s'est cassé une dent sur la fève de la galette, c'est une honte !",
        "Morceau de porcelaine cassé dans la galette achetée ce matin, inadmissible",
        "Même chose chez nous, fève brisée dans la galette, vous retirez le lot ?",
        "Scandale, deuxième galette avec des éclats, on attend une réponse",
        "Je partage : attention aux galettes Maison Dupré de ce week-end !!",
        "Toujours pas de réponse de la boulangerie, c'est inadmissible",
    ]
    rows: list[dict[str, Any]] = []
    for i in range(16):
        at = anchor - dt.timedelta(minutes=12 * i + 5)
        name = f"{ctx.rng.choice(FIRST)} {ctx.rng.choice(LAST)}"
        network, account = networks[i % len(networks)]
        rows.append(
            _row(
                cid,
                network,
                account,
                f"demo-crisis-{i}",
                name,
                f"crise.{i}",
                texts[i % 6],
                at,
                "complaint",
                "new",
                True,
                rules,
                ctx.rng,
                [],
            )
        )
    return rows


def _replies(
    s: Session, ctx: DemoContext, cid: int, client_name: str, language: str = "fr"
) -> None:
    answered = s.execute(
        select(
            InboxMessage.id,
            InboxMessage.network,
            InboxMessage.external_id,
            InboxMessage.first_answer_at,
            InboxMessage.account_id,
            InboxMessage.author,
        ).where(InboxMessage.client_id == cid, InboxMessage.first_answer_at.is_not(None))
    ).all()
    rows: list[dict[str, Any]] = []
    for mid, network, ext, at, account, author in answered[::3]:
        first = author.split(" ")[0]
        rows.append(
            {
                "client_id": cid,
                "account_id": account,
                "network": network,
                "external_id": f"{ext}-r",
                "kind": "comment",
                "author": client_name,
                "author_handle": "",
                "text": (
                    f"Hi {first}, thanks for your message, we're on it!"
                    if language == "en"
                    else f"Bonjour {first}, merci pour votre message, on s'en occupe !"
                ),
                "received_at": at,
                "parent_id": mid,
                "in_reply_to": ext,
                "url": "",
                "status": "answered",
                "category": "other",
                "sentiment": 0,
                "priority": 0,
                "tags": [],
                "newcomer": False,
                "ours": True,
                "reply_state": "sent",
                "version": 1,
            }
        )
    if rows:
        bulk_insert(s, cast(Table, InboxMessage.__table__), rows)


def _escalated_complaint(s: Session, cid: int, anchor: dt.datetime, rules: CharterRules) -> None:
    """The Mother's Day bouquet never delivered: escalated, answered, resolved — and one
    complaint still waiting on the customer service, overdue."""
    sophie = s.scalar(
        select(Contact).where(Contact.client_id == cid, Contact.name == "Sophie Garnier")
    )
    cases = [
        (
            anchor - dt.timedelta(days=6),
            "Bouquet commandé pour la fête des mères jamais livré. "
            "Commande n° AP-20931, 59 €. Je veux un remboursement, pas un bon d'achat !",
            True,
        ),
        (
            anchor - dt.timedelta(days=2),
            "Livraison prévue hier entre 14 h et 18 h, toujours rien. "
            "Personne ne répond au téléphone. Commande AP-21877.",
            False,
        ),
    ]
    for i, (at, text, resolved) in enumerate(cases):
        msg = InboxMessage(
            client_id=cid,
            network="facebook",
            external_id=f"demo-escalated-{i}",
            kind="comment",
            author="Nathalie Fournier" if resolved else "Karim Benali",
            author_handle="nathalie.fournier" if resolved else "karim.b",
            text=text,
            received_at=at,
            url="https://facebook.example/AquarelleEtPetales/posts/1",
            status="closed" if resolved else "waiting",
            category="complaint",
            sentiment=-1,
            priority=2,
            newcomer=True,
            tags=["livraison"],
            first_answer_at=at + dt.timedelta(minutes=40),
            resolved_at=at + dt.timedelta(days=1) if resolved else None,
            resolution="Remboursement intégral effectué le lendemain (59 €) et excuses publiques."
            if resolved
            else "",
        )
        s.add(msg)
        s.flush()
        asked = at + dt.timedelta(minutes=30)
        due = add_business_minutes(asked, 240, rules.business_hours)
        s.add(
            Escalation(
                client_id=cid,
                message_id=msg.id,
                contact_id=sophie.id if sophie else None,
                contact_name=sophie.name if sophie else "Service client",
                contact_email=sophie.email if sophie else "",
                channel="mailto",
                asked_by="Camille Martin",
                asked_at=asked,
                due_at=due,
                delay_minutes=240,
                answered_at=asked + dt.timedelta(hours=3) if resolved else None,
                answer="Commande perdue par le transporteur : remboursement lancé, "
                "on s'excuse publiquement."
                if resolved
                else "",
                subject=f"[Aquarelle & Pétales] Réclamation de {msg.author}",
                body=text,
            )
        )
        s.add(
            InboxNote(
                client_id=cid,
                message_id=msg.id,
                author="Camille Martin",
                text="Ne surtout pas supprimer : on répond publiquement puis en privé.",
            )
        )
