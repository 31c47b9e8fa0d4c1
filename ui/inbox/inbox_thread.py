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

THEIRS_BG, THEIRS_FG = "#eef1f6", "#1d2536"
OURS_BG, OURS_FG = "#3b6fd8", "#ffffff"
NOTE_BG, NOTE_FG = "#fff4c2", "#5c4400"
CURRENT_BORDER = "#2453b3"


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
    }.get(state, state)


def _bubble_html(b: Bubble, tz) -> str:
    when = escape(datetime_text(b.at, tz)) if b.at else ""
    text = escape(b.text)
    if b.side == "note":
        head = QCoreApplication.translate("ConversationPanel", "Internal note · {author}")
        head = head.format(author=escape(b.author))
        return (
            f'<table width="100%" border="0" cellspacing="0" cellpadding="8" '
            f'style="margin-top:6px; margin-bottom:6px;" '
            f'bgcolor="{NOTE_BG}"><tr><td style="color:{NOTE_FG};">'
            f"<b>✎ {head}</b> <span style='color:#7a6200;'>— {when}</span>"
            f"<br>{text}</td></tr></table>"
        )
    ours = b.side == "ours"
    bg, fg = (OURS_BG, OURS_FG) if ours else (THEIRS_BG, THEIRS_FG)
    align = "right" if ours else "left"
    who = escape(b.author)
    if ours and b.caption:
        us = QCoreApplication.translate("ConversationPanel", "{author} (us, {state})")
        who = us.format(author=who, state=escape(reply_state_label(b.caption)))
    meta_colour = "#dbe6ff" if ours else "#5b6477"
    if b.current and not ours:  # the message selected in the list: its author stands out
        who = f"<span style='color:{CURRENT_BORDER};'>{who}</span>"
    return (
        f'<table align="{align}" width="82%" border="0" cellspacing="0" cellpadding="8" '
        f'bgcolor="{bg}" style="margin-top:6px; margin-bottom:6px;">'
        f'<tr><td style="color:{fg};">'
        f"<span style='color:{meta_colour}; font-size:small;'><b>{who}</b> · {when}</span>"
        f"<br>{text}</td></tr></table><br>"
    )


def conversation_html(detail, tz) -> str:
    return "".join(_bubble_html(b, tz) for b in bubbles(detail))


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

    def loadResource(self, _type, _name):  # never a file or a URL, whatever the text says
        return None

    def show_detail(self, detail, tz) -> None:
        self.setHtml(conversation_html(detail, tz))
        self.verticalScrollBar().setValue(self.verticalScrollBar().maximum())
