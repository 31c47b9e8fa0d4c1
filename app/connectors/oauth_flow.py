"""Connecting an account in the browser: OAuth 2.0 for native apps (RFC 8252).

The system browser opens the network's authorisation page (never an embedded view that would
see the password); the network sends the browser back to a one-shot listener on
``http://127.0.0.1:<random port>/callback``; the code it carries is exchanged for tokens with
PKCE (RFC 7636, S256) and a random ``state`` that must come back unchanged. A wrong state, a
denied consent, a browser closed before the end (time-out) and a code already used are refused
in one sentence and change nothing: the tokens only reach the keyring once everything checked.

Networks: Mastodon and the servers speaking its API (the app registers itself on the instance
with ``POST /api/v1/apps``), X (OAuth 2.0 with PKCE as a public client, ``offline.access`` so
the access renews itself). The others (Meta, LinkedIn, Google) need the agency's own app id
and follow the same flow once it is set.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

from app.connectors.base import BadResponse, ConnectorError
from app.connectors.http import Http, json_of
from app.i18n import translate

CALLBACK = "/callback"
# X, Meta and LinkedIn accept only a redirect address registered with the agency's app, port
# included: Tribune listens on this one for them (``TRIBUNE_OAUTH_PORT`` moves it; 0: any).
REGISTERED_PORT = 53682


class AuthorizationError(ConnectorError):
    """The authorisation did not complete; nothing was stored."""


@dataclass(frozen=True)
class Provider:
    """Where and how one network authorises an app."""

    network: str
    authorize_url: str
    token_url: str
    client_id: str
    scopes: tuple[str, ...]
    client_secret: str = field(default="", repr=False)
    # what to keep besides the access token (X renews with refresh_token + client_id)
    keep: tuple[str, ...] = ()


def pkce_pair() -> tuple[str, str]:
    """(verifier, S256 challenge) — RFC 7636 §4.1–4.2."""
    verifier = secrets.token_urlsafe(64)[:96]
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


_PAGE = """<!doctype html><meta charset="utf-8"><title>Tribune</title>
<body style="font-family: sans-serif; margin: 4em">
<h2>{title}</h2><p>{text}</p></body>"""


class LoopbackRedirect:
    """A one-shot HTTP listener on 127.0.0.1 that receives the browser's redirect.

    ``port=0`` takes a free port chosen by the system (RFC 8252 §7.3); a fixed port serves a
    Mastodon app registered with that exact address.
    """

    def __init__(self, port: int = 0) -> None:
        self.params: dict[str, str] | None = None
        self._done = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                if parts.path != CALLBACK or owner._done.is_set():
                    self.send_response(404)
                    self.end_headers()
                    return
                query = {k: v[0] for k, v in parse_qs(parts.query).items()}
                owner.params = query
                failed = "error" in query or "code" not in query
                title = (
                    translate("OAuth", "Tribune was not connected")
                    if failed
                    else translate("OAuth", "Tribune is connected")
                )
                text = translate("OAuth", "You can close this page and go back to Tribune.")
                body = _PAGE.format(title=title, text=text).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                owner._done.set()

        self._server = HTTPServer(("127.0.0.1", port), Handler)
        self.port = self._server.server_address[1]
        self.redirect_uri = f"http://127.0.0.1:{self.port}{CALLBACK}"
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self) -> None:
        while not self._done.is_set():
            self._server.handle_request()

    def __enter__(self) -> LoopbackRedirect:
        self._server.timeout = 0.2
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        self._thread.join(2)
        self._server.server_close()

    def wait(
        self, timeout: float, is_cancelled: Callable[[], bool] = lambda: False
    ) -> dict[str, Any]:
        """The redirect's query parameters; AuthorizationError after ``timeout`` seconds."""
        waited = 0.0
        while not self._done.wait(0.2):
            waited += 0.2
            if is_cancelled():
                raise AuthorizationError(
                    translate("OAuth", "The connection was cancelled; nothing was changed.")
                )
            if waited >= timeout:
                raise AuthorizationError(
                    translate(
                        "OAuth",
                        "The browser did not come back to Tribune in time; nothing was changed.",
                    )
                )
        return dict(self.params or {})


def registered_redirect() -> LoopbackRedirect:
    """The listener on the port registered with the agency's app (X, Meta, LinkedIn)."""
    try:
        port = int(os.environ.get("TRIBUNE_OAUTH_PORT", REGISTERED_PORT))
    except ValueError:
        port = REGISTERED_PORT
    try:
        return LoopbackRedirect(port)
    except OSError:
        raise AuthorizationError(
            translate(
                "OAuth",
                "Port {port} of this computer is taken, so the network cannot come back to "
                "Tribune; close the program using it and try again.",
            ).format(port=port)
        ) from None


