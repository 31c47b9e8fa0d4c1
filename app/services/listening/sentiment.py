"""Sentiment of a listening item: French and English rules that say which words decided.

Not a language model (none well kept for French and English is on the package registry;
VADER is English only): a weighted lexicon (:mod:`.sentiment_lexicon`) read with a few rules,
after the idea of VADER (Hutto & Gilbert, 2014):

* phrases before words ("plus jamais", "pas terrible", "merci pour rien", "not bad");
* negation: "pas", "jamais", "ne/n'", "aucun", "sans", "not", "never", "n't", "no"… turn the
  next two words of the clause (little words like "du tout", "ai", "été" skipped): a
  positive word becomes negative ("pas bon", "not good"), a negative one mildly positive
  ("pas déçue", "never disappointed"), and an expected thing that did not happen is a
  complaint ("jamais reçu", "not delivered", "ne répond pas");
* intensifiers ("très", "vraiment", "so", "really" ×1.5) and dampeners ("plutôt", "a bit"
  ×0.5) on the next word; after "mais"/"but" counts more than before it;
* emoji and emoticons (😡 👎 🙄 … 😍 👍 🙏 …, ":)" ":(");
* "!" strengthens what was said.

The sum decides: ≤ −1 → ``negative``, ≥ +1 → ``positive``, else ``neutral``.
:func:`explain` gives the words that decided, with their weight, for the CM who corrects
it. Accents and case are ignored. Measured on the corpus in ``tests/data/sentiment``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.services.listening.sentiment_lexicon import (
    EMOJI,
    EXPECTED,
    INTENSIFIERS,
    NEGATORS,
    PHRASES,
    SKIP,
    WORDS,
)

SCOPE = 2  # content words a negator turns
NEGATED_POSITIVE = -0.75  # "pas bon": a positive word negated
NEGATED_NEGATIVE = -0.5  # "pas déçue": a negative word negated turns mildly positive
NEGATED_EXPECTED = -2.0  # "jamais reçu"
BUT = ("mais", "but", "cependant", "however", "pourtant")
LONGEST = max(len(p) for p in PHRASES)
_EMOTICONS = sorted((e for e in EMOJI if e.isascii()), key=len, reverse=True)
_TOKEN = re.compile(
    "|".join(re.escape(e) for e in _EMOTICONS)
    + r"|[a-z0-9]+|[.!?;,…:]|[^\sa-z0-9]"  # words, clause ends, any other sign (emoji)
)
_CLAUSE_END = frozenset(".?;,…:")


@dataclass(frozen=True)
class Reason:
    words: str  # as read (folded): "jamais recu", "😡"
    weight: float  # what it added to the score


@dataclass(frozen=True)
class Verdict:
    label: str  # negative, neutral, positive
    score: float
    reasons: tuple[Reason, ...]

    def because(self) -> str:
        """The words that decided, strongest first: « jamais recu » −2, « 😡 » −2."""
        strongest = sorted(self.reasons, key=lambda r: -abs(r.weight))
        return ", ".join(f"« {r.words} » {_signed(r.weight)}" for r in strongest)


def _signed(value: float) -> str:
    text = f"{value:+.1f}".rstrip("0").rstrip(".")
    return text.replace("-", "−")


def _fold(text: str) -> str:
    text = text.casefold().replace("’", "'").replace("\ufe0f", "")
    decomposed = unicodedata.normalize("NFKD", text.replace("œ", "oe").replace("æ", "ae"))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    # English "n't" is a negation: "don't" → "do not"; other apostrophes split words
    folded = re.sub(r"n't\b", " not", folded)
    return folded.replace("'", " ")


def tokens(text: str) -> list[str]:
    return [
        t
        for t in _TOKEN.findall(_fold(text or ""))
        if t.isalnum() or t in EMOJI or t in _CLAUSE_END or t == "!"  # other signs: nothing
    ]


def explain(text: str) -> Verdict:
    """The label, the score and the words that decided it."""
    words = tokens(text)
    reasons: list[Reason] = []
    negated_until = -1  # index up to which the words are negated (this clause)
    negation_left = 0
    boost = 1.0
    i = 0
    while i < len(words):
        word = words[i]
        if word in _CLAUSE_END:
            negation_left, boost = 0, 1.0
            i += 1
            continue
        if word in BUT:
            reasons = [Reason(r.words, r.weight * 0.5) for r in reasons]
            negation_left, boost = 0, 1.0  # what came before "but" counts half
            i += 1
            continue
        phrase = _phrase(words, i)
        if phrase is not None:
            size, phrase_weight = phrase
            reasons.append(Reason(" ".join(words[i : i + size]), phrase_weight * boost))
            negation_left, boost = 0, 1.0
            i += size
            continue
        if word in EMOJI:
            reasons.append(Reason(word, EMOJI[word]))
            i += 1
            continue
        negated = negation_left > 0
        weight = WORDS.get(word)
        if word in INTENSIFIERS and _next_weighs(words, i):
            boost *= INTENSIFIERS[word]
            i += 1
            continue
        if word in NEGATORS and not (negated and word in ("ne", "n")):
            negation_left, negated_until = SCOPE, i
            i += 1
            continue
        if word in EXPECTED and negated:
            reasons.append(Reason(" ".join(words[negated_until : i + 1]), NEGATED_EXPECTED))
            negation_left, boost = 0, 1.0
        elif weight is not None:
            if negated:
                # "pas bon" is as clearly negative as "pas génial": at least the weight 2's
                turned = (
                    max(weight, 2) * NEGATED_POSITIVE if weight > 0 else weight * NEGATED_NEGATIVE
                )
                said = " ".join(words[negated_until : i + 1])
                reasons.append(Reason(said, turned * boost))
                negation_left = 0
            else:
                reasons.append(Reason(word, weight * boost))
            boost = 1.0
        elif word not in SKIP and negation_left:
            negation_left -= 1
        i += 1
    score = sum(r.weight for r in reasons)
    if score and "!" in words:
        score += min(words.count("!"), 3) * 0.3 * (1 if score > 0 else -1)
    label = "negative" if score <= -1 else "positive" if score >= 1 else "neutral"
    return Verdict(label, round(score, 2), tuple(reasons))


def _phrase(words: list[str], i: int) -> tuple[int, float] | None:
    for size in range(min(LONGEST, len(words) - i), 1, -1):
        weight = PHRASES.get(tuple(words[i : i + size]))
        if weight is not None:
            return size, weight
    return None


def _next_weighs(words: list[str], i: int) -> bool:
    """Whether the word after ``words[i]`` carries a weight (so ``words[i]`` intensifies)."""
    nxt = words[i + 1] if i + 1 < len(words) else ""
    return nxt in WORDS or nxt in INTENSIFIERS or nxt in NEGATORS


def score(text: str) -> float:
    return explain(text).score


def sentiment(text: str) -> str:
    """``negative``, ``neutral`` or ``positive``."""
    return explain(text).label
