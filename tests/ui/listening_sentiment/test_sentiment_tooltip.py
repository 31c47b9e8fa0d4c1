"""The listening list says which words made an item negative or positive, in the text's
tooltip, as plain text (an author's markup never renders)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from app.services.listening.items import ItemRow
from ui.listening.model import ListeningModel

WHEN = dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC)


def _row(text: str, sentiment: str) -> ItemRow:
    return ItemRow(1, None, "x", "1", "A", "a", None, text, "", WHEN, sentiment, "new")


def _tooltip(model: ListeningModel, row: ItemRow) -> str:
    model.prepare()
    return model.cell(row, model.format_row(row), 4, Qt.ItemDataRole.ToolTipRole)


def test_the_tooltip_names_the_words_that_decided(qtbot):
    model = ListeningModel()
    tip = _tooltip(model, _row("Commande jamais reçue 😡 <img src=x>", "negative"))
    assert tip.startswith("Commande jamais reçue 😡 &lt;img src=x&gt;")  # plain text
    assert "Negative because of: « jamais recue » −2, « 😡 » −2" in tip
    tip = _tooltip(model, _row("Not bad at all, thanks!", "positive"))
    assert "Positive because of:" in tip and "« not bad » +2" in tip


def test_no_explanation_for_neutral_items_or_labels_from_older_rules(qtbot):
    model = ListeningModel()
    assert "because" not in _tooltip(model, _row("Livraison demain", "neutral"))
    # stored as positive by the former word list; today's rules disagree: nothing invented
    assert "because" not in _tooltip(model, _row("pas terrible", "positive"))
