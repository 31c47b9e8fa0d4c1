"""A local authorisation server speaking OAuth 2.0 with PKCE, as Mastodon and X document it.

``GET /oauth/authorize`` (and X's ``/i/oauth2/authorize``) shows a consent page; the test plays
the browser by posting ``/consent`` with ``approve=yes|no``, which answers with the redirect to
the app's loopback address. ``POST /oauth/token`` (and ``/2/oauth2/token``) checks the code
(once only), the redirect address, the client and the PKCE verifier. ``POST /api/v1/apps``
registers an app; ``verify_credentials`` and ``/2/users/me`` name the account.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlencode

import httpx

from tests.servers.base import LoopbackServer


class AuthServer(LoopbackServer):
    def __init__(self, acct: str = "aquarelle") -> None:
        super().__init__()
        self.acct = acct
        self.apps: dict[str, dict] = {}  # client_id -> {secret, redirect_uris}
        self.pending: dict[str, dict] = {}  # request id -> authorise query
        self.codes: dict[str, dict] = {}  # code -> {query, used}
        self.tokens: set[str] = set()

    def handle(self, method, path, query, headers, body):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()} if body else {}
        if path == "/api/v1/apps" and method == "POST":
            cid, secret = secrets.token_hex(8), secrets.token_hex(16)
            self.apps[cid] = {"secret": secret, "redirect_uris": form["redirect_uris"].split()}
            return 200, {}, {"client_id": cid, "client_secret": secret, "name": "Tribune"}
        if path in ("/oauth/authorize", "/i/oauth2/authorize") and method == "GET":
            rid = secrets.token_hex(6)
            self.pending[rid] = dict(query)
            return 200, {"Content-Type": "text/html"}, f"<form>consent {rid}</form>"
        if path == "/consent" and method == "POST":
            q = self.pending.pop(form["request"])
            if form.get("approve") != "yes":
                back = {"error": "access_denied", "state": q["state"]}
            else:
                code = secrets.token_hex(10)
                self.codes[code] = {"query": q, "used": False}
                back = {"code": code, "state": q["state"]}
            return 302, {"Location": f"{q['redirect_uri']}?{urlencode(back)}"}, b""
        if path in ("/oauth/token", "/2/oauth2/token") and method == "POST":
            entry = self.codes.get(form.get("code", ""))
            if entry is None or entry["used"]:
                return 400, {}, {"error": "invalid_grant"}
            entry["used"] = True
            q = entry["query"]
            challenge = (
                base64.urlsafe_b64encode(
                    hashlib.sha256(form.get("code_verifier", "").encode()).digest()
                )
                .rstrip(b"=")
                .decode()
            )
            app = self.apps.get(form.get("client_id", ""))
            if (
                challenge != q["code_challenge"]
                or form.get("redirect_uri") != q["redirect_uri"]
                or form.get("client_id") != q["client_id"]
                or (app is not None and form.get("client_secret") != app["secret"])
            ):
                return 400, {}, {"error": "invalid_grant"}
            token = secrets.token_hex(12)
            self.tokens.add(token)
            return (
                200,
                {},
                {"access_token": token, "token_type": "bearer", "refresh_token": "r-" + token},
            )
        if path in ("/api/v1/accounts/verify_credentials", "/2/users/me"):
            if headers.get("authorization", "")[7:] not in self.tokens:
                return 401, {}, {"error": "The access token is invalid"}
            if path.startswith("/2/"):
                return 200, {}, {"data": {"id": "1", "username": self.acct}}
            return 200, {}, {"acct": self.acct, "username": self.acct}
        return 404, {}, {"error": "not found"}


class Browser:
    """Plays the person in the browser: opens the page, answers the consent, follows back."""

    def __init__(self, approve: bool = True, tamper_state: bool = False, code: str = "") -> None:
        self.approve, self.tamper_state, self.code = approve, tamper_state, code
        self.last_code = ""

    def __call__(self, url: str) -> None:
        with httpx.Client() as web:
            page = web.get(url)
            rid = page.text.split("consent ")[1].split("<")[0]
            base = url.split("/oauth/authorize")[0].split("/i/oauth2/authorize")[0]
            answer = web.post(
                base + "/consent", data={"request": rid, "approve": "yes" if self.approve else "no"}
            )
            location = answer.headers["location"]
            target, _, query = location.partition("?")
            params = {k: v[0] for k, v in parse_qs(query).items()}
            self.last_code = params.get("code", "")
            if self.tamper_state:
                params["state"] = "forged"
            if self.code:
                params["code"] = self.code
            web.get(f"{target}?{urlencode(params)}")
