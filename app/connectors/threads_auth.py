"""Threads: the agency's Threads app authorised in the browser, and the token kept alive.

Threads has its own app id and secret (the "Threads use case" of a Meta app, set with
``tribune account app threads``). The browser step is :func:`app.connectors.oauth_flow.
authorize` against ``threads.net/oauth/authorize``; the code becomes a short-lived token at
``graph.threads.net/oauth/access_token``, exchanged at once for a long-lived one (60 days:
``GET /access_token?grant_type=th_exchange_token``). Before it ends, the connector renews it
(``GET /refresh_access_token?grant_type=th_refresh_token``, allowed once the token is a day
old) and writes the new one to the keyring. The keyring entry is JSON
``{"access_token", "expires_at"}``; a pasted bare token works too (its end unknown).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from app.connectors.base import AccountRef, AuthError, BadResponse
from app.connectors.http import Http, ScopedHttp, json_of
from app.connectors.oauth_flow import AuthorizationError, Provider, authorize, registered_redirect
from app.i18n import translate

if TYPE_CHECKING:
    from app.connectors.oauth_business import Candidate

THREADS_API = "https://graph.threads.net/v1.0"
THREADS_AUTHORIZE = "https://threads.net/oauth/authorize"
SCOPES = (
    "threads_basic",
    "threads_content_publish",
    "threads_read_replies",
    "threads_manage_replies",
    "threads_manage_insights",
)
RENEW_BEFORE = dt.timedelta(days=7)  # renewed in its last week (Threads: >= 24 h old)
LONG_LIVED = dt.timedelta(days=60)


def site_of(root: str) -> str:
    """graph.threads.net without the version (token endpoints live at the root)."""
    root = root.rstrip("/")
    last = root.rsplit("/", 1)[-1]
    return root.rsplit("/", 1)[0] if last.startswith("v") and last[1:2].isdigit() else root


def _expiry(data: dict[str, Any], now: dt.datetime) -> str:
    seconds = data.get("expires_in")
    life = dt.timedelta(seconds=seconds) if isinstance(seconds, int | float) else LONG_LIVED
    return (now + life).isoformat()


class ThreadsToken:
    """The long-lived token of one Threads account, renewed in its last week."""

    def __init__(self, account: AccountRef, http: ScopedHttp | Http, root: str) -> None:
        self.account, self.http, self.site = account, http, site_of(root)
        self.token: str = account.token.strip()
        self.expires_at: dt.datetime | None = None
        if self.token.startswith("{"):
            try:
                data = json.loads(self.token)
                self.token = str(data.get("access_token") or "")
                stamp = data.get("expires_at")
                self.expires_at = dt.datetime.fromisoformat(stamp) if stamp else None
            except (ValueError, TypeError, AttributeError):
                self.token = ""
        self._renewed = False

    def access(self, now: dt.datetime | None = None) -> str:
        now = now or dt.datetime.now(dt.UTC)
        if self.expires_at is not None and now >= self.expires_at:
            raise AuthError(
                translate("Connectors", "The Threads access has ended: reconnect the account.")
            )
        if (
            self.expires_at is not None
            and not self._renewed
            and self.expires_at - now <= RENEW_BEFORE
        ):
            self._renewed = True  # once per run, whatever the outcome
            self.renew(now)
        return self.token

    def renew(self, now: dt.datetime) -> None:
        """A new 60-day token; a refusal other than a dead token leaves the current one in use
        (it is still valid, and the next run tries again)."""
        response = self.http.get(
            f"{self.site}/refresh_access_token",
            params={"grant_type": "th_refresh_token", "access_token": self.token},
        )
        if response.status_code >= 400:
            return
        try:
            data = json_of(response, dict)
        except BadResponse:
            return
        if not data.get("access_token"):
            return
        self.token = str(data["access_token"])
        self.expires_at = dt.datetime.fromisoformat(_expiry(data, now))
        if self.account.save_token is not None:
            self.account.save_token(secret_of(self.token, self.expires_at.isoformat()))


def secret_of(token: str, expires_at: str) -> str:
    return json.dumps({"access_token": token, "expires_at": expires_at}, sort_keys=True)


def threads_candidates(
    http: Http,
    app_id: str,
    app_secret: str,
    open_browser: Callable[[str], object],
    *,
    base_url: str = THREADS_API,
    timeout: float = 300,
    is_cancelled: Callable[[], bool] = lambda: False,
    now: dt.datetime | None = None,
) -> list[Candidate]:
    """The Threads profile of the person who authorised (one candidate)."""
    from app.connectors.oauth_business import Candidate

    root = (base_url or THREADS_API).rstrip("/")
    site = site_of(root)
    dialog = THREADS_AUTHORIZE if root == THREADS_API else f"{site}/oauth/authorize"
    provider = Provider("threads", dialog, f"{site}/oauth/access_token", app_id, SCOPES, app_secret)
    short = authorize(
        provider,
        http,
        open_browser,
        timeout=timeout,
        redirect=registered_redirect(),
        is_cancelled=is_cancelled,
    )
    response = http.get(
        f"{site}/access_token",
        params={
            "grant_type": "th_exchange_token",
            "client_secret": app_secret,
            "access_token": short,
        },
    )
    if response.status_code >= 400:
        raise AuthorizationError(
            translate("OAuth", "Threads refused the long-lived token (HTTP {status}).").format(
                status=response.status_code
            )
        )
    data = json_of(response, dict)
    if not data.get("access_token"):
        raise AuthorizationError(translate("OAuth", "Threads sent no long-lived token."))
    token = str(data["access_token"])
    when = now or dt.datetime.now(dt.UTC)
    me = http.get(f"{root}/me", params={"fields": "id,username,name"}, auth=token)
    if me.status_code >= 400:
        raise AuthorizationError(
            translate("OAuth", "{network} refused to list the accounts (HTTP {status}).").format(
                network="Threads", status=me.status_code
            )
        )
    profile = json_of(me, dict)
    if not profile.get("id"):
        raise AuthorizationError(
            translate("OAuth", "The network did not say which account was connected.")
        )
    name = str(profile.get("username") or profile.get("name") or profile["id"])
    return [
        Candidate("threads", str(profile["id"]), name, root, secret_of(token, _expiry(data, when)))
    ]


__all__ = ["SCOPES", "THREADS_API", "ThreadsToken", "secret_of", "site_of", "threads_candidates"]
