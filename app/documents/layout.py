"""Page layout helpers of the PDF renderer: where anchors land, blocks kept on one page,
headings kept with what follows them, and where the form fields go.

Qt's rich text has no ``page-break-inside: avoid`` nor ``page-break-after: avoid``: a document
built by a callable of ``{anchor: page}`` is laid out again until its HTML settles, each pass
moving at most one block, table row or heading (see :class:`HeadingKeeper`). Qt splits a
table row between two pages line by line (a cell's last words alone at the top of the next
page): :meth:`KeepTogether.row` marks a row so that it moves whole instead, the table being
cut there and opened again, header repeated, on the next page.
"""

from __future__ import annotations

import html as html_module
import re
from collections.abc import Callable, Mapping, Sequence, Set
from typing import Any, cast

from PySide6.QtCore import QRectF
from PySide6.QtGui import QTextDocument

DPI = 300


def anchor_pages(doc: QTextDocument, page_height: float) -> dict[str, int]:
    """Page number (1-based) of every ``<a name>`` anchor in the laid-out document."""
    layout = doc.documentLayout()
    pages: dict[str, int] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        block_top: float | None = None  # asked once a block: costly inside table cells
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                names = fragment.charFormat().anchorNames()
                if names:
                    if block_top is None:
                        block_top = layout.blockBoundingRect(block).top()
                    top = block_top
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


def _is_start(name: str) -> bool:
    return name.startswith("keep-") and "-end" not in name


_END = re.compile(r"keep-(.+)-end(\d*)")


def block_ends(anchors: Mapping[str, int]) -> dict[str, int]:
    """The last page of every block: its end anchor, or the latest of its cells' ends."""
    ends: dict[str, int] = {}
    for name, page in anchors.items():
        match = _END.fullmatch(name)
        if match:
            key = match.group(1)
            ends[key] = max(page, ends.get(key, page))
    return ends


class KeepTogether:
    """Blocks kept on one page when they fit: a post on the approval sheet, a heading with
    what follows it. Qt's rich text has no ``page-break-inside: avoid``, so each block is
    bracketed by two anchors; a block whose anchors land on two pages starts a new page at the
    next layout. Use with ``html`` as a callable (see :func:`render_html_pdf`)::

        keep = KeepTogether()
        def html(anchors):
            keep.update(anchors)
            return "".join(
                f"<p{keep.style(k)}>{keep.anchor(k, first_words)}…</p>…{keep.end(k)}" for k, … in …
            )

    The set of moved blocks only grows, one block a pass from the top, so the layout settles.
    """

    def __init__(self) -> None:
        self.moved: set[str] = set()

    def update(self, anchors: Mapping[str, int]) -> None:
        """Move the first block (in the document's order) found across two pages: moving it
        shifts everything after it, so the blocks further down are judged at the next pass."""
        ends = block_ends(anchors)
        # A table row's cells lay out side by side: Qt can put a short cell's end on the first
        # page and the whole of a taller first cell on the next, so the row's first page is
        # the earliest of all its anchors, not its start's.
        firsts: dict[str, int] = {}
        for name, page in anchors.items():
            match = _END.fullmatch(name)
            key = match.group(1) if match else name[5:] if _is_start(name) else None
            if key is not None:
                firsts[key] = min(page, firsts.get(key, page))
        for name in anchors:
            if _is_start(name):
                key = name[5:]
                end = ends.get(key)
                if end is not None and end != firsts[key] and key not in self.moved:
                    self.moved.add(key)
                    return

    def style(self, key: str) -> str:
        """The attribute to put on the block's first element: a page break once it moved."""
        return " style='page-break-before: always'" if key in self.moved else ""

    def anchor(self, key: str, inner: str) -> str:
        """``inner`` (the first words of the block, not empty) marked as the block's start."""
        return f"<a name='keep-{key}'>{inner}</a>"

    def end(self, key: str) -> str:
        """A tiny paragraph closing block ``key``."""
        return f"<p class='keep'><a name='keep-{key}-end'>&nbsp;</a></p>"

    def row(self, key: str, texts: Sequence[str]) -> list[str]:
        """The cells of a table row kept whole (plain texts, escaped here): the first cell's
        first character marks the row's start, every cell's last character an end — the row
        ends with its longest cell. Once ``key`` is in :attr:`moved`, the caller closes the
        table before the row and opens it again on a new page (:meth:`style`)."""

        def esc(text: str) -> str:  # a line break in a cell stays one
            return html_module.escape(text).replace("\n", "<br/>")

        out = []
        for i, text in enumerate(texts):
            text = str(text or "") or "\u00a0"
            if i == 0 and len(text) == 1:
                out.append(f"<a name='keep-{key}'>{esc(text)}</a>")
                continue
            start, middle = (text[:1], text[1:-1]) if i == 0 else ("", text[:-1])
            head = f"<a name='keep-{key}'>{esc(start)}</a>" if start else ""
            out.append(f"{head}{esc(middle)}<a name='keep-{key}-end{i}'>{esc(text[-1])}</a>")
        return out


