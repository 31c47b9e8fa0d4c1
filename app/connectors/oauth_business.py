"""Meta and LinkedIn: authorise the agency's own app, then list what the person manages.

Both need the agency's app (its id in the agency settings, its secret in the keyring). The
browser part is :func:`app.connectors.oauth_flow.authorize` (loopback, PKCE, state); then:

* Meta (Facebook Login): the short user token is exchanged for a long-lived one
  (``GET /oauth/access_token?grant_type=fb_exchange_token``), then ``GET /me/accounts``
  lists the Pages with their page tokens — derived from a long-lived user token, they do not
  expire — and each Page's linked Instagram professional account
  (``instagram_business_account``), published with the Page's token.
* LinkedIn: ``GET /rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED``
  lists the organisations the member administers, ``GET /rest/organizations/{id}`` their
  names. The token is kept with its refresh token, client id and secret so that the
  connector renews it (:mod:`app.connectors.oauth`).

What comes back is a list of :class:`Candidate`: the CM ticks those of this client.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.connectors.http import Http, json_of
from app.connectors.oauth_flow import (
    AuthorizationError,
    Provider,
    authorize,
    registered_redirect,
)
from app.i18n import translate

GRAPH = "https://graph.facebook.com/v21.0"
LINKEDIN_API = "https://api.linkedin.com"
LINKEDIN_VERSION = "202510"
META_SCOPES = (
    "pages_show_list",
    "pages_read_engagement",
    "pages_manage_posts",
    "pages_manage_engagement",
    "pages_manage_metadata",
    "pages_messaging",
    "read_insights",
    "business_management",
    "instagram_basic",
    "instagram_content_publish",
    "instagram_manage_comments",
    "instagram_manage_messages",
)
LINKEDIN_SCOPES = (
    "r_organization_admin",
    "rw_organization_admin",
    "r_organization_social",
    "w_organization_social",
)
GOOGLE_SCOPES = ("https://www.googleapis.com/auth/business.manage",)
GOOGLE_API = "https://mybusiness.googleapis.com"
YOUTUBE_SCOPES = ("https://www.googleapis.com/auth/youtube.force-ssl",)
YOUTUBE_API = "https://www.googleapis.com/youtube/v3"
MAX_PAGES = 20


@dataclass(frozen=True)
class Candidate:
    """A page, Instagram account or organisation the person may connect for this client."""

    network: str
    id: str
    name: str
    base_url: str
    token: str = field(default="", repr=False)


def _meta_urls(base_url: str) -> tuple[str, str]:
    """(Graph root with its version, the login dialog)."""
    root = (base_url or GRAPH).rstrip("/")
    version = root.rsplit("/", 1)[-1] if root.rsplit("/", 1)[-1].startswith("v") else "v21.0"
    site = root.rsplit("/", 1)[0] if root.endswith(version) else root
    site = site.replace("://graph.facebook.com", "://www.facebook.com", 1)
    return root, f"{site}/{version}/dialog/oauth"


def _refused(network: str, status: int) -> AuthorizationError:
    return AuthorizationError(
        translate("OAuth", "{network} refused to list the accounts (HTTP {status}).").format(
            network=network, status=status
        )
    )


def meta_candidates(
    http: Http,
    app_id: str,
    app_secret: str,
    open_browser: Callable[[str], object],
    *,
    base_url: str = GRAPH,
    timeout: float = 300,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """Facebook Pages and Instagram professional accounts the person manages."""
    root, dialog = _meta_urls(base_url)
    provider = Provider(
        "facebook", dialog, f"{root}/oauth/access_token", app_id, META_SCOPES, app_secret
    )
    short = authorize(
        provider,
        http,
        open_browser,
        timeout=timeout,
        redirect=registered_redirect(),
        is_cancelled=is_cancelled,
    )
    response = http.get(
        f"{root}/oauth/access_token",
        params={
            "grant_type": "fb_exchange_token",
            "client_id": app_id,
            "client_secret": app_secret,
            "fb_exchange_token": short,
        },
    )
    if response.status_code >= 400:
        raise _refused("Meta", response.status_code)
    long_lived = str(json_of(response, dict).get("access_token") or "")
    if not long_lived:
        raise AuthorizationError(translate("OAuth", "Meta sent no long-lived token."))
    found: list[Candidate] = []
    url = f"{root}/me/accounts"
    params: dict[str, Any] | None = {
        "fields": "id,name,access_token,instagram_business_account{id,username,name}",
        "limit": 100,
    }
    for _ in range(MAX_PAGES):
        response = http.get(url, params=params, auth=long_lived)
        if response.status_code >= 400:
            raise _refused("Meta", response.status_code)
        data = json_of(response, dict)
        for page in data.get("data") or []:
            if not isinstance(page, dict) or not page.get("id") or not page.get("access_token"):
                continue
            token = str(page["access_token"])
            found.append(
                Candidate("facebook", str(page["id"]), str(page.get("name", "")), root, token)
            )
            ig = page.get("instagram_business_account")
            if isinstance(ig, dict) and ig.get("id"):
                name = str(ig.get("username") or ig.get("name") or ig["id"])
                found.append(Candidate("instagram", str(ig["id"]), name, root, token))
        nxt = (data.get("paging") or {}).get("next")
        if not nxt or not str(nxt).startswith(root):
            break  # the next page stays on the Graph root: the token goes nowhere else
        url, params = str(nxt), None
    return found


def _linkedin_sites(base_url: str) -> tuple[str, str]:
    """(API root, OAuth root): www.linkedin.com for the real service, the same test server."""
    root = (base_url or LINKEDIN_API).rstrip("/")
    return root, root.replace("://api.linkedin.com", "://www.linkedin.com", 1)


def linkedin_candidates(
    http: Http,
    app_id: str,
    app_secret: str,
    open_browser: Callable[[str], object],
    *,
    base_url: str = LINKEDIN_API,
    timeout: float = 300,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """The LinkedIn organisations the member administers."""
    root, site = _linkedin_sites(base_url)
    provider = Provider(
        "linkedin",
        f"{site}/oauth/v2/authorization",
        f"{site}/oauth/v2/accessToken",
        app_id,
        LINKEDIN_SCOPES,
        app_secret,
        keep=("refresh_token",),
    )
    secret = authorize(
        provider,
        http,
        open_browser,
        timeout=timeout,
        redirect=registered_redirect(),
        is_cancelled=is_cancelled,
    )
    data = json.loads(secret) if secret.startswith("{") else {"access_token": secret}
    access = data["access_token"]
    if data.get("refresh_token"):
        secret = json.dumps({**data, "client_id": app_id, "client_secret": app_secret})
    headers = {"LinkedIn-Version": LINKEDIN_VERSION, "X-Restli-Protocol-Version": "2.0.0"}
    response = http.get(
        f"{root}/rest/organizationAcls",
        params={"q": "roleAssignee", "role": "ADMINISTRATOR", "state": "APPROVED"},
        auth=access,
        headers=headers,
    )
    if response.status_code >= 400:
        raise _refused("LinkedIn", response.status_code)
    found: list[Candidate] = []
    for acl in json_of(response, dict).get("elements") or []:
        urn = str((acl or {}).get("organization") or "") if isinstance(acl, dict) else ""
        if not urn.startswith("urn:li:organization:"):
            continue
        number = urn.rsplit(":", 1)[-1]
        name = urn
        answer = http.get(f"{root}/rest/organizations/{number}", auth=access, headers=headers)
        if answer.status_code < 400:
            name = str(json_of(answer, dict).get("localizedName") or urn)
        found.append(Candidate("linkedin", urn, name, root, secret))
    return found


def _google_sites(base_url: str) -> tuple[str, str, str, str, str]:
    """(authorise, token, accounts API, locations API, reviews API): Google's own hosts, or
    one test server for all."""
    root = (base_url or GOOGLE_API).rstrip("/")
    if root == GOOGLE_API:
        return (
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://oauth2.googleapis.com/token",
            "https://mybusinessaccountmanagement.googleapis.com",
            "https://mybusinessbusinessinformation.googleapis.com",
            root,
        )
    return f"{root}/o/oauth2/v2/auth", f"{root}/token", root, root, root


def google_candidates(
    http: Http,
    app_id: str,
    app_secret: str,
    open_browser: Callable[[str], object],
    *,
    base_url: str = GOOGLE_API,
    timeout: float = 300,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """The Google Business Profile locations the person manages (for their reviews)."""
    authorise, token_url, accounts_api, locations_api, reviews_api = _google_sites(base_url)
    provider = Provider(
        "google",
        authorise + "?access_type=offline&prompt=consent",
        token_url,
        app_id,
        GOOGLE_SCOPES,
        app_secret,
        keep=("refresh_token",),
    )
    secret = authorize(provider, http, open_browser, timeout=timeout, is_cancelled=is_cancelled)
    data = json.loads(secret) if secret.startswith("{") else {"access_token": secret}
    access = data["access_token"]
    if data.get("refresh_token"):  # renewed hourly: keep what renewing needs
        secret = json.dumps({**data, "client_id": app_id, "client_secret": app_secret})
    response = http.get(f"{accounts_api}/v1/accounts", auth=access)
    if response.status_code >= 400:
        raise _refused("Google", response.status_code)
    found: list[Candidate] = []
    for account in json_of(response, dict).get("accounts") or []:
        name = str(account.get("name") or "") if isinstance(account, dict) else ""
        if not name.startswith("accounts/"):
            continue
        params: dict[str, Any] = {"readMask": "name,title", "pageSize": 100}
        for _ in range(MAX_PAGES):
            answer = http.get(f"{locations_api}/v1/{name}/locations", params=params, auth=access)
            if answer.status_code >= 400:
                raise _refused("Google", answer.status_code)
            page = json_of(answer, dict)
            for place in page.get("locations") or []:
                if isinstance(place, dict) and str(place.get("name", "")).startswith("locations/"):
                    handle = f"{name}/{place['name']}"
                    title = str(place.get("title") or handle)
                    found.append(Candidate("google", handle, title, reviews_api, secret))
            if not page.get("nextPageToken"):
                break
            params = {**params, "pageToken": page["nextPageToken"]}
    return found


def youtube_candidates(
    http: Http,
    app_id: str,
    app_secret: str,
    open_browser: Callable[[str], object],
    *,
    base_url: str = YOUTUBE_API,
    timeout: float = 300,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """The YouTube channels of the Google account that authorised (``channels?mine=true``)."""
    root = (base_url or YOUTUBE_API).rstrip("/")
    if root == YOUTUBE_API:
        authorise, token_url = (
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://oauth2.googleapis.com/token",
        )
    else:  # a test server: /youtube/v3 under its root
        site = root.split("/youtube/")[0]
        authorise, token_url = f"{site}/o/oauth2/v2/auth", f"{site}/token"
    provider = Provider(
        "youtube",
        authorise + "?access_type=offline&prompt=consent",
        token_url,
        app_id,
        YOUTUBE_SCOPES,
        app_secret,
        keep=("refresh_token",),
    )
    secret = authorize(provider, http, open_browser, timeout=timeout, is_cancelled=is_cancelled)
    data = json.loads(secret) if secret.startswith("{") else {"access_token": secret}
    if data.get("refresh_token"):
        secret = json.dumps({**data, "client_id": app_id, "client_secret": app_secret})
    response = http.get(
        f"{root}/channels", params={"part": "snippet", "mine": "true"}, auth=data["access_token"]
    )
    if response.status_code >= 400:
        raise _refused("YouTube", response.status_code)
    found = []
    for item in json_of(response, dict).get("items") or []:
        if isinstance(item, dict) and item.get("id"):
            title = str((item.get("snippet") or {}).get("title") or item["id"])
            found.append(Candidate("youtube", str(item["id"]), title, root, secret))
    return found


__all__ = [
    "Candidate",
    "google_candidates",
    "linkedin_candidates",
    "meta_candidates",
    "youtube_candidates",
]
