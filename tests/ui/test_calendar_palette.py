"""The calendar paints from the palette's tokens: no fixed colour is left in ui/calendar, and
the month view, the week view, the variant preview and the charter check follow the Light and
Dark schemes (their backgrounds and text are the scheme's, checked on rendered pixels)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor

import ui.calendar
from app.services.calendar import posts
from app.services.calendar.posts import VariantInput
from app.services.clients import workspaces as clients
from tests.conftest import wait_editor
from ui.design import DARK, LIGHT, apply_theme
from ui.design.palette import LEGACY_COLOURS, token_names

PARIS = ZoneInfo("Europe/Paris")
HEX = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b")
NAMED = re.compile(r"Qt\.GlobalColor\.(white|black|gray|red|green|blue|yellow|darkGray)")


def test_no_fixed_colour_is_left_in_the_calendar_screens():
    found = []
    for path in sorted(Path(ui.calendar.__file__).parent.glob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if HEX.search(line) or NAMED.search(line):
                found.append(f"{path.name}:{number}: {line.strip()}")
    assert found == []


@pytest.fixture
def themed(qapp):
    from ui.design.theme import unstyle

    palette = qapp.palette()
    yield qapp
    unstyle(qapp, palette)


def _count(image, colour: str) -> int:
    """Pixels of exactly ``colour`` on a grid over the image (every 4th pixel)."""
    wanted = QColor(colour).rgb() & 0xFFFFFF
    return sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixel(x, y) & 0xFFFFFF == wanted
    )


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_month_week_preview_and_check_follow_the_scheme(
    qtbot, themed, sqlite_db, open_calendar, scheme, tmp_path
):
    apply_theme(themed, scheme.name)
    other = DARK if scheme is LIGHT else LIGHT
    with sqlite_db.session() as s:
        info = clients.create_client(s, "Aquarelle", timezone="Europe/Paris")
        clients.add_account(s, info.id, "mastodon", "aquarelle", base_url="https://m.example")
        for day in (3, 10, 14, 14, 21):
            posts.create_post(
                s,
                info.id,
                planned_at=dt.datetime(2026, 2, day, 9, 30, tzinfo=PARIS),
                title=f"Pivoines du {day}",
                variants=[VariantInput("mastodon", "Bonjour"), VariantInput("facebook", "Salut")],
            )
        info = clients.get_client(s, info.id)
    area = open_calendar(info, dt.date(2026, 2, 10))
    area.resize(1366, 768)
    area.grab().save(str(tmp_path / f"calendar-{scheme.name}.png"))
    month = area.month_view.grab().toImage()
    # the days are painted on the scheme's surfaces, never on the other scheme's (a few
    # pixels of white are the letters of the network badges)
    assert _count(month, scheme.surface) > 2000
    assert _count(month, scheme.window) > 100  # the days outside the month
    assert _count(month, other.surface) < 20 and _count(month, other.window) == 0
    area.set_view("week")
    qtbot.waitUntil(lambda: area.week_view.chip_rect(area._chips and min(area._chips)) is not None)
    week = area.week_view.grab().toImage()
    assert _count(week, scheme.surface) > 2000 and _count(week, other.surface) < 20
    # no legacy light colour painted in the dark scheme (unless a dark token has it)
    if scheme is DARK:
        dark = {getattr(DARK, name) for name in token_names()}
        legacy = [c for c in LEGACY_COLOURS if c not in dark]
        assert [c for c in legacy if _count(month, c)] == []
    area.open_editor(post_id=min(area._chips))
    editor = wait_editor(qtbot, area)
    preview = editor.variant_tabs["mastodon"].preview.styleSheet()
    assert f"background: {scheme.surface}" in preview and f"color: {scheme.text}" in preview
    editor.grab().save(str(tmp_path / f"editor-{scheme.name}.png"))
    editor.reject()
    legend = area.legend.text()
    assert scheme.text_muted in legend and other.text_muted not in legend
