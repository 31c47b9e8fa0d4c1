"""Demo step: a complete French charter for every demo client, in different states.

Aquarelle & Pétales: v1 signed, v2 draft in progress. Maison Dupré: signed. Banque Solidaire:
v1 superseded by a signed v2. Nuage Logiciel: sent for signature. Les Embruns: a draft.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.demo import DemoContext
from app.demo.charter_content import CHARTERS, COMMON_RICH, STATES, P
from app.models import Contact
from app.services.charter import signing as charter_signing
from app.services.charter import versions as charter
from app.services.charter.schema import default_business_hours
from app.services.charter.views import CharterDoc

AGENCY_SIGNER = ("Thomas Leroy", "Directeur de clientèle")


def _fill(
    session: Session,
    cid: int,
    doc: CharterDoc,
    spec: dict[str, Any],
    contacts: dict[str, int],
    slug: str,
) -> None:
    sec = {s.key: s for s in doc.sections}

    def save(key: str, **kw: Any) -> None:
        charter.save_section(session, cid, sec[key].id, **kw)

    save("context", html=spec["context"])
    for key, html in COMMON_RICH.items():
        save(key, html=html)
    save(
        "objectives",
        data={
            "rows": [
                {"label": a, "kpi": b, "target": float(c), "unit": d, "period": e}
                for a, b, c, d, e in spec["objectives"]
            ]
        },
    )
    save(
        "networks",
        data={
            "rows": [
                {
                    "network": n,
                    "handle": h,
                    "posts_min": lo,
                    "posts_max": hi,
                    "best_hours": bh,
                    "content_mix": mix,
                }
                for n, h, lo, hi, bh, mix in spec["networks"]
            ]
        },
    )
    save(
        "escalation",
        data={
            "rows": [
                {"category": c, "topic": t, "contact": contacts[n], "delay": d}
                for c, t, n, d in spec["escalation"]
            ]
        },
    )
    hours = {**default_business_hours(), "days": spec["days"], "closed_days": ["2026-12-24"]}
    save("delays", data={**sec["delays"].data, "business_hours": hours})
    save("crisis", data={"rows": [{"contact": contacts[n], "how": h} for n, h in spec["crisis"]]})
    save(
        "reporting",
        data={
            "rows": [
                {"report": r, "frequency": f, "recipient": contacts[n]}
                for r, f, n in spec["reporting"]
            ]
        },
    )
    save(
        "style",
        data={
            "register": spec["register"],
            "emojis": spec["register"] == "tu" or slug == "aquarelle-petales",
            "signature": spec["signature"],
            "words_to_use": spec["use"],
            "words_to_avoid": spec["avoid"],
            "watch_words": spec["watch"],
        },
    )


def populate(db: Database, ctx: DemoContext) -> None:
    now = dt.datetime.combine(ctx.today, dt.time(10, 0), tzinfo=dt.UTC)
    for slug, spec in CHARTERS.items():
        cid = ctx.clients.get(slug)
        if cid is None:
            continue
        with db.session() as session:
            rows = list(session.scalars(select(Contact).where(Contact.client_id == cid)))
            contacts = {c.name: c.id for c in rows}
            signer = rows[0]  # the client's first contact signs
            for n, state in enumerate(STATES[slug]):
                doc = (
                    charter.ensure_charter(session, cid)
                    if n == 0
                    else charter.start_new_draft(session, cid)
                )
                if n == 0:
                    _fill(session, cid, doc, spec, contacts, slug)
                elif state == "draft":  # the newer draft differs from the signed one
                    context = next(s for s in doc.sections if s.key == "context")
                    charter.save_section(
                        session,
                        cid,
                        context.id,
                        html=context.html
                        + P(
                            "Nouveauté 2027 : ouverture de la livraison le dimanche matin, "
                            "à annoncer sur tous les réseaux."
                        ),
                    )
                kind, _, days = state.partition(":")
                when = now - dt.timedelta(days=int(days or 0))
                if kind == "signed":
                    charter_signing.send_for_signature(session, cid, doc.version.id)
                    charter_signing.record_signature(
                        session,
                        cid,
                        doc.version.id,
                        [
                            charter.SignatoryInfo("agency", *AGENCY_SIGNER, when.date()),
                            charter.SignatoryInfo("client", signer.name, signer.role, when.date()),
                        ],
                        signed_at=when,
                    )
                elif kind == "sent":
                    charter_signing.send_for_signature(session, cid, doc.version.id)
                ctx.count("charter versions")
