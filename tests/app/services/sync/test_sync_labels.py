"""Health labels: a translated explanation first, the network's own (English) words kept."""

from __future__ import annotations

from app.i18n import install_translators
from app.services.sync.health import outcome_label, status_label

META = "Error validating access token: Session has expired (OAuthException, code 190)"


def test_reconnect_label_explains_then_quotes_the_network():
    label = status_label("reconnect_needed", META, None)
    assert label.startswith("Reconnect needed: the network no longer accepts")
    assert label.endswith(f"Details: {META}")
    assert status_label("error", "", None) == (
        "Error: the last sync of this account did not go through."
    )


def test_in_french_the_explanation_is_french_and_the_network_text_untouched():
    install_translators("fr")
    try:
        label = status_label("reconnect_needed", META + "\n  ", None)
        error = status_label("error", "boom", None)
        outcome = outcome_label("rate_limited")
    finally:
        install_translators("en")
    assert label == (
        "À reconnecter\u00a0: le réseau n’accepte plus le jeton d’accès de ce compte. "
        f"Message du réseau\u00a0: «\u00a0{META}\u00a0»"
    )
    assert error.startswith("Erreur\u00a0: la dernière synchronisation")
    assert outcome != "rate limited"
