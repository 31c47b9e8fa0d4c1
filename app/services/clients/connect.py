"""Connect a client's account through the browser, then keep its tokens in the keyring.

The use case behind "Connect…" in the client dialog and ``tribune account connect``: run the
OAuth flow of :mod:`app.connectors.oauth_flow`, learn the account's handle from the network,
then add the account with its secret in one step (:func:`app.services.clients.workspace
.add_account_with_token`). Nothing is written before the authorisation completed.

Tribune's registration on a Mastodon instance (its client id, its secret and the loopback
address it was registered with) is kept in the keyring per instance and reused while that
port is free; otherwise Tribune registers again.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from app import secrets
from app.connectors.http import Http
from app.connectors.oauth_flow import (
    AuthorizationError,
    LoopbackRedirect,
    Provider,
    authorize,
    mastodon_provider,
    register_mastodon_app,
    registered_redirect,
    who_am_i,
    x_provider,
)
from app.db import Database
from app.errors import ValidationError
from app.i18n import translate
from app.services.clients.workspace import add_account_with_token
from app.services.clients.workspaces import AccountInfo

if TYPE_CHECKING:
    from app.connectors.oauth_business import Candidate

BROWSER_NETWORKS = ("mastodon", "x", "bluesky")
# networks reached through the agency's own app, listing what the person manages
BUSINESS = {
    "facebook": "meta",
    "instagram": "meta",
    "meta": "meta",
    "linkedin": "linkedin",
    "google": "google",
    "youtube": "google",
    "threads": "threads",
    "pinterest": "pinterest",
}


def _app_key(base_url: str) -> str:
    return "oauth-app:" + (urlsplit(base_url).netloc or base_url).lower()


def _mastodon(http: Http, base_url: str) -> tuple[Provider, LoopbackRedirect]:
    """A provider and a listener for ``base_url``, reusing Tribune's registration there."""
    saved = secrets.get_secret(_app_key(base_url))
    if saved:
        try:
            app = json.loads(saved)
            listener = LoopbackRedirect(int(app["port"]))
            return mastodon_provider(base_url, app["client_id"], app["client_secret"]), listener
        except (OSError, ValueError, KeyError, TypeError):
            pass  # the port is taken now, or the entry is damaged: register again
    listener = LoopbackRedirect()
    client_id, client_secret = register_mastodon_app(http, base_url, listener.redirect_uri)
    secrets.set_secret(
        _app_key(base_url),
        json.dumps({"client_id": client_id, "client_secret": client_secret, "port": listener.port}),
    )
    return mastodon_provider(base_url, client_id, client_secret), listener


def connect_account(
    db: Database,
    client_ref: str | int,
    network: str,
    *,
    base_url: str,
    open_browser: Callable[[str], object],
    client_id: str = "",
    handle: str = "",
    timeout: float = 300,
    http: Http | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
    password: str = "",
    resolver: str = "",
    plc: str = "",
) -> AccountInfo:
    """Authorise in the browser and add the account; its secret goes to the keyring only.

    Bluesky: the server is found from the ``handle``'s DID (``resolver``, ``plc``: other
    places to ask than Bluesky's own, for tests and private networks); with an app
    ``password`` it is checked there, without one the browser authorises with OAuth
    (:class:`app.connectors.bluesky_oauth.NoOAuth` when that server does not offer it).

    Raises:
        ValidationError: a network Tribune cannot connect in the browser (yet), or X without
            the agency's client id.
        AuthorizationError: the authorisation failed; nothing was written.
    """
    network = network.strip().lower()
    if network not in BROWSER_NETWORKS:
        raise ValidationError(
            translate(
                "OAuth",
                "{network} accounts are connected with a token for now (Advanced: paste it).",
            ).format(network=network)
        )
    secrets.require_backend()  # before the browser: tokens have nowhere else to go
    own = http is None
    http = http or Http()
    if network == "x" and not client_id:
        from app.services.people import agency

        with db.read() as session:
            client_id = agency.app_ids(session).get("x", "")
    try:
        if network == "bluesky":
            where = (handle, password, resolver, plc)
            return _bluesky(db, client_ref, http, where, open_browser, timeout, is_cancelled)
        if network == "mastodon":
            provider, listener = _mastodon(http, base_url)
        else:
            if not client_id:
                raise ValidationError(
                    translate("OAuth", "X needs the agency's app client id (--client-id).")
                )
            provider, listener = x_provider(client_id, base_url), registered_redirect()
        secret = authorize(
            provider,
            http,
            open_browser,
            timeout=timeout,
            redirect=listener,
            is_cancelled=is_cancelled,
        )
        name = handle or who_am_i(http, network, base_url, secret)
        if not name:
            raise AuthorizationError(
                translate("OAuth", "The network did not say which account was connected.")
            )
    finally:
        if own:
            http.close()
    return add_account_with_token(db, client_ref, network, name, base_url=base_url, token=secret)


