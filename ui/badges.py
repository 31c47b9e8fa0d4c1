"""Small painted marks shared by the inbox and the calendar: network badges, initials, chips.

Colours come from the one table of network facts (:data:`app.networks.NETWORKS`);
letters are white on a background darkened until their contrast is at least 4.5:1 (WCAG AA).
Everything is painted with a QPainter: no glyph the UI font may lack, no widget per row.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter

from app.networks import NETWORK_COLOURS, NETWORK_SHORT

FALLBACK = "#5b6477"
AVATAR_COLOURS = ("#3b6fd8", "#c2410c", "#2f7d4f", "#8e44ad", "#b7791f", "#0f766e", "#be185d")


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@lru_cache(maxsize=64)
def _readable(name: str) -> str:
    colour, white = QColor(name), QColor("#ffffff")
    while contrast(colour, white) < 4.5:
        colour = colour.darker(110)
    return colour.name()


def network_colour(network: str) -> QColor:
    """The network's colour as in charts and the calendar."""
    return QColor(NETWORK_COLOURS.get(network, FALLBACK))


def badge_colour(network: str) -> QColor:
    """The network's colour, dark enough for white letters."""
    return QColor(_readable(NETWORK_COLOURS.get(network, FALLBACK)))


def network_short(network: str) -> str:
    return NETWORK_SHORT.get(network, (network[:1] or "?").upper())


def _fitted_font(font: QFont, height: int) -> QFont:
    small = QFont(font)
    small.setBold(True)
    small.setPixelSize(max(7, int(height * 0.58)))
    return small


def paint_network_badge(painter: QPainter, rect: QRect, network: str, font: QFont) -> None:
    """A small rounded square in the network's colour with its letter(s)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(badge_colour(network))
    radius = max(2.0, rect.height() / 4)
    painter.drawRoundedRect(QRectF(rect), radius, radius)
    painter.setPen(QColor("#ffffff"))
    painter.setFont(_fitted_font(font, rect.height()))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, network_short(network))
    painter.restore()


def initials(name: str) -> str:
    """ "Jean Durand" → "JD", "@marie_l" → "M"; letters only, two at most."""
    words = [w for w in name.replace("_", " ").replace(".", " ").split() if w]
    letters = [next((ch for ch in w if ch.isalnum()), "") for w in words]
    letters = [ch for ch in letters if ch]
    if not letters:
        return "?"
    picked = letters[0] + (letters[-1] if len(letters) > 1 else "")
    return picked.upper()


def avatar_colour(name: str) -> QColor:
    """A stable colour per author (the same person keeps their colour across sessions)."""
    total = sum(ord(ch) for ch in name)
    return QColor(AVATAR_COLOURS[total % len(AVATAR_COLOURS)])


def paint_initials(painter: QPainter, rect: QRect, name: str, font: QFont) -> None:
    """The author's initials in a coloured circle."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(avatar_colour(name))
    painter.drawEllipse(QRectF(rect))
    painter.setPen(QColor("#ffffff"))
    painter.setFont(_fitted_font(font, int(rect.height() * 0.66)))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.restore()


def paint_chip(
    painter: QPainter,
    rect: QRect,
    text: str,
    font: QFont,
    fg: QColor,
    bg: QColor,
) -> int:
    """A pill with ``text`` (plain, elided to ``rect``), right-aligned in ``rect``;
    returns the pill's width so the caller can place the next one to its left."""
    painter.save()
    painter.setFont(font)
    fm = painter.fontMetrics()
    pad = 6
    elided = fm.elidedText(text, Qt.TextElideMode.ElideRight, max(0, rect.width() - 2 * pad))
    width = min(rect.width(), fm.horizontalAdvance(elided) + 2 * pad)
    pill = QRect(rect.right() - width + 1, rect.top(), width, rect.height())
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(bg)
    painter.drawRoundedRect(QRectF(pill), rect.height() / 2, rect.height() / 2)
    painter.setPen(fg)
    painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, elided)
    painter.restore()
    return width


@lru_cache(maxsize=128)
def network_badges_icon(networks: tuple[str, ...], size: int = 16) -> QIcon:
    """The badges of ``networks`` side by side, as an icon for item views (cached)."""
    from PySide6.QtGui import QGuiApplication, QPixmap

    ratio = (
        QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1
    )
    shown = networks[:4]
    width = max(1, len(shown)) * (size + 2)
    pixmap = QPixmap(int(width * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    font = QFont()
    for i, network in enumerate(shown):
        paint_network_badge(painter, QRect(i * (size + 2), 0, size, size), network, font)
    painter.end()
    return QIcon(pixmap)
