"""Connect a Bluesky account with the AT Protocol's OAuth profile, where its server offers it.

From the handle: DID → PDS (:mod:`app.connectors.bluesky_identity`) → the PDS's
``/.well-known/oauth-protected-resource`` names its authorisation server → that server's
``/.well-known/oauth-authorization-server`` (its ``issuer`` must be the address asked). Then:

1. a pushed authorisation request (PAR, RFC 9126) with PKCE S256, ``state``,
   ``login_hint`` = the handle and the scope ``atproto transition:generic``, signed with a
   DPoP proof (RFC 9449) of a key made for this session only;
2. the system browser on the authorisation page (``client_id`` + ``request_uri``), back on the
   loopback redirect ``http://127.0.0.1:<port>/callback`` (:mod:`app.connectors.oauth_flow`);
   the ``iss`` it carries (RFC 9207) must be that server;
3. the code exchanged at the token endpoint (DPoP again); the answer's ``sub`` must be the DID
   found from the handle — else it is someone else's account (or server) and nothing is kept.

The secret kept in the keyring is JSON: tokens, the DPoP private key, the issuer and its token
endpoint (:func:`secret_of`); the connector renews with it (:mod:`app.connectors
.bluesky_session`). A server without OAuth raises :class:`NoOAuth`: the app password stays.

Client identity: with no client-metadata address set by the agency, Tribune is atproto's
*localhost development client* (``http://localhost?redirect_uri=…&scope=…``); an agency that
hosts :func:`client_metadata` at an https address sets that address as its Bluesky app id.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from app.connectors.base import ConnectorError
from app.connectors.bluesky_identity import IdentityError, get_json
from app.connectors.dpop import DPoPClient, DPoPKey
from app.connectors.http import Http
from app.connectors.oauth_flow import (
    AuthorizationError,
    LoopbackRedirect,
    check_answer,
    pkce_pair,
)
from app.i18n import translate

SCOPE = "atproto transition:generic"
LOOPBACK_REDIRECT = "http://127.0.0.1/callback"  # atproto: any port on a loopback redirect


class NoOAuth(IdentityError):
    """The account's server offers no OAuth: connect it with an app password."""


@dataclass(frozen=True)
class AuthServer:
    issuer: str
    par_endpoint: str
    authorization_endpoint: str
    token_endpoint: str


def localhost_client_id() -> str:
    """atproto's development client for apps without a hosted client-metadata document."""
    return "http://localhost?" + urlencode({"redirect_uri": LOOPBACK_REDIRECT, "scope": SCOPE})


def client_metadata(client_id: str) -> dict[str, Any]:
    """The document the agency hosts at ``client_id`` (an https address) for its Tribune."""
    return {
        "client_id": client_id,
        "client_name": "Tribune",
        "application_type": "native",
        "grant_types": ["authorization_code", "refresh_token"],
        "response_types": ["code"],
        "redirect_uris": [LOOPBACK_REDIRECT],
        "scope": SCOPE,
        "token_endpoint_auth_method": "none",
        "dpop_bound_access_tokens": True,
    }


def discover(http: Http, pds: str) -> AuthServer:
    """The authorisation server of ``pds``.

    Raises:
        NoOAuth: the PDS names none (an older or private server).
        IdentityError: its metadata is incomplete or names another issuer.
    """
    resource = get_json(http, pds.rstrip("/") + "/.well-known/oauth-protected-resource")
    servers = (resource or {}).get("authorization_servers") or []
    if not servers or not isinstance(servers[0], str) or not servers[0].startswith("http"):
        raise NoOAuth(
            translate(
                "Bluesky",
                "This Bluesky server does not offer OAuth: connect with an app password.",
            )
        )
    issuer = servers[0].rstrip("/")
    meta = get_json(http, issuer + "/.well-known/oauth-authorization-server") or {}
    wanted = ("pushed_authorization_request_endpoint", "authorization_endpoint", "token_endpoint")
    if str(meta.get("issuer", "")).rstrip("/") != issuer or not all(meta.get(k) for k in wanted):
        raise IdentityError(
            translate(
                "Bluesky", "The authorisation server {issuer} describes itself wrongly."
            ).format(issuer=issuer)
        )
    if "S256" not in (meta.get("code_challenge_methods_supported") or ["S256"]):
        raise IdentityError(
            translate("Bluesky", "The authorisation server {issuer} does not offer PKCE.").format(
                issuer=issuer
            )
        )
    return AuthServer(
        issuer,
        str(meta[wanted[0]]),
        str(meta[wanted[1]]),
        str(meta[wanted[2]]),
    )


