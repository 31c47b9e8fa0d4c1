"""ui.ink: colours and text painted without PySide6's ``Qt`` namespace (the complete window's
sidebar and icons, ~14 ms of its first paint)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter, QPainterPath

from tests.conftest import REPO
from ui import ink

CHILD = r"""
import json
import PySide6.QtCore as QtCore
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPixmap
from PySide6.QtWidgets import QApplication

app = QApplication([])
from ui import ink

image = QPixmap(200, 60)  # (QImage.fill has a Qt.GlobalColor overload: it would build it)
image.fill(QColor("#000000"))
painter = QPainter(image)
path = QPainterPath()
path.addRoundedRect(QRect(0, 0, 40, 40), 7, 7)
ink.fill(painter, path, "#0f766e")
ink.fill(painter, path, QColor("#123456"))
font = QFont(app.font())
ink.text(painter, QRect(0, 0, 200, 60), "Fleurs de Lyon", font, "#ffffff", centre=True)
ink.text(painter, QRect(0, 0, 200, 60), "🌸 Café", font, QColor("#ff0000"))
ink.elide(QFontMetrics(font), "Boulangerie Paul et Fils", 40)
painter.end()
print(json.dumps({"qt_namespace": "Qt" in QtCore.__dict__}))
"""


def test_painting_through_ink_never_builds_the_qt_namespace():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, cwd=REPO, timeout=60
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == {"qt_namespace": False}


def _canvas(width: int = 240, height: int = 40) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#000000"))
    return image


def _inked_columns(image: QImage, colour: str) -> list[int]:
    """The columns holding a pixel of exactly ``colour`` (a glyph's solid middle)."""
    wanted = QColor(colour).rgb()
    return [
        x
        for x in range(image.width())
        if any(image.pixel(x, y) == wanted for y in range(image.height()))
    ]


def test_a_filled_path_takes_the_colour_given_as_text_or_colour(qapp):
    for colour in ("#0f766e", QColor("#b45309")):
        image = _canvas()
        painter = QPainter(image)
        path = QPainterPath()
        path.addRect(QRect(10, 10, 20, 20))
        ink.fill(painter, path, colour)
        painter.end()
        assert image.pixelColor(20, 20).name() == QColor(colour).name()
        assert image.pixelColor(5, 5).name() == "#000000"


def test_text_is_painted_in_its_colour_left_or_centred(qapp):
    font = QFont(qapp.font())
    font.setPixelSize(20)
    left, centred = _canvas(), _canvas()
    for image, centre in ((left, False), (centred, True)):
        painter = QPainter(image)
        ink.text(painter, QRect(0, 0, 240, 40), "MMMM", font, "#ffffff", centre=centre)
        painter.end()
    at_left, in_middle = _inked_columns(left, "#ffffff"), _inked_columns(centred, "#ffffff")
    assert at_left and in_middle
    assert at_left[0] < 6  # from the rectangle's left edge
    width = QFontMetrics(font).horizontalAdvance("MMMM")
    assert abs((in_middle[0] + in_middle[-1]) / 2 - 120) <= 3  # around the middle
    assert in_middle[0] >= (240 - width) // 2 - 2


def test_the_whole_text_is_coloured_after_a_character_outside_the_basic_plane(qapp):
    """Qt counts UTF-16 units: a format as long as the Python string would leave the end of a
    name written after an emoji in the default black."""
    font = QFont(qapp.font())
    font.setPixelSize(20)
    image = _canvas(400)
    painter = QPainter(image)
    ink.text(painter, QRect(0, 0, 400, 40), "𝒜𝒜𝒜𝒜 MMMM", font, "#ffffff")
    painter.end()
    prefix = QFontMetrics(font).horizontalAdvance("𝒜𝒜𝒜𝒜 ")
    assert [x for x in _inked_columns(image, "#ffffff") if x > prefix + 4]  # the Ms too


def test_untrusted_text_stays_text(qapp):
    font = QFont(qapp.font())
    font.setPixelSize(16)
    marked, plain = _canvas(400), _canvas(400)
    for image, words in ((marked, "<b>Not bold</b>"), (plain, "Not bold")):
        painter = QPainter(image)
        ink.text(painter, QRect(0, 0, 400, 40), words, font, "#ffffff")
        painter.end()
    assert _inked_columns(marked, "#ffffff")[-1] > _inked_columns(plain, "#ffffff")[-1] + 20


def test_elide_cuts_at_the_end_with_an_ellipsis_and_never_inside_a_character(qapp):
    metrics = QFontMetrics(QFont(qapp.font()))
    name = "Boulangerie Paul et Fils"
    assert ink.elide(metrics, name, 1000) == name
    short = ink.elide(metrics, name, metrics.horizontalAdvance("Boulangerie P…"))
    assert short == "Boulangerie P…"
    assert metrics.horizontalAdvance(short) <= metrics.horizontalAdvance("Boulangerie P…")
    assert ink.elide(metrics, name, 1) == "…"
    # a cut lands after "Boulangerie " -> no space before the ellipsis
    assert ink.elide(metrics, name, metrics.horizontalAdvance("Boulangerie …")) == "Boulangerie…"
    for joined in ("e\u0301", "👩\u200d👩\u200d👧", "👍🏽", "❤\ufe0f"):
        text = "Ab" + joined + "cdefghijklmnopqrstuvwxyz"
        for width in range(metrics.horizontalAdvance("Ab…"), metrics.horizontalAdvance(text)):
            cut = ink.elide(metrics, text, width).removesuffix("…")
            assert cut in ("A", "Ab") or cut.startswith("Ab" + joined), (joined, cut)
