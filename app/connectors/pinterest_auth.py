"""Pinterest: the agency's app authorised in the browser, its boards listed, tokens renewed.

Pinterest API v5 (``api.pinterest.com/v5``): the browser goes to ``www.pinterest.com/oauth/``
(``response_type=code``, the scopes, ``state``); the code is exchanged at
``POST /v5/oauth/token`` with the app's id and secret in HTTP Basic authentication (not in
the form). The access token lasts 30 days, the refresh token a year; renewing is the same
endpoint with ``grant_type=refresh_token``. ``GET /v5/user_account`` names the person and
``GET /v5/boards`` (``bookmark`` paging) lists their boards: the CM picks one board per
account, where its pins go. The keyring entry is JSON with the access and refresh tokens and
the app's id and secret (what renewing needs).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.connectors.base import AccountRef, AuthError, BadResponse
from app.connectors.http import Http, ScopedHttp, json_dict, json_of
from app.connectors.oauth import Renewal
from app.connectors.oauth_flow import AuthorizationError, check_answer, registered_redirect
from app.i18n import translate

if TYPE_CHECKING:
    from app.connectors.oauth_business import Candidate

PINTEREST_API = "https://api.pinterest.com/v5"
PINTEREST_AUTHORIZE = "https://www.pinterest.com/oauth/"
SCOPES = ("boards:read", "pins:read", "pins:write", "user_accounts:read")
MAX_PAGES = 20


def basic(client_id: str, client_secret: str) -> dict[str, str]:
    pair = f"{client_id}:{client_secret}".encode()
    return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}


class PinterestRenewal(Renewal):
    """Renewal with the app's credentials in Basic authentication, as Pinterest asks."""

    def __init__(self, account: AccountRef, http: ScopedHttp | Http, token_url: str) -> None:
        super().__init__(
            account,
            http,
            token_url,
            ("refresh_token", "client_id", "client_secret"),
            translate(
                "Connectors", "Pinterest refused to renew the access: reconnect the account."
            ),
        )

    def renew(self) -> None:
        fields = self.fields or {}
        try:
            response = self.http.request(
                "POST",
                self.token_url,
                data={"grant_type": "refresh_token", "refresh_token": fields["refresh_token"]},
                headers=basic(fields["client_id"], fields["client_secret"]),
            )
        except (AuthError, KeyError):
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
        if data.get("refresh_token"):  # continuous refresh hands a new one
            self.fields = {**fields, "refresh_token": str(data["refresh_token"])}
        if self.account.save_token is not None:
            kept = {"access_token": self.access, **(self.fields or {})}
            if self.refresh_expires_at is not None:
                kept["refresh_expires_at"] = self.refresh_expires_at.isoformat()
            self.account.save_token(json.dumps(kept))


def _sites(root: str) -> tuple[str, str]:
    """(authorise page, token endpoint): Pinterest's own, or one test server for all."""
    if root == PINTEREST_API:
        return PINTEREST_AUTHORIZE, f"{root}/oauth/token"
    return f"{root.rsplit('/v5', 1)[0]}/oauth/", f"{root}/oauth/token"


def _authorise(
    http: Http,
    root: str,
    app_id: str,
    app_secret: str,
    open_browser: Callable[[str], object],
    timeout: float,
    is_cancelled: Callable[[], bool],
) -> dict[str, Any]:
    """The browser step, the code exchanged with Basic authentication."""
    import secrets
    from urllib.parse import urlencode

    authorise, token_url = _sites(root)
    state = secrets.token_urlsafe(24)
    with registered_redirect() as listener:
        query = {
            "client_id": app_id,
            "redirect_uri": listener.redirect_uri,
            "response_type": "code",
            "scope": ",".join(SCOPES),
            "state": state,
        }
        open_browser(f"{authorise}?{urlencode(query)}")
        answer = listener.wait(timeout, is_cancelled)
    check_answer(answer, state)
    response = http.post(
        token_url,
        data={
            "grant_type": "authorization_code",
            "code": answer.get("code", ""),
            "redirect_uri": listener.redirect_uri,
        },
        headers=basic(app_id, app_secret),
    )
    if response.status_code >= 400:
        raise AuthorizationError(
            translate(
                "OAuth",
                "The network refused the authorisation code (HTTP {status}); start again.",
            ).format(status=response.status_code)
        )
    data = json_dict(response)
    if not data.get("access_token"):
        raise AuthorizationError(translate("OAuth", "The network sent no access token."))
    return data


def pinterest_candidates(
    http: Http,
    app_id: str,
    app_secret: str,
    open_browser: Callable[[str], object],
    *,
    base_url: str = PINTEREST_API,
    timeout: float = 300,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """One candidate per board of the person who authorised (its pins go there)."""
    from app.connectors.oauth_business import Candidate

    root = (base_url or PINTEREST_API).rstrip("/")
    data = _authorise(http, root, app_id, app_secret, open_browser, timeout, is_cancelled)
    access = str(data["access_token"])
    kept = {"access_token": access, "client_id": app_id, "client_secret": app_secret}
    if data.get("refresh_token"):
        kept["refresh_token"] = str(data["refresh_token"])
    lifetime = data.get("refresh_token_expires_in")
    if isinstance(lifetime, int | float) and lifetime > 0:
        ends = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=lifetime)
        kept["refresh_expires_at"] = ends.isoformat()
    secret = json.dumps(kept, sort_keys=True)
    me = http.get(f"{root}/user_account", auth=access)
    if me.status_code >= 400:
        raise AuthorizationError(
            translate("OAuth", "{network} refused to list the accounts (HTTP {status}).").format(
                network="Pinterest", status=me.status_code
            )
        )
    user = str(json_of(me, dict).get("username") or "")
    found = []
    params: dict[str, Any] = {"page_size": 100}
    for _ in range(MAX_PAGES):
        response = http.get(f"{root}/boards", params=params, auth=access)
        if response.status_code >= 400:
            raise AuthorizationError(
                translate(
                    "OAuth", "{network} refused to list the accounts (HTTP {status})."
                ).format(network="Pinterest", status=response.status_code)
            )
        page = json_of(response, dict)
        for board in page.get("items") or []:
            if isinstance(board, dict) and board.get("id"):
                name = f"{user} › {board.get('name') or board['id']}" if user else board["id"]
                found.append(Candidate("pinterest", str(board["id"]), name, root, secret))
        if not page.get("bookmark"):
            break
        params = {**params, "bookmark": page["bookmark"]}
    return found


__all__ = ["PINTEREST_API", "SCOPES", "PinterestRenewal", "basic", "pinterest_candidates"]
