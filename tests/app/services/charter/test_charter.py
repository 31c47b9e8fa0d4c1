"""Charter versions, sections and the rules in force, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from app.errors import Conflict, NotFound, ValidationError
from app.models.charter import CharterSection
from app.services.charter import signing as charter_signing
from app.services.charter import versions as charter
from app.services.charter.compare import compare_versions
from app.services.charter.in_force import rules_in_force
from app.services.clients import workspaces as clients
from app.services.people import audit

SIGNERS = [
    charter.SignatoryInfo("agency", "Thomas Leroy", "Directeur de clientèle", dt.date(2026, 3, 2)),
    charter.SignatoryInfo("client", "Sophie Garnier", "Responsable", dt.date(2026, 3, 3)),
]


def _client(db, name="Aquarelle"):
    with db.session() as s:
        info = clients.create_client(s, name, language="fr")
        a = clients.save_contact(s, info.id, name="Sophie Garnier", role="SAV", email="s@a.fr")
        b = clients.save_contact(s, info.id, name="Nadia Chérif", role="Juriste", email="n@a.fr")
    return info.id, a.id, b.id


def _complete(db, cid, contact):
    """Fill every table section so the charter has no issue."""
    with db.session() as s:
        doc = charter.ensure_charter(s, cid)
        sec = {x.key: x for x in doc.sections}
        fills = {
            "objectives": [
                {
                    "label": "Engagement",
                    "kpi": "engagement_rate",
                    "target": 4.5,
                    "unit": "%",
                    "period": "month",
                }
            ],
            "networks": [
                {
                    "network": "facebook",
                    "handle": "Aq",
                    "posts_min": 5,
                    "posts_max": 10,
                    "best_hours": "12:00-14:00, 18:00-20:00",
                    "content_mix": "produits 50, coulisses 50",
                }
            ],
            "escalation": [
                {"category": "complaint", "topic": "", "contact": contact, "delay": 240}
            ],
            "crisis": [{"contact": contact, "how": "téléphone"}],
            "reporting": [{"report": "Mensuel", "frequency": "month", "recipient": contact}],
        }
        for key, rows in fills.items():
            charter.save_section(s, cid, sec[key].id, data={"rows": rows})
    return doc


def test_first_draft_from_the_french_template(db):
    cid, _, _ = _client(db)
    with db.session() as s:
        doc = charter.ensure_charter(s, cid)
    assert doc.version.number == 1 and doc.version.status == "draft"
    assert [x.key for x in doc.sections][:3] == ["context", "objectives", "networks"]
    assert doc.section("delays").title == "Délais de réponse"
    assert doc.section("escalation").guidance
    # the empty tables are flagged, the template's delays are complete
    assert not doc.section("delays").issues
    with db.session() as s:  # idempotent
        assert charter.ensure_charter(s, cid).version.id == doc.version.id
        assert audit.count(s, client_id=cid, action="charter.created") == 1


def test_save_validate_and_issues(db):
    cid, contact, _ = _client(db)
    with db.session() as s:
        doc = charter.ensure_charter(s, cid)
    esc = doc.section("escalation")
    with db.session() as s:
        saved = charter.save_section(
            s, cid, esc.id, data={"rows": [{"category": "complaint", "topic": ""}]}
        )
    assert [i.column for i in saved.issues] == ["contact", "delay"]
    assert "Row 1" in saved.issues[0].message
    # wrong shapes are refused and nothing changes
    bad = [
        {"rows": [{"category": "nonsense", "contact": contact, "delay": 60}]},
        {"rows": [{"category": "complaint", "contact": 99999, "delay": 60}]},
        {"rows": [{"category": "complaint", "contact": contact, "delay": -5}]},
        {"rows": [{"category": "complaint", "colour": "red"}]},
    ]
    for data in bad:
        with pytest.raises(ValidationError, match="Row 1"), db.session() as s:
            charter.save_section(s, cid, esc.id, data=data)
    mod = doc.section("moderation")
    with pytest.raises(ValidationError, match="criticism is never"), db.session() as s:
        charter.save_section(
            s, cid, mod.id, data={"rows": [{"key": "criticism", "actions": ["delete"]}]}
        )
    with db.read() as s:
        again = charter.load(s, cid)
    assert again.section("escalation").data == {"rows": [{"category": "complaint", "topic": ""}]}
    assert again.section("moderation").data == mod.data
    # a category without delay is an issue
    delays = again.section("delays")
    rows = [r for r in delays.data["rows"] if r["category"] != "praise"]
    with db.session() as s:
        saved = charter.save_section(s, cid, delays.id, data={**delays.data, "rows": rows})
    assert any("praise" in i.message for i in saved.issues)


def test_rich_text_body_kept_and_stale_revision_refused(db):
    cid, _, _ = _client(db)
    with db.session() as s:
        sec = charter.ensure_charter(s, cid).section("context")
        saved = charter.save_section(
            s, cid, sec.id, html="<html><head><style>p{}</style></head><body><p>Fête 🌸</p></body>"
        )
    assert saved.html == "<p>Fête 🌸</p>" and saved.revision == sec.revision + 1
    with pytest.raises(Conflict), db.session() as s:
        charter.save_section(s, cid, sec.id, html="<p>x</p>", expected_revision=sec.revision)


def test_sign_freezes_and_new_draft_copies(db):
    cid, contact, _ = _client(db)
    doc = _complete(db, cid, contact)
    scan = b"%PDF-1.4 signed scan"
    with db.session() as s:
        charter_signing.send_for_signature(s, cid, doc.version.id)
        v = charter_signing.record_signature(
            s, cid, doc.version.id, SIGNERS, scan=scan, scan_filename="/tmp/charte signée.pdf"
        )
    assert v.status == "signed" and v.scan_sha256 == hashlib.sha256(scan).hexdigest()
    with db.read() as s:
        assert charter_signing.scan_of(s, cid, v.id) == (
            "charte signée.pdf",
            scan,
            hashlib.sha256(scan).hexdigest(),
        )
        signed = charter.load(s, cid)
    assert {g.side for g in signed.signatories} == {"agency", "client"}
    sec = signed.section("context")
    with pytest.raises(Conflict, match="signed and frozen"), db.session() as s:
        charter.save_section(s, cid, sec.id, html="<p>changed</p>")
    with pytest.raises(Conflict), db.session() as s:
        charter.reorder_sections(s, cid, v.id, [x.key for x in reversed(signed.sections)])
    with db.session() as s:
        draft = charter.start_new_draft(s, cid)
        assert draft.version.number == 2 and draft.version.based_on_id == v.id
        charter.save_section(s, cid, draft.section("context").id, html="<p>Nouveau contexte</p>")
        keys = [x.key for x in draft.sections]
        keys.remove("style")
        keys.insert(0, "style")
        charter.reorder_sections(s, cid, draft.version.id, keys)
    with db.read() as s:
        assert charter.load(s, cid).sections[0].key == "style"
        assert charter.load(s, cid, 1).section("context").html == signed.section("context").html
        versions = charter.list_versions(s, cid)
        cmp = compare_versions(s, cid, 1, 2)
    assert [(x.number, x.status) for x in versions] == [(2, "draft"), (1, "signed")]
    changed = {d.key: d for d in cmp.changed}
    assert set(changed) == {"context"}
    assert "Nouveau contexte" in changed["context"].diff_html
    assert "line-through" in changed["context"].diff_html


def test_signing_twice_supersedes_and_bad_inputs(db):
    cid, contact, _ = _client(db)
    doc = _complete(db, cid, contact)
    with pytest.raises(ValidationError, match="agency and for the client"), db.session() as s:
        charter_signing.record_signature(s, cid, doc.version.id, SIGNERS[:1])
    with pytest.raises(ValidationError, match="PDF"), db.session() as s:
        charter_signing.record_signature(s, cid, doc.version.id, SIGNERS, scan=b"GIF89a")
    with db.read() as s:
        assert charter.load(s, cid).version.status == "draft"
    t1 = dt.datetime(2026, 1, 10, 9, tzinfo=dt.UTC)
    t2 = dt.datetime(2026, 6, 10, 9, tzinfo=dt.UTC)
    with db.session() as s:
        charter_signing.record_signature(s, cid, doc.version.id, SIGNERS, signed_at=t1)
        d2 = charter.start_new_draft(s, cid)
        charter_signing.record_signature(s, cid, d2.version.id, SIGNERS, signed_at=t2)
    with db.read() as s:
        versions = {v.number: v.status for v in charter.list_versions(s, cid)}
        assert versions == {1: "superseded", 2: "signed"}
        assert rules_in_force(s, cid, t1 + dt.timedelta(days=1)).version_number == 1
        assert rules_in_force(s, cid, t2 + dt.timedelta(days=1)).version_number == 2
        with pytest.raises(NotFound, match="no charter version 7"):
            charter.load(s, cid, 7)


def test_rules_in_force_reads_the_charter(db):
    cid, contact, other = _client(db)
    with db.read() as s:
        assert rules_in_force(s, cid).status == "none"
    doc = _complete(db, cid, contact)
    with db.session() as s:
        style = doc.section("style")
        charter.save_section(
            s,
            cid,
            style.id,
            data={**style.data, "register": "tu", "watch_words": ["Saint-Valentin", "retard"]},
        )
        delays = doc.section("delays")
        hours = {**delays.data["business_hours"], "closed_days": ["2026-12-24"]}
        hours["days"]["5"] = [["10:00", "13:00"]]
        charter.save_section(s, cid, delays.id, data={**delays.data, "business_hours": hours})
        esc = doc.section("escalation")
        charter.save_section(
            s,
            cid,
            esc.id,
            data={
                "rows": [
                    {"category": "complaint", "contact": contact, "delay": 240},
                    {"topic": "données personnelles", "contact": other, "delay": 60},
                    {"category": "question"},  # incomplete: left out of the rules
                ]
            },
        )
    with db.read() as s:
        rules = rules_in_force(s, cid)
    assert rules.status == "draft" and not rules.signed and rules.version_number == 1
    assert rules.delay_for("complaint").first_answer_minutes == 120
    assert rules.business_hours.days[5] == ((dt.time(10), dt.time(13)),)
    assert dt.date(2026, 12, 24) in rules.business_hours.extra_closed_days
    assert rules.business_hours.public_holidays_country == "FR"
    assert rules.escalation_for("question", "mes données personnelles").contact_name == (
        "Nadia Chérif"
    )
    assert rules.escalation_for("complaint").answer_within_minutes == 240
    assert len(rules.escalation) == 2
    assert rules.style.register == "tu" and "retard" in rules.watch_words
    assert rules.network("facebook").best_hours[1] == (dt.time(18), dt.time(20))
    assert rules.network("facebook").content_mix == {"produits": 50, "coulisses": 50}
    assert rules.objectives[0].target == 4.5
    assert rules.moderation_rule("hate").requires_second_approval
    assert rules.crisis_contacts == ("Sophie Garnier",)


def test_sections_are_scoped_by_client(db):
    cid, _, _ = _client(db)
    other, _, _ = _client(db, "Boulangerie")
    with db.session() as s:
        sec = charter.ensure_charter(s, cid).section("context")
    with pytest.raises(NotFound), db.session() as s:
        charter.save_section(s, other, sec.id, html="<p>intrus</p>")
    with db.read() as s:
        row = s.scalars(select(CharterSection).where(CharterSection.id == sec.id)).one()
        assert "intrus" not in row.html
