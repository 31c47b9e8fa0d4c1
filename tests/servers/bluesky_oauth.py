"""A local AT Protocol authorisation server and a PDS that wants DPoP-bound tokens.

What the atproto OAuth profile documents, checked strictly so that the tests fail when the
client cuts a corner:

* ``/.well-known/oauth-authorization-server`` (issuer, PAR, authorise, token endpoints);
* ``POST /oauth/par``: a DPoP proof is required, and a server nonce in it (the first proof,
  without one, is answered 400 ``use_dpop_nonce`` with a ``DPoP-Nonce`` header); PKCE S256,
  scope ``atproto``, the ``login_hint``, a loopback redirect (any port) for a localhost client;
* ``GET /oauth/authorize?client_id&request_uri`` shows the consent; the test plays the browser
  with :class:`AtprotoBrowser` (``POST /consent``) and lands on the loopback redirect with
  ``code``, ``state`` and ``iss``;
* ``POST /oauth/token``: the code once only, PKCE, the same DPoP key as the PAR; tokens bound to
  that key (``cnf.jkt``), ``token_type`` DPoP, ``sub`` the account's DID (or ``sub_override``);
  refresh tokens are single-use and rotated;
* :class:`OAuthPds`: the Bluesky PDS of :mod:`tests.servers.bluesky` plus
  ``/.well-known/oauth-protected-resource``, answering only ``Authorization: DPoP`` with a
  valid proof (``ath``, same key, its own nonce: 401 ``use_dpop_nonce`` first).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import secrets
import threading
import time
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from tests.servers.base import LoopbackServer
from tests.servers.bluesky import DID, BlueskyServer
from tests.servers.search_bluesky import BlueskySearchServer


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def thumbprint(jwk: dict) -> str:
    """RFC 7638 JWK thumbprint of a P-256 public key."""
    canon = json.dumps(
        {"crv": jwk["crv"], "kty": jwk["kty"], "x": jwk["x"], "y": jwk["y"]},
        separators=(",", ":"),
    )
    return _b64(hashlib.sha256(canon.encode()).digest())


def check_proof(
    proof: str, method: str, url: str, *, nonce: str, access: str = "", seen: set | None = None
) -> str:
    """The proof's key thumbprint, or one of: "bad", "use_dpop_nonce"."""
    try:
        head_b64, body_b64, sig_b64 = proof.split(".")
        header = json.loads(_unb64(head_b64))
        payload = json.loads(_unb64(body_b64))
        jwk = header["jwk"]
        if header.get("typ") != "dpop+jwt" or header.get("alg") != "ES256" or "d" in jwk:
            return "bad"
        key = ec.EllipticCurvePublicNumbers(
            int.from_bytes(_unb64(jwk["x"]), "big"),
            int.from_bytes(_unb64(jwk["y"]), "big"),
            ec.SECP256R1(),
        ).public_key()
        raw = _unb64(sig_b64)
        der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
        key.verify(der, f"{head_b64}.{body_b64}".encode(), ec.ECDSA(hashes.SHA256()))
    except (ValueError, KeyError, InvalidSignature):
        return "bad"
    parts = urlsplit(url)
    if (
        payload.get("htm") != method
        or payload.get("htu") != f"{parts.scheme}://{parts.netloc}{parts.path}"
    ):
        return "bad"
    if not payload.get("jti") or abs(time.time() - payload.get("iat", 0)) > 300:
        return "bad"
    if access and payload.get("ath") != _b64(hashlib.sha256(access.encode()).digest()):
        return "bad"
    if payload.get("nonce") != nonce:
        return "use_dpop_nonce"
    if seen is not None:  # a proof is good once (RFC 9449 §11.1): a replay is refused
        if payload["jti"] in seen:
            return "bad"
        seen.add(payload["jti"])
    return thumbprint(jwk)


