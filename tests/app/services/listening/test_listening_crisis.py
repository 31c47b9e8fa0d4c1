"""Crisis signals with the charter's thresholds, and alerts e-mailed to the charter's crisis
contacts through a real SMTP server on loopback (aiosmtpd)."""

from __future__ import annotations

import datetime as dt
import socket

import pytest
from sqlalchemy import select

from app.connectors.contract import IncomingMessage
from app.connectors.search.base import Found
from app.models.listening import CrisisAlert
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.inbox.escalation_smtp import SmtpSettings, save_settings
from app.services.inbox.ingest import ingest_messages
from app.services.listening import store
from app.services.listening.alerts import check_and_alert
from app.services.listening.crisis import detect
from app.services.listening.thresholds import parse_thresholds, thresholds_for

NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)
CRISIS_HTML = (
    "<h3>Signaux d'alerte</h3><ul><li>Plus de 4 messages négatifs sur un même sujet en une "
    "heure.</li><li>Reprise par un média ou un compte de plus de 20 000 abonnés.</li></ul>"
)


def make_client(db, *, with_charter=True) -> int:
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        a = clients.save_contact(s, cid, name="Sophie Garnier", role="SAV", email="sophie@aq.fr")
        b = clients.save_contact(s, cid, name="Marc Olivier", role="Dir", email="marc@aq.fr")
    if with_charter:
        with db.session() as s:
            doc = charter.ensure_charter(s, cid)
            sec = {x.key: x for x in doc.sections}
            charter.save_section(
                s, cid, sec["crisis"].id, html=CRISIS_HTML,
                data={"rows": [{"contact": a.id, "how": "téléphone"},
                               {"contact": b.id, "how": "SMS"}]},
            )  # fmt: skip
            style = dict(sec["style"].data or {})
            style["watch_words"] = ["intoxication"]
            charter.save_section(s, cid, sec["style"].id, data=style)
    return cid


def inbox(db, cid, texts_at: list[tuple[str, dt.datetime]], handle="client"):
    with db.session() as s:
        ingest_messages(
            s, cid,
            [IncomingMessage("facebook", f"m{i}-{at.timestamp()}", "comment", "Client", handle,
                             text, at) for i, (text, at) in enumerate(texts_at)],
        )  # fmt: skip


def listening(db, cid, texts_at, followers=10, handle="fan"):
    with db.session() as s:
        store.save_items(
            s, cid, None, "x",
            [Found(f"x{i}-{at.timestamp()}-{handle}", handle.title(), handle, text, "", at,
                   followers) for i, (text, at) in enumerate(texts_at)],
            {},
        )  # fmt: skip


def calm_month(db, cid):
    """A complaint every four hours for four weeks, and nice words on the networks."""
    inbox(db, cid, [("Colis jamais reçu, remboursez-moi", NOW - dt.timedelta(hours=4 * k + 1.5))
                    for k in range(168)])  # fmt: skip
    listening(
        db, cid, [("Merci, bouquet magnifique", NOW - dt.timedelta(hours=k)) for k in range(50)]
    )


def test_thresholds_are_read_from_the_charter_sentences():
    fr = parse_thresholds(
        "Plus de 10 messages négatifs sur un même sujet en une heure.\n"
        "Reprise par un média ou un compte de plus de 50 000 abonnés. Trois fois, 2,5 fois"
    )
    assert fr == {"complaints_per_hour": 10, "influencer_followers": 50_000, "factor": 2.5}
    en = parse_thresholds("An account with more than 20k followers; 15 complaints per hour")
    assert en == {"influencer_followers": 20_000, "complaints_per_hour": 15}
    assert parse_thresholds("Call Sophie by phone") == {}


def test_thresholds_for_a_client_with_and_without_charter(db):
    cid = make_client(db)
    other = make_client_named(db, "Sans charte")
    with db.read() as s:
        t = thresholds_for(s, cid, NOW)
        d = thresholds_for(s, other, NOW)
    assert (t.complaints_per_hour, t.influencer_followers) == (4, 20_000)
    assert t.contacts == (("Sophie Garnier", "sophie@aq.fr"), ("Marc Olivier", "marc@aq.fr"))
    assert t.watch_words == ("intoxication",)
    assert (d.complaints_per_hour, d.influencer_followers, d.source) == (10, 50_000, frozenset())


def make_client_named(db, name):
    with db.session() as s:
        return clients.create_client(s, name).id


