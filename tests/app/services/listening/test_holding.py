"""The crisis holding message: read from the charter's crisis procedure, drafted per network
within each network's limit, in review until a lead approves it."""

from __future__ import annotations

import datetime as dt

from app.services.calendar.posts import get_post
from app.services.charter import versions as charter
from app.services.clients import workspaces as clients
from app.services.listening.holding import draft_holding_posts, fit, holding_message

NOW = dt.datetime(2026, 11, 20, 15, 30, tzinfo=dt.UTC)
WORDS = (
    "Nous avons bien vu vos messages et nous prenons le sujet très au sérieux. Nous revenons "
    "vers vous avant ce soir avec des réponses précises."
)
CRISIS = (
    "<h3>Signaux d'alerte</h3><ul><li>Plus de 10 messages négatifs en une heure.</li></ul>"
    f"<h3>Message d'attente</h3><p>« {WORDS} »</p><h3>Qui parle</h3><p>La direction.</p>"
)


def _client(db, crisis_html: str | None, language: str = "fr") -> int:
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle", language=language).id
        for network, handle in (("x", "@aquarelle"), ("facebook", "123"), ("rss", "feed")):
            clients.add_account(s, cid, network, handle, base_url="https://example.test")
    if crisis_html is not None:
        with db.session() as s:
            doc = charter.ensure_charter(s, cid)
            crisis = next(x for x in doc.sections if x.key == "crisis")
            charter.save_section(s, cid, crisis.id, html=crisis_html)
    return cid


def test_the_charters_holding_message_is_drafted_per_network_for_approval(db):
    cid = _client(db, CRISIS)
    with db.read() as s:
        message = holding_message(s, cid, NOW)
    assert message.from_charter and message.text == WORDS  # quotes and next section left out
    with db.session() as s:
        post = draft_holding_posts(s, cid, now=NOW)
    with db.read() as s:
        post = get_post(s, cid, post.id)
    assert post.status == "in_review"  # nothing leaves before a lead approves it
    assert post.planned_at == NOW + dt.timedelta(minutes=10)
    texts = {v.network: v.text for v in post.variants}
    assert set(texts) == {"x", "facebook"}  # the networks it publishes on; not the feed
    assert texts["facebook"] == WORDS
    assert len(texts["x"]) <= 280 and texts["x"] == WORDS  # fits whole
    assert "charter" in post.notes or "charte" in post.notes


def test_without_a_holding_message_the_default_words_in_the_clients_language(db):
    fr = _client(db, "<h3>Signaux d'alerte</h3><p>Dix plaintes par heure.</p>")
    with db.session() as s:
        en = clients.create_client(s, "Cloudy", language="en").id
    with db.read() as s:
        default_fr, default_en = holding_message(s, fr, NOW), holding_message(s, en, NOW)
    assert not default_fr.from_charter and "sérieux" in default_fr.text
    assert not default_en.from_charter and "seriously" in default_en.text


def test_hostile_markup_in_the_charter_comes_out_as_plain_text(db):
    cid = _client(db, "<h3>Holding statement</h3><p>We <b>hear</b> you<img src='/etc/passwd'>.</p>")
    with db.read() as s:
        assert holding_message(s, cid, NOW).text == "We hear you."


def test_fit_keeps_whole_sentences_then_whole_words():
    assert fit("Un. Deux trois. Quatre.", 16) == "Un. Deux trois."
    cut = fit("Nous prenons le sujet très au sérieux ici", 20)
    assert len(cut) <= 20 and cut.endswith("…") and " " in cut
    assert fit("court", 300) == "court"
