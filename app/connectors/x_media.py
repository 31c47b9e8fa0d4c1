"""X's media: the chunked upload (INIT, APPEND, FINALIZE, STATUS) of videos and a picture's
description (methods of XConnector).

A description (alt text) is media metadata on X: ``POST /2/media/metadata`` with
``{"id": media_id, "metadata": {"alt_text": {"text": …}}}`` (at most 1,000 characters), sent
after the upload and before the post is created. X documents it for images and GIFs only (a
video's is refused), so a video goes out without its description rather than never at all.
The call belongs to the send: when X refuses it (4xx) the post is not created and fails with
X's reason, as a refused upload does; when X is unreachable or answers 5xx the post waits and
is sent again later, its media uploaded again. The post is only created once every
description was accepted, so a failed description neither loses the post nor sends it twice.
"""

from __future__ import annotations

from pathlib import Path

from app.connectors.base import (
    BadResponse,
)
from app.connectors.errors import Rejected
from app.connectors.x_messages import DM_LIMIT as DM_LIMIT
from app.connectors.x_messages import XApi
from app.connectors.x_messages import _id_int as _id_int
from app.i18n import translate
from app.networks import NETWORKS

VIDEO_CHUNK = 4 * 1024 * 1024  # X takes chunks of at most 5 MB
VIDEO_WAIT = 300.0  # seconds of X's video processing waited for before trying again later


def _upload_video(self: XApi, path: Path, mime: str) -> str:
    """Chunked upload: initialize, append each chunk (≤ 5 MB), finalize, then wait while
    X processes the video (``processing_info``: pending → in_progress → succeeded)."""
    data = self._request(
        "POST",
        "/2/media/upload/initialize",
        json={
            "media_type": mime,
            "total_bytes": path.stat().st_size,
            "media_category": "tweet_video",
        },
    )
    media_id = str((data.get("data") or {}).get("id") or "")
    if not media_id:
        raise BadResponse(translate("Connectors", "X did not return a media id."))
    with open(path, "rb") as fh:
        index = 0
        while chunk := fh.read(VIDEO_CHUNK):
            response = self._call(
                "POST",
                f"/2/media/upload/{media_id}/append",
                files={"media": ("chunk", chunk, "application/octet-stream")},
                data={"segment_index": str(index)},
            )
            if response.status_code >= 400:
                self._ok(response)  # raises with X's reason
            index += 1
    # the first answer is finalize's; then X is asked for the STATUS after each pause
    answers = [self._request("POST", f"/2/media/upload/{media_id}/finalize")]
    status = {"command": "STATUS", "media_id": media_id}

    def look() -> tuple[str, float | None, object]:
        data = answers.pop() if answers else self._request("GET", "/2/media/upload", params=status)
        processing = (data.get("data") or {}).get("processing_info") or {}
        state = processing.get("state") or "succeeded"
        if state == "succeeded":
            return "ready", None, ""
        if state == "failed":
            error = processing.get("error") or {}
            return "failed", None, error.get("message") or error.get("name") or state
        return "waiting", min(max(float(processing.get("check_after_secs") or 1), 0.2), 30), ""

    self.await_processing(
        look,
        translate("Connectors", "X could not process the video: {reason}"),
        translate("Connectors", "X is still processing the video; the post waits."),
        poll=1.0,
        limit=VIDEO_WAIT,
    )
    return media_id


def _describe(self: XApi, media_id: str, text: str) -> None:
    """The uploaded media's description for screen readers, before the post uses it."""
    metadata = {"alt_text": {"text": text[: NETWORKS["x"].alt_text_max]}}
    try:
        self._request("POST", "/2/media/metadata", json={"id": media_id, "metadata": metadata})
    except Rejected as exc:  # say that the description was the problem, with X's reason
        raise Rejected(
            translate("Connectors", "X refused the picture's description: {reason}").format(
                reason=exc.message
            )
        ) from None