def _x_of(cursor: object) -> float:
    """``QTextLine.cursorToX``: a float, or (x, position) in some PySide6 versions."""
    return float(cursor[0] if isinstance(cursor, tuple) else cast(float, cursor))


def field_positions(doc: QTextDocument, body: QRectF, page_height_px: float) -> dict[str, Any]:
    """Page and position, in PDF points (origin bottom left), of every ``field-…`` anchor."""
    layout = doc.documentLayout()
    points = 72 / DPI
    found: dict[str, tuple[int, float, float]] = {}
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.isValid():
                for name in fragment.charFormat().anchorNames():
                    if not name.startswith("field-") or name in found:
                        continue
                    rect = layout.blockBoundingRect(block)
                    offset = fragment.position() - block.position()
                    line = block.layout().lineForTextPosition(offset)
                    if not line.isValid():
                        continue
                    x = rect.left() + _x_of(line.cursorToX(offset))
                    y = rect.top() + line.y()
                    page = int((y + 1) // body.height())
                    top = body.top() + y - page * body.height()
                    found[name] = (
                        page,
                        (body.left() + x) * points,
                        (page_height_px - top) * points,
                    )
            it += 1
        block = block.next()
    return found


_HEADING = re.compile(r"<h([23])(\s[^>]*)?>")
_CONTENT = re.compile(r"<(td|p|li)\b[^>]*>")
_EMPTY = re.compile(r"\s*</(td|p|li)>")


def keep_headings_with_content(body: str, breaks: Set[int] = frozenset()) -> str:
    """Mark each heading and the start of what follows it with anchors ``hN`` and ``kN``.

    Rendered once, the anchors' pages tell which headings were left alone at the bottom of
    a page (``hN`` on one page, ``kN`` on the next); rendered again with those numbers in
    ``breaks``, these headings start a new page instead. A heading right under a heading
    that starts a new page (a section and its first sub-heading) follows it, not a page of
    its own.
    """
    out, pos = [], 0
    broke_at = -1  # where the last page-breaking heading ended
    for n, match in enumerate(_HEADING.finditer(body)):
        if match.start() < pos:
            continue
        start = match.start()
        tag = match.group(0)
        if n in breaks and not (broke_at >= 0 and not _CONTENT.search(body, broke_at, start)):
            tag = f'<h{match.group(1)} style="page-break-before: always">'
            broke_at = match.end()
        out.append(body[pos:start] + tag + f'<a name="h{n}"></a>')
        pos = match.end()
        content = _CONTENT.search(body, body.index("</h", pos))
        if content and any(  # a heading with nothing of its own under it: nothing to
            h.group(1) <= match.group(1)  # keep it with (the next section's table is not)
            for h in _HEADING.finditer(body, pos, content.start())
        ):
            content = None
        if content:
            # Qt gives an empty anchor's name to the next character: in an empty paragraph
            # or list item that is far below, and the heading would be moved for nothing
            empty = _EMPTY.match(body, content.end())
            mark = "&nbsp;" if empty else ""
            out.append(body[pos : content.end()] + f'<a name="k{n}">{mark}</a>')
            pos = content.end()
    out.append(body[pos:])
    return "".join(out)


def widowed_headings(anchors: dict[str, int]) -> set[int]:
    """Headings whose content starts on a later page (see :func:`keep_headings_with_content`)."""
    out = set()
    for name, page in anchors.items():
        if name.startswith("h") and name[1:].isdigit() and anchors.get("k" + name[1:], page) > page:
            out.add(int(name[1:]))
    return out


class HeadingKeeper:
    """``html`` (a callable of the anchors' pages) with its headings kept with what follows
    them, and the blocks of ``keep`` (a :class:`app.documents.pdf.KeepTogether`) kept whole.

    Each pass fixes the FIRST problem in the document's order, a heading alone at a page's
    bottom or a block across two pages, and never undoes one: a fix moves everything after
    it, so what lies further down is judged again at the next pass, and the layout settles
    without a page left half empty for a problem that no longer exists.
    """

    def __init__(
        self, html: str | Callable[[dict[str, int]], str], keep: KeepTogether | None = None
    ) -> None:
        self.html = html if callable(html) else (lambda _anchors: html)
        self.keep = keep
        self.breaks: set[int] = set()

    def __call__(self, anchors: dict[str, int]) -> str:
        self._fix_first(anchors)
        return keep_headings_with_content(self.html(anchors), self.breaks)

    def _fix_first(self, anchors: dict[str, int]) -> None:
        ends = block_ends(anchors)
        for name, page in anchors.items():  # in the document's order
            if self.keep is not None and _is_start(name):
                end = ends.get(name[5:])
                if end is not None and end != page and name[5:] not in self.keep.moved:
                    self.keep.moved.add(name[5:])
                    return
            elif name.startswith("h") and name[1:].isdigit():
                number = int(name[1:])
                if anchors.get(f"k{number}", page) > page and number not in self.breaks:
                    self.breaks.add(number)
                    return


__all__ = [
    "HeadingKeeper",
    "KeepTogether",
    "anchor_pages",
    "block_ends",
    "field_positions",
    "keep_headings_with_content",
    "widowed_headings",
]
