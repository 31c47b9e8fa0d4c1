"""#12 in the app: a junior opens the inbox, finds the reply a lead sent back with the
lead's note, reworks it in the reply box and resubmits it; the lead finds it again in the
approvals. A real PostgreSQL with the agency's login roles, a window per person."""

from __future__ import annotations

import pytest

from app.services.clients import workspaces as clients
from app.services.inbox import reading as inbox
from app.services.inbox import replies as inbox_replies
from app.services.people import releases
from tests.ui.test_people_rights_ui import _inbox_with_message, agency, staffed, window_as
from ui.people.people_dialog import PeopleDialog

__all__ = ["agency", "staffed", "window_as"]  # the fixtures this file borrows

pytestmark = pytest.mark.postgres


def test_a_junior_resubmits_from_the_inbox_and_the_lead_sees_it_again(
    qtbot, staffed, window_as, tmp_path
):
    jules, lea = staffed.db("jules"), staffed.db("lea")
    with jules.session() as s:
        cid = clients.find_client(s, "aquarelle").id
        mid = inbox.page(s, cid).rows[0].id
        first = inbox_replies.create_reply(s, cid, mid, "Oui <b>partout</b> !!!")
    with lea.session() as s:
        (held,) = releases.pending(s, cid)
        releases.reject(s, cid, held.id, "Plus chaleureux, s'il te plaît.")
    jules.dispose()

    window = window_as(staffed, "jules")
    area = _inbox_with_message(qtbot, window)
    conv = area.conv
    assert conv.sent_back.isVisible()
    assert conv.sent_back.text() == "Sent back by Lea: Plus chaleureux, s'il te plaît."
    assert conv.sent_back.textFormat().name == "PlainText"
    assert conv.reply.toPlainText() == "Oui <b>partout</b> !!!"  # reworked where it was left
    assert conv.send.text() == "Resubmit for approval" and conv.send.isEnabled()
    area.grab().save(str(tmp_path / "inbox_sent_back.png"))

    conv.reply.setPlainText("Bonjour Ana, oui : nous livrons partout en France.")
    messages = []
    area.status_message.connect(messages.append)
    conv.send.click()
    qtbot.waitUntil(lambda: bool(messages), timeout=10000)
    assert messages == ["Reply waiting for a lead's approval before it is sent."]
    qtbot.waitUntil(lambda: not conv.sent_back.isVisible(), timeout=10000)  # nothing left
    qtbot.waitUntil(area.idle, timeout=10000)
    assert conv.send.text() == "Send reply"
    assert "awaiting a lead's approval" in conv.thread.toPlainText()

    with lea.read() as s:
        (again,) = releases.pending(s, cid)
    assert again.text == "Bonjour Ana, oui : nous livrons partout en France."
    assert again.target_id != first
    tasks = window.tasks
    dialog = PeopleDialog(lea, tasks, tab=1)  # the lead's approvals list
    qtbot.addWidget(dialog)
    dialog.show()
    view = dialog.approvals
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=10000)
    shown = [view.table.item(0, c).text() for c in range(view.table.columnCount())]
    assert any("nous livrons partout" in cell for cell in shown), shown
    tasks.wait(10000)
    dialog.close()
    lea.dispose()
