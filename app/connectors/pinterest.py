"""Pinterest: pins published to one board from the calendar, and pin and account analytics.

The documented API v5 (``api.pinterest.com/v5``): ``POST /pins`` with ``board_id``,
``title`` (100 characters), ``description`` (500), ``link``, ``alt_text`` and
``media_source`` — ``image_url`` for an image at a public address, ``image_base64`` for a
file on this computer. Pinterest keeps no idempotency key: after a crash the board's pins
(``GET /boards/{id}/pins``) are searched for the same description. Numbers:
``GET /pins/{id}/analytics`` and ``GET /user_account/analytics`` (``daily_metrics`` per date:
IMPRESSION, SAVE, PIN_CLICK, OUTBOUND_CLICK, ENGAGEMENT), followers from ``/user_account``.

Pinterest's API v5 has no comments: nothing comes into the inbox from Pinterest, and the
account help and :attr:`PinterestConnector.has_inbox` say so. The account's handle is the
board id; its token renews itself (:class:`app.connectors.pinterest_auth.PinterestRenewal`).
"""

from __future__ import annotations

import base64
import datetime as dt
from pathlib import Path
from typing import Any

from app.connectors.base import (
    AccountRef,
    BadResponse,
    Connector,
    FetchProgress,
    FetchResult,
    Health,
    Published,
    Rejected,
)
from app.connectors.contract import AccountMetricSample, DueVariant, PostMetricSample
from app.connectors.http import Http, json_dict, parse_time
from app.connectors.pinterest_auth import PINTEREST_API, PinterestRenewal
from app.i18n import translate

DESCRIPTION_LIMIT = 500
TITLE_LIMIT = 100
PIN_METRICS = "IMPRESSION,SAVE,PIN_CLICK,OUTBOUND_CLICK"


def no_comments() -> str:
    return translate(
        "Connectors",
        "Pinterest's API has no comments: nothing from Pinterest comes into the inbox.",
    )


