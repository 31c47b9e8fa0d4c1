"""Facebook Pages as competitors: a Page's public numbers, read with the client's Page token.

Documented Graph API calls: ``GET /{page}?fields=name,username,followers_count,fan_count``
answers for any public Page once the agency's Meta app has the "Page Public Metadata Access"
feature; ``GET /{page}/posts?fields=created_time,reactions.summary(total_count).limit(0),
comments.summary(total_count).limit(0),shares`` (its latest posts, for the week's engagement)
needs "Page Public Content Access" — without it the followers are still sampled, and the
week counts no post (the comparison then shows no engagement per post for that Page).
Facebook offers no public search of posts: a Facebook stream follows a competitor only, and
searching it finds nothing (not an error). A Page name, ``@name`` or the Page's address
(``https://www.facebook.com/name``) are all accepted.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from app.connectors.http import json_of, parse_time
from app.connectors.search.base import Profile, Searcher, SearchResult

POSTS = 10
POST_FIELDS = (
    "created_time,reactions.summary(total_count).limit(0),"
    "comments.summary(total_count).limit(0),shares"
)


def page_name(handle: str) -> str:
    """``RivalFleurs`` from ``@RivalFleurs`` or ``https://www.facebook.com/RivalFleurs/``."""
    text = handle.strip()
    if "://" in text:
        path = urlsplit(text).path.strip("/")
        text = path.split("/")[0] if path else ""
    return text.lstrip("@")


def _count(node: Any) -> int:
    if not isinstance(node, dict):
        return 0
    summary = node.get("summary")
    if isinstance(summary, dict):
        return int(summary.get("total_count") or 0)
    return int(node.get("count") or 0)  # shares: {"count": n}


class FacebookSearch(Searcher):
    network = "facebook"

    def search(
        self, kind: str, query: str, cursor: dict[str, Any], *, max_pages: int = 10
    ) -> SearchResult:
        return SearchResult(cursor=dict(cursor))  # no public search on Facebook

    def profile(self, handle: str) -> Profile | None:
        name = page_name(handle)
        if not name:
            return None
        page_url = f"{self.base_url}/{quote(name, safe='')}"
        response = self.http.get(
            page_url, params={"fields": "name,username,followers_count,fan_count"}, auth=self.token
        )
        if response.status_code == 404 or (
            response.status_code == 400 and _error_code(response) == 803  # no such alias
        ):
            return None
        self._check(response)
        page = json_of(response, dict)
        if not page.get("id"):
            return None
        followers = page.get("followers_count", page.get("fan_count"))
        recent: list[tuple[Any, int]] = []
        posts = self.http.get(
            f"{page_url}/posts", params={"fields": POST_FIELDS, "limit": POSTS}, auth=self.token
        )
        if posts.status_code < 400:  # else no Page Public Content Access: numbers only
            for post in json_of(posts, dict).get("data") or []:
                when = parse_time(post.get("created_time"))
                if when is not None:
                    engagements = sum(
                        _count(post.get(k)) for k in ("reactions", "comments", "shares")
                    )
                    recent.append((when, engagements))
        return Profile(
            handle=str(page.get("username") or name),
            name=str(page.get("name") or name),
            followers=None if followers is None else int(followers),
            posts_total=None,
            recent=tuple(recent),
        )


def _error_code(response: Any) -> int | None:
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        return None
    code = error.get("code") if isinstance(error, dict) else None
    return code if isinstance(code, int) else None
