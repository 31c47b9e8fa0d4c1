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
from collections.abc import Callable
from urllib.parse import urlsplit

from app import secrets
from app.connectors.http import Http
from app.connectors.oauth_flow import (
    AuthorizationError,
    LoopbackRedirect,
    authorize,
    mastodon_provider,
    register_mastodon_app,
    who_am_i,
    x_provider,
)
from app.db import Database
from app.errors import ValidationError
from app.i18n import translate
from app.services.clients.workspace import add_account_with_token
from app.services.clients.workspaces import AccountInfo

BROWSER_NETWORKS = ("mastodon", "x")


def _app_key(base_url: str) -> str:
    return "oauth-app:" + (urlsplit(base_url).netloc or base_url).lower()


def _mastodon(http: Http, base_url: str):
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
) -> AccountInfo:
    """Authorise in the browser and add the account; its secret goes to the keyring only.

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
    try:
        if network == "mastodon":
            provider, listener = _mastodon(http, base_url)
        else:
            if not client_id:
                raise ValidationError(
                    translate("OAuth", "X needs the agency's app client id (--client-id).")
                )
            provider, listener = x_provider(client_id, base_url), None
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


__all__ = ["BROWSER_NETWORKS", "connect_account"]