class AtprotoAuthServer(LoopbackServer):
    def __init__(self, did: str = DID) -> None:
        super().__init__()
        self.did = did
        self.sub_override = ""  # answer for another account than the one asked
        self.claimed_issuer = ""  # metadata naming another issuer than its own address
        self.nonce = "n-" + secrets.token_hex(4)
        self.requests: dict[str, dict] = {}  # request_uri -> PAR form + jkt
        self.codes: dict[str, dict] = {}  # code -> {form, used}
        self.tokens: dict[str, dict] = {}  # access token -> {jkt, sub}
        self.refresh: dict[str, dict] = {}  # refresh token -> {jkt, sub, used}
        self.jtis: set[str] = set()
        self.par_forms: list[dict] = []
        self.consents: dict[str, str] = {}  # consent id -> request_uri
        self.grant_lock = threading.Lock()
        self.refresh_delay = 0.0
        self.renewals = self.refused_refreshes = 0

    def expire_all(self) -> None:
        """Every access token given so far is refused from now on (they expired)."""
        self.tokens.clear()

    @property
    def issuer(self) -> str:
        return self.base_url

    def rotate_nonce(self) -> None:
        self.nonce = "n-" + secrets.token_hex(4)

    def _proof(self, method, path, headers):
        result = check_proof(
            headers.get("dpop", ""), method, self.base_url + path, nonce=self.nonce, seen=self.jtis
        )
        if result == "use_dpop_nonce":
            return None, (400, {"DPoP-Nonce": self.nonce}, {"error": "use_dpop_nonce"})
        if result == "bad":
            return None, (400, {}, {"error": "invalid_dpop_proof"})
        return result, None

    def _issue(self, jkt: str, sub: str) -> dict:
        access, refresh = "at-" + secrets.token_hex(8), "rt-" + secrets.token_hex(8)
        self.tokens[access] = {"jkt": jkt, "sub": sub}
        self.refresh[refresh] = {"jkt": jkt, "sub": sub, "used": False}
        return {
            "access_token": access,
            "refresh_token": refresh,
            "token_type": "DPoP",
            "scope": "atproto transition:generic",
            "sub": sub,
            "expires_in": 3600,
        }

    def handle(self, method, path, query, headers, body):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()} if body else {}
        if path == "/.well-known/oauth-authorization-server":
            root = self.base_url
            return (
                200,
                {},
                {
                    "issuer": self.claimed_issuer or root,
                    "pushed_authorization_request_endpoint": root + "/oauth/par",
                    "authorization_endpoint": root + "/oauth/authorize",
                    "token_endpoint": root + "/oauth/token",
                    "require_pushed_authorization_requests": True,
                    "code_challenge_methods_supported": ["S256"],
                    "dpop_signing_alg_values_supported": ["ES256"],
                    "scopes_supported": ["atproto", "transition:generic"],
                    "authorization_response_iss_parameter_supported": True,
                    "client_id_metadata_document_supported": True,
                },
            )
        if path == "/oauth/par" and method == "POST":
            jkt, refusal = self._proof("POST", path, headers)
            if refusal:
                return refusal
            self.par_forms.append(form)
            redirect = urlsplit(form.get("redirect_uri", ""))
            client = form.get("client_id", "")
            if (
                form.get("code_challenge_method") != "S256"
                or not form.get("code_challenge")
                or "atproto" not in form.get("scope", "").split()
                or not form.get("state")
                or (client.startswith("http://localhost") and redirect.hostname != "127.0.0.1")
            ):
                return 400, {}, {"error": "invalid_request"}
            uri = "urn:ietf:params:oauth:request_uri:" + secrets.token_hex(8)
            self.requests[uri] = {**form, "jkt": jkt}
            return 201, {}, {"request_uri": uri, "expires_in": 300}
        if path == "/oauth/authorize" and method == "GET":
            uri = query.get("request_uri", "")
            if uri not in self.requests or self.requests[uri]["client_id"] != query.get(
                "client_id"
            ):
                return 400, {}, "<p>unknown request</p>"
            cid = secrets.token_hex(6)
            self.consents[cid] = uri
            hint = self.requests[uri].get("login_hint", "")
            return 200, {"Content-Type": "text/html"}, f"<form>consent {cid} for {hint}</form>"
        if path == "/consent" and method == "POST":
            req = self.requests.pop(self.consents.pop(form["request"]))
            if form.get("approve") != "yes":
                back = {"error": "access_denied", "state": req["state"], "iss": self.issuer}
            else:
                code = "code-" + secrets.token_hex(8)
                self.codes[code] = {"req": req, "used": False}
                back = {"code": code, "state": req["state"], "iss": self.issuer}
            return 302, {"Location": f"{req['redirect_uri']}?{urlencode(back)}"}, b""
        if path == "/oauth/token" and method == "POST":
            jkt, refusal = self._proof("POST", path, headers)
            if refusal:
                return refusal
            if form.get("grant_type") == "refresh_token":
                with self.grant_lock:  # single-use, even for two seats at the same moment
                    entry = self.refresh.get(form.get("refresh_token", ""))
                    if entry is None or entry["used"] or entry["jkt"] != jkt:
                        self.refused_refreshes += 1
                        return 400, {}, {"error": "invalid_grant"}
                    entry["used"] = True
                time.sleep(self.refresh_delay)  # the other seat's request arrives meanwhile
                self.renewals += 1
                return 200, {}, self._issue(jkt, entry["sub"])
            entry = self.codes.get(form.get("code", ""))
            if entry is None or entry["used"]:
                return 400, {}, {"error": "invalid_grant"}
            entry["used"] = True
            req = entry["req"]
            challenge = _b64(hashlib.sha256(form.get("code_verifier", "").encode()).digest())
            if (
                challenge != req["code_challenge"]
                or form.get("redirect_uri") != req["redirect_uri"]
                or form.get("client_id") != req["client_id"]
                or jkt != req["jkt"]
            ):
                return 400, {}, {"error": "invalid_grant"}
            return 200, {}, self._issue(jkt, self.sub_override or self.did)
        return 404, {}, {"error": "not found"}