def check_answer(answer: dict[str, Any], state: str) -> None:
    """The browser's answer on the loopback redirect is ours and says yes.

    Raises:
        AuthorizationError: another connection's ``state``, or the person refused.
    """
    if not secrets.compare_digest(str(answer.get("state", "")), state):
        raise AuthorizationError(
            translate(
                "OAuth",
                "The answer did not belong to this connection (its state did not match); "
                "nothing was changed.",
            )
        )
    if answer.get("error"):
        raise AuthorizationError(
            translate(
                "OAuth", "The connection was refused on the network's page ({error})."
            ).format(error=answer.get("error_description") or answer["error"])
        )


def authorize(
    provider: Provider,
    http: Http,
    open_browser: Callable[[str], object],
    *,
    timeout: float = 300,
    redirect: LoopbackRedirect | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> str:
    """Run the whole authorisation; returns the secret to keep in the keyring (the access
    token alone, or JSON with what renewing it needs).

    Raises:
        AuthorizationError: denied, wrong state, time-out, or a code the network refused.
    """
    state = secrets.token_urlsafe(24)
    verifier, challenge = pkce_pair()
    listener = redirect or LoopbackRedirect()
    with listener:
        query = {
            "response_type": "code",
            "client_id": provider.client_id,
            "redirect_uri": listener.redirect_uri,
            "scope": " ".join(provider.scopes),
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
        }
        sep = "&" if "?" in provider.authorize_url else "?"
        open_browser(f"{provider.authorize_url}{sep}{urlencode(query)}")
        answer = listener.wait(timeout, is_cancelled)
    check_answer(answer, state)
    form = {
        "grant_type": "authorization_code",
        "code": answer.get("code", ""),
        "redirect_uri": listener.redirect_uri,
        "client_id": provider.client_id,
        "code_verifier": verifier,
    }
    if provider.client_secret:
        form["client_secret"] = provider.client_secret
    response = http.post(provider.token_url, data=form)
    if response.status_code >= 400:
        raise AuthorizationError(
            translate(
                "OAuth",
                "The network refused the authorisation code (HTTP {status}); start again.",
            ).format(status=response.status_code)
        )
    try:
        data = json_of(response, dict)
    except BadResponse as exc:
        raise AuthorizationError(str(exc)) from None
    access = str(data.get("access_token") or "")
    if not access:
        raise AuthorizationError(translate("OAuth", "The network sent no access token."))
    kept = {k: str(data[k]) for k in provider.keep if data.get(k)}
    if not kept:
        return access
    return json.dumps({"access_token": access, **kept, "client_id": provider.client_id})


# -- networks ---------------------------------------------------------------------------------
MASTODON_SCOPES = ("read", "write", "follow")
X_SCOPES = ("tweet.read", "tweet.write", "users.read", "dm.read", "dm.write", "offline.access")


def register_mastodon_app(http: Http, base_url: str, redirect_uri: str) -> tuple[str, str]:
    """(client_id, client_secret) of Tribune registered on a Mastodon-API instance."""
    response = http.post(
        base_url.rstrip("/") + "/api/v1/apps",
        data={
            "client_name": "Tribune",
            "redirect_uris": redirect_uri,
            "scopes": " ".join(MASTODON_SCOPES),
            "website": "https://tribune.invalid/",
        },
    )
    if response.status_code >= 400:
        raise AuthorizationError(
            translate("OAuth", "The server did not let Tribune register (HTTP {status}).").format(
                status=response.status_code
            )
        )
    data = json_of(response, dict)
    if not data.get("client_id") or not data.get("client_secret"):
        raise AuthorizationError(translate("OAuth", "The server's registration was incomplete."))
    return str(data["client_id"]), str(data["client_secret"])


def mastodon_provider(base_url: str, client_id: str, client_secret: str) -> Provider:
    root = base_url.rstrip("/")
    return Provider(
        "mastodon",
        root + "/oauth/authorize",
        root + "/oauth/token",
        client_id,
        MASTODON_SCOPES,
        client_secret,
    )


def x_provider(client_id: str, base_url: str = "https://api.x.com") -> Provider:
    root = base_url.rstrip("/")
    authorize_root = "https://x.com" if "api.x.com" in root else root
    return Provider(
        "x",
        authorize_root + "/i/oauth2/authorize",
        root + "/2/oauth2/token",
        client_id,
        X_SCOPES,
        keep=("refresh_token",),
    )


def who_am_i(http: Http, network: str, base_url: str, secret: str) -> str:
    """The handle of the account that just authorised Tribune."""
    access = secret
    if secret.startswith("{"):
        access = json.loads(secret)["access_token"]
    root = base_url.rstrip("/")
    if network == "mastodon":
        data = json_of(http.get(root + "/api/v1/accounts/verify_credentials", auth=access), dict)
        return str(data.get("acct") or data.get("username") or "")
    if network == "x":
        data = json_of(http.get(root + "/2/users/me", auth=access), dict)
        return str((data.get("data") or {}).get("username") or "")
    return ""


__all__ = [
    "AuthorizationError",
    "LoopbackRedirect",
    "Provider",
    "authorize",
    "mastodon_provider",
    "pkce_pair",
    "register_mastodon_app",
    "who_am_i",
    "x_provider",
]
