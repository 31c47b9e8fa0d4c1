"""OAuth 2.0 access tokens that renew themselves with a refresh token.

An account's keyring entry holds either a bare access token, or the JSON an OAuth tool gives
for an app allowed to refresh: ``{"access_token", "refresh_token", "client_id", ...}`` (plus
``client_secret`` where the network asks for it). With the JSON, a request refused with 401
renews the access at the network's token endpoint (``grant_type=refresh_token``) and is
asked again once; the renewed credentials — some networks rotate the refresh token and kill
the old one — are written back at once through ``AccountRef.save_token``. No token ever
appears in a message.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any, TypeVar

from app.connectors.base import AccountRef, AuthError, BadResponse
from app.connectors.http import Http, ScopedHttp, json_of

T = TypeVar("T")


def parse_secret(secret: str, needed: tuple[str, ...]) -> tuple[str, dict[str, str] | None]:
    """(access token, what renewing it needs) — None when the secret cannot renew."""
    secret = (secret or "").strip()
    if not secret.startswith("{"):
        return secret, None
    try:
        data = json.loads(secret)
    except ValueError:
        return secret, None
    if not isinstance(data, dict):
        return secret, None
    access = str(data.get("access_token") or "")
    if all(data.get(key) for key in needed):
        return access, {key: str(data[key]) for key in needed}
    return access, None


class Renewal:
    """The access token of one account, renewed at ``token_url`` when the network refuses it."""

    def __init__(
        self,
        account: AccountRef,
        http: ScopedHttp | Http,
        token_url: str,
        needed: tuple[str, ...],
        refused: str,
    ) -> None:
        self.account, self.http, self.token_url, self.refused = account, http, token_url, refused
        self.access, self.fields = parse_secret(account.token, needed)
        self.refresh_expires_at: dt.datetime | None = None  # known once renewed here
        if self.fields is not None:
            try:
                stamp = json.loads(account.token).get("refresh_expires_at")
                self.refresh_expires_at = dt.datetime.fromisoformat(stamp) if stamp else None
            except (ValueError, TypeError, AttributeError):
                self.refresh_expires_at = None

    def send(self, request: Callable[[str], T]) -> T:
        """``request(access_token)``; after a 401, renewed and asked again once."""
        try:
            return request(self.access)
        except AuthError:
            if not self.fields:
                raise
            self.renew()
            return request(self.access)

    def renew(self) -> None:
        fields = self.fields or {}  # (send renews only when there are fields)
        try:
            response = self.http.request(
                "POST", self.token_url, data={"grant_type": "refresh_token", **fields}
            )
        except AuthError:
            response = None
        data: dict[str, Any] = {}
        if response is not None and response.status_code < 400:
            try:
                data = json_of(response, dict)
            except BadResponse:
                data = {}
        if not data.get("access_token"):
            raise AuthError(self.refused)
        self.access = str(data["access_token"])
        if data.get("refresh_token"):  # rotated (X), or the same one again (LinkedIn)
            self.fields = fields = {**fields, "refresh_token": str(data["refresh_token"])}
        lifetime = data.get("refresh_token_expires_in")  # LinkedIn says when it ends
        if isinstance(lifetime, int | float) and lifetime > 0:
            self.refresh_expires_at = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=lifetime)
        if self.account.save_token is not None:
            kept = {"access_token": self.access, **fields}
            if self.refresh_expires_at is not None:
                kept["refresh_expires_at"] = self.refresh_expires_at.isoformat()
            self.account.save_token(json.dumps(kept, sort_keys=True))
