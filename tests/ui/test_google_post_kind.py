"""The editor's Google tab says how to make an offer or an event, that a Google post has no
first comment, and refuses a first line Google could not take before the post is saved."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.calendar.variant_tab import VariantTab


def test_the_google_tab_says_how_to_make_an_offer_or_an_event(qtbot):
    tab = VariantTab("google", None)
    qtbot.addWidget(tab)
    notes = [w.text() for w in tab.findChildren(QLabel)]
    assert "No first comment on Google" in notes
    assert any(n.startswith("A first line “Offer:") for n in notes)
    tab.text.setPlainText("Offre : Bûche -20 % (2026-12-01 → 2026-12-24)\nSur commande.")
    assert tab.problems() == []
    tab.text.setPlainText("Offre : Bûche -20 % (2026-12-24 → 2026-12-01)\nSur commande.")
    assert tab.problems() == [
        "The Google post's first line cannot be read: it ends before it starts."
    ]
    other = VariantTab("x", None)
    qtbot.addWidget(other)
    other.text.setPlainText("Offre : Bûche (2026-12-24 → 2026-12-01)")
    assert other.problems() == []  # only Google reads the first line
    assert not any(w.text().startswith("A first line") for w in other.findChildren(QLabel))
