"""The demo agency reads like real French clients (issue #14): every inbox template and post
text, for every client, is free of the known mistakes ("J'adore roses", "de le", "de
anémones", "les pain"), and reviews only arrive on a network that has them."""

from __future__ import annotations

import random
import re

import pytest

from app.demo import calendar_texts
from app.demo.inbox import _kind, _text
from app.demo.inbox_texts import EN, REVIEW_NETWORKS, TEMPLATES, VOCAB

KNOWN_MISTAKES = [
    r"\bde le\b",
    r"\bà le\b",
    r"\bde les\b",
    r"\bà les\b",
    r"\b[Dd]e [aeiouéèêâîôû]",  # "de anémones": d'
    r"\b[Qq]ue [aeiouéèêâîôû]",  # "que il": qu'
    # "J'adore roses": a noun without its determiner
    r"J'adore (?!(?:les|des|vos|nos|ces|mes|le|la|votre|notre|ce|cette|mon|ma)\b|l')\w",
    r"\bles (pain|croissant|bouquet)\b",  # a plural article before a singular noun
    r"\{[a-zA-Z_]*\}",  # a placeholder left unfilled
]


def _all_texts(slug: str, language: str) -> list[str]:
    table = EN if language == "en" else TEMPLATES
    out = []
    for category, templates in table.items():
        for i in range(len(templates)):

            class Pick(random.Random):
                def choice(self, seq, i=i):
                    return seq[i]

            out.append(_text(Pick(), slug, category, language))
    return out


@pytest.mark.parametrize("slug", [s for s in VOCAB if s != "nuage-logiciel"])
def test_french_inbox_messages_have_no_known_mistake(slug):
    texts = _all_texts(slug, "fr")
    assert len(texts) == sum(len(t) for t in TEMPLATES.values())
    for text in texts:
        for pattern in KNOWN_MISTAKES:
            assert not re.search(pattern, text), (pattern, text)
        assert text[0].isupper() or not text[0].isalpha(), text


def test_english_client_messages_are_english_and_filled():
    for text in _all_texts("nuage-logiciel", "en"):
        assert not re.search(r"\{[a-zA-Z_]*\}", text), text
        assert text[0].isupper(), text


def test_post_texts_have_no_known_mistake():
    fillers = calendar_texts.FILLERS
    for slug, (_per_week, _hours, themes, specials) in calendar_texts.CONTENT.items():
        samples = [t for _cat, _weight, texts in themes for t in texts] + list(specials.values())
        for sample in samples:
            for flower in fillers["flower"]:
                for bread in fillers["bread"]:
                    text = sample.replace("{flower}", flower).replace("{bread}", bread)
                    for pattern in KNOWN_MISTAKES[:-1]:
                        assert not re.search(pattern, text), (slug, pattern, text)


def test_reviews_only_on_networks_that_have_them():
    rng = random.Random(7)
    kinds = {n: {_kind(rng, n) for _ in range(300)} for n in ("facebook", "instagram", "mastodon")}
    assert "review" in kinds["facebook"]
    for network in ("instagram", "mastodon"):
        assert "review" not in kinds[network] and "comment" in kinds[network]
    assert set(REVIEW_NETWORKS) == {"facebook"}
    # a question is never a review
    assert "review" not in {_kind(rng, "facebook", "question") for _ in range(300)}