class PinterestConnector(Connector):
    network = "pinterest"
    char_limit = DESCRIPTION_LIMIT
    credential_hosts = ("api.pinterest.com",)
    has_inbox = False  # the API v5 has no comments to read or answer

    def __init__(self, account: AccountRef, http: Http) -> None:
        super().__init__(account, http)
        self._token = PinterestRenewal(account, self.http, f"{self.base}/oauth/token")

    @property
    def base(self) -> str:
        return (self.account.base_url or PINTEREST_API).rstrip("/")

    @property
    def board(self) -> str:
        return self.account.handle.strip()

    def _call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        url = f"{self.base}/{path.lstrip('/')}"
        response = self._token.send(
            lambda token: self.http.request(method, url, auth=token, **kwargs)
        )
        if response.status_code >= 400:
            try:
                message = str(response.json().get("message") or "")[:200]
            except (ValueError, AttributeError):
                message = ""
            raise Rejected(
                translate(
                    "Connectors", "Pinterest refused the request (HTTP {status}): {message}"
                ).format(status=response.status_code, message=message)
            )
        return json_dict(response)

    def check(self) -> Health:
        board = self._call("GET", f"boards/{self.board}")
        return Health(
            display_name=str(board.get("name") or self.board),
            token_expires_at=self._token.refresh_expires_at,  # the refresh token's year
            char_limit=DESCRIPTION_LIMIT,
        )

    def fetch(
        self, cursor: dict[str, Any], *, max_pages: int = 50, progress: FetchProgress | None = None
    ) -> FetchResult:
        """Nothing to read: Pinterest's API has no comments (the sync still checks the
        account and publishes its pins)."""
        return FetchResult((), dict(cursor or {}))

    # -- pins -------------------------------------------------------------------------------
    @staticmethod
    def title_of(variant: DueVariant) -> str:
        first = next((line.strip() for line in variant.text.splitlines() if line.strip()), "")
        return first[:TITLE_LIMIT]

    def _media_source(self, variant: DueVariant) -> dict[str, Any]:
        images = [m for m in variant.media if not m.is_video]
        if not images or len(variant.media) > 1:
            raise Rejected(
                translate("Connectors", "A pin takes one image (videos are not sent by Tribune).")
            )
        image = images[0]
        if image.path.startswith(("http://", "https://")):
            return {"source_type": "image_url", "url": image.path}
        try:
            data = Path(image.path).read_bytes()
        except OSError:
            raise Rejected(
                translate("Connectors", "The pin's image is missing: {name}.").format(
                    name=Path(image.path).name
                )
            ) from None
        return {
            "source_type": "image_base64",
            "content_type": image.mime or "image/jpeg",
            "data": base64.b64encode(data).decode("ascii"),
        }

    def publish(self, variant: DueVariant) -> Published:
        self.check_length(variant.text)
        body = {
            "board_id": self.board,
            "title": self.title_of(variant),
            "description": variant.text,
            "media_source": self._media_source(variant),
        }
        if variant.link:
            body["link"] = variant.link
        alt = next((m.alt_text for m in variant.media if m.alt_text), "")
        if alt:
            body["alt_text"] = alt[:500]
        pin = self._call("POST", "pins", json=body)
        if not pin.get("id"):
            raise BadResponse(translate("Connectors", "Pinterest did not return the pin."))
        return Published(str(pin["id"]), self.pin_url(pin["id"]), parse_time(pin.get("created_at")))

    @staticmethod
    def pin_url(pin_id: object) -> str:
        return f"https://www.pinterest.com/pin/{pin_id}/"

    def find_published(self, variant: DueVariant, since: dt.datetime) -> Published | None:
        """The board's pin with the same description, made since the send began."""
        start = since - dt.timedelta(minutes=1) if since else None
        data = self._call("GET", f"boards/{self.board}/pins", params={"page_size": 50})
        for pin in data.get("items") or []:
            if not isinstance(pin, dict) or not self.same_text(
                str(pin.get("description") or ""), variant.text
            ):
                continue
            made = parse_time(pin.get("created_at"))
            if start is None or made is None or made >= start:
                return Published(str(pin["id"]), self.pin_url(pin["id"]), made)
        return None

    # -- numbers ----------------------------------------------------------------------------
    @staticmethod
    def _daily(data: dict[str, Any], day: dt.date) -> dict[str, Any]:
        rows = ((data.get("all") or {}).get("daily_metrics")) or []
        for row in rows:
            if isinstance(row, dict) and row.get("date") == day.isoformat():
                return row.get("metrics") or {}
        return {}

    def post_samples(self, external_ids: list[str], day: dt.date) -> list[PostMetricSample]:
        out = []
        for pin in external_ids:
            data = self._call(
                "GET",
                f"pins/{pin}/analytics",
                params={
                    "start_date": day.isoformat(),
                    "end_date": day.isoformat(),
                    "metric_types": PIN_METRICS,
                },
            )
            got = self._daily(data, day)
            out.append(
                PostMetricSample(
                    network=self.network,
                    external_post_id=str(pin),
                    day=day,
                    impressions=got.get("IMPRESSION"),
                    shares=got.get("SAVE"),  # a save is a repin to someone's board
                    clicks=(got.get("PIN_CLICK") or 0) + (got.get("OUTBOUND_CLICK") or 0),
                )
            )
        return out

    def account_samples(self, day: dt.date) -> list[AccountMetricSample]:
        me = self._call("GET", "user_account")
        data = self._call(
            "GET",
            "user_account/analytics",
            params={"start_date": day.isoformat(), "end_date": day.isoformat()},
        )
        got = self._daily(data, day)
        followers = me.get("follower_count")
        return [
            AccountMetricSample(
                account_id=self.account.id,
                day=day,
                followers=int(followers) if isinstance(followers, int) else None,
                impressions=got.get("IMPRESSION"),
                engagements=got.get("ENGAGEMENT"),
                clicks=(got.get("PIN_CLICK") or 0) + (got.get("OUTBOUND_CLICK") or 0),
            )
        ]


__all__ = ["PinterestConnector", "no_comments"]
