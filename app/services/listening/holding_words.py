"""What a seat is told once it asked for the crisis holding message: the same words wherever it
asked (the inbox's crisis banner, the listening area, ``tribune listening holding``).

Drafting is idempotent across seats (one post per crisis episode), so the words must say
whether this click drafted it or found the one another seat drafted, which networks it went
to, and which networks were left out and why.
"""

from __future__ import annotations

from app.i18n import translate
from app.networks import network_label
from app.services.listening.holding import HoldingDraftInfo


def drafted_words(result: HoldingDraftInfo) -> str:
    """One paragraph in the reader's language, network names as the networks spell them."""
    networks = ", ".join(network_label(v.network) for v in result.post.variants)
    if result.created:
        text = translate(
            "Holding",
            "Holding message drafted for {networks}: it waits in the calendar for a "
            "lead's approval.",
        )
    else:  # this crisis's was drafted already, maybe on another seat: the same post
        text = translate(
            "Holding",
            "The holding message of this crisis was already drafted ({networks}): it "
            "waits in the calendar for a lead's approval.",
        )
    return " ".join((text.format(networks=networks), *result.left_out))
