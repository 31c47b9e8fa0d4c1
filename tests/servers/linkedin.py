"""A local server answering as LinkedIn's versioned Community Management API documents.

``GET /rest/posts?q=author`` (FINDER), ``GET/POST /rest/socialActions/{urn}/comments``
with ``start``/``count`` paging and ``paging.total``, ``DELETE .../comments/{id}?actor=``,
``POST /rest/posts`` (201, the URN in ``x-restli-id``), ``GET /rest/organizations/{id}``,
``GET /rest/networkSizes/{urn}``; the Images API and the Videos API (``initializeUpload``
with ``uploadInstructions`` byte ranges, a PUT per part answered with an ``ETag``,
``finalizeUpload`` checking the ETags, ``GET /rest/videos/{urn}`` PROCESSING then
AVAILABLE); the OAuth refresh at ``/oauth/v2/accessToken`` (the refresh token is not
rotated). It checks the bearer token and the two versioning
headers the docs require; URNs in paths arrive URL-encoded.
"""

from __future__ import annotations

import datetime as dt
import json
from urllib.parse import parse_qs, unquote

from tests.servers.base import LoopbackServer

ORG = "urn:li:organization:5515715"
POST = "urn:li:share:7001"
T0 = int(dt.datetime(2026, 11, 1, tzinfo=dt.UTC).timestamp() * 1000)


