"""Shapes and text in a colour, painted without PySide6's ``Qt`` namespace.

PySide6 builds a class's Python enums the first time the class is used, and the ``Qt``
namespace's 93 enums (1,195 members, ~14 ms of the complete window) come with the first call
whose overloads name one of them — not only ``Qt.AlignmentFlag.AlignCenter`` written out, but
``QPainter.setPen``/``setBrush`` (``Qt.PenStyle``, ``Qt.BrushStyle``), ``fillRect``,
``fillPath`` given a colour, ``QPen(colour)``, ``QBrush(colour)``, ``QBrush.setColor``,
``QColor(another_colour)``, ``QFontMetrics.elidedText`` (``Qt.TextElideMode``).
The client sidebar and its two icons are painted in the complete window's first paint, before
anything else needs that namespace, so they paint through these calls only, each checked
(``tests/ui/test_ink.py`` fails if one of them starts building it):

- a brush is a pen's: ``QPen().setColor(colour)`` then ``pen.brush()`` (a solid brush);
- a shape is ``QPainter.fillPath(path, brush)``;
- text is a one-line ``QTextLayout`` whose format carries that brush, drawn at a position
  computed here (what ``drawText``'s alignment flags did), elided by :func:`elide`.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QPointF, QRect
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextLayout,
)

ELLIPSIS = "…"
_brushes: dict[str | int, QBrush] = {}


def brush(colour: str | QColor) -> QBrush:
    """A solid brush of ``colour`` (a ``#rrggbb`` string or a QColor), cached."""
    key = colour if isinstance(colour, str) else colour.rgba()
    found = _brushes.get(key)
    if found is None:
        pen = QPen()
        pen.setColor(colour if isinstance(colour, QColor) else QColor(colour))
        found = _brushes[key] = pen.brush()
    return found


def fill(painter: QPainter, path, colour: str | QColor) -> None:
    """Fill ``path`` (a QPainterPath) with ``colour``."""
    painter.fillPath(path, brush(colour))


def elide(metrics: QFontMetrics, text: str, width: int) -> str:
    """``text`` cut at its end with "…" to fit ``width`` pixels (what ``elidedText`` with
    ``ElideRight`` does), never inside a character made of several code points (an accent
    written apart, an emoji joined by a zero-width joiner)."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # the longest start that fits with the ellipsis
        middle = (low + high + 1) // 2
        if metrics.horizontalAdvance(text[:middle] + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    while 0 < low < len(text) and _joined(text, low):
        low -= 1
    return text[:low].rstrip() + ELLIPSIS if low else ELLIPSIS


def _joined(text: str, at: int) -> bool:
    """Whether a cut before ``text[at]`` would split one visible character."""
    here, before = text[at], text[at - 1]
    return (
        unicodedata.combining(here) != 0
        or here in "\u200d\ufe0f"
        or before == "\u200d"
        or 0x1F3FB <= ord(here) <= 0x1F3FF  # a skin tone belongs to the emoji before it
    )


def text(
    painter: QPainter,
    rect: QRect,
    words: str,
    font: QFont,
    colour: str | QColor,
    *,
    centre: bool = False,
) -> None:
    """Paint ``words`` on one line in ``rect``: centred vertically, at its left edge or centred
    (``centre``). Untrusted text stays text: a layout never reads markup."""
    if not words:
        return
    layout = QTextLayout(words, font)
    coloured = QTextCharFormat()
    coloured.setForeground(brush(colour))
    whole = QTextLayout.FormatRange()
    whole.start, whole.format = 0, coloured
    whole.length = len(words.encode("utf-16-le")) // 2  # Qt counts UTF-16 units
    layout.setFormats([whole])
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1_000_000)  # one line: the caller elides what does not fit
    layout.endLayout()
    x = rect.x() + ((rect.width() - line.naturalTextWidth()) / 2 if centre else 0)
    y = rect.y() + (rect.height() - line.height()) / 2
    layout.draw(painter, QPointF(round(x), round(y)))
