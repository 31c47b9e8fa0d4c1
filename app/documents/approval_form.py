"""The approval sheet as a fillable PDF, and reading back what the client filled in.

Qt writes the sheet; pypdf (a pure-Python, well-kept PDF library that reads and writes AcroForm
fields, which Qt cannot) then lays on each post, exactly over the printed boxes, two check
boxes ("Approved", "To change") and a comment field. The client fills them in any PDF reader
and sends the file back; :func:`read_decisions` reads them. Each field's name carries the post
and the version the client saw (``post-<id>-v<version>-ok``), and the document carries the
client's uid, so a sheet can only decide for the posts, and the texts, it showed.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PdfReadError
from pypdf.generic import (
    ArrayObject,
    BooleanObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    TextStringObject,
)

from app.errors import ValidationError
from app.i18n import document_translate as translate

PAGE_RIGHT_PT = 595.28 - 20 * 72 / 25.4  # A4 width less the right margin
BOX = 10.5  # a check box, in points
_NAME = re.compile(r"^post-(\d+)-v(\d+)-(ok|change|comment)$")


@dataclass(frozen=True)
class FieldSpot:
    """Where a post's fields go: page (from 0) and the top left of each anchor, in points."""

    post_id: int
    version: int
    page: int
    ok: tuple[float, float]
    change: tuple[float, float]
    comment: tuple[float, float]


@dataclass(frozen=True)
class Decision:
    post_id: int
    version: int
    approved: bool | None  # None: neither box ticked
    comment: str


def _appearance(writer: PdfWriter, on: bool) -> object:
    """A check box's look: an empty square, or one with a tick."""
    side = f"{BOX:.2f}"
    draw = f"0.35 0.39 0.47 RG 0.8 w 0.5 0.5 {BOX - 1:.2f} {BOX - 1:.2f} re S"
    if on:
        tick = f"2.2 {BOX / 2:.2f} m 4.4 2.4 l {BOX - 2:.2f} {BOX - 2:.2f} l"
        draw += f" 0.12 0.45 0.27 RG 1.6 w {tick} S"
    stream = DecodedStreamObject()
    stream.set_data(draw.encode("ascii"))
    stream.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(
                [NumberObject(0), NumberObject(0), FloatObject(side), FloatObject(side)]
            ),
        }
    )
    return writer._add_object(stream)


def _rect(x0: float, y0: float, x1: float, y1: float) -> ArrayObject:
    return ArrayObject([FloatObject(round(v, 2)) for v in (x0, y0, x1, y1)])


