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
        "The Google post's first lines cannot be read: it ends before it starts."
    ]
    # an offer's code, terms and redeem link; an event's hours
    tab.text.setPlainText("Offre : Bûche (2026-12-01 → 2026-12-24)\nCode : BUCHE20\nPromo.")
    tab.link.setText("https://dupre.fr/buche")
    assert tab.problems() == []
    tab.link.setText("dupre point fr")
    assert tab.problems() == [
        "Google redeems an offer at a web address: the link “dupre point fr” is not one."
    ]
    tab.link.setText("")
    tab.text.setPlainText("Événement : Atelier (2026-12-12 14:00)\nInscription.")
    assert tab.problems() == [
        "The Google post's first lines cannot be read: give both a start time and an end "
        "time, or neither."
    ]
    tab.text.setPlainText("Événement : Atelier (2026-12-12 14:00 → 17:00)\nCode : X")
    assert tab.problems() == [
        "The Google post's first lines cannot be read: a code or terms go only with an offer."
    ]
    other = VariantTab("x", None)
    qtbot.addWidget(other)
    other.text.setPlainText("Offre : Bûche (2026-12-24 → 2026-12-01)")
    assert other.problems() == []  # only Google reads the first line
    assert not any(w.text().startswith("A first line") for w in other.findChildren(QLabel))
