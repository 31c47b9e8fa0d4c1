"""A local Pinterest API v5 as documented, for connector tests.

* OAuth: ``GET /oauth/`` (the consent of :mod:`tests.servers.oauth`), ``POST /v5/oauth/token``
  with the app's id and secret in HTTP Basic authentication only (a secret in the form is
  refused), ``grant_type`` ``authorization_code`` (a code works once) or ``refresh_token``.
* ``GET /v5/user_account``, ``GET /v5/boards`` (one board per page, ``bookmark``),
  ``GET /v5/boards/{id}``, ``GET /v5/boards/{id}/pins``, ``POST /v5/pins`` (checks the
  documented limits and the ``media_source``), ``GET /v5/pins/{id}/analytics``,
  ``GET /v5/user_account/analytics``. There is no comment endpoint, as on Pinterest.
A token in :attr:`expired` is refused with 401.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from urllib.parse import parse_qs

from tests.servers.oauth import AuthServer

USERNAME = "boulangeriedupre"
BOARDS = [
    {"id": "549755885175", "name": "Nos pains", "privacy": "PUBLIC"},
    {"id": "549755885176", "name": "Recettes", "privacy": "PUBLIC"},
]


class PinterestServer(AuthServer):
    def __init__(self) -> None:
        super().__init__()
        self.access: set[str] = set()
        self.refresh: set[str] = set()
        self.expired: set[str] = set()
        self.refreshed = 0
        self.pins: list[dict] = []  # newest first
        self.images: dict[str, bytes] = {}  # pin id -> the image bytes sent
        self.clock = 0

    def register(self, client_id: str, secret: str) -> None:
        self.apps[client_id] = {"secret": secret, "redirect_uris": []}

    def _basic_app(self, headers) -> str | None:
        value = headers.get("authorization", "")
        if not value.startswith("Basic "):
            return None
        try:
            cid, _, secret = base64.b64decode(value[6:]).decode().partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        app = self.apps.get(cid)
        return cid if app is not None and app["secret"] == secret else None

    def _tokens(self) -> dict:
        access, refresh = "pina_" + secrets.token_hex(10), "pinr_" + secrets.token_hex(10)
        self.access.add(access)
        self.refresh.add(refresh)
        return {
            "access_token": access,
            "refresh_token": refresh,
            "response_type": "authorization_code",
            "token_type": "bearer",
            "expires_in": 2592000,
            "refresh_token_expires_in": 31536000,
            "scope": "boards:read,pins:read,pins:write,user_accounts:read",
        }

    def handle(self, method, path, query, headers, body):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()} if body else {}
        if path == "/oauth/" and method == "GET":
            if query.get("client_id") not in self.apps or query.get("response_type") != "code":
                return 400, {}, "invalid_request"
            return super().handle(method, "/oauth/authorize", query, headers, body)
        if path == "/consent":
            return super().handle(method, path, query, headers, body)
        if path == "/v5/oauth/token" and method == "POST":
            return self._token(form, headers)
        token = headers.get("authorization", "")[7:]
        if token not in self.access or token in self.expired:
            return 401, {}, {"code": 2, "message": "Authentication failed."}
        return self._api(method, path.removeprefix("/v5/"), query, body)

    def _token(self, form, headers):
        cid = self._basic_app(headers)
        if cid is None or "client_secret" in form:
            return 401, {}, {"code": 1, "message": "Authentication failed."}
        if form.get("grant_type") == "refresh_token":
            if form.get("refresh_token") not in self.refresh:
                return 400, {}, {"code": 1, "message": "Invalid refresh token"}
            self.refreshed += 1
            out = self._tokens()
            out.pop("refresh_token")  # not continuous refresh: the same refresh token stays
            return 200, {}, out
        entry = self.codes.get(form.get("code", ""))
        if (
            form.get("grant_type") != "authorization_code"
            or entry is None
            or entry["used"]
            or entry["query"]["client_id"] != cid
            or entry["query"]["redirect_uri"] != form.get("redirect_uri")
        ):
            return 400, {}, {"code": 1, "message": "Invalid authorization code"}
        entry["used"] = True
        return 200, {}, self._tokens()

    def _api(self, method, name, query, body):
        if name == "user_account":
            return (
                200,
                {},
                {"username": USERNAME, "account_type": "BUSINESS", "follower_count": 812},
            )
        if name == "boards":
            start = int(query.get("bookmark") or 0)
            out: dict = {"items": BOARDS[start : start + 1], "bookmark": None}
            if start + 1 < len(BOARDS):
                out["bookmark"] = str(start + 1)
            return 200, {}, out
        board = next((b for b in BOARDS if name.startswith(f"boards/{b['id']}")), None)
        if board is not None and name == f"boards/{board['id']}":
            return 200, {}, board
        if board is not None and name.endswith("/pins"):
            return 200, {}, {"items": [p for p in self.pins if p["board_id"] == board["id"]]}
        if name == "pins" and method == "POST":
            return self._pin(json.loads(body))
        if name.startswith("pins/") and name.endswith("/analytics"):
            pid = name.split("/")[1]
            if not any(p["id"] == pid for p in self.pins):
                return 404, {}, {"code": 50, "message": "Pin not found."}
            metrics = {"IMPRESSION": 900, "SAVE": 31, "PIN_CLICK": 40, "OUTBOUND_CLICK": 12}
            wanted = str(query.get("metric_types", "")).split(",")
            return 200, {}, self._daily(query, {k: v for k, v in metrics.items() if k in wanted})
        if name == "user_account/analytics":
            metrics = {"IMPRESSION": 5400, "ENGAGEMENT": 260, "PIN_CLICK": 95, "OUTBOUND_CLICK": 20}
            return 200, {}, self._daily(query, metrics)
        return 404, {}, {"code": 404, "message": f"no route {method} {name}"}

    @staticmethod
    def _daily(query, metrics) -> dict:
        day = query.get("start_date")
        row = {"data_status": "READY", "date": day, "metrics": metrics}
        return {"all": {"daily_metrics": [row], "summary_metrics": metrics}}

    def _pin(self, data: dict):
        if not any(b["id"] == data.get("board_id") for b in BOARDS):
            return 400, {}, {"code": 1, "message": "Board not found."}
        if len(data.get("title") or "") > 100 or len(data.get("description") or "") > 500:
            return 400, {}, {"code": 1, "message": "Invalid parameters."}
        source = data.get("media_source") or {}
        image = b""
        if source.get("source_type") == "image_base64":
            if not str(source.get("content_type", "")).startswith("image/"):
                return 400, {}, {"code": 1, "message": "Invalid content_type."}
            image = base64.b64decode(source.get("data", ""), validate=True)
        elif source.get("source_type") != "image_url" or not source.get("url"):
            return 400, {}, {"code": 1, "message": "Invalid media_source."}
        self.clock += 1
        pin = {
            "id": f"8126{len(self.pins) + 1:08d}",
            "created_at": f"2026-11-20T09:{self.clock:02d}:00-00:00",
            "board_id": data["board_id"],
            "title": data.get("title"),
            "description": data.get("description"),
            "link": data.get("link"),
            "alt_text": data.get("alt_text"),
            "media": {"media_type": "image"},
        }
        self.pins.insert(0, pin)
        self.images[pin["id"]] = image
        return 201, {}, pin
