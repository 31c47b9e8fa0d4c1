"""Local servers for connecting accounts of Meta, LinkedIn and Bluesky, as their docs show.

* :class:`BusinessAuthServer` is the authorisation server of :mod:`tests.servers.oauth`
  plus Facebook Login (``/v21.0/dialog/oauth``, ``/v21.0/oauth/access_token`` for the code
  and for ``grant_type=fb_exchange_token``), ``/v21.0/me/accounts`` (pages with their page
  tokens and Instagram accounts, paged), and LinkedIn's ``/oauth/v2/authorization``,
  ``/oauth/v2/accessToken``, ``/rest/organizationAcls`` and ``/rest/organizations/{id}``.
  The agency's app must be registered with :meth:`register`; a wrong secret is refused.
* :class:`IdentityServer` plays Bluesky's handle resolver and the PLC directory (and a
  ``did:web`` domain): ``com.atproto.identity.resolveHandle``, ``GET /<did>``,
  ``/.well-known/did.json``.
* :class:`AnyBrowser` plays the person: opens the authorise address, consents, follows the
  redirect back to Tribune's loopback listener.
"""

from __future__ import annotations

import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx

from tests.servers.base import LoopbackServer
from tests.servers.oauth import AuthServer


class BusinessAuthServer(AuthServer):
    def __init__(self, pages: list[dict] | None = None, orgs: dict[str, str] | None = None):
        super().__init__()
        self.pages = pages or []  # {"id", "name", "instagram": {"id", "username"} | None}
        self.orgs = orgs or {}  # number -> localized name
        self.long_lived: dict[str, str] = {}  # long-lived user token -> short token
        self.page_tokens: dict[str, str] = {}  # page id -> page token

    def register(self, client_id: str, secret: str) -> None:
        self.apps[client_id] = {"secret": secret, "redirect_uris": []}

    def handle(self, method, path, query, headers, body):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()} if body else {}
        bearer = headers.get("authorization", "")[7:]
        if path in ("/v21.0/dialog/oauth", "/oauth/v2/authorization") and method == "GET":
            if query.get("client_id") not in self.apps:
                return 400, {}, "unknown app"
            return super().handle(method, "/oauth/authorize", query, headers, body)
        if path in ("/v21.0/oauth/access_token", "/oauth/v2/accessToken"):
            if query.get("grant_type") == "fb_exchange_token":
                app = self.apps.get(query.get("client_id", ""))
                if app is None or app["secret"] != query.get("client_secret"):
                    return 400, {}, {"error": {"message": "Invalid client secret", "code": 1}}
                if query.get("fb_exchange_token") not in self.tokens:
                    return 400, {}, {"error": {"message": "Invalid token", "code": 190}}
                token = "long-" + secrets.token_hex(8)
                self.long_lived[token] = query["fb_exchange_token"]
                return 200, {}, {"access_token": token, "expires_in": 5183944}
            if form.get("client_id") not in self.apps:
                return 400, {}, {"error": "invalid_client"}
            return super().handle(method, "/oauth/token", query, headers, form_body(form))
        if path == "/v21.0/me/accounts":
            if bearer not in self.long_lived:
                return 400, {}, {"error": {"message": "long-lived token expected", "code": 190}}
            start = int(query.get("after") or 0)
            rows = []
            for page in self.pages[start : start + 1]:  # one per page: paging is followed
                token = self.page_tokens.setdefault(page["id"], "page-" + secrets.token_hex(8))
                row = {"id": page["id"], "name": page["name"], "access_token": token}
                if page.get("instagram"):
                    row["instagram_business_account"] = page["instagram"]
                rows.append(row)
            out: dict = {"data": rows}
            if start + 1 < len(self.pages):
                out["paging"] = {"next": f"{self.base_url}/v21.0/me/accounts?after={start + 1}"}
            return 200, {}, out
        if path == "/rest/organizationAcls":
            if bearer not in self.tokens or headers.get("linkedin-version") is None:
                return 401, {}, {"message": "Invalid access token"}
            elements = [
                {"organization": f"urn:li:organization:{n}", "role": "ADMINISTRATOR"}
                for n in self.orgs
            ]
            return 200, {}, {"elements": elements}
        if path.startswith("/rest/organizations/"):
            number = path.rsplit("/", 1)[-1]
            if bearer not in self.tokens or number not in self.orgs:
                return 404, {}, {"message": "not found"}
            return 200, {}, {"id": int(number), "localizedName": self.orgs[number]}
        return super().handle(method, path, query, headers, body)


def form_body(form: dict) -> bytes:
    return urlencode(form).encode()


class AnyBrowser:
    """Opens the authorise page, answers the consent, follows the redirect back."""

    def __init__(self, approve: bool = True) -> None:
        self.approve = approve
        self.opened: list[str] = []

    def __call__(self, url: str) -> None:
        self.opened.append(url)
        parts = urlsplit(url)
        with httpx.Client() as web:
            page = web.get(url)
            rid = page.text.split("consent ")[1].split("<")[0]
            answer = web.post(
                f"{parts.scheme}://{parts.netloc}/consent",
                data={"request": rid, "approve": "yes" if self.approve else "no"},
            )
            web.get(answer.headers["location"])


class IdentityServer(LoopbackServer):
    """Bluesky's handle resolver, the PLC directory and a did:web domain, on one port."""

    def __init__(self) -> None:
        super().__init__()
        self.handles: dict[str, str] = {}  # handle -> DID
        self.documents: dict[str, dict] = {}  # DID -> DID document

    def add(self, handle: str, did: str, pds: str, *, names: list[str] | None = None) -> None:
        self.handles[handle] = did
        self.documents[did] = {
            "@context": ["https://www.w3.org/ns/did/v1"],
            "id": did,
            "alsoKnownAs": [f"at://{h}" for h in (names or [handle])],
            "service": [
                {"id": "#atproto_pds", "type": "AtprotoPersonalDataServer", "serviceEndpoint": pds}
            ],
        }

    @property
    def web_did(self) -> str:
        return "did:web:" + self.base_url.split("://")[1].replace(":", "%3A")

    def handle(self, method, path, query, headers, body):
        if path == "/xrpc/com.atproto.identity.resolveHandle":
            did = self.handles.get(query.get("handle", ""))
            if did is None:
                return 400, {}, {"error": "InvalidRequest", "message": "Unable to resolve handle"}
            return 200, {}, {"did": did}
        if path == "/.well-known/did.json" and self.web_did in self.documents:
            return 200, {}, self.documents[self.web_did]
        did = path.lstrip("/")
        if did in self.documents:
            return 200, {}, self.documents[did]
        return 404, {}, {"message": "DID not registered"}
