"""HTML → A4 PDF with running header, footer and "page X / Y", fonts embedded.

The one PDF renderer of Tribune (charters, approval sheets, monthly reports). It lays a
:class:`QTextDocument` out to the body rectangle of an A4 page and paints it page by page
(translate + clip), drawing the header and footer in the margins (facts.md). Fonts come from
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
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from app.config import resources_dir
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
DPI = 300

BASE_CSS = """
body { font-family: 'DejaVu Sans'; font-size: 10pt; color: #1d2536; }
h1 { font-size: 18pt; font-weight: 600; color: #1d2536; margin-top: 0; margin-bottom: 10pt; }
h2 { font-size: 14pt; font-weight: 600; color: #1d2536; margin-top: 16pt; margin-bottom: 6pt; }
h3 { font-size: 11.5pt; font-weight: 600; color: #2b3750; margin-top: 10pt; margin-bottom: 4pt; }
p { margin-top: 0; margin-bottom: 6pt; line-height: 130%; }
table { border-collapse: collapse; margin-bottom: 8pt; }
th { background-color: #e9eef7; font-weight: 600; text-align: left; padding: 4pt; }
td { padding: 4pt; vertical-align: top; }
.muted { color: #5b6477; }
.small { font-size: 8.5pt; }
"""

_fonts_loaded = False


@dataclass(frozen=True)
class PdfResult:
    path: Path
    pages: int


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


def _anchor_pages(doc: QTextDocument, page_height: float) -> dict[str, int]:
    """Page number (1-based) of every ``<a name>`` anchor in the laid-out document."""
    layout = doc.documentLayout()
    pages: dict[str, int] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                names = fragment.charFormat().anchorNames()
                if names:
                    top = layout.blockBoundingRect(block).top()
                    line = block.layout().lineForTextPosition(
                        fragment.position() - block.position()
                    )
                    if line.isValid():
                        top += line.y()
                    # The layout works in 1/64 px fixed point: a block pushed to the top of
                    # a page can sit a hair above the exact page boundary.
                    for name in names:
                        pages.setdefault(name, int((top + 1) // page_height) + 1)
            it += 1
        block = block.next()
    return pages


class _SealedDocument(QTextDocument):
    """A document that paints only the images it was given: an ``<img src>`` naming a file,
    a URL or anything else (untrusted rich text) loads nothing."""

    def loadResource(self, kind, name):
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
    blank.save(buffer, "PNG")
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
    out: str | os.PathLike,
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
    # QPdfWriter says nothing on a full disk: the PDF is written aside, fsynced, checked
    # (trailer, pdfinfo) and only then moved over ``out`` (app.safefile).
    with checked_output(target, verify_pdf) as tmp:
        pages = _paint(
            html,
            str(tmp),
            title=title,
            footer_left=footer_left,
            page_label=page_label,
            header=header,
            plain_first_page=plain_first_page,
            css=css,
            images=images or {},
            margins_mm=margins_mm,
            author=author,
            family=family,
            landscape=landscape,
        )
    return PdfResult(target, pages)


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
) -> int:
    writer = QPdfWriter(path)
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
        first = _build_document(html({}), writer, body, css, images)
        anchors = _anchor_pages(first, body.height())
        doc = _build_document(html(anchors), writer, body, css, images)
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
    return page_count


__all__ = ["BASE_CSS", "FONT_FAMILY", "PdfResult", "ensure_fonts", "render_html_pdf"]
