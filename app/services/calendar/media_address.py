"""Photos and videos given by their public https address instead of a file.

Google Business Profile, Threads and Instagram fetch a post's picture from a public address
(``sourceUrl``, ``image_url``, ``video_url``): they never take bytes. :func:`probe_address`
checks an address before it is attached — https only (every redirect too), a 2xx answer, an
``image/*`` or ``video/*`` type, a size within the network's limit when the server gives one —
with a HEAD, or a one-byte ranged GET when the server refuses HEAD. :func:`store_address`
keeps it once per client in ``media_assets``: its ``path`` is the address and its
``sha256`` the hash of the normalised address (prefixed, so it never equals a file's hash),
which keeps the per-client unique constraint.

Networks that upload bytes (Facebook, X, Bluesky, Mastodon, LinkedIn, Pinterest…) get the
picture downloaded at publishing time by :func:`download_address`, on the publishing worker,
with the same checks, a size limit and a timeout.

An address on a private network (a NAS at 192.168.1.20, an intranet name resolving to 10.x,
link-local, loopback, …) is refused before any request, and so is a redirect to one: the
networks fetch pictures from the internet and could not reach it, and Tribune does not probe
the agency's own network on an address pasted from elsewhere. The host is resolved for the
check (a name that resolves to several addresses is refused if any of them is private).
``TRIBUNE_MEDIA_LOOPBACK=1`` lets loopback through, for a test server on this computer.

Every call runs on a worker, never on the GUI thread.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import socket
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit, urlunsplit

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db_writes import insert_ignore
from app.errors import ValidationError
from app.i18n import translate
from app.models.base import table_of
from app.models.posts import MediaAsset
from app.services.calendar.media_guard import MAX_IMAGE_BYTES, MAX_VIDEO_BYTES

TIMEOUT = 10.0  # seconds for the check
DOWNLOAD_TIMEOUT = 60.0  # seconds per read when the bytes are fetched for an upload
MAX_REDIRECTS = 5
MAX_LENGTH = 1000  # media_assets.path
# networks that fetch the picture themselves from its address
FETCHED_BY_NETWORK = ("google", "threads", "instagram")


@dataclass(frozen=True)
class Probe:
    """What an address answered: the normalised address, its type and size (0: not said)."""

    address: str
    mime: str
    size: int


def is_address(path: str) -> bool:
    """Whether a stored media path is a web address rather than a file."""
    return path.startswith(("https://", "http://"))


def _refused(why: str) -> ValidationError:
    return ValidationError(
        translate("MediaAddress", "Address refused: {why}").format(why=why), "media"
    )


def normalise(address: str) -> str:
    """The address with its scheme and host in lower case and no fragment; ValidationError
    when it is not an https address Tribune may attach."""
    raw = address.strip()
    if not raw:
        raise _refused(translate("MediaAddress", "it is empty."))
    if any(ch.isspace() for ch in raw) or len(raw) > MAX_LENGTH:
        raise _refused(translate("MediaAddress", "it is not a web address."))
    parts = urlsplit(raw)
    if parts.scheme.lower() != "https":
        raise _refused(translate("MediaAddress", "only https addresses are taken."))
    if not parts.hostname or parts.username or parts.password:
        raise _refused(translate("MediaAddress", "it is not a web address."))
    try:
        port = parts.port
    except ValueError:
        raise _refused(translate("MediaAddress", "it is not a web address.")) from None
    name = parts.hostname.lower()
    if ":" in name:  # an IPv6 address keeps its brackets
        name = f"[{name}]"
    netloc = name + (f":{port}" if port else "")
    return urlunsplit(("https", netloc, parts.path or "/", parts.query, ""))


def address_sha(address: str) -> str:
    return hashlib.sha256(("address:" + address).encode("utf-8")).hexdigest()


def display_name(address: str) -> str:
    """The last segment of the address's path (else its host): the name in the media list."""
    parts = urlsplit(address)
    name = unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) if parts.path else ""
    return (name or parts.hostname or address)[:300]


def host(address: str) -> str:
    return urlsplit(address).hostname or ""


def _limit(mime: str, network: str | None) -> int:
    from app.services.calendar.counters import LIMITS

    video = mime.startswith("video/")
    limit = LIMITS.get(network or "")
    if limit is None:
        return MAX_VIDEO_BYTES if video else MAX_IMAGE_BYTES
    return limit.media.max_video_bytes if video else limit.media.max_image_bytes


def _mb(size: int) -> str:
    return f"{round(size / 1048576, 1):g}"


def _https_only(request: httpx.Request) -> None:
    if request.url.scheme != "https":  # a redirect to plain http
        raise _refused(translate("MediaAddress", "it leads to an address that is not https."))


def _addresses(host: str) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, 443, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []  # not resolved: the request itself says the server could not be reached
    return [_ip(info[4][0]) for info in infos]


def _ip(text: object) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """An address as the socket layer gives it (an IPv6 one may end in "%scope")."""
    return ipaddress.ip_address(str(text).split("%", 1)[0])


def _public_only(request: httpx.Request) -> None:
    """Every request (the first and each redirect) goes to a host on the internet."""
    for address in _addresses(request.url.host):
        _refuse_private(address)


