"""Escalation e-mail over SMTP (a real socket server on loopback), password from the keyring."""

from __future__ import annotations

import base64
import datetime as dt
import socketserver
import threading

import pytest

from app.connectors.contract import IncomingMessage
from app.errors import TribuneError, ValidationError
from app.services.clients import workspaces as clients
from app.services.inbox import escalation
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox
from app.services.inbox.escalation_mail import send_smtp, store_smtp_password


class _Smtp(socketserver.StreamRequestHandler):
    def handle(self):
        def say(text):
            self.wfile.write((text + "\r\n").encode())

        say("220 loopback ESMTP")
        data, lines = False, []
        while line := self.rfile.readline():
            text = line.decode("utf-8", "replace").rstrip("\r\n")
            if data:
                if text == ".":
                    data = False
                    self.server.mails.append("\n".join(lines))
                    say("250 queued")
                else:
                    lines.append(text)
                continue
            verb = text.upper()
            if verb.startswith(("EHLO", "HELO")):
                say("250-loopback")
                say("250 AUTH PLAIN")
            elif verb.startswith("AUTH PLAIN"):
                self.server.auth.append(base64.b64decode(text.split()[2]).decode())
                say("235 authenticated")
            elif verb == "DATA":
                data = True
                say("354 go ahead")
            elif verb == "QUIT":
                say("221 bye")
                return
            else:
                say("250 ok")


@pytest.fixture
def smtp_server():
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Smtp)
    server.daemon_threads = True
    server.mails, server.auth = [], []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def escalated(sqlite_db):
    with sqlite_db.session() as s:
        c = clients.create_client(s, "Aquarelle")
        inbox_ingest.ingest_messages(
            s,
            c.id,
            [
                IncomingMessage(
                    "facebook", "1", "comment", "Marie", "marie", "Colis jamais reçu",
                    dt.datetime(2026, 3, 10, 9, tzinfo=dt.UTC),
                )
            ],
        )  # fmt: skip
        mid = inbox.page(s, c.id).rows[0].id
        info = escalation.escalate(
            s, c.id, mid, contact_name="Sophie", contact_email="sophie@x.example", channel="smtp"
        )
    return c.uid, info


def test_smtp_sends_with_the_keyring_password(real_keyring, smtp_server, escalated):
    uid, info = escalated
    store_smtp_password(uid, "s3cret-smtp")
    send_smtp(
        info, client_uid=uid, host="127.0.0.1", port=smtp_server.server_address[1],
        username="cm@agence.example", sender="cm@agence.example", starttls=False,
    )  # fmt: skip
    (mail,) = smtp_server.mails
    assert "Subject: [Aquarelle]" in mail and "Colis jamais re" in mail
    assert "To: Sophie <sophie@x.example>" in mail
    assert smtp_server.auth == ["\0cm@agence.example\0s3cret-smtp"]


def test_smtp_without_password_or_server_is_a_clear_error(real_keyring, escalated):
    uid, info = escalated
    with pytest.raises(ValidationError, match="No SMTP password"):
        send_smtp(info, client_uid=uid, host="127.0.0.1", username="cm", sender="cm@x.example")
    store_smtp_password(uid, "pw")
    with pytest.raises(TribuneError, match="could not be sent") as err:
        send_smtp(
            info, client_uid=uid, host="127.0.0.1", port=1, username="cm",
            sender="cm@x.example", starttls=False, timeout=2,
        )  # fmt: skip
    assert "pw" not in str(err.value)
