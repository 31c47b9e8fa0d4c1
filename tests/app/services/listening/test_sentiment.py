"""Listening sentiment: French and English negation, intensifiers, emoji, the words that
decided — and its accuracy measured on labelled French/English posts in tests/data/sentiment
(printed: run with ``-s`` to read it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.services.listening.sentiment import explain, sentiment

DATA = Path(__file__).resolve().parents[3] / "data" / "sentiment"
# The corpus's sets, with the accuracy this version reaches and a floor the rules must keep.
# dev/heldout/dev2 were read while writing the rules; "blind" never was (see each header).
FLOORS = {"dev": 0.95, "heldout": 0.95, "dev2": 0.9, "blind": 0.55}
# the former bare word list (before negation and intensifiers) on the blind set: 21/56
OLD_BLIND = 21 / 56


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pas bon", "negative"),
        ("not good", "negative"),
        ("Commande jamais reçue", "negative"),
        ("I never received it", "negative"),
        ("Le support ne répond pas", "negative"),
        ("It doesn't work", "negative"),
        ("pas mal du tout", "positive"),  # a negative word negated
        ("Never disappointed", "positive"),
        ("Je ne recommande pas", "negative"),  # ne … pas around the verb
        ("Plus jamais !", "negative"),
        ("Merci pour rien", "negative"),
        ("Couldn't be happier", "positive"),
        ("😡😡", "negative"),
        ("👍", "positive"),
        ("Livraison demain", "neutral"),
        ("C’est une arnaque", "negative"),  # typographic apostrophe
        ("ÉCŒURÉE", "negative"),  # case, accents and the œ ligature
    ],
)
def test_negation_emoji_and_phrases_in_french_and_english(text, expected):
    assert sentiment(text) == expected, explain(text)


def test_intensifiers_and_dampeners_weigh_the_next_word():
    assert explain("très déçu").score < explain("déçu").score < 0
    assert explain("really great").score > explain("great").score > 0
    assert explain("plutôt déçu").score > explain("déçu").score
    assert explain("Super déçue !!!").score < explain("Super déçue").score  # "!" strengthens


def test_after_but_counts_more_than_before():
    verdict = explain("Les fleurs sont belles mais livrées en retard et abîmées")
    assert verdict.label == "negative"
    assert [r.words for r in verdict.reasons] == ["belles", "retard", "abimees"]
    assert verdict.reasons[0].weight == 1  # halved by "mais"


def test_the_words_that_decided_are_given():
    verdict = explain("Commande jamais reçue 😡, pas bon du tout")
    assert verdict.label == "negative"
    assert [(r.words, r.weight) for r in verdict.reasons] == [
        ("jamais recue", -2),
        ("😡", -2),
        ("pas bon", -1.5),
    ]
    assert verdict.because() == "« jamais recue » −2, « 😡 » −2, « pas bon » −1.5"
    assert explain("Livraison prévue demain").reasons == ()


def _rows(name: str) -> list[tuple[str, str]]:
    lines = (DATA / f"{name}.tsv").read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t", 1)) for line in lines if line and not line.startswith("#")]


def test_accuracy_on_the_labelled_corpus(capsys):
    results = {}
    for name, floor in FLOORS.items():
        rows = _rows(name)
        assert len(rows) >= 40 and {label for label, _ in rows} == {
            "negative",
            "neutral",
            "positive",
        }
        right = sum(sentiment(text) == label for label, text in rows)
        results[name] = (right, len(rows))
        negatives = [(label, text) for label, text in rows if label == "negative"]
        caught = sum(sentiment(text) == "negative" for _, text in negatives)
        with capsys.disabled():
            print(
                f"\nsentiment {name}: {right}/{len(rows)} = {right / len(rows):.1%} "
                f"(negatives caught {caught}/{len(negatives)})"
            )
        assert right / len(rows) >= floor, (name, right, len(rows))
    right, total = results["blind"]
    assert right / total > OLD_BLIND + 0.15  # well above the bare word list
