"""HTML from the networks turned into plain text (Mastodon statuses, RSS descriptions).

Paragraphs become blank lines, ``<br>`` a newline, links their visible text; Mastodon's
``<span class="invisible">`` parts of shortened links are dropped and its ``ellipsis`` spans
get "…"; scripts and styles vanish; entities are decoded. The result is never rendered as
rich text again.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCK = {"p", "div", "blockquote", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre"}
_SKIP = {"script", "style", "head", "title"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipping, ellipsis)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        invisible = tag in _SKIP or "invisible" in classes
        if tag in ("br",):
            self.parts.append("\n")
            return
        if tag in _BLOCK:
            self.parts.append("\n\n")
        if tag == "li":
            self.parts.append("• ")
        if tag in ("img",):
            alt = dict(attrs).get("alt")
            if alt and not self.skip:
                self.parts.append(alt)
            return
        self.stack.append((tag, invisible, "ellipsis" in classes))
        if invisible:
            self.skip += 1

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            name, invisible, ellipsis = self.stack.pop()
            if invisible:
                self.skip -= 1
            if ellipsis and not self.skip:
                self.parts.append("…")
            if name == tag:
                break
        if tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


_OTHER_TAG = re.compile(r"</?(?!(?:p|br|a|span)[\s/>])[a-zA-Z]", re.IGNORECASE)
_INVISIBLE = re.compile(r'<span class="invisible">[^<]*</span>')
_ELLIPSIS = re.compile(r'<span class="ellipsis">([^<]*)</span>')
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PARA = re.compile(r"</?p(?:\s[^>]*)?>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v]{2,}|[\t\r\f\v]")  # a lone space stays as it is
_LINE_EDGES = re.compile(r" *\n *")
_BLANKS = re.compile(r"\n{3,}")


def _ellipsis(match: re.Match[str]) -> str:
    return match.group(1) + "…"


def _simple(value: str) -> str | None:
    """The common case (p, br, a, span) with regular expressions: 4× faster than the parser.

    None when the fragment holds anything else (the parser handles it)."""
    if _OTHER_TAG.search(value):
        return None
    if "class=" in value:
        value = _ELLIPSIS.sub(_ellipsis, _INVISIBLE.sub("", value))
        if "invisible" in value or "ellipsis" in value:
            return None
    if "<br" in value or "<BR" in value:
        value = _BR.sub("\n", value)
    if "<p " in value or "<P" in value or "</P" in value:
        value = _PARA.sub("\n\n", value)
    value = _ANY_TAG.sub("", value.replace("<p>", "\n\n").replace("</p>", "\n\n"))
    return html.unescape(value) if "&" in value else value


def _parsed(value: str) -> str:
    parser = _Text()
    parser.feed(value)
    parser.close()
    return "".join(parser.parts)


def _one_paragraph(value: str) -> str | None:
    """The commonest status of all, ``<p>text with maybe <a>links</a></p>``: strip and go."""
    if (
        value.startswith("<p>")
        and value.endswith("</p>")
        and value.count("<p") == 1
        and "<br" not in value
        and "class=" not in value
        and "\n" not in value
        and not _OTHER_TAG.search(value)
    ):
        inner = value[3:-4]
        if "<" in inner:
            inner = _ANY_TAG.sub("", inner)
        return html.unescape(inner) if "&" in inner else inner
    return None


def html_to_text(value: str) -> str:
    """Plain text of an HTML fragment (already plain text passes through unchanged)."""
    if not value:
        return ""
    if "<" not in value:
        return html.unescape(value).strip()
    text = _one_paragraph(value)
    if text is not None:
        if "\xa0" in text:
            text = text.replace("\xa0", " ")
        if "  " in text or "\t" in text or "\r" in text or "\f" in text or "\v" in text:
            text = _SPACES.sub(" ", text)
        if "\n" not in text:
            return text.strip()
        return _BLANKS.sub("\n\n", _LINE_EDGES.sub("\n", text)).strip()
    text = _simple(value)
    if text is None:
        text = _parsed(value)
    text = _SPACES.sub(" ", text.replace("\xa0", " "))
    if "\n" in text:
        text = _BLANKS.sub("\n\n", _LINE_EDGES.sub("\n", text))
    return text.strip()
