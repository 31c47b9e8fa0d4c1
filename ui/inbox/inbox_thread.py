"""The thread as a conversation: their messages on the left, our replies on the right in the
accent colour, internal notes inline in a yellow "note" style with their author's name.

The document is rich text built by us; every piece that came from the internet or a
colleague (names, texts) goes through :func:`app.textsafe.escape`, so markup in a message is
shown as typed and never interpreted (docs/pitfalls.md: Qt guesses rich text).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextOption
from PySide6.QtWidgets import QTextBrowser

from app.textsafe import escape
from ui.formatting import datetime_text
from ui.inbox.inbox_style import bubble_colours, follow_scheme


@dataclass(frozen=True)
class Bubble:
    """One entry of the conversation, in the order shown."""

    side: str  # "theirs", "ours" or "note"
    author: str
    text: str
    at: dt.datetime | None
    caption: str = ""  # "sent", "draft"… for ours; "" otherwise
    current: bool = False  # the message selected in the list


def bubbles(detail) -> list[Bubble]:
    """The thread's messages and replies with the internal notes, in time order."""
    items: list[Bubble] = []
    for item in detail.thread:
        items.append(
            Bubble(
                "ours" if item.ours else "theirs",
                item.author,
                item.text,
                item.at,
                item.reply_state if item.ours else "",
                item.id == detail.id,
            )
        )
    if not items:
        items.append(Bubble("theirs", detail.author, detail.text, detail.received_at, current=True))
    for note in detail.notes:
        items.append(Bubble("note", note.author, note.text, note.created_at))
    floor = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(items, key=lambda b: b.at or floor)  # sorted() is stable: ties keep order


def reply_state_label(state: str) -> str:
    """Where our reply is, in words (the states of ``InboxMessage.reply_state``)."""
    return {
        "queued": QCoreApplication.translate("ConversationPanel", "waiting for the next sync"),
        "sending": QCoreApplication.translate("ConversationPanel", "sending"),
        "sent": QCoreApplication.translate("ConversationPanel", "sent"),
        "failed": QCoreApplication.translate("ConversationPanel", "not sent"),
        "held": QCoreApplication.translate("ConversationPanel", "awaiting a lead's approval"),
        "draft": QCoreApplication.translate("ConversationPanel", "sent back by a lead"),
    }.get(state, state)


def _bubble_html(b: Bubble, tz, c: dict[str, str]) -> str:
    when = escape(datetime_text(b.at, tz)) if b.at else ""
    text = escape(b.text)
    if b.side == "note":
        head = QCoreApplication.translate("ConversationPanel", "Internal note · {author}")
        head = head.format(author=escape(b.author))
        return (
            f'<table width="100%" border="0" cellspacing="0" cellpadding="8" '
            f'style="margin-top:6px; margin-bottom:6px;" '
            f'bgcolor="{c["note_bg"]}"><tr><td style="color:{c["note_fg"]};">'
            f"<b style='color:{c['note_meta']};'>✎ {head}</b> "
            f"<span style='color:{c['note_meta']};'>— {when}</span>"
            f"<br>{text}</td></tr></table>"
        )
    ours = b.side == "ours"
    side = "ours" if ours else "theirs"
    bg, fg, meta_colour = c[f"{side}_bg"], c[f"{side}_fg"], c[f"{side}_meta"]
    align = "right" if ours else "left"
    who = escape(b.author)
    if ours and b.caption:
        us = QCoreApplication.translate("ConversationPanel", "{author} (us, {state})")
        who = us.format(author=who, state=escape(reply_state_label(b.caption)))
    if b.current and not ours:  # the message selected in the list: its author stands out
        who = f"<span style='color:{c['current']};'>{who}</span>"
    return (
        f'<table align="{align}" width="82%" border="0" cellspacing="0" cellpadding="8" '
        f'bgcolor="{bg}" style="margin-top:6px; margin-bottom:6px;">'
        f'<tr><td style="color:{fg};">'
        f"<span style='color:{meta_colour}; font-size:small;'><b>{who}</b> · {when}</span>"
        f"<br>{text}</td></tr></table><br>"
    )


def conversation_html(detail, tz, colours: dict[str, str] | None = None) -> str:
    c = colours or bubble_colours()
    return "".join(_bubble_html(b, tz, c) for b in bubbles(detail))


class ConversationView(QTextBrowser):
    """Read-only, no link followed, no resource loaded: it only shows what we built."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("inboxThread")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setReadOnly(True)
        self.document().setDocumentMargin(8)
        self.setTabChangesFocus(True)
        # a long link or a hostile run of characters wraps instead of widening the pane
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setPlaceholderText(
            QCoreApplication.translate(
                "ConversationPanel",
                "Select a message in the list: its conversation shows here, "
                "with our replies and the team's notes.",
            )
        )
        self._shown: tuple | None = None
        follow_scheme(self, self._restyle)

    def _restyle(self, _scheme) -> None:
        """The scheme changed: the bubbles again in its colours (the scroll stays)."""
        if self._shown is not None and self._shown[0] is not None and self.toPlainText():
            value = self.verticalScrollBar().value()
            self.setHtml(conversation_html(*self._shown))
            self.verticalScrollBar().setValue(value)

    def loadResource(self, _type, _name):  # never a file or a URL, whatever the text says
        return None

    def show_detail(self, detail, tz) -> None:
        self._shown = (detail, tz)
        self.setHtml(conversation_html(detail, tz))
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