def _agency_app(db: Database, family: str) -> tuple[str, str]:
    """(app id, app secret) of the agency's app on ``family``; one sentence when missing."""
    from app.services.people import agency

    with db.read() as session:
        app_id = agency.app_ids(session).get(family, "")
    secret = agency.app_secret(family) if family != "x" else ""
    names = {
        "meta": "Meta",
        "linkedin": "LinkedIn",
        "google": "Google",
        "x": "X",
        "threads": "Threads",
        "pinterest": "Pinterest",
    }
    if not app_id or (family != "x" and not secret):
        raise ValidationError(
            translate(
                "OAuth",
                "Connecting {network} needs the agency's app: set its id and secret first "
                "(tribune account app).",
            ).format(network=names.get(family, family))
        )
    return app_id, secret


def _bluesky(
    db: Database,
    client_ref: str | int,
    http: Http,
    where: tuple[str, str, str, str],
    open_browser: Callable[[str], object],
    timeout: float,
    is_cancelled: Callable[[], bool],
) -> AccountInfo:
    """With an app password: checked on the PDS, kept as the secret. Without: OAuth in the
    browser where the PDS offers it (:mod:`app.connectors.bluesky_oauth`), with the agency's
    client-metadata address as client id when it set one."""
    from app.connectors import bluesky_identity as ident
    from app.connectors import bluesky_oauth

    handle, password, resolver, plc = where
    if not handle.strip():
        raise ValidationError(translate("OAuth", "Bluesky needs the account's handle."))
    scheme = "http" if (resolver or plc).startswith("http://") else "https"
    places = {"resolver": resolver or ident.RESOLVER, "plc": plc or ident.PLC, "scheme": scheme}
    if password.strip():
        found = ident.find_account(http, handle, password.strip(), **places)
        # the connector opens its sessions with the handle and the app password, on this PDS
        return add_account_with_token(
            db, client_ref, "bluesky", found.handle, base_url=found.pds, token=found.password
        )
    from app.services.people import agency

    with db.read() as session:
        client_id = agency.app_ids(session).get("bluesky", "")
    found = ident.locate(http, handle, **places)
    secret = bluesky_oauth.authorize(
        http,
        found.handle,
        found.did,
        found.pds,
        open_browser,
        client_id=client_id,
        timeout=timeout,
        is_cancelled=is_cancelled,
    )
    return add_account_with_token(
        db, client_ref, "bluesky", found.handle, base_url=found.pds, token=secret
    )


def business_candidates(
    db: Database,
    network: str,
    *,
    open_browser: Callable[[str], object],
    base_url: str = "",
    timeout: float = 300,
    http: Http | None = None,
    is_cancelled: Callable[[], bool] = lambda: False,
) -> list[Candidate]:
    """Authorise the agency's app on Meta or LinkedIn in the browser and list the pages,
    Instagram accounts or organisations the person manages (nothing is written).

    Raises:
        ValidationError: no agency app for that network yet.
        AuthorizationError: the authorisation or the listing failed.
    """
    from app.connectors import oauth_business as business

    family = BUSINESS.get(network.strip().lower())
    if family is None:
        raise ValidationError(
            translate("OAuth", "{network} has no pages to choose from.").format(network=network)
        )
    secrets.require_backend()
    app_id, app_secret = _agency_app(db, family)
    own = http is None
    http = http or Http()
    try:
        from app.connectors import pinterest_auth, threads_auth

        listing, default = {
            "meta": (business.meta_candidates, business.GRAPH),
            "linkedin": (business.linkedin_candidates, business.LINKEDIN_API),
            "google": (business.google_candidates, business.GOOGLE_API),
            "threads": (threads_auth.threads_candidates, threads_auth.THREADS_API),
            "pinterest": (pinterest_auth.pinterest_candidates, pinterest_auth.PINTEREST_API),
        }[family]
        if network.strip().lower() == "youtube":  # the agency's Google app, other scopes
            listing, default = business.youtube_candidates, business.YOUTUBE_API
        return listing(
            http,
            app_id,
            app_secret,
            open_browser,
            base_url=base_url or default,
            timeout=timeout,
            is_cancelled=is_cancelled,
        )
    finally:
        if own:
            http.close()


def add_candidates(
    db: Database, client_ref: str | int, picked: Iterable[Candidate]
) -> list[AccountInfo]:
    """Add the ticked pages / accounts / organisations to the client, tokens to the keyring."""
    return [
        add_account_with_token(
            db,
            client_ref,
            c.network,
            c.id,
            base_url=c.base_url,
            token=c.token,
            display_name=c.name,
        )
        for c in picked
    ]


__all__ = [
    "BROWSER_NETWORKS",
    "BUSINESS",
    "add_candidates",
    "business_candidates",
    "connect_account",
]
