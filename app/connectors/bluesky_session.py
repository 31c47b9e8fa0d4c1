"""A Bluesky account connected with OAuth: DPoP-bound calls to its PDS, renewed access.

Every PDS call carries ``Authorization: DPoP <access>`` and a fresh proof of the session's key
(:mod:`app.connectors.dpop`, nonce retry included). When the PDS refuses the access (401,
``invalid_token``), the refresh token is used once at the issuer's token endpoint (with DPoP);
the answer must still name the account's DID, and the renewed tokens go back to the keyring at
once (``AccountRef.save_token``) — atproto refresh tokens are single-use.

Two seats renewing at the same moment: the one that loses finds its refresh token already
used. Before saying "reconnect", it reads the keyring entry again (``AccountRef.load_token``
where the caller gives it): if another seat stored newer tokens with the same key, it takes
them and carries on — no false disconnection.
"""

from __future__ import annotations

import json
import time
from typing import Any

import httpx

from app.connectors.base import AccountRef, AuthError, BadResponse
from app.connectors.dpop import DPoPClient, DPoPKey, wants_new_proof
from app.connectors.http import Http, ScopedHttp
from app.i18n import translate

KEYRING_WAIT = 5.0  # seconds a seat that lost a renewal race waits for the winner's tokens


def _refused() -> AuthError:
    return AuthError(
        translate("Connectors", "Bluesky refused to renew the access: reconnect the account.")
    )


class OAuthSession:
    """The OAuth credentials of one Bluesky account (from its keyring entry)."""

    def __init__(self, account: AccountRef, http: Http | ScopedHttp, data: dict[str, Any]) -> None:
        self.account, self.http = account, http
        self.nonces: dict[str, str] = {}  # each server's last DPoP nonce, kept across reloads
        self._load(data)

    @classmethod
    def of(cls, account: AccountRef, http: Http | ScopedHttp) -> OAuthSession | None:
        """The session when the account's secret is an OAuth one, else None (app password)."""
        data = _parse(account.token)
        return cls(account, http, data) if data is not None else None

    def _load(self, data: dict[str, Any]) -> None:
        try:
            self.key = DPoPKey.from_jwk(data["dpop_key"])
            self.access = str(data["access_token"])
            self.refresh = str(data.get("refresh_token") or "")
            self.token_endpoint = str(data["token_endpoint"])
            self.client_id = str(data["client_id"])
            self.did = str(data["did"])
            self.data = data
        except (KeyError, TypeError, ValueError):
            raise AuthError(
                translate(
                    "Connectors", "This Bluesky connection is damaged: reconnect the account."
                )
            ) from None
        self.dpop = DPoPClient(self.key)
        self.dpop.nonces = self.nonces

    def call(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """A PDS call; after a refused access, renewed and asked again once."""
        try:
            return self.dpop.request(self.http, method, url, access_token=self.access, **kwargs)
        except AuthError as exc:
            if not self.refresh or (exc.response is not None and wants_new_proof(exc.response)):
                raise  # a proof problem that persists: renewing would not help
            self.renew()
            return self.dpop.request(self.http, method, url, access_token=self.access, **kwargs)

    def renew(self) -> None:
        used = self.refresh
        form = {"grant_type": "refresh_token", "refresh_token": used, "client_id": self.client_id}
        try:
            response: httpx.Response | None = self.dpop.request(
                self.http, "POST", self.token_endpoint, data=form
            )
        except AuthError:
            response = None
        tokens: dict[str, Any] = {}
        if response is not None and response.status_code < 400:
            try:
                body = response.json()
            except ValueError:
                body = {}
            tokens = body if isinstance(body, dict) else {}
        if not tokens.get("access_token"):
            if self._taken_from_keyring(used):
                return
            raise _refused()
        if tokens.get("sub") not in (None, self.did):
            raise BadResponse(
                translate("Connectors", "Bluesky renewed the access of another account.")
            )
        self.access = str(tokens["access_token"])
        self.refresh = str(tokens.get("refresh_token") or self.refresh)
        self.data = {**self.data, "access_token": self.access, "refresh_token": self.refresh}
        if self.account.save_token is not None:
            self.account.save_token(json.dumps(self.data, sort_keys=True))

    def _taken_from_keyring(self, used: str) -> bool:
        """Another seat renewed first: its tokens (a newer refresh token for the same DID) are
        ours too. That seat may still be writing them: the entry is read for a few seconds."""
        if self.account.load_token is None:
            return False
        deadline = time.monotonic() + KEYRING_WAIT
        while True:
            data = _parse(self.account.load_token() or "")
            if data and data.get("did") == self.did and data.get("refresh_token") not in ("", used):
                self._load(data)
                return True
            if time.monotonic() >= deadline:
                return False
            self.http.sleep(0.2)


def _parse(secret: str) -> dict[str, Any] | None:
    secret = (secret or "").strip()
    if not secret.startswith("{"):
        return None
    try:
        data = json.loads(secret)
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("oauth") != "atproto":
        return None
    return data


__all__ = ["OAuthSession"]
