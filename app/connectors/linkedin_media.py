"""LinkedIn's media uploads: images, then videos in parts that are polled until available (methods
of LinkedInConnector)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import quote

import httpx

from app.connectors.base import (
    BadResponse,
    Rejected,
)
from app.connectors.contract import MediaRef
from app.connectors.http import ScopedHttp
from app.connectors.oauth import Renewal
from app.i18n import translate

VIDEO_POLL = 2.0  # seconds between looks at a video LinkedIn is processing
VIDEO_WAIT = 300.0  # then the post waits for the next sync


class LinkedInApi(Protocol):
    """What these methods use of :class:`app.connectors.linkedin.LinkedInConnector`."""

    http: ScopedHttp
    _token: Renewal

    @property
    def org(self) -> str: ...

    def _call(self, method: str, path: str, **kwargs: Any) -> httpx.Response: ...

    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]: ...

    def await_processing(
        self,
        look: Callable[[], tuple[str, float | None, object]],
        failed: str,
        waiting: str,
        *,
        poll: float,
        limit: float,
    ) -> None: ...


# -- publishing -----------------------------------------------------------------------
def _upload(self: LinkedInApi, media: MediaRef) -> str:
    """The Images API: initialise an upload for the page, PUT the bytes, use the URN."""
    if not (media.mime or "").startswith("image/"):
        raise Rejected(
            translate("Connectors", "LinkedIn takes images and videos; not {mime}.").format(
                mime=media.mime
            )
        )
    data = self._json(
        "POST",
        "/rest/images",
        params={"action": "initializeUpload"},
        json={"initializeUploadRequest": {"owner": self.org}},
    )
    value = data.get("value") or {}
    upload_url, image = value.get("uploadUrl"), value.get("image")
    if not upload_url or not image:
        raise BadResponse(translate("Connectors", "LinkedIn did not give an upload address."))
    content = Path(media.path).read_bytes()  # bytes: sent whole again after a renewal
    response = self._token.send(
        lambda token: self.http.request("PUT", upload_url, auth=token, content=content)
    )
    if response.status_code >= 400:
        raise Rejected(
            translate("Connectors", "LinkedIn refused the image (HTTP {status}).").format(
                status=response.status_code
            )
        )
    return str(image)


def _upload_video(self: LinkedInApi, media: MediaRef) -> str:
    """The Videos API: initialise with the size, PUT each byte range LinkedIn asks for
    (keeping each part's ETag), finalise with the ETags in order, then wait while the
    video is processed (``PROCESSING`` → ``AVAILABLE``)."""
    path = Path(media.path)
    data = self._json(
        "POST",
        "/rest/videos",
        params={"action": "initializeUpload"},
        json={
            "initializeUploadRequest": {
                "owner": self.org,
                "fileSizeBytes": path.stat().st_size,
                "uploadCaptions": False,
                "uploadThumbnail": False,
            }
        },
    )
    value = data.get("value") or {}
    video, parts = value.get("video"), value.get("uploadInstructions")
    if not video or not isinstance(parts, list) or not parts:
        raise BadResponse(translate("Connectors", "LinkedIn did not give an upload address."))
    etags: list[str] = []
    with open(path, "rb") as fh:
        for part in parts:
            first, last = int(part["firstByte"]), int(part["lastByte"])
            fh.seek(first)
            chunk, url = fh.read(last - first + 1), part["uploadUrl"]

            def put(token: str, chunk: bytes = chunk, url: str = url) -> httpx.Response:
                return self.http.request(
                    "PUT",
                    url,
                    auth=token,
                    content=chunk,
                    headers={"Content-Type": "application/octet-stream"},
                )

            response = self._token.send(put)
            etag = response.headers.get("etag", "")
            if response.status_code >= 400 or not etag:
                raise Rejected(
                    translate(
                        "Connectors", "LinkedIn refused a part of the video (HTTP {status})."
                    ).format(status=response.status_code)
                )
            etags.append(etag)
    self._call(
        "POST",
        "/rest/videos",
        params={"action": "finalizeUpload"},
        json={
            "finalizeUploadRequest": {
                "video": video,
                "uploadToken": value.get("uploadToken") or "",
                "uploadedPartIds": etags,
            }
        },
    )

    def look() -> tuple[str, float | None, object]:
        status = str(self._json("GET", f"/rest/videos/{quote(video, safe='')}").get("status"))
        if status == "AVAILABLE":
            return "ready", None, ""
        return ("failed" if status in ("PROCESSING_FAILED", "FAILED") else "waiting"), None, ""

    self.await_processing(
        look,
        translate("Connectors", "LinkedIn could not process the video."),
        translate("Connectors", "LinkedIn is still processing the video; the post waits."),
        poll=VIDEO_POLL,
        limit=VIDEO_WAIT,
    )
    return str(video)