def dpop_gate(server, auth: AtprotoAuthServer, method, path, headers):
    """None when the call carries a valid DPoP-bound token of ``auth``, else the refusal."""
    access = headers.get("authorization", "").removeprefix("DPoP ")
    entry = auth.tokens.get(access)
    challenge = 'DPoP error="invalid_token"'
    if entry is None:
        return 401, {"WWW-Authenticate": challenge}, {"error": "InvalidToken"}
    result = check_proof(
        headers.get("dpop", ""),
        method,
        server.base_url + path,
        nonce=server.nonce,
        access=access,
        seen=server.jtis,
    )
    if result == "use_dpop_nonce":
        wanted = {"WWW-Authenticate": 'DPoP error="use_dpop_nonce"', "DPoP-Nonce": server.nonce}
        return 401, wanted, {"error": "use_dpop_nonce"}
    if result == "bad":
        refused = 'DPoP error="invalid_dpop_proof"'
        return 401, {"WWW-Authenticate": refused}, {"error": "invalid_dpop_proof"}
    if result != entry["jkt"]:
        return 401, {"WWW-Authenticate": challenge}, {"error": "InvalidToken"}
    if server.unavailable_after_proof:  # the proof was seen, then the server failed
        server.unavailable_after_proof -= 1
        return 503, {}, {"error": "Unavailable"}
    server.dpop_calls += 1
    return None


class OAuthPds(BlueskyServer):
    """The Bluesky PDS, its calls authorised by DPoP-bound tokens of ``auth``."""

    def __init__(self, auth: AtprotoAuthServer, **kwargs) -> None:
        super().__init__(**kwargs)
        self.auth = auth
        self.nonce = "p-" + secrets.token_hex(4)
        self.dpop_calls = 0
        self.jtis: set[str] = set()
        self.unavailable_after_proof = 0

    def handle(self, method, path, query, headers, body):
        if path == "/.well-known/oauth-protected-resource":
            return 200, {}, {"resource": self.base_url, "authorization_servers": [self.auth.issuer]}
        if not headers.get("authorization", "").startswith("DPoP "):
            return super().handle(method, path, query, headers, body)
        refusal = dpop_gate(self, self.auth, method, path, headers)
        if refusal:
            return refusal
        inner = {**headers, "authorization": "Bearer access-oauth"}
        return super().handle(method, path, query, inner, body)


class OAuthSearchPds(BlueskySearchServer):
    """The listening calls (searchPosts, profiles), answered to DPoP-bound tokens only."""

    def __init__(self, auth: AtprotoAuthServer, **kwargs) -> None:
        super().__init__(**kwargs)
        self.auth = auth
        self.nonce = "s-" + secrets.token_hex(4)
        self.dpop_calls = 0
        self.jtis: set[str] = set()
        self.unavailable_after_proof = 0

    def handle(self, method, path, query, headers, body):
        refusal = dpop_gate(self, self.auth, method, path, headers)
        if refusal:
            return refusal
        inner = {**headers, "authorization": "Bearer jwt-access"}
        return super().handle(method, path, query, inner, body)


class AtprotoBrowser:
    """Plays the person: opens the authorisation page, consents (or not), follows back."""

    def __init__(self, approve=True, tamper_state=False, code="", iss="") -> None:
        self.approve, self.tamper_state, self.code, self.iss = approve, tamper_state, code, iss
        self.last_code = ""
        self.pages: list[str] = []

    def __call__(self, url: str) -> None:
        with httpx.Client() as web:
            page = web.get(url)
            self.pages.append(page.text)
            rid = page.text.split("consent ")[1].split(" ")[0]
            base = url.split("/oauth/authorize")[0]
            answer = web.post(
                base + "/consent", data={"request": rid, "approve": "yes" if self.approve else "no"}
            )
            target, _, query = answer.headers["location"].partition("?")
            params = {k: v[0] for k, v in parse_qs(query).items()}
            self.last_code = params.get("code", "")
            if self.tamper_state:
                params["state"] = "forged"
            if self.code:
                params["code"] = self.code
            if self.iss:
                params["iss"] = self.iss
            web.get(f"{target}?{urlencode(params)}")


HANDLE = "marque.example"


@contextlib.contextmanager
def atproto_servers(handle: str = HANDLE):
    """(authorisation server, OAuth PDS, identity server naming ``handle`` → DID → PDS)."""
    from tests.servers.business import IdentityServer

    with (
        AtprotoAuthServer() as auth,
        OAuthPds(auth, handle=handle) as pds,
        IdentityServer() as ident,
    ):
        ident.add(handle, DID, pds.base_url)
        yield auth, pds, ident


def connect_with_oauth(db, client, ident, browser, **kw):
    """``connect_account`` for Bluesky with the local identity server, no app password."""
    from app.connectors.http import Http
    from app.services.clients.connect import connect_account

    return connect_account(
        db,
        client.id,
        "bluesky",
        base_url="",
        open_browser=browser,
        handle=HANDLE,
        resolver=ident.base_url,
        plc=ident.base_url,
        http=Http(retries=0),
        timeout=kw.pop("timeout", 10),
        **kw,
    )


def accounts_of(db, client_id):
    from app.services.clients import workspaces as clients

    with db.read() as s:
        return clients.list_accounts(s, client_id)
