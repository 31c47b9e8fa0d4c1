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

    def handle_starttag(self, tag, attrs):
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

    def handle_endtag(self, tag):
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

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    """Plain text of an HTML fragment (already plain text passes through unchanged)."""
    if not value:
        return ""
    if "<" not in value:
        return html.unescape(value).strip()
    parser = _Text()
    parser.feed(value)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()
