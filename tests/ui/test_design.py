"""The design system: contrast of both schemes, following the system, button roles, the focus
ring, the icons and the bundled emoji font — measured on real widgets, offscreen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.design import DARK, LIGHT, apply_theme, current, set_role, style_button_box
from ui.design.palette import AA_TEXT, TEXT_PAIRS, contrast, contrast_table, token_names


@pytest.fixture
def themed(qapp):
    """The app styled like Tribune, then back to bare Fusion for the next tests."""
    from ui.design.theme import unstyle

    palette = qapp.palette()
    yield qapp
    unstyle(qapp, palette)


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_every_text_pair_reaches_aa_contrast(scheme):
    failures = [(fg, bg, round(c, 2)) for fg, bg, c in contrast_table(scheme) if c < AA_TEXT]
    assert failures == []
    # the pairs name real tokens, and the green of "+x %" is among them
    names = set(token_names())
    assert all(fg in names and bg in names for fg, bg in TEXT_PAIRS)
    assert ("success", "surface") in TEXT_PAIRS
    # the migration table of the old fixed colours names tokens that exist
    from ui.design.palette import LEGACY_COLOURS

    assert set(LEGACY_COLOURS.values()) <= names


def test_a_scheme_has_every_token_and_no_other_and_stays_as_made():
    from ui.design.palette import Scheme

    tokens = {name: getattr(LIGHT, name) for name in ["name", *token_names()]}
    assert Scheme(**tokens).side_field == LIGHT.side_field
    with pytest.raises(TypeError, match=r"missing \['accent'\]"):
        Scheme(**{k: v for k, v in tokens.items() if k != "accent"})
    with pytest.raises(TypeError, match=r"unknown \['acent'\]"):
        Scheme(**tokens, acent="#000000")
    with pytest.raises(AttributeError, match="fixed"):
        LIGHT.text = "#000000"  # type: ignore[misc]
    with pytest.raises(AttributeError, match="fixed"):
        del DARK.text
    assert LIGHT.text == "#1d2536" and len(token_names()) == 27


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    # the key figures' old green: what issue #14 measured
    assert contrast("#2f9e44", "#f6f8fb") == pytest.approx(3.2, abs=0.05)


def test_forced_dark_then_light_changes_palette_and_sheet(themed):
    from ui.design.theme import theme_notifier

    seen = []
    theme_notifier().changed.connect(seen.append)
    apply_theme(themed, "dark")
    assert current() is DARK
    assert themed.palette().color(themed.palette().ColorRole.Window) == QColor(DARK.window)
    assert DARK.surface in themed.styleSheet()
    apply_theme(themed, "light")
    assert current() is LIGHT
    assert LIGHT.surface in themed.styleSheet() and DARK.surface not in themed.styleSheet()
    assert seen[-2:] == [DARK, LIGHT]
    theme_notifier().changed.disconnect(seen.append)


def test_the_saved_choice_is_read_and_system_follows_the_platform(themed, tmp_path):
    from ui.design import theme

    settings = QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat)
    assert theme.saved_mode(settings) == "system"  # the desktop's scheme by default
    theme.save_mode("dark", settings)
    assert theme.saved_mode(settings) == "dark"
    theme.save_mode("system", settings)
    assert theme.saved_mode(settings) == "system"
    settings.setValue(theme.THEME_KEY, "purple")
    assert theme.saved_mode(settings) == "system"
    # the platform's answer drives "system": pretend it switched to dark, then back
    theme._state["system_dark"] = True
    assert apply_theme(themed, "system") is DARK
    theme._state["system_dark"] = False
    assert apply_theme(themed, "system") is LIGHT


def _pixels(widget, colour: str) -> int:
    image = widget.grab().toImage()
    target = QColor(colour)
    count = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = image.pixelColor(x, y)
            if (
                abs(c.red() - target.red()) < 12
                and abs(c.green() - target.green()) < 12
                and abs(c.blue() - target.blue()) < 12
            ):
                count += 1
    return count


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_focus_ring_is_two_pixels_of_accent(qtbot, themed, mode):
    scheme = apply_theme(themed, mode)
    host = QWidget()
    layout = QVBoxLayout(host)
    edit, other = QLineEdit(), QLineEdit()
    layout.addWidget(edit)
    layout.addWidget(other)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    before = _pixels(edit, scheme.accent)
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    after = _pixels(edit, scheme.accent)
    # a 2-px ring around the field: at least twice its perimeter in accent pixels
    assert before < 10
    assert after >= 2 * (edit.width() + edit.height()) * 1.5


def test_button_roles_and_dialog_buttons(qtbot, themed):
    scheme = apply_theme(themed, "light")
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Help
    )
    qtbot.addWidget(box)
    style_button_box(box)
    SB = QDialogButtonBox.StandardButton
    assert box.button(SB.Save).property("role") == "primary"
    assert box.button(SB.Cancel).property("role") == "secondary"
    assert box.button(SB.Help).property("role") == "quiet"
    assert not box.button(SB.Save).icon().isNull()
    box.show()
    qtbot.waitExposed(box)
    assert not box.button(SB.Save).icon().isNull()  # ours survive the polish
    plain = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    qtbot.addWidget(plain)
    plain.show()
    assert plain.button(SB.Ok).icon().isNull()  # no platform stock icon left
    save = box.button(SB.Save)
    # the primary button is filled with the accent colour, the secondary is not
    assert _pixels(save, scheme.accent) > save.width() * save.height() // 3
    cancel = box.button(SB.Cancel)
    assert _pixels(cancel, scheme.accent) < cancel.width() * cancel.height() // 10
    with pytest.raises(ValueError):
        set_role(QPushButton(), "loud")


def test_icons_by_name_in_both_schemes(qtbot, themed):
    from ui import icons

    apply_theme(themed, "light")
    light = icons.icon("sync").pixmap(32, 32).toImage()
    apply_theme(themed, "dark")
    dark = icons.icon("sync").pixmap(32, 32).toImage()

    def darkest(image):
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        )

    assert darkest(light) < 80  # drawn in the light scheme's dark text colour
    assert darkest(dark) > 150  # drawn light on the dark scheme
    # a button given a named icon is redrawn when the scheme changes
    button = QPushButton()
    qtbot.addWidget(button)
    icons.set_icon(button, "sync")
    apply_theme(themed, "light")
    assert button.icon().cacheKey() == icons.icon("sync").cacheKey()
    assert all(not icons.icon(n).isNull() for n in icons.NAMES)


def test_emoji_render_with_the_bundled_font(qtbot, qapp):
    from ui.design.fonts import EMOJI_FAMILY, install_ui_fonts, register_emoji_font

    assert register_emoji_font() == EMOJI_FAMILY
    install_ui_fonts(qapp)
    assert EMOJI_FAMILY in qapp.font().families()
    label = QLabel("🎉👍")
    qtbot.addWidget(label)
    metrics = QFontMetrics(label.font())
    assert metrics.inFontUcs4(ord("🎉")) and metrics.inFontUcs4(ord("👍"))
    label.resize(metrics.horizontalAdvance("🎉👍") + 10, metrics.height() + 6)
    label.show()
    qtbot.waitExposed(label)
    image = label.grab().toImage()
    background = label.palette().color(label.backgroundRole())
    inked = [
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if image.pixelColor(x, y).lightness() < background.lightness() - 60
    ]
    assert len(inked) > 40
    # not two hollow boxes: ink inside each glyph's box, not only on its outline
    xs = sorted({x for x, _y in inked})
    assert xs[-1] - xs[0] > metrics.horizontalAdvance("🎉")
    assert QGuiApplication.instance() is QApplication.instance()
