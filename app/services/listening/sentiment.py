"""Sentiment of a listening item from a small French and English lexicon.

This is a word list, not a language model: each negative word counts −1, each positive word
+1, a negation just before a positive word ("pas terrible", "not great") makes it negative.
The sum decides: below 0 → ``negative``, above 0 → ``positive``, else ``neutral``. Accents and
case are ignored. It is a first sorting the community manager corrects, as the inbox's
category guess is.
"""

from __future__ import annotations

import re
import unicodedata

NEGATIVE = frozenset(
    (
        "arnaque",
        "arnaques",
        "arnaqueur",
        "honte",
        "honteux",
        "scandale",
        "scandaleux",
        "inadmissible",
        "inacceptable",
        "nul",
        "nuls",
        "nulle",
        "decu",
        "decue",
        "decus",
        "decevant",
        "decevante",
        "deception",
        "plainte",
        "plaintes",
        "rembourse",
        "remboursement",
        "remboursez",
        "boycott",
        "boycottez",
        "pire",
        "horrible",
        "catastrophe",
        "catastrophique",
        "panne",
        "pannes",
        "casse",
        "cassee",
        "retard",
        "retards",
        "jamais",
        "arnaquer",
        "mensonge",
        "menteur",
        "menteurs",
        "degoutant",
        "degoute",
        "colere",
        "furieux",
        "furieuse",
        "lamentable",
        "mediocre",
        "probleme",
        "problemes",
        "toxique",
        "dangereux",
        "danger",
        "rappel",
        "intoxication",
        "malade",
        "plainte",
        "fraude",
        "escroquerie",
        "scam",
        "scams",
        "fraud",
        "refund",
        "awful",
        "terrible",
        "worst",
        "broken",
        "disappointed",
        "disappointing",
        "hate",
        "angry",
        "furious",
        "useless",
        "complaint",
        "complaints",
        "boycott",
        "lawsuit",
        "dangerous",
        "toxic",
        "recall",
        "outage",
        "delay",
        "delayed",
        "rude",
        "liar",
        "lies",
    )
)
POSITIVE = frozenset(
    (
        "merci",
        "bravo",
        "genial",
        "geniale",
        "super",
        "top",
        "adore",
        "adorons",
        "excellent",
        "excellente",
        "parfait",
        "parfaite",
        "magnifique",
        "formidable",
        "recommande",
        "ravi",
        "ravie",
        "heureux",
        "heureuse",
        "felicitations",
        "efficace",
        "rapide",
        "delicieux",
        "delicieuse",
        "beau",
        "belle",
        "love",
        "loved",
        "lovely",
        "great",
        "thanks",
        "thank",
        "amazing",
        "awesome",
        "perfect",
        "excellent",
        "recommend",
        "happy",
        "wonderful",
        "fantastic",
        "delicious",
    )
)
NEGATIONS = frozenset(["pas", "not", "never", "jamais", "plus", "aucun", "no"])
_WORD = re.compile(r"[a-z0-9']+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def score(text: str) -> int:
    words = [w.strip("'").split("'")[-1] for w in _WORD.findall(_fold(text or ""))]
    total = 0
    for i, word in enumerate(words):
        if word in NEGATIVE:
            total -= 1
        elif word in POSITIVE:
            negated = (i > 0 and words[i - 1] in NEGATIONS) or (i > 1 and words[i - 2] in NEGATIONS)
            total += -1 if negated else 1
    return total


def sentiment(text: str) -> str:
    """``negative``, ``neutral`` or ``positive``."""
    value = score(text)
    return "negative" if value < 0 else "positive" if value > 0 else "neutral"