def test_a_calm_period_fires_nothing(db):
    cid = make_client(db)
    calm_month(db, cid)
    inbox(db, cid, [("Toujours pas reçu", NOW - dt.timedelta(minutes=20))])
    with db.read() as s:
        assert detect(s, cid, NOW) == []


def test_a_complaint_spike_fires_the_charters_signal(db):
    cid = make_client(db)
    calm_month(db, cid)
    inbox(db, cid, [("Scandale, remboursez !", NOW - dt.timedelta(minutes=m)) for m in range(5)])
    with db.read() as s:
        signals = detect(s, cid, NOW)
    assert [x.key for x in signals] == ["complaints"]
    assert "5 complaints" in signals[0].reason and "threshold: 4" in signals[0].reason
    # the same spike is under the default threshold (10) of a client without charter
    other = make_client_named(db, "Sans charte")
    calm_month(db, other)
    inbox(db, other, [("Scandale, remboursez !", NOW - dt.timedelta(minutes=m)) for m in range(5)])
    with db.read() as s:
        assert detect(s, other, NOW) == []


def test_negative_listening_spike_influencer_and_watch_words(db):
    cid = make_client(db)
    calm_month(db, cid)
    listening(db, cid, [("Arnaque, jamais plus", NOW - dt.timedelta(minutes=m)) for m in range(6)])
    listening(db, cid, [("Intoxication après le dîner, honteux", NOW - dt.timedelta(minutes=3))],
              followers=25_000, handle="journaliste")  # fmt: skip
    with db.read() as s:
        signals = {x.key: x.reason for x in detect(s, cid, NOW)}
    assert set(signals) == {"negative_spike", "influencer", "watch_words"}
    assert "Journaliste" in signals["influencer"] and "25\u202f000" in signals["influencer"]
    assert "intoxication" in signals["watch_words"]


def test_an_inbox_complaint_from_an_author_known_as_influential(db):
    cid = make_client(db)
    with db.session() as s:
        store.save_authors(s, cid, "facebook", {"vedette": ("La Vedette", 90_000)}, NOW)
    inbox(db, cid, [("Déçue, colis jamais reçu", NOW - dt.timedelta(minutes=5))], handle="vedette")
    with db.read() as s:
        signals = detect(s, cid, NOW)
    assert [x.key for x in signals] == ["influencer"]
    assert "90\u202f000" in signals[0].reason


@pytest.fixture
def smtp():
    from aiosmtpd.controller import Controller

    class Handler:
        def __init__(self):
            self.mails = []

        async def handle_DATA(self, server, session, envelope):
            self.mails.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
            return "250 Message accepted for delivery"

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = Handler()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    yield handler, port
    controller.stop()


def test_the_alert_reaches_the_crisis_contacts_once_and_is_logged(db, smtp):
    handler, port = smtp
    cid = make_client(db)
    with db.session() as s:
        save_settings(s, cid, SmtpSettings("127.0.0.1", port, "", "veille@agence.fr", False))
    calm_month(db, cid)
    assert check_and_alert(db, cid, now=NOW) == []  # calm: nobody is bothered
    inbox(db, cid, [("Scandale, remboursez !", NOW - dt.timedelta(minutes=m)) for m in range(6)])
    told = check_and_alert(db, cid, now=NOW)
    assert [(o.signal, o.delivery) for o in told] == [("complaints", "sent")]
    assert len(handler.mails) == 1
    sender, rcpts, content = handler.mails[0]
    assert sender == "veille@agence.fr"
    assert sorted(rcpts) == ["marc@aq.fr", "sophie@aq.fr"]
    assert b"Aquarelle" in content and b"6 complaints" in content
    # the same signal in the same hour is not sent again (by this seat or another)
    assert check_and_alert(db, cid, now=NOW + dt.timedelta(minutes=10)) == []
    assert len(handler.mails) == 1
    with db.read() as s:
        logged = s.execute(select(CrisisAlert.signal, CrisisAlert.recipients,
                                  CrisisAlert.delivery)).all()  # fmt: skip
    assert logged == [("complaints", ["sophie@aq.fr", "marc@aq.fr"], "sent")]


def test_an_alert_without_smtp_is_still_logged_with_the_reason(db):
    cid = make_client(db)
    inbox(db, cid, [("Scandale, remboursez !", NOW - dt.timedelta(minutes=m)) for m in range(6)])
    told = check_and_alert(db, cid, now=NOW)
    assert [o.signal for o in told] == ["complaints"]
    assert "SMTP" in told[0].delivery
    with db.read() as s:
        assert s.scalar(select(CrisisAlert.delivery)) == told[0].delivery
