"""The post editor says where a network has no first comment, and says nothing elsewhere."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.services.sync.publish_comments import QUEUED, first_comment_note
from ui.calendar.variant_tab import VariantTab


def _notes(tab) -> list[str]:
    return [w.text() for w in tab.findChildren(QLabel) if w.text().startswith("No first comment")]


def test_the_editor_says_where_there_is_no_first_comment(qtbot):
    assert first_comment_note("pinterest") == "No first comment on Pinterest"
    rss = VariantTab("rss", None)
    qtbot.addWidget(rss)
    assert _notes(rss) == ["No first comment on RSS / Atom"]
    for network in (*QUEUED, "facebook"):
        tab = VariantTab(network, 500)
        qtbot.addWidget(tab)
        assert _notes(tab) == [], network
