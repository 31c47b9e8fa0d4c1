"""#14: the inbox in the light and the dark scheme, painted from the palette's tokens only:
overdue rows and chips, cards, conversation bubbles, the crisis banner and the sent-back
note. Rendered offscreen at 1366×768 (set INBOX_SHOTS=DIR to keep the PNGs)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.connectors.contract import IncomingMessage
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import replies as inbox_replies
from app.services.inbox import triage as inbox_triage
from app.services.inbox.resubmit import SentBack
from ui.design import apply_theme
from ui.design.palette import DARK, LIGHT, contrast
from ui.inbox.inbox_model import COL_DUE, COL_TEXT, CardRole
from ui.inbox.inbox_style import bubble_colours, chip_colours, level_colours

pytest_plugins = ["tests.ui.test_inbox_ui"]

# every (text, background) pair the inbox paints text with
INBOX_PAIRS = (
    ("danger", "danger_soft"),
    ("warning", "warning_soft"),
    ("success", "success_soft"),
    ("accent_text", "accent_soft"),
    ("text_muted", "surface_alt"),
    ("text", "surface_alt"),
    ("on_accent", "accent"),
    ("text", "warning_soft"),
    ("danger", "surface"),
    ("text_muted", "surface"),
)


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_every_inbox_colour_pair_is_readable(scheme):
    for fg, bg in INBOX_PAIRS:
        ratio = contrast(getattr(scheme, fg), getattr(scheme, bg))
        assert ratio >= 4.5, f"{scheme.name}: {fg} on {bg} is {ratio:.2f}:1"


def _shots() -> Path | None:
    where = os.environ.get("INBOX_SHOTS")
    return Path(where) if where else None


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_inbox_paints_from_the_scheme_on_screen(qtbot, qapp, inbox_area, mode, tmp_path):
    from ui.design.theme import unstyle

    area = inbox_area
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=3)
    with area.db.session() as s:
        inbox_ingest.ingest_messages(
            s,
            area.client_id,
            [IncomingMessage("x", "late", "comment", "Léon", "leon", "Toujours rien ?", old)],
        )
    palette = qapp.palette()
    scheme = DARK if mode == "dark" else LIGHT
    apply_theme(qapp, mode)
    try:
        window = area.window()
        window.resize(1366, 768)
        area.refresh()
        qtbot.waitUntil(lambda: area.model.rowCount() == 4, timeout=10000)
        qtbot.waitUntil(area.idle, timeout=10000)
        late = next(
            r for r in range(area.model.rowCount()) if "Toujours" in area.model.index(r, 4).data()
        )
        card = area.model.index(late, COL_TEXT).data(CardRole)
        assert card["level"] == "late"
        due = area.model.index(late, COL_DUE)
        assert due.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(scheme.danger)
        assert level_colours("late") == (QColor(scheme.danger), QColor(scheme.danger_soft))
        assert chip_colours("new")[1] == QColor(scheme.accent_soft)

        mid = area.model.row_id(late)
        with area.db.session() as s:  # our reply and a note: three kinds of bubble
            inbox_replies.create_reply(s, area.client_id, mid, "Nous regardons tout de suite.")
            inbox_triage.add_note(s, area.client_id, mid, "Client fidèle, geste commercial ?")
        area.select_row(late)
        qtbot.waitUntil(lambda: area.conv.detail is not None and area.idle(), timeout=10000)
        qtbot.waitUntil(lambda: "geste" in area.conv.thread.toPlainText(), timeout=10000)
        html = area.conv.thread.toHtml().lower()
        colours = bubble_colours()
        for key in ("ours_bg", "note_bg", "theirs_bg"):
            assert colours[key] in html, key
        other = LIGHT if scheme is DARK else DARK
        assert other.surface_alt not in html and other.warning_soft not in html

        crisis = SimpleNamespace(alert=True, recent=14, window_hours=6, usual=2.0)
        area._show_banner(crisis, [])
        assert scheme.danger_soft in area.banner.styleSheet()
        area.conv.show_sent_back(
            SentBack(1, mid, 2, "Oui !!!", False, "Plus chaleureux.", "Léa", None, 1)
        )
        assert scheme.warning_soft in area.conv.sent_back.styleSheet()
        qtbot.wait(50)
        image = window.grab().toImage()
        assert image.width() == 1366 and image.height() == 768
        for where in (tmp_path, _shots()):
            if where is not None:
                where.mkdir(parents=True, exist_ok=True)
                window.grab().save(str(where / f"inbox_{mode}.png"))
        # the list's background is the scheme's surface, not a fixed light colour
        table = area.table
        rect = table.visualRect(area.model.index(late, COL_TEXT))
        shot = table.viewport().grab().toImage()
        pixel = QColor(shot.pixel(rect.left() + 60, rect.bottom() - 3))
        assert pixel.lightness() < 100 if mode == "dark" else pixel.lightness() > 200
    finally:
        unstyle(qapp, palette)