def _refusal(response: Any, what: str) -> AuthorizationError:
    try:
        error = str((response.json() or {}).get("error") or response.status_code)
    except (ValueError, AttributeError):
        error = str(response.status_code)
    return AuthorizationError(
        translate("Bluesky", "The Bluesky server refused {what} ({error}); start again.").format(
            what=what, error=error
        )
    )


def secret_of(
    tokens: dict[str, Any],
    key: DPoPKey,
    server: AuthServer,
    client_id: str,
    did: str,
) -> str:
    """What the keyring keeps for an OAuth-connected Bluesky account."""
    return json.dumps(
        {
            "oauth": "atproto",
            "access_token": str(tokens["access_token"]),
            "refresh_token": str(tokens.get("refresh_token") or ""),
            "dpop_key": key.private_jwk(),
            "issuer": server.issuer,
            "token_endpoint": server.token_endpoint,
            "client_id": client_id,
            "did": did,
        },
        sort_keys=True,
    )


def authorize(
    http: Http,
    handle: str,
    did: str,
    pds: str,
    open_browser: Callable[[str], object],
    *,
    client_id: str = "",
    timeout: float = 300,
    redirect: LoopbackRedirect | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> str:
    """The browser authorisation of ``handle`` (whose DID and PDS are known); returns the
    secret for the keyring (:func:`secret_of`).

    Raises:
        NoOAuth: the server offers no OAuth (nothing was asked of the person).
        AuthorizationError: refused, wrong state, time-out, a code refused, another account.
    """
    server = discover(http, pds)
    client_id = client_id or localhost_client_id()
    dpop = DPoPClient(DPoPKey.generate())
    state = secrets.token_urlsafe(24)
    verifier, challenge = pkce_pair()
    listener = redirect or LoopbackRedirect()
    with listener:
        form = {
            "client_id": client_id,
            "response_type": "code",
            "redirect_uri": listener.redirect_uri,
            "scope": SCOPE,
            "state": state,
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            "login_hint": handle,
        }
        try:
            response = dpop.request(http, "POST", server.par_endpoint, data=form)
        except ConnectorError as exc:
            raise AuthorizationError(str(exc)) from None
        request_uri = ""
        if response.status_code < 400:
            request_uri = str((_get_body(response)).get("request_uri") or "")
        if not request_uri:
            raise _refusal(response, translate("Bluesky", "to start the authorisation"))
        sep = "&" if "?" in server.authorization_endpoint else "?"
        query = urlencode({"client_id": client_id, "request_uri": request_uri})
        open_browser(f"{server.authorization_endpoint}{sep}{query}")
        answer = listener.wait(timeout, is_cancelled)
    check_answer(answer, state)
    if answer.get("iss") and str(answer["iss"]).rstrip("/") != server.issuer:
        raise AuthorizationError(
            translate(
                "Bluesky", "The answer came from another server than {issuer}; nothing was changed."
            ).format(issuer=server.issuer)
        )
    exchange = {
        "grant_type": "authorization_code",
        "code": str(answer.get("code", "")),
        "redirect_uri": listener.redirect_uri,
        "client_id": client_id,
        "code_verifier": verifier,
    }
    try:
        response = dpop.request(http, "POST", server.token_endpoint, data=exchange)
    except ConnectorError:
        raise AuthorizationError(
            translate("Bluesky", "The Bluesky server refused the authorisation code; start again.")
        ) from None
    tokens = _get_body(response) if response.status_code < 400 else {}
    if not tokens.get("access_token"):
        raise _refusal(response, translate("Bluesky", "the authorisation code"))
    if (
        str(tokens.get("token_type", "")).lower() != "dpop"
        or "atproto" not in str(tokens.get("scope", "")).split()
    ):
        raise AuthorizationError(
            translate(
                "Bluesky",
                "The Bluesky server's tokens are not those Tribune asked for (bound to its "
                "key, for the atproto scope); nothing was changed.",
            )
        )
    if tokens.get("sub") != did:
        raise AuthorizationError(
            translate(
                "Bluesky",
                "The authorisation was given for another account than {handle}; "
                "nothing was changed.",
            ).format(handle=handle)
        )
    return secret_of(tokens, dpop.key, server, client_id, did)


def _get_body(response: Any) -> dict[str, Any]:
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


__all__ = [
    "SCOPE",
    "AuthServer",
    "NoOAuth",
    "authorize",
    "client_metadata",
    "discover",
    "localhost_client_id",
    "secret_of",
]