def _connected_to_public(response: httpx.Response) -> None:
    """The address the answer came from is on the internet too: a name resolved again by the
    connection (a DNS answer changed since the check, "DNS rebinding") cannot lead to a
    private network. Judged before anything of the answer is read or followed."""
    stream = response.extensions.get("network_stream")
    peer = stream.get_extra_info("server_addr") if stream is not None else None
    if isinstance(peer, tuple) and peer:
        _refuse_private(_ip(peer[0]))


def _refuse_private(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> None:
    if address.is_loopback and os.environ.get("TRIBUNE_MEDIA_LOOPBACK") == "1":
        return  # the tests' site on this computer
    if not address.is_global:
        raise _refused(
            translate(
                "MediaAddress",
                "it points to a private network ({address}): the networks fetch pictures "
                "from the internet and could not reach it.",
            ).format(address=address)
        )


def _client(timeout: float) -> httpx.Client:
    return httpx.Client(
        timeout=timeout,
        follow_redirects=True,
        max_redirects=MAX_REDIRECTS,
        event_hooks={"request": [_https_only, _public_only], "response": [_connected_to_public]},
        headers={"User-Agent": "Tribune"},
    )


def _size(response: httpx.Response) -> int:
    ranged = response.headers.get("content-range", "")
    if "/" in ranged and ranged.rsplit("/", 1)[1].strip().isdigit():
        return int(ranged.rsplit("/", 1)[1])
    length = response.headers.get("content-length", "")
    return int(length) if length.isdigit() and response.status_code != 206 else 0


def _judge(address: str, response: httpx.Response, network: str | None) -> Probe:
    if not 200 <= response.status_code < 300:
        raise _refused(
            translate("MediaAddress", "the server answered {status}.").format(
                status=response.status_code
            )
        )
    mime = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if not mime.startswith(("image/", "video/")):
        raise _refused(
            translate("MediaAddress", "it is not a picture or a video ({type}).").format(
                type=mime or "?"
            )
        )
    size = _size(response)
    cap = _limit(mime, network)
    if size > cap:
        raise _refused(
            translate("MediaAddress", "{size} MB, more than the {limit} MB allowed.").format(
                size=_mb(size), limit=_mb(cap)
            )
        )
    return Probe(address, mime, size)


def probe_address(address: str, network: str | None = None, *, timeout: float = TIMEOUT) -> Probe:
    """Check ``address`` over the network (a HEAD, else a one-byte ranged GET); a Probe, or
    ValidationError with one line saying why it is refused."""
    url = normalise(address)
    try:
        with _client(timeout) as client:
            response = client.head(url)
            if response.status_code in (403, 405, 501) or not response.headers.get("content-type"):
                with client.stream("GET", url, headers={"Range": "bytes=0-0"}) as streamed:
                    return _judge(url, streamed, network)
            return _judge(url, response, network)
    except httpx.TooManyRedirects:
        raise _refused(translate("MediaAddress", "too many redirects.")) from None
    except httpx.HTTPError:
        raise _refused(translate("MediaAddress", "the server could not be reached.")) from None


def store_address(session: Session, client_id: int, probe: Probe) -> tuple[int, str]:
    """Keep the checked address once per client (the same address → the same row); its
    media id and the name shown in the media list."""
    sha = address_sha(probe.address)
    query = select(MediaAsset).where(MediaAsset.client_id == client_id, MediaAsset.sha256 == sha)
    # another seat may add the same address meanwhile: ON CONFLICT, then theirs or ours
    row = {
        "client_id": client_id,
        "sha256": sha,
        "filename": display_name(probe.address),
        "mime": probe.mime,
        "size": probe.size,
        "path": probe.address,
    }
    insert_ignore(session, table_of(MediaAsset), [row])
    existing = session.scalars(query).one()
    if (existing.mime, existing.size) != (probe.mime, probe.size):
        existing.mime, existing.size = probe.mime, probe.size
        session.flush()
    return existing.id, existing.filename


def download_address(
    address: str, target: Path, network: str, *, timeout: float = DOWNLOAD_TIMEOUT
) -> str:
    """Fetch the picture at ``address`` into ``target`` for a network that uploads bytes,
    stopping at the network's size limit; its mime type. Raises ``Rejected`` (the address
    no longer gives a picture within the limit) or ``Unavailable`` (unreachable: retried)."""
    from app.connectors.errors import Rejected, Unavailable

    try:
        with _client(timeout) as client, client.stream("GET", normalise(address)) as response:
            probe = _judge(address, response, network)
            cap = _limit(probe.mime, network)
            written = 0
            with target.open("wb") as out:
                for part in response.iter_bytes(1 << 20):
                    written += len(part)
                    if written > cap:
                        raise _refused(
                            translate("MediaAddress", "more than the {limit} MB allowed.").format(
                                limit=_mb(cap)
                            )
                        )
                    out.write(part)
            return probe.mime
    except ValidationError as exc:
        raise Rejected(exc.message) from None
    except httpx.TooManyRedirects:
        raise Rejected(translate("MediaAddress", "Address refused: too many redirects.")) from None
    except httpx.HTTPError:
        raise Unavailable(
            translate("MediaAddress", "The picture at {host} could not be fetched.").format(
                host=host(address)
            )
        ) from None


__all__ = [
    "FETCHED_BY_NETWORK",
    "Probe",
    "address_sha",
    "display_name",
    "download_address",
    "host",
    "is_address",
    "normalise",
    "probe_address",
    "store_address",
]
