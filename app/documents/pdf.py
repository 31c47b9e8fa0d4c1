"""HTML → A4 PDF with running header, footer and "page X / Y", fonts embedded.

The one PDF renderer of Tribune (charters, approval sheets, monthly reports). It lays a
:class:`QTextDocument` out to the body rectangle of an A4 page and paints it page by page
(translate + clip), drawing the header and footer in the margins (docs/pitfalls.md). Fonts come from
``resources/fonts`` (DejaVu Sans, registered once with QFontDatabase), so every PDF embeds
the same fonts on every machine and any Unicode a user typed renders.

Only QtGui is used (no widgets): it runs headless in the CLI and in worker threads' callers.
The file is written to a temporary name in the target folder and renamed at the end, so a
failure never leaves half a PDF under the requested name.

Page breaks: put ``style="page-break-before: always"`` on the first element of the new page
(a heading, a paragraph, a table); an empty ``<div>`` carrying it is dropped by Qt.
Table of contents: pass ``html`` as a callable; it is called once with ``{}`` to lay the
document out, then again with ``{anchor_name: page_number}`` for every ``<a name="…">``
found, so the table of contents can print real page numbers.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from app.config import resources_dir
from app.documents.layout import DPI, KeepTogether, anchor_pages, field_positions
from app.documents.style import DocumentStyle, paint_footer, paint_header, paint_watermark
from app.documents.wording import typeset_html
from app.errors import StorageError
from app.i18n import translate
from app.safefile import check_target, checked_output, verify_pdf

FONT_FAMILY = "DejaVu Sans"
FONT_FILES = (
    "DejaVuSans.ttf",
    "DejaVuSans-Bold.ttf",
    "DejaVuSans-Oblique.ttf",
    "DejaVuSans-BoldOblique.ttf",
    # Fallbacks for what DejaVu lacks, embedded too: Chinese and Japanese (Droid Sans
    # Fallback, Apache 2.0), Korean Hangul (Nanum Square, OFL 1.1: Droid has no Hangul
    # syllables) and emoji and symbols (Symbola, free for any use).
    "DroidSansFallbackFull.ttf",
    "NanumSquareR.ttf",
    "Symbola_hint.ttf",
)
FALLBACK_FAMILIES = ["Droid Sans Fallback", "NanumSquare", "Symbola"]
MAX_PASSES = 30  # layouts of a callable document (each moves at most one block or heading)

# Cell padding is given per side in CSS px: Qt's rich text ignores a padding in pt, and the
# ``cellpadding`` attribute is overridden by any CSS padding (pitfalls: PDF tables).
BASE_CSS = """
body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #1d2536; }
h1 { font-size: 18pt; font-weight: 600; color: #1d2536; margin-top: 0; margin-bottom: 10pt; }
h2 { font-size: 14pt; font-weight: 600; color: #1d2536; margin-top: 18pt; margin-bottom: 6pt; }
h3 { font-size: 11.5pt; font-weight: 600; color: #2b3750; margin-top: 10pt; margin-bottom: 4pt; }
p { margin-top: 0; margin-bottom: 6pt; line-height: 130%; }
table { border-collapse: collapse; margin-bottom: 8pt; }
th { background-color: #e9eef7; font-weight: 600; text-align: left;
     padding-top: 3px; padding-bottom: 3px; padding-left: 6px; padding-right: 6px; }
td { vertical-align: top;
     padding-top: 3px; padding-bottom: 3px; padding-left: 6px; padding-right: 6px; }
.muted { color: #5b6477; }
.small { font-size: 8.5pt; }
p.keep { margin: 0; font-size: 1pt; line-height: 1pt; }
"""

_fonts_loaded = False


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int
    # where each <a name="field-…"> anchor was drawn, in PDF points from the page's bottom
    # left: (page index from 0, x, y of the text's baseline box top) — for form fields
    fields: dict[str, tuple[int, float, float]] = field(default_factory=dict)


def ensure_fonts() -> str:
    """Register the bundled fonts once (needs a QGuiApplication); returns the family."""
    global _fonts_loaded
    from app.qt import ensure_app

    ensure_app()
    if not _fonts_loaded:
        folder = resources_dir() / "fonts"
        for name in FONT_FILES:
            path = folder / name
            if path.exists():
                QFontDatabase.addApplicationFont(str(path))
        # Glyphs missing from DejaVu are taken from the bundled fallbacks, not from whatever
        # the machine happens to have (or an empty box where it has nothing).
        QFont.insertSubstitutions(FONT_FAMILY, FALLBACK_FAMILIES)
        _fonts_loaded = True
    return FONT_FAMILY


class _SealedDocument(QTextDocument):
    """A document that paints only the images it was given: an ``<img src>`` naming a file,
    a URL or anything else (untrusted rich text) loads nothing."""

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        if kind == QTextDocument.ResourceType.ImageResource:
            # An empty answer (or a QImage, when Qt asks for a QPixmap) makes Qt read the
            # file itself: answer the encoded bytes of a blank pixel instead.
            return _blank_png()
        return None


def _blank_png() -> QByteArray:
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(Qt.GlobalColor.transparent)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # PySide6 6.11 refuses bytes here though its stub asks for them: the stub is wrong
    blank.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return data


def _build_document(
    html: str,
    writer: QPdfWriter,
    body: QRectF,
    css: str,
    images: Mapping[str, QImage | bytes],
) -> QTextDocument:
    doc = _SealedDocument()
    doc.documentLayout().setPaintDevice(writer)
    doc.setDefaultFont(QFont(FONT_FAMILY, 10))
    doc.setDefaultStyleSheet(BASE_CSS + css)
    doc.setDocumentMargin(0)
    for name, data in images.items():
        image = data if isinstance(data, QImage) else QImage.fromData(data)
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    doc.setPageSize(QSizeF(body.width(), body.height()))
    doc.setHtml(html)
    return doc


def render_html_pdf(
    html: str | Callable[[dict[str, int]], str],
    out: str | os.PathLike[str],
    *,
    title: str,
    footer_left: str = "",
    page_label: str | None = None,
    header: str = "",
    plain_first_page: bool = True,
    css: str = "",
    images: Mapping[str, QImage | bytes] | None = None,
    margins_mm: tuple[float, float, float, float] = (20, 18, 20, 22),
    author: str = "Tribune",
    landscape: bool = False,
    watermark: str = "",
    archival: bool = False,
    style: DocumentStyle | None = None,
) -> PdfResult:
    """Render ``html`` to an A4 PDF at ``out``.

    Args:
        html: the body, or a callable taking ``{anchor: page}`` (see the module docstring).
        out: the PDF path; its folder must exist and be writable.
        title: the PDF's title (document properties).
        footer_left: text at the bottom left of every page (e.g. "Charte v3 — Client").
        page_label: translated template with ``{page}`` and ``{pages}``, bottom right;
            default "page {page} / {pages}" in the current language.
        header: text at the top right of every page but the first, if any.
        plain_first_page: no header or footer on page 1 (a cover page).
        css: extra CSS appended to :data:`BASE_CSS`.
        images: resources referenced by ``<img src="name">``: QImage or encoded bytes.
        margins_mm: left, top, right, bottom.
        author: the PDF's creator field.
        landscape: A4 landscape (wide tables such as logs), else portrait.
        watermark: large pale words across every page ("DRAFT — not signed"), if any.
        archival: PDF/A-1b (fonts embedded, colours and metadata self-contained), for a
            document kept for years, such as a signed charter.
        style: the agency's style (:mod:`app.documents.style`): its header (logo, agency and
            client names) and footer on every page, the cover included (``header`` and
            ``plain_first_page`` are then ignored), its colour in the CSS, and French
            typography of the running text when the document is in French.

    Returns:
        The path written and the number of pages.

    Raises:
        StorageError: the target cannot be written.
    """
    family = ensure_fonts()
    target = Path(out).expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise StorageError(
            translate(
                "Documents", "Cannot write the PDF to {path}: folder missing or read-only."
            ).format(path=target)
        )
    target = check_target(target)
    if page_label is None:
        page_label = translate("Documents", "page {page} / {pages}")
    if style is not None:
        css = style.css() + css
        if style.language == "fr":
            html = _typeset(html, style.language)
    # QPdfWriter says nothing on a full disk: the PDF is written aside, fsynced, checked
    # (trailer, pdfinfo) and only then moved over ``out`` (app.safefile).
    with checked_output(target, verify_pdf) as tmp:
        pages, fields = _paint(
            html,
            str(tmp),
            title=title,
            footer_left=footer_left,
            page_label=page_label,
            header=header,
            plain_first_page=plain_first_page,
            css=css,
            images={} if images is None else images,
            margins_mm=margins_mm,
            author=author,
            family=family,
            landscape=landscape,
            watermark=watermark,
            archival=archival,
            style=style,
        )
    return PdfResult(target, pages, fields)


def _typeset(
    html: str | Callable[[dict[str, int]], str], language: str
) -> str | Callable[[dict[str, int]], str]:
    """French spacing in the text of ``html`` (each pass of a callable too)."""
    if callable(html):
        build = html
        return lambda anchors: typeset_html(build(anchors), language)
    return typeset_html(html, language)


def _paint(
    html: str | Callable[[dict[str, int]], str],
    path: str,
    *,
    title: str,
    footer_left: str,
    page_label: str,
    header: str,
    plain_first_page: bool,
    css: str,
    images: Mapping[str, QImage | bytes],
    margins_mm: tuple[float, float, float, float],
    author: str,
    family: str,
    landscape: bool = False,
    watermark: str = "",
    archival: bool = False,
    style: DocumentStyle | None = None,
) -> tuple[int, dict[str, Any]]:
    writer = QPdfWriter(path)
    if archival:
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setResolution(DPI)
    writer.setTitle(title)
    writer.setCreator(author)
    # Full page: we draw the margins ourselves (the footer lives in the bottom margin).
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    px_per_mm = DPI / 25.4
    page_px = writer.pageLayout().fullRectPixels(DPI)
    left, top, right, bottom = (m * px_per_mm for m in margins_mm)
    body = QRectF(left, top, page_px.width() - left - right, page_px.height() - top - bottom)

    if callable(html):
        # Lay out, give the callable the anchors' pages, again until its HTML stops changing
        # (page numbers of a table of contents, blocks moved whole to the next page).
        text = html({})
        doc = _build_document(text, writer, body, css, images)
        for _ in range(MAX_PASSES):
            following = html(anchor_pages(doc, body.height()))
            if following == text:
                break
            text = following
            doc = _build_document(text, writer, body, css, images)
    else:
        doc = _build_document(html, writer, body, css, images)
    page_count = max(1, doc.pageCount())

    painter = QPainter()
    if not painter.begin(writer):
        raise StorageError(
            translate("Documents", "Cannot write the PDF to {path}.").format(path=path)
        )
    try:
        small = QFont(family, 8)
        layout = doc.documentLayout()
        for index in range(page_count):
            if index:
                writer.newPage()
            if style is not None:  # first, so that text extraction reads it first
                paint_header(painter, body, top, DPI / 25.4, style, family)
            if watermark:  # under the text, which stays readable through it
                mark = QRectF(body.left(), top - 10 * px_per_mm, body.width(), 6 * px_per_mm)
                align = Qt.AlignmentFlag.AlignLeft
                if style is not None:  # the header is the agency's: the mark goes below
                    mark = QRectF(
                        body.left(), body.bottom() + 5.5 * px_per_mm, body.width(), 6 * px_per_mm
                    )
                    align = Qt.AlignmentFlag.AlignHCenter
                paint_watermark(painter, page_px, mark, watermark, family, align)
            painter.save()
            painter.translate(body.left(), body.top())
            painter.setClipRect(QRectF(0, 0, body.width(), body.height()))
            painter.translate(0, -index * body.height())
            ctx = QAbstractTextDocumentLayout.PaintContext()
            # A line starting exactly at the next page's top would be drawn (clipped but still
            # extractable as text) on this page too: keep the context clip a hair short.
            ctx.clip = QRectF(0, index * body.height(), body.width(), body.height() - 0.5)
            layout.draw(painter, ctx)
            painter.restore()
            if style is not None:
                page_text = page_label.format(page=index + 1, pages=page_count)
                paint_footer(painter, body, DPI / 25.4, style, footer_left, page_text, family)
                continue
            if plain_first_page and index == 0:
                continue
            painter.save()
            painter.setFont(small)
            painter.setPen(QPen(QColor("#5b6477")))
            line_y = body.bottom() + 4 * px_per_mm
            painter.drawLine(int(body.left()), int(line_y), int(body.right()), int(line_y))
            text_rect = QRectF(body.left(), line_y + 1.5 * px_per_mm, body.width(), 6 * px_per_mm)
            if footer_left:
                painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft, footer_left)
            painter.drawText(
                text_rect,
                Qt.AlignmentFlag.AlignRight,
                page_label.format(page=index + 1, pages=page_count),
            )
            if header:
                head_rect = QRectF(body.left(), top - 10 * px_per_mm, body.width(), 6 * px_per_mm)
                painter.drawText(head_rect, Qt.AlignmentFlag.AlignRight, header)
            painter.restore()
    finally:
        painter.end()
    return page_count, field_positions(doc, body, page_px.height())


__all__ = [
    "BASE_CSS",
    "FONT_FAMILY",
    "DocumentStyle",
    "KeepTogether",
    "PdfResult",
    "ensure_fonts",
    "render_html_pdf",
]
