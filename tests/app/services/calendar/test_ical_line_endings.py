"""A CR-only .ics (old Mac exports) is read like CRLF, not refused (issue #19)."""

from __future__ import annotations

import datetime as dt

from app.services.calendar.ical import import_ics
from app.services.clients import workspaces as clients


def test_a_cr_only_calendar_is_read(db):
    with db.session() as s:
        cid = clients.create_client(s, "Fins de ligne").id
        clients.add_account(s, cid, "facebook", "page", base_url="https://graph.test")
    data = (
        "BEGIN:VCALENDAR\rVERSION:2.0\rPRODID:-//x//EN\rBEGIN:VEVENT\rUID:cr-1\r"
        "DTSTART:20261220T100000Z\rSUMMARY:Noël\rDESCRIPTION:une ligne\r\n  pliée\r"
        "END:VEVENT\rEND:VCALENDAR\r"
    ).encode()
    with db.session() as s:
        result = import_ics(s, cid, data, now=dt.datetime(2026, 12, 1, tzinfo=dt.UTC))
    assert result.added == 1, result
