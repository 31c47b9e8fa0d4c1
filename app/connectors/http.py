"""HTTP for the connectors: retries with backoff and jitter, 429 honoured, errors typed.

* Timeouts, broken connections and 500/502/503/504 are retried ``retries`` times with
  exponential backoff and full jitter, then raised as :class:`Unavailable`.
* A 429 waits for ``Retry-After`` (seconds or an HTTP date) when sent, else for the
  network's reset header: Mastodon's ``X-RateLimit-Reset`` is an ISO 8601 time (and it
  sends no Retry-After), Bluesky's ``RateLimit-Reset`` and X's ``x-rate-limit-reset`` are
  epoch seconds. A wait longer than ``max_wait`` is not slept: :class:`RateLimited` is raised
  so the sync reports it and goes on with the other accounts.
* 401 raises :class:`AuthError`. Other answers are returned for the connector to read.
* Nothing here logs or repeats a header: the bearer token never reaches a message.
* Credentials stay home: a connector talks through :class:`ScopedHttp`, which sends a request
  carrying a credential (``auth``, an ``Authorization`` header, an ``access_token`` parameter)
  only to the account's own origin and the network's documented API and upload hosts. A
  next-page or upload address elsewhere is refused with :class:`BadResponse` and logged
  (without the token): a server naming another host never receives our token.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import random
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import orjson

from app.connectors.errors import AuthError, BadResponse, RateLimited, Unavailable
from app.i18n import translate

RETRY_STATUSES = (500, 502, 503, 504)
log = logging.getLogger(__name__)

# httpx logs every URL at INFO; Graph API paging URLs carry the access token in the query.
for _name in ("httpx", "httpcore"):
    if logging.getLogger(_name).getEffectiveLevel() < logging.WARNING:
        logging.getLogger(_name).setLevel(logging.WARNING)
USER_AGENT = "Tribune/0.1 (+community management desktop app)"


class Cancelled(Exception):
    """The user pressed Cancel; raised between requests, never in the middle of a write."""


def parse_reset(value: str, now: float | None = None) -> float | None:
    """Seconds to wait from a reset header: ISO 8601, epoch seconds or a delta in seconds."""
    value = (value or "").strip()
    if not value:
        return None
    now = time.time() if now is None else now
    try:
        number = float(value)
    except ValueError:
        try:
            when = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=dt.UTC)
        return max(0.0, when.timestamp() - now)
    if number > 1_000_000_000:  # an epoch timestamp
        return max(0.0, number - now)
    return max(0.0, number)  # a delta (IETF RateLimit-Reset draft)


def retry_after(response: httpx.Response, now: float | None = None) -> float | None:
    """How long a 429 asks us to wait, or None when it does not say."""
    header = response.headers.get("Retry-After")
    if header:
        header = header.strip()
        if header.isdigit():
            return float(header)
        try:
            when = email.utils.parsedate_to_datetime(header)
            now = time.time() if now is None else now
            return max(0.0, when.timestamp() - now)
        except (TypeError, ValueError):
            pass
    for name in ("X-RateLimit-Reset", "RateLimit-Reset", "x-rate-limit-reset"):
        wait = parse_reset(response.headers.get(name, ""), now)
        if wait is not None:
            return wait
    return None


class _Host:
    """The host of a URL for error messages, parsed on first use."""

    __slots__ = ("url",)

    def __init__(self, url: str) -> None:
        self.url = url

    def __format__(self, spec: str) -> str:
        return format(urlsplit(self.url).hostname or "", spec)

    def __str__(self) -> str:
        return format(self, "")


class Http:
    """A sync ``httpx.Client`` with the retry policy above (one per sync run, in a worker)."""

    def __init__(
        self,
        client: httpx.Client | None = None,
        *,
        retries: int = 3,
        base_delay: float = 0.5,
        max_delay: float = 20.0,
        max_wait: float = 60.0,
        timeout: float = 20.0,
        sleep: Callable[[float], None] = time.sleep,
        is_cancelled: Callable[[], bool] = lambda: False,
    ) -> None:
        self._own = client is None
        self.client = client or httpx.Client(
            timeout=timeout, headers={"User-Agent": USER_AGENT}, follow_redirects=True
        )
        self.retries = retries
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_wait = max_wait
        self._sleep = sleep
        self.is_cancelled = is_cancelled
        self.requests = 0
        self.slept = 0.0

    def close(self) -> None:
        if self._own:
            self.client.close()

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def backoff(self, attempt: int) -> float:
        """Full jitter: a random delay up to base × 2^attempt (capped)."""
        return random.uniform(0, min(self.max_delay, self.base_delay * (2**attempt)))

    def sleep(self, seconds: float) -> None:
        """Sleep in small steps so that Cancel is honoured during a long wait."""
        end = time.monotonic() + seconds
        self.slept += seconds
        while True:
            if self.is_cancelled():
                raise Cancelled()
            left = end - time.monotonic()
            if left <= 0:
                return
            self._sleep(min(left, 0.25))

    def request(self, method: str, url: str, *, auth: str = "", **kwargs: Any) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if auth:
            headers["Authorization"] = f"Bearer {auth}"
        host = _Host(url)  # parsed only when a message needs it (not on the hot path)
        attempt = 0
        while True:
            if self.is_cancelled():
                raise Cancelled()
            self.requests += 1
            try:
                response = self.client.request(method, url, headers=headers, **kwargs)
            except httpx.TimeoutException:
                problem = translate("Connectors", "{host} did not answer in time").format(host=host)
            except httpx.TransportError as exc:
                problem = translate("Connectors", "cannot reach {host} ({kind})").format(
                    host=host, kind=type(exc).__name__
                )
            else:
                status = response.status_code
                if status == 429:
                    wait = retry_after(response)
                    if wait is None:
                        wait = self.backoff(attempt + 1)
                    if wait > self.max_wait or attempt >= self.retries:
                        raise RateLimited(
                            translate(
                                "Connectors", "{host} limits our requests; retry in {minutes} min."
                            ).format(host=host, minutes=max(1, round(wait / 60))),
                            wait,
                        )
                    attempt += 1
                    self.sleep(wait)
                    continue
                if status in RETRY_STATUSES:
                    problem = translate("Connectors", "{host} answered HTTP {status}").format(
                        host=host, status=status
                    )
                elif status == 401:
                    refused = AuthError(
                        translate(
                            "Connectors", "{host} refused the access token: reconnect the account."
                        ).format(host=host)
                    )
                    refused.response = response  # DPoP (app.connectors.dpop) reads its headers
                    raise refused
                else:
                    return response
            if attempt >= self.retries:
                raise Unavailable(
                    translate("Connectors", "{problem}; tried {n} times.").format(
                        problem=problem, n=attempt + 1
                    )
                )
            attempt += 1
            self.sleep(self.backoff(attempt))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


def origin_of(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an absolute URL, the port made explicit."""
    parts = urlsplit(url)
    scheme = (parts.scheme or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    if port is None:
        port = {"https": 443, "http": 80}.get(scheme, 0)
    return scheme, (parts.hostname or "").lower().rstrip("."), port


def carries_credentials(url: str, auth: str, kwargs: dict[str, Any]) -> bool:
    if auth:
        return True
    headers = kwargs.get("headers") or {}
    if any(str(k).lower() == "authorization" for k in headers):
        return True
    params = kwargs.get("params") or {}
    if isinstance(params, dict) and "access_token" in params:
        return True
    return "access_token" in parse_qs(urlsplit(url).query)


class ScopedHttp:
    """:class:`Http` for one connector: credentials go only to ``origins()`` (computed on
    first use: the account's base URL origin and its network's ``credential_hosts``)."""

    def __init__(
        self, http: Http, origins: Callable[[], set[tuple[str, str, int]]], network: str
    ) -> None:
        self._http = http
        self._origins_of = origins
        self._origins: set[tuple[str, str, int]] | None = None
        self._network = network

    def __getattr__(self, name: str) -> Any:  # requests, slept, sleep, client, is_cancelled...
        return getattr(self._http, name)

    def allowed(self, url: str) -> bool:
        if self._origins is None:
            self._origins = self._origins_of()
        return origin_of(url) in self._origins

    def request(self, method: str, url: str, *, auth: str = "", **kwargs: Any) -> httpx.Response:
        if carries_credentials(url, auth, kwargs) and not self.allowed(url):
            host = origin_of(url)[1] or "?"
            log.warning(
                "%s: not sending credentials to %s (not the account's host); request refused",
                self._network,
                host,
            )
            raise BadResponse(
                translate(
                    "Connectors",
                    "The server sent an address on another host ({host}); not followed, "
                    "so the access token stays with {network}.",
                ).format(host=host, network=self._network)
            )
        return self._http.request(method, url, auth=auth, **kwargs)

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


def _decode(response: httpx.Response) -> Any:
    """orjson first (2-3x faster on the pages of a sync); the standard library for what orjson
    refuses but JSON readers accept (UTF-16 bodies, integers beyond 64 bits, NaN)."""
    try:
        return orjson.loads(response.content)
    except orjson.JSONDecodeError:
        return response.json()


def json_of(response: httpx.Response, expect: type | tuple[type, ...] = (dict, list)) -> Any:
    """The JSON body, or :class:`BadResponse` when it is not JSON of the expected shape."""
    try:
        data = _decode(response)
    except ValueError:
        raise BadResponse(
            translate(
                "Connectors", "{host} sent a reply that is not valid JSON (HTTP {status})."
            ).format(host=response.request.url.host, status=response.status_code)
        ) from None
    if not isinstance(data, expect):
        raise BadResponse(
            translate(
                "Connectors", "{host} sent JSON of an unexpected shape (HTTP {status})."
            ).format(host=response.request.url.host, status=response.status_code)
        )
    return data


def json_dict(response: httpx.Response) -> dict[str, Any]:
    """:func:`json_of` for a body that must be a JSON object, typed as one."""
    data: dict[str, Any] = json_of(response, dict)
    return data


def parse_time(value: object) -> dt.datetime | None:
    """An aware UTC datetime from ISO 8601 (with Z), RFC 2822 or epoch seconds."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return dt.datetime.fromtimestamp(value, dt.UTC)
    if isinstance(value, str) and value.endswith(("Z", "+00:00")):  # the usual: one call
        try:
            when = dt.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return when if when.tzinfo is dt.UTC else when.astimezone(dt.UTC)
    text = str(value).strip()
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError):
            # Graph API: 2026-11-20T10:00:00+0000
            try:
                when = dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z")
            except ValueError:
                return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return when.astimezone(dt.UTC)
