"""Untrusted text stays text wherever Qt might read it as HTML.

Qt renders a string as rich text wherever it guesses it is HTML (``Qt::mightBeRichText``):
tooltips, QLabel without ``PlainText``, QMessageBox. An ``<img src="/local/file.png">`` in a
message would then load and paint a local file. Every tooltip built from a message, an
author, a server's error or a client's name goes through :func:`tooltip`; labels use
``Qt.TextFormat.PlainText`` instead. Core-only (no Qt import): the UI and the documents use it.
"""

from __future__ import annotations

import html
import re


def escape(text: object) -> str:
    """``text`` as HTML text: markup shown, never interpreted; line breaks kept."""
    return html.escape(str(text if text is not None else ""), quote=True).replace("\n", "<br>")


def tooltip(text: object) -> str:
    """A tooltip showing ``text`` exactly: unchanged when Qt cannot mistake it for markup,
    else escaped inside ``<qt>`` (rich text whose only content is the escaped characters)."""
    value = str(text if text is not None else "")
    if not any(c in value for c in "<>&"):
        return value
    return f"<qt>{escape(value)}</qt>"


# <img> whose source is not one of the document's own resources (a bare name we embed)
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)


def _embedded(src: str) -> bool:
    src = html.unescape(src).strip()
    # not file:, http:, data:, qrc:, nor any absolute or relative path
    return bool(src) and not (":" in src or "/" in src or src.startswith(("\\", ".", "~")))


def strip_foreign_images(rich: str, allowed: set[str] | frozenset[str] = frozenset()) -> str:
    """Rich text without any ``<img>`` pointing outside the document (files, URLs, paths):
    only images whose source is a resource name in ``allowed`` remain."""

    def keep(match: re.Match[str]) -> str:
        found = _SRC.search(match.group(0))
        if not found:
            return ""
        src = next(g for g in found.groups() if g is not None)
        return match.group(0) if _embedded(src) and html.unescape(src) in allowed else ""

    return _IMG.sub(keep, rich or "")


__all__ = ["escape", "quoted", "strip_foreign_images", "tooltip"]


# -- text from a network, as a database stores it ---------------------------------------------
MAX_STORED_TEXT = 100_000  # characters of a message kept; the rest is cut with a note
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(value: object, limit: int | None = None) -> str:
    """Text a database stores as given, whatever a network sent: NUL characters (PostgreSQL
    refuses them in text) removed, lone surrogates (no encoding takes them) replaced, and,
    with ``limit``, cut to that many characters."""
    text = "" if value is None else str(value)
    if _UNSTORABLE.search(text):
        text = _UNSTORABLE.sub(lambda m: "" if m.group() == "\x00" else "\ufffd", text)
    return text[:limit] if limit is not None else text


def storable_body(value: object, limit: int = MAX_STORED_TEXT) -> str:
    """A message's text for the database: :func:`storable`, and over ``limit`` characters cut
    with a note saying how much was left out (never a failed batch)."""
    text = storable(value)
    if len(text) <= limit:
        return text
    from app.i18n import translate

    note = translate("Storage", "[… {count} more characters not kept]").format(
        count=len(text) - limit
    )
    return text[:limit] + "\n" + note


def quoted(text: str) -> str:
    """A file's own words quoted in a one-line message (a CSV header, a column name): line
    breaks and control characters become spaces, so the message stays one line."""
    return " ".join("".join(c if c.isprintable() else " " for c in text).split())
