"""DPoP (RFC 9449): requests bound to a key only this seat's keyring holds.

An AT Protocol OAuth session binds its tokens to an ES256 key made for that session. Every
request to the authorisation server (PAR, token, refresh) and to the PDS carries a ``DPoP``
header: a JWT signed with that key naming the method (``htm``), the address without query
(``htu``), a unique ``jti``, ``iat``, the server's last ``nonce`` and, with an access token,
its hash (``ath``). A server that wants a fresher nonce answers ``use_dpop_nonce`` with a
``DPoP-Nonce`` header, one that already saw the proof (re-sent after a 503) answers
``invalid_dpop_proof``: the request is signed again and sent once more.

The key is made with ``cryptography`` (already a dependency through keyring/SecretStorage);
it is kept as a private JWK inside the account's keyring entry, never in the database.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import time
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

from app.connectors.errors import AuthError
from app.connectors.http import Http, ScopedHttp


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _int(data: bytes) -> int:
    return int.from_bytes(data, "big")


class DPoPKey:
    """An ES256 (P-256) key: signs proofs, exported as a private JWK for the keyring."""

    def __init__(self, key: ec.EllipticCurvePrivateKey) -> None:
        self._key = key

    @classmethod
    def generate(cls) -> DPoPKey:
        return cls(ec.generate_private_key(ec.SECP256R1()))

    @classmethod
    def from_jwk(cls, jwk: dict[str, Any]) -> DPoPKey:
        if jwk.get("kty") != "EC" or jwk.get("crv") != "P-256" or not jwk.get("d"):
            raise ValueError("not a private P-256 JWK")
        public = ec.EllipticCurvePublicNumbers(
            _int(unb64url(jwk["x"])), _int(unb64url(jwk["y"])), ec.SECP256R1()
        )
        return cls(ec.EllipticCurvePrivateNumbers(_int(unb64url(jwk["d"])), public).private_key())

    def public_jwk(self) -> dict[str, str]:
        numbers = self._key.public_key().public_numbers()
        return {
            "kty": "EC",
            "crv": "P-256",
            "x": b64url(numbers.x.to_bytes(32, "big")),
            "y": b64url(numbers.y.to_bytes(32, "big")),
        }

    def private_jwk(self) -> dict[str, str]:
        d = self._key.private_numbers().private_value.to_bytes(32, "big")
        return {**self.public_jwk(), "d": b64url(d)}

    def sign(self, header: dict[str, Any], payload: dict[str, Any]) -> str:
        """A compact JWS (ES256: the raw r‖s signature, RFC 7518 §3.4)."""
        head = b64url(json.dumps(header, separators=(",", ":")).encode())
        body = b64url(json.dumps(payload, separators=(",", ":")).encode())
        der = self._key.sign(f"{head}.{body}".encode("ascii"), ec.ECDSA(hashes.SHA256()))
        r, s = decode_dss_signature(der)
        return f"{head}.{body}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"

    def proof(self, method: str, url: str, *, nonce: str = "", access_token: str = "") -> str:
        parts = urlsplit(url)
        payload: dict[str, Any] = {
            "jti": secrets.token_urlsafe(16),
            "htm": method.upper(),
            "htu": urlunsplit((parts.scheme, parts.netloc, parts.path, "", "")),
            "iat": int(time.time()),
        }
        if nonce:
            payload["nonce"] = nonce
        if access_token:
            payload["ath"] = b64url(hashlib.sha256(access_token.encode("ascii")).digest())
        header = {"typ": "dpop+jwt", "alg": "ES256", "jwk": self.public_jwk()}
        return self.sign(header, payload)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def wants_new_proof(response: httpx.Response) -> bool:
    """The server asks for the request again with a new proof: with its fresh ``DPoP-Nonce``
    (``use_dpop_nonce``, RFC 9449 §8, §9), or because it already saw this proof's ``jti``
    (``invalid_dpop_proof``: our HTTP layer re-sent it after a 503)."""
    reasons = ("use_dpop_nonce", "invalid_dpop_proof")
    if any(r in response.headers.get("WWW-Authenticate", "") for r in reasons):
        return True
    if response.status_code in (400, 401):
        try:
            data = response.json()
        except ValueError:
            return False
        return isinstance(data, dict) and data.get("error") in reasons
    return False


class DPoPClient:
    """Signs each request with the session's key and keeps each server's last nonce."""

    def __init__(self, key: DPoPKey, nonces: dict[str, str] | None = None) -> None:
        self.key = key
        self.nonces: dict[str, str] = dict(nonces or {})

    def request(
        self,
        http: Http | ScopedHttp,
        method: str,
        url: str,
        *,
        access_token: str = "",
        **kwargs: Any,
    ) -> httpx.Response:
        """The answer; asked again once with the server's fresh nonce if it wants one.
        ``AuthError`` (401) carries the answer as ``response`` so its headers can be read."""
        origin = _origin(url)
        headers = dict(kwargs.pop("headers", None) or {})
        response: httpx.Response | None = None
        for attempt in range(2):
            headers["DPoP"] = self.key.proof(
                method, url, nonce=self.nonces.get(origin, ""), access_token=access_token
            )
            if access_token:
                headers["Authorization"] = f"DPoP {access_token}"
            try:
                response = http.request(method, url, headers=headers, **kwargs)
            except AuthError as exc:
                refused = getattr(exc, "response", None)
                if refused is None:
                    raise
                fresh = refused.headers.get("DPoP-Nonce", "")
                if fresh:
                    self.nonces[origin] = fresh
                if attempt or not wants_new_proof(refused):
                    raise
                continue
            fresh = response.headers.get("DPoP-Nonce", "")
            if fresh:
                self.nonces[origin] = fresh
            if attempt == 0 and wants_new_proof(response):
                continue
            return response
        assert response is not None  # the loop returns or continues once at most
        return response


__all__ = ["DPoPClient", "DPoPKey", "b64url", "unb64url", "wants_new_proof"]
