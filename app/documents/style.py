"""The one look of every document the agency sends: its name, its logo, its colour.

A :class:`DocumentStyle` is given to :func:`app.documents.pdf.render_html_pdf`, which then
draws on EVERY page (the cover included) a header with the agency's logo and name on the left
and the client's name on the right, over a rule in the agency's colour, and a footer with the
document's name and "page X / Y" in the document's language. :meth:`DocumentStyle.css` gives
the accent to the headings and to the table headers (white or dark text, whichever reads
better on the colour), so the charter, the monthly report and the approval sheet (and any
later document) look like they come from one agency.

French running text is typeset by the renderer too (:func:`app.documents.wording.typeset_html`):
no document has to remember it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from app.services.people.agency import AgencyInfo

DEFAULT_ACCENT = "#2b4c8c"  # Tribune's blue, for an agency that chose no colour
INK = "#1d2536"
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def _luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two "#rrggbb" colours (1 to 21)."""
    la, lb = sorted((_luminance(QColor(a)), _luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_on(background: str) -> str:
    """White or ink, whichever reads better on ``background``."""
    return "#ffffff" if contrast("#ffffff", background) >= contrast(INK, background) else INK


def readable_accent(accent: str) -> str:
    """``accent`` darkened until it reads as text on white paper (contrast 4.5 at least): a
    pale yellow agency colour still gives legible headings."""
    colour = QColor(accent)
    for _ in range(20):
        if contrast(colour.name(), "#ffffff") >= 4.5:
            break
        colour = colour.darker(115)
    return colour.name()


def normal_accent(colour: str | None) -> str:
    colour = (colour or "").strip()
    return colour.lower() if _HEX.match(colour) else DEFAULT_ACCENT


@dataclass(frozen=True)
class DocumentStyle:
    """Who sends the document, to whom, in which language, with which colour and logos."""

    agency_name: str
    client_name: str
    language: str
    accent: str = DEFAULT_ACCENT
    agency_logo: bytes | QImage | None = field(default=None, repr=False)
    client_logo: bytes | QImage | None = field(default=None, repr=False)

    @classmethod
    def for_agency(
        cls,
        agency: AgencyInfo,
        client_name: str,
        language: str,
        client_logo: bytes | QImage | None = None,
    ) -> DocumentStyle:
        """From an :class:`app.services.people.agency.AgencyInfo` (its name, colour and logo)."""
        return cls(
            agency_name=agency.name or "Tribune",
            client_name=client_name,
            language="fr" if language == "fr" else "en",
            accent=normal_accent(getattr(agency, "colour", "")),
            agency_logo=agency.logo or None,
            client_logo=client_logo or None,
        )

    @property
    def ink_accent(self) -> str:
        """The accent as a text colour (headings), dark enough on white."""
        return readable_accent(self.accent)

    def css(self) -> str:
        """Headings and table headers in the agency's colour."""
        accent, ink = self.accent, self.ink_accent
        return (
            f"h1, h2 {{ color: {ink}; }}\n"
            f"h3 {{ color: {INK}; }}\n"
            f"th {{ background-color: {accent}; color: {text_on(accent)}; }}\n"
            f".accent {{ color: {ink}; }}\n"
        )

    def logo_image(self, which: str = "agency") -> QImage | None:
        data = self.agency_logo if which == "agency" else self.client_logo
        if data is None:
            return None
        image = data if isinstance(data, QImage) else QImage.fromData(data)
        return None if image.isNull() else image


CHAR_MM = 2.05  # a character of DejaVu Sans 10 pt, on average, with a margin
PAD_MM = 4.5  # a cell's padding (6 px a side) and its borders


def column_widths(header: list[str], rows: list[list[str]], body_mm: float = 170) -> list[int]:
    """Percent widths from the content: a column is at least as wide as its longest word
    (a handle such as "AquarelleEtPetales" is never cut), the rest shared by text length.

    Measured in DejaVu Sans 10 pt, about 2 mm a character (a seventh more in the bold
    header), plus the cell's padding. Words are cut at plain spaces and after a slash:
    "1er décembre" or "36 000" joined by a no-break space is one word. When the words do
    not all fit side by side, the columns whose width comes from no-break spaces give way
    first (down to their real words), so a handle is still never cut."""
    count = len(header)
    soft, hard = r"[ \t\n]+|(?<=/)", r"[ \t\n\u00a0\u202f]+|(?<=/)"

    def longest_word(text: str, pattern: str, bold: bool = False) -> float:
        scale = 8 / 7 if bold else 1  # characters, the bold ones wider
        return max((len(w) * scale for w in re.split(pattern, text) if w), default=1)

    longest = [longest_word(h, soft, True) for h in header]
    floor = [longest_word(h, hard, True) for h in header]
    volume = [len(h) for h in header]
    for row in rows:
        for i, cell in enumerate(row[:count]):
            longest[i] = max(longest[i], longest_word(cell, soft))
            floor[i] = max(floor[i], longest_word(cell, hard))
            volume[i] = max(volume[i], len(cell))
    least = [n * CHAR_MM + PAD_MM for n in longest]
    excess = sum(least) - body_mm
    give = [m - (f * CHAR_MM + PAD_MM) for m, f in zip(least, floor, strict=True)]
    if excess > 0 and sum(give) > 0:
        ratio = min(1.0, excess / sum(give))
        least = [m - g * ratio for m, g in zip(least, give, strict=True)]
    spare = body_mm - sum(least)
    if spare <= 0:
        sizes = least
    else:
        wants = [
            max(min(v, 80) * CHAR_MM + PAD_MM - m, 0) for v, m in zip(volume, least, strict=True)
        ]
        total = sum(wants) or 1
        # most of the room to the longer texts, a share to every column (a table of short
        # figures spreads over the page instead of pushing its last column to the edge)
        even = 0.35 if total > 1 else 1.0
        sizes = [
            m + spare * ((1 - even) * w / total + even / count)
            for m, w in zip(least, wants, strict=True)
        ]
    whole = sum(sizes)
    widths = [max(5, round(100 * x / whole)) for x in sizes]
    widths[widths.index(max(widths))] += 100 - sum(widths)
    return widths


def paint_header(
    painter: QPainter,
    body: QRectF,
    top: float,
    mm: float,
    style: DocumentStyle,
    family: str,
) -> None:
    """The agency's header on one page: logo and agency name at the top left, the client's
    name at the top right, a rule in the agency's colour under them."""
    accent = QColor(style.accent)
    painter.save()
    logo = style.logo_image("agency")
    head = QRectF(body.left(), top - 13 * mm, body.width(), 8 * mm)
    text_left = body.left()
    if logo is not None:
        height = 8 * mm
        width = min(height * logo.width() / max(logo.height(), 1), 30 * mm)
        painter.drawImage(QRectF(body.left(), head.top(), width, height), logo)
        text_left += width + 2.5 * mm
    name_font = QFont(family, 9)
    name_font.setBold(True)
    painter.setFont(name_font)
    painter.setPen(QPen(QColor(readable_accent(style.accent))))
    centre = Qt.AlignmentFlag.AlignVCenter
    half = (body.width() - (text_left - body.left())) / 2
    painter.drawText(
        QRectF(text_left, head.top(), half, head.height()),
        Qt.AlignmentFlag.AlignLeft | centre,
        style.agency_name,
    )
    painter.setFont(QFont(family, 9))
    painter.setPen(QPen(QColor("#3a4660")))
    painter.drawText(
        QRectF(text_left + half, head.top(), half, head.height()),
        Qt.AlignmentFlag.AlignRight | centre,
        style.client_name,
    )
    pen = QPen(accent)
    pen.setWidthF(0.5 * mm)
    painter.setPen(pen)
    rule_y = head.bottom() + 1.5 * mm
    painter.drawLine(int(body.left()), int(rule_y), int(body.right()), int(rule_y))
    painter.restore()


def paint_footer(
    painter: QPainter,
    body: QRectF,
    mm: float,
    style: DocumentStyle,
    footer_left: str,
    page_text: str,
    family: str,
) -> None:
    """The footer: the document's name at the left, "page X / Y" at the right, under a thin
    rule in the agency's colour."""
    accent = QColor(style.accent)
    painter.save()
    small = QFont(family, 8)
    painter.setFont(small)
    thin = QPen(accent)
    thin.setWidthF(0.25 * mm)
    painter.setPen(thin)
    line_y = body.bottom() + 4 * mm
    painter.drawLine(int(body.left()), int(line_y), int(body.right()), int(line_y))
    painter.setPen(QPen(QColor("#5b6477")))
    text_rect = QRectF(body.left(), line_y + 1.5 * mm, body.width(), 6 * mm)
    if footer_left:
        painter.drawText(
            QRectF(text_rect.left(), text_rect.top(), text_rect.width() * 0.78, text_rect.height()),
            Qt.AlignmentFlag.AlignLeft,
            footer_left,
        )
    painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight, page_text)
    painter.restore()


def paint_watermark(
    painter: QPainter,
    page: QRect,
    mark: QRectF,
    text: str,
    family: str,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
) -> None:
    """``text`` across the page's diagonal, pale enough to read the page through it, and
    once more in the top margin at ``mark``, where it reads straight and is searchable."""
    painter.save()
    small = QFont(family, 8)
    small.setBold(True)
    painter.setFont(small)
    painter.setPen(QPen(QColor("#b3261e")))
    painter.drawText(mark, align, text)
    painter.restore()
    painter.save()
    font = QFont(family, 44)
    font.setBold(True)
    painter.setFont(font)
    # a pale solid red, painted under the text: PDF/A-1b has no transparency (Qt would
    # drop an alpha and print the words opaque over the page)
    colour = QColor("#f6dedb")
    painter.setPen(QPen(colour))
    painter.translate(page.width() / 2, page.height() / 2)
    painter.rotate(-35)
    width = page.width() * 1.1
    painter.drawText(
        QRectF(-width / 2, -page.height() / 8, width, page.height() / 4),
        Qt.AlignmentFlag.AlignCenter,
        text,
    )
    painter.restore()


def initials_logo(name: str, colour: str, family: str = "DejaVu Sans") -> QImage:
    """A square with the initials, for a client or agency without a logo."""
    image = QImage(240, 240, QImage.Format.Format_ARGB32)
    image.fill(QColor(colour))
    painter = QPainter(image)
    painter.setPen(QColor("white"))
    font = QFont(family, 1)
    font.setPixelSize(96)
    font.setBold(True)
    painter.setFont(font)
    letters = "".join(w[0] for w in name.replace("&", " ").split()[:2] if w[:1].isalnum()).upper()
    painter.drawText(QRect(0, 0, 240, 240), Qt.AlignmentFlag.AlignCenter, letters or "?")
    painter.end()
    return image


__all__ = [
    "DEFAULT_ACCENT",
    "DocumentStyle",
    "column_widths",
    "contrast",
    "initials_logo",
    "normal_accent",
    "paint_footer",
    "paint_header",
    "paint_watermark",
    "readable_accent",
    "text_on",
]