class LinkedInServer(LoopbackServer):
    def __init__(self, token="li-token") -> None:
        super().__init__()
        self.token = token
        self.posts = [{"id": POST, "author": ORG, "commentary": "Nos offres 2027",
                       "createdAt": T0, "lifecycleState": "PUBLISHED"}]  # fmt: skip
        self.comments: dict[str, list[dict]] = {POST: []}
        self.replies: dict[str, list[dict]] = {}  # our comments (POST), by post URN
        self.deleted: list[tuple[str, str, str]] = []
        self.created: list[dict] = []
        self.images: dict[str, bytes] = {}  # image URN -> the bytes PUT to its upload URL
        self.videos: dict[str, dict] = {}  # video URN -> size, parts, finalised, looks
        self.part_size = 4 * 1024 * 1024  # LinkedIn's parts are 4 MB
        self.video_fails = False
        self.client_id, self.client_secret = "tribune-li", "li-app-secret"
        self.refresh_token = "li-refresh-1"
        self.renewals = 0

    def add_comment(self, n: int, text: str, post=POST, actor="urn:li:person:abc"):
        self.comments.setdefault(post, []).append(
            {
                "actor": actor,
                "id": str(900 + n),
                "commentUrn": f"urn:li:comment:({post},{900 + n})",
                "created": {"actor": actor, "time": T0 + n * 60_000},
                "message": {"text": text, "attributes": []},
                "object": post,
            }
        )

    def expire_access(self) -> None:
        """Sixty days later: the access token in use is refused."""
        self.token = f"{self.token}-expired"

    def _renew(self, body: bytes):
        form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
        wanted = {"grant_type": "refresh_token", "refresh_token": self.refresh_token,
                  "client_id": self.client_id, "client_secret": self.client_secret}  # fmt: skip
        if form != wanted:
            return 400, {}, {"error": "invalid_request",
                             "error_description": "Unable to retrieve access token"}  # fmt: skip
        self.renewals += 1
        self.token = f"li-token-{self.renewals + 1}"
        return 200, {}, {"access_token": self.token, "expires_in": 5184000,
                         "refresh_token": self.refresh_token,  # LinkedIn does not rotate it
                         "refresh_token_expires_in": 31536000}  # fmt: skip

    def handle(self, method, path, query, headers, body):
        if path == "/oauth/v2/accessToken" and method == "POST":
            return self._renew(body)
        if headers.get("authorization") != f"Bearer {self.token}":
            error = {"status": 401, "code": "INVALID_ACCESS_TOKEN"}
            return 401, {}, {**error, "message": "Invalid access token"}
        parts = [unquote(p) for p in path.strip("/").split("/")]
        if parts[:1] == ["upload"] and method == "PUT":  # the upload URL: no version headers
            self.images[f"urn:li:image:{parts[1]}"] = body
            return 201, {}, b""
        if parts[:1] == ["video-part"] and method == "PUT":
            video = self.videos[f"urn:li:video:{parts[1]}"]
            video["parts"][int(parts[2])] = body
            return 200, {"ETag": f"/etag/{parts[1]}-{parts[2]}"}, b""
        if headers.get("x-restli-protocol-version") != "2.0.0" or not headers.get(
            "linkedin-version"
        ):
            return 400, {}, {"status": 400, "message": "A version header is required"}
        if parts == ["rest", "images"] and query.get("action") == "initializeUpload":
            owner = json.loads(body)["initializeUploadRequest"]["owner"]
            if owner != ORG:
                return 403, {}, {"status": 403, "message": "not an admin of this page"}
            n = f"C4E{len(self.images) + 1}"
            self.images.setdefault(f"urn:li:image:{n}", b"")
            value = {"uploadUrl": f"{self.base_url}/upload/{n}", "image": f"urn:li:image:{n}"}
            return 200, {}, {"value": value}
        if parts == ["rest", "videos"] and query.get("action") == "initializeUpload":
            request = json.loads(body)["initializeUploadRequest"]
            if request["owner"] != ORG:
                return 403, {}, {"status": 403, "message": "not an admin of this page"}
            n = f"D5F{len(self.videos) + 1}"
            size = int(request["fileSizeBytes"])
            self.videos[f"urn:li:video:{n}"] = {"size": size, "parts": {}, "final": False,
                                                "looks": 0}  # fmt: skip
            instructions = [
                {"uploadUrl": f"{self.base_url}/video-part/{n}/{i}", "firstByte": first,
                 "lastByte": min(first + self.part_size, size) - 1}
                for i, first in enumerate(range(0, size, self.part_size))
            ]  # fmt: skip
            value = {"video": f"urn:li:video:{n}", "uploadInstructions": instructions,
                     "uploadToken": "", "uploadUrlsExpireAt": T0 + 10**8}  # fmt: skip
            return 200, {}, {"value": value}
        if parts == ["rest", "videos"] and query.get("action") == "finalizeUpload":
            request = json.loads(body)["finalizeUploadRequest"]
            video = self.videos[request["video"]]
            n = request["video"].rsplit(":", 1)[1]
            wanted = [f"/etag/{n}-{i}" for i in sorted(video["parts"])]
            if request["uploadedPartIds"] != wanted:
                return 400, {}, {"status": 400, "message": "part ids do not match"}
            video["final"] = True
            return 200, {}, b""
        if len(parts) == 3 and parts[:2] == ["rest", "videos"] and method == "GET":
            video = self.videos[parts[2]]
            video["looks"] += 1
            if self.video_fails:
                status = "PROCESSING_FAILED"
            else:
                status = "AVAILABLE" if video["final"] and video["looks"] > 1 else "PROCESSING"
            return 200, {}, {"id": parts[2], "status": status, "owner": ORG}
        if parts == ["rest", "posts"] and method == "GET":
            if query.get("q") != "author" or query.get("author") != ORG:
                return 400, {}, {"status": 400, "message": "bad finder"}
            rows = sorted(self.posts, key=lambda p: -p["createdAt"])[: int(query.get("count", 10))]
            return 200, {}, {"elements": rows, "paging": {"start": 0, "count": len(rows)}}
        if parts == ["rest", "posts"] and method == "POST":
            data = json.loads(body)
            urn = f"urn:li:share:{8000 + len(self.created)}"
            self.created.append(data)
            self.posts.append({"id": urn, "author": data["author"], "commentary":
                               data["commentary"], "createdAt": T0 + 10**9})  # fmt: skip
            return 201, {"x-restli-id": urn}, b""
        if len(parts) == 4 and parts[:2] == ["rest", "socialActions"] and parts[3] == "comments":
            urn = parts[2]
            if method == "POST":
                data = json.loads(body)
                self.created.append(data)
                n = len(self.created)
                row = {"id": str(n), "commentUrn": f"urn:li:comment:({urn},{n})", **data}
                self.replies.setdefault(urn, []).append(row)  # listed by GET on that post
                return 201, {}, row
            rows = self.comments.get(urn, []) + self.replies.get(urn, [])
            start, count = int(query.get("start", 0)), int(query.get("count", 10))
            page = rows[start : start + count]
            paging = {"start": start, "count": count, "total": len(rows)}
            return 200, {}, {"elements": page, "paging": paging}
        if len(parts) == 5 and parts[:2] == ["rest", "socialActions"] and method == "DELETE":
            self.deleted.append((parts[2], parts[4], str(query.get("actor"))))
            return 204, {}, b""
        if parts[:2] == ["rest", "organizations"]:
            return 200, {}, {"id": 5515715, "localizedName": "Banque Solidaire"}
        if parts[:2] == ["rest", "networkSizes"] and parts[2] == ORG:
            return 200, {}, {"firstDegreeSize": 18250}
        return 404, {}, {"status": 404, "message": f"no route {method} {path}"}
