"""The open conversation: which message the right pane shows, read off the GUI thread.

A part of :class:`ui.inbox.inbox_area.InboxArea` (strings keep the ``InboxArea`` context),
given the conversation panel, the inbox's context, the draft keeper and the area (whose
operations it runs). A read is a :class:`ui.operations.QueryOp` with a ``latest`` key: a
result that arrives after another message was chosen is dropped.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.services.charter.rules import MESSAGE_CATEGORIES
from app.services.inbox import drafts as inbox_drafts
from app.services.inbox import escalation, resubmit
from app.services.inbox import reading as inbox
from ui.formatting import datetime_text
from ui.operations import QueryOp, drop_pending


class ConversationPart(QObject):
    """Signals:
    shown(object): the MessageDetail now shown (the reply box may check its style)."""

    shown = Signal(object)

    def __init__(self, host, panel, context, drafts) -> None:
        super().__init__(host)
        self.host, self.panel, self.context, self.drafts = host, panel, context, drafts

    def show_message(self, message_id: int | None, *, quiet: bool = False) -> None:
        """Show the conversation of ``message_id``; ``quiet``: a refresh of the one shown
        (no "Loading…" in between, what is typed stays)."""
        if message_id is None or message_id != self.drafts.message_id:
            self.drafts.leave()  # another message: its reply box is its own
        cid = self.context.client_id
        if message_id is None or cid is None:
            drop_pending(self.host, "detail")
            self.panel.show_detail(None, "Europe/Paris")
            return
        if not quiet:
            self.panel.show_loading()

        def load(s):
            return (
                inbox.detail(s, cid, message_id),
                escalation.for_message(s, cid, message_id),
                inbox_drafts.get_draft(s, cid, message_id),
                resubmit.sent_back_for(s, cid, message_id),  # my reply a lead sent back
            )

        QueryOp(self.host, load, self._loaded).latest("detail").run()

    def _loaded(self, result) -> None:
        if self.context.client is None:
            return
        d, escs, draft, back = result
        panel = self.panel
        panel.show_detail(d, self.context.timezone)
        panel.show_sent_back(back)
        if d.id != self.drafts.message_id:  # a refresh of the same message keeps what is typed
            if back is not None and not draft.text.strip():  # rework it where it was left
                draft = inbox_drafts.Draft(d.id, back.text, back.private)
            self.drafts.enter(d.id, draft)
        panel.category.setCurrentIndex(MESSAGE_CATEGORIES.index(d.category))
        tz = ZoneInfo(self.context.timezone)
        channels = {
            "mailto": QCoreApplication.translate("InboxArea", "e-mail (their mail program)"),
            "eml": QCoreApplication.translate("InboxArea", "e-mail (file sent by hand)"),
            "smtp": QCoreApplication.translate("InboxArea", "e-mail (sent by Tribune)"),
        }
        panel.escalations.setPlainText(
            "\n\n".join(
                QCoreApplication.translate(
                    "InboxArea", "{who} asked {contact} by {channel}; due {due}. {answer}"
                ).format(
                    who=e.asked_by,
                    contact=e.contact_name,
                    channel=channels.get(e.channel, e.channel),
                    due=datetime_text(e.due_at, tz),
                    answer=(
                        QCoreApplication.translate("InboxArea", "Answer: {a}").format(a=e.answer)
                        if e.answered_at
                        else QCoreApplication.translate("InboxArea", "No answer yet.")
                    ),
                )
                for e in escs
            )
        )
        panel.answer_add.setEnabled(any(e.answered_at is None for e in escs))
        now = dt.datetime.now(dt.UTC)
        panel.remind.setEnabled(any(e.answered_at is None and e.due_at < now for e in escs))
        self.shown.emit(d)
