"""Find a Bluesky account's server (PDS) from its handle, for self-hosted servers too.

The AT Protocol's documented path: the handle resolves to a DID (``com.atproto.identity
.resolveHandle`` on a resolver, else ``https://<handle>/.well-known/atproto-did``); the DID
document comes from the PLC directory (``did:plc``: ``GET <plc>/<did>``) or from the
domain itself (``did:web``: ``https://<domain>/.well-known/did.json``); the PDS is the
``serviceEndpoint`` of its ``#atproto_pds`` service. The document must name the handle back
(``alsoKnownAs: at://<handle>``), else someone else's DID could stand for it.

Then ``com.atproto.server.createSession`` on that PDS checks the app password before
anything is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote

import httpx

from app.connectors.base import AuthError, ConnectorError
from app.connectors.http import Http
from app.connectors.oauth_flow import AuthorizationError
from app.i18n import translate

RESOLVER = "https://public.api.bsky.app"
PLC = "https://plc.directory"


class IdentityError(AuthorizationError):
    """The handle could not be followed to a server; nothing was stored."""


@dataclass(frozen=True)
class BlueskyIdentity:
    handle: str
    did: str
    pds: str
    password: str = field(default="", repr=False)


def get_json(http: Http, url: str) -> dict[str, Any] | None:
    """A JSON object from ``url``, or None for anything else (refused, unreachable, not an
    object): the identity and the OAuth discovery read well-known documents this way."""
    try:
        response = http.get(url)
    except ConnectorError:
        return None
    if response.status_code >= 400:
        return None
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


def resolve_handle(
    http: Http, handle: str, *, resolver: str = RESOLVER, scheme: str = "https"
) -> str:
    """The handle's DID (a DID given as the handle is returned as it is)."""
    handle = handle.strip().lstrip("@").lower()
    if handle.startswith("did:"):
        return handle
    data = get_json(
        http,
        f"{resolver.rstrip('/')}/xrpc/com.atproto.identity.resolveHandle?handle={quote(handle)}",
    )
    did = str((data or {}).get("did") or "")
    if not did.startswith("did:"):
        try:
            response = http.get(f"{scheme}://{handle}/.well-known/atproto-did")
            text = response.text.strip() if response.status_code < 400 else ""
        except ConnectorError:
            text = ""
        did = text if text.startswith("did:") else ""
    if not did:
        raise IdentityError(
            translate("Bluesky", "No Bluesky account answers to the handle {handle}.").format(
                handle=handle
            )
        )
    return did


def did_document(http: Http, did: str, *, plc: str = PLC, scheme: str = "https") -> dict[str, Any]:
    if did.startswith("did:plc:"):
        url = f"{plc.rstrip('/')}/{did}"
    elif did.startswith("did:web:"):
        host = unquote(did.removeprefix("did:web:"))
        url = f"{scheme}://{host}/.well-known/did.json"
    else:
        raise IdentityError(
            translate("Bluesky", "Tribune does not know this kind of identity ({did}).").format(
                did=did
            )
        )
    data = get_json(http, url)
    if data is None or data.get("id") != did:
        raise IdentityError(
            translate("Bluesky", "The identity {did} could not be read.").format(did=did)
        )
    return data


def pds_of(document: dict[str, Any]) -> str:
    for service in document.get("service") or []:
        if not isinstance(service, dict):
            continue
        if str(service.get("id", "")).endswith("#atproto_pds") and service.get("serviceEndpoint"):
            return str(service["serviceEndpoint"]).rstrip("/")
    raise IdentityError(translate("Bluesky", "This identity names no Bluesky server (PDS)."))


def locate(
    http: Http,
    handle: str,
    *,
    resolver: str = RESOLVER,
    plc: str = PLC,
    scheme: str = "https",
) -> BlueskyIdentity:
    """The handle's DID and PDS (no password: nothing is checked on the PDS yet).

    Raises:
        IdentityError: unknown handle, unreadable identity, no PDS, or a handle the identity
            does not name back.
    """
    wanted = handle.strip().lstrip("@").lower()
    did = resolve_handle(http, wanted, resolver=resolver, scheme=scheme)
    document = did_document(http, did, plc=plc, scheme=scheme)
    names = [str(a).removeprefix("at://").lower() for a in document.get("alsoKnownAs") or []]
    if not wanted.startswith("did:") and wanted not in names:
        raise IdentityError(
            translate(
                "Bluesky", "The identity found for {handle} does not name that handle back."
            ).format(handle=wanted)
        )
    name = wanted if not wanted.startswith("did:") else (names[0] if names else wanted)
    return BlueskyIdentity(name, did, pds_of(document))


def find_account(
    http: Http,
    handle: str,
    app_password: str,
    *,
    resolver: str = RESOLVER,
    plc: str = PLC,
    scheme: str = "https",
) -> BlueskyIdentity:
    """Follow the handle to its PDS and open a session there with the app password.

    Raises:
        IdentityError: unknown handle, unreadable identity, no PDS, or a handle the identity
            does not name back.
        AuthorizationError: the PDS refused the app password.
    """
    found = locate(http, handle, resolver=resolver, plc=plc, scheme=scheme)
    wanted, did, pds = handle.strip().lstrip("@").lower(), found.did, found.pds
    try:
        response = http.post(
            f"{pds}/xrpc/com.atproto.server.createSession",
            json={"identifier": wanted, "password": app_password},
        )
    except AuthError:  # 401: the app password (or the account) is not accepted
        response = None
    except ConnectorError as exc:
        raise IdentityError(
            translate("Bluesky", "The Bluesky server {pds} did not answer ({reason}).").format(
                pds=pds, reason=exc
            )
        ) from None
    if response is None or response.status_code in (400, 401):
        raise AuthorizationError(
            translate("Bluesky", "The server refused this handle and app password.")
        )
    data = _json_of(response)
    if not data.get("accessJwt") or data.get("did") != did:
        raise IdentityError(translate("Bluesky", "The Bluesky server's answer was incomplete."))
    name = str(data.get("handle") or found.handle)
    return BlueskyIdentity(name, did, pds, app_password)


def _json_of(response: httpx.Response) -> dict[str, Any]:
    if response.status_code >= 400:
        return {}
    try:
        data = response.json()
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


__all__ = [
    "BlueskyIdentity",
    "IdentityError",
    "did_document",
    "find_account",
    "get_json",
    "locate",
    "pds_of",
]
