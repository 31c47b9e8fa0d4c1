"""X's recent search (:class:`~tests.servers.search_x.XSearchServer`) plus public profiles, as
documented: ``GET /2/users/by/username/:username`` (``user.fields=public_metrics`` adds
``followers_count``, ``tweet_count``…; an unknown name answers 200 with ``errors`` and no
``data``) and ``GET /2/users/:id/tweets`` (newest first, ``tweet.fields=public_metrics``)."""

from __future__ import annotations

import datetime as dt

from tests.servers.search_x import XSearchServer


class XProfilesServer(XSearchServer):
    def __init__(self, token="x-token") -> None:
        super().__init__(token)
        self.profiles: dict[str, dict] = {}  # username → {"name", "followers", "tweets": [...]}

    def profile_of(self, username: str, *, name: str, followers: int, tweet_count: int) -> None:
        self.profiles[username.lower()] = {
            "id": str(9000 + len(self.profiles)),
            "username": username,
            "name": name,
            "public_metrics": {"followers_count": followers, "following_count": 3,
                               "tweet_count": tweet_count, "listed_count": 1},
            "tweets": [],
        }  # fmt: skip

    def tweeted(self, username: str, when: dt.datetime, likes=0, retweets=0, replies=0) -> None:
        profile = self.profiles[username.lower()]
        profile["tweets"].insert(0, {
            "id": str(1870000000000000000 + sum(len(p["tweets"]) for p in self.profiles.values())),
            "text": "…", "created_at": when.strftime("%Y-%m-%dT%H:%M:%S.000Z"),
            "public_metrics": {"like_count": likes, "retweet_count": retweets,
                               "reply_count": replies, "quote_count": 0},
        })  # fmt: skip

    def handle(self, method, path, query, headers, body):
        if not path.startswith("/2/users/"):
            return super().handle(method, path, query, headers, body)
        if headers.get("authorization") != f"Bearer {self.token}":
            return 401, {}, {"title": "Unauthorized", "type": "about:blank", "status": 401}
        if path.startswith("/2/users/by/username/"):
            username = path.rsplit("/", 1)[-1].lower()
            profile = self.profiles.get(username)
            if profile is None:
                problem = "https://api.twitter.com/2/problems/resource-not-found"
                return 200, {}, {"errors": [{
                    "value": username, "title": "Not Found Error", "type": problem,
                    "detail": f"Could not find user with username: [{username}].",
                    "resource_type": "user", "parameter": "username"}]}  # fmt: skip
            user = {k: profile[k] for k in ("id", "username", "name")}
            if "public_metrics" in str(query.get("user.fields", "")):
                user["public_metrics"] = profile["public_metrics"]
            return 200, {}, {"data": user}
        parts = path.strip("/").split("/")  # 2 users ID tweets
        if len(parts) == 4 and parts[3] == "tweets":
            profile = next((p for p in self.profiles.values() if p["id"] == parts[2]), None)
            if profile is None:
                return 404, {}, {"title": "Not Found Error"}
            limit = max(5, min(int(query.get("max_results") or 10), 100))
            tweets = profile["tweets"][:limit]
            if "public_metrics" not in str(query.get("tweet.fields", "")):
                tweets = [{k: v for k, v in t.items() if k != "public_metrics"} for t in tweets]
            return 200, {}, {"data": tweets, "meta": {"result_count": len(tweets)}}
        return 404, {}, {"title": "Not Found"}