def add_fields(path: str | Path, spots: list[FieldSpot], client_uid: str) -> None:
    """Lay the decision fields over the sheet at ``path`` (written aside, read back, then
    moved over it)."""
    writer = PdfWriter(clone_from=str(path))
    on, off = _appearance(writer, True), _appearance(writer, False)
    fields = ArrayObject()
    for spot in spots:
        page = writer.pages[spot.page]
        annots = page.get("/Annots") or ArrayObject()
        base = f"post-{spot.post_id}-v{spot.version}"
        for kind, (x, y) in (("ok", spot.ok), ("change", spot.change)):
            box = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Annot"),
                    NameObject("/Subtype"): NameObject("/Widget"),
                    NameObject("/FT"): NameObject("/Btn"),
                    NameObject("/T"): TextStringObject(f"{base}-{kind}"),
                    NameObject("/TU"): TextStringObject(
                        translate("ApprovalForm", "Approved")
                        if kind == "ok"
                        else translate("ApprovalForm", "To change")
                    ),
                    NameObject("/Rect"): _rect(x - 0.5, y - BOX - 1, x + BOX - 0.5, y - 1),
                    NameObject("/F"): NumberObject(4),
                    NameObject("/V"): NameObject("/Off"),
                    NameObject("/AS"): NameObject("/Off"),
                    NameObject("/MK"): DictionaryObject({NameObject("/CA"): TextStringObject("4")}),
                    NameObject("/AP"): DictionaryObject(
                        {
                            NameObject("/N"): DictionaryObject(
                                {NameObject("/Yes"): on, NameObject("/Off"): off}
                            )
                        }
                    ),
                    NameObject("/P"): page.indirect_reference,
                }
            )
            ref = writer._add_object(box)
            annots.append(ref)
            fields.append(ref)
        x, y = spot.comment
        text = DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Annot"),
                NameObject("/Subtype"): NameObject("/Widget"),
                NameObject("/FT"): NameObject("/Tx"),
                NameObject("/T"): TextStringObject(f"{base}-comment"),
                NameObject("/TU"): TextStringObject(translate("ApprovalForm", "Comment")),
                NameObject("/Ff"): NumberObject(4096),  # multi-line
                NameObject("/Rect"): _rect(x, y - 27, PAGE_RIGHT_PT - 8, y + 1),
                NameObject("/F"): NumberObject(4),
                NameObject("/V"): TextStringObject(""),
                NameObject("/DA"): TextStringObject("/Helv 10 Tf 0 g"),
                NameObject("/P"): page.indirect_reference,
            }
        )
        ref = writer._add_object(text)
        annots.append(ref)
        fields.append(ref)
        page[NameObject("/Annots")] = annots
    helv = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    writer._root_object[NameObject("/AcroForm")] = DictionaryObject(
        {
            NameObject("/Fields"): fields,
            NameObject("/NeedAppearances"): BooleanObject(True),
            NameObject("/DA"): TextStringObject("/Helv 10 Tf 0 g"),
            NameObject("/DR"): DictionaryObject(
                {
                    NameObject("/Font"): DictionaryObject(
                        {NameObject("/Helv"): writer._add_object(helv)}
                    )
                }
            ),
        }
    )
    writer.add_metadata({"/TribuneClient": client_uid, "/TribuneDocument": "approval-sheet"})
    target = Path(path)
    part = target.with_name(f".{target.name}.form.part")
    try:
        with open(part, "wb") as handle:
            writer.write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        PdfReader(str(part)).get_fields()  # verified before it replaces the sheet
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def read_decisions(data: bytes, client_uid: str) -> list[Decision]:
    """What the client filled in, post by post.

    Raises:
        ValidationError: not a PDF, not a Tribune approval sheet, or another client's sheet.
    """
    try:
        reader = PdfReader(io.BytesIO(data))
        meta: Mapping[str, Any] = reader.metadata or {}
        fields = reader.get_fields() or {}
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ValidationError(
            translate("ApprovalForm", "This file is not a readable PDF ({reason}).").format(
                reason=type(exc).__name__
            )
        ) from None
    if meta.get("/TribuneDocument") != "approval-sheet":
        raise ValidationError(
            translate("ApprovalForm", "This PDF is not an approval sheet written by Tribune.")
        )
    if meta.get("/TribuneClient") != client_uid:
        raise ValidationError(
            translate("ApprovalForm", "This approval sheet belongs to another client.")
        )
    posts: dict[tuple[int, int], dict[str, object]] = {}
    for name, field in fields.items():
        match = _NAME.match(name)
        if not match:
            continue
        key = (int(match.group(1)), int(match.group(2)))
        value = field.get("/V")
        entry = posts.setdefault(key, {})
        if match.group(3) == "comment":
            entry["comment"] = str(value or "").strip()
        else:
            entry[match.group(3)] = value not in (None, "/Off", "Off", "")
    decisions = []
    for (post_id, version), entry in sorted(posts.items()):
        ok, change = bool(entry.get("ok")), bool(entry.get("change"))
        approved = None if ok == change else ok  # both or neither: no decision
        decisions.append(Decision(post_id, version, approved, str(entry.get("comment", ""))))
    return decisions


__all__ = ["Decision", "FieldSpot", "add_fields", "read_decisions"]
