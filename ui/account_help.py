"""What to type for an account of each network: handle, server address, token."""

from __future__ import annotations

from app.i18n import translate


def account_help(network: str) -> tuple[str, str, str] | None:
    """(handle tooltip, server address tooltip, token placeholder), translated."""
    return {
        "mastodon": (
            translate("AccountHelp", "The account's name, e.g. @brand"),
            translate("AccountHelp", "The instance, e.g. https://mastodon.social"),
            translate("AccountHelp", "access token (Preferences › Development)"),
        ),
        "bluesky": (
            translate("AccountHelp", "The handle, e.g. brand.bsky.social"),
            translate("AccountHelp", "Empty for bsky.social, else the account's server"),
            translate("AccountHelp", "an app password"),
        ),
        "facebook": (
            translate("AccountHelp", "The Page id"),
            translate("AccountHelp", "Empty for the Graph API (graph.facebook.com)"),
            translate("AccountHelp", "a Page access token"),
        ),
        "instagram": (
            translate("AccountHelp", "The Instagram professional account id"),
            translate("AccountHelp", "Empty for the Graph API (graph.facebook.com)"),
            translate("AccountHelp", "the linked Page's access token"),
        ),
        "linkedin": (
            translate("AccountHelp", "The page: urn:li:organization:123 or its number"),
            translate("AccountHelp", "Empty for api.linkedin.com"),
            translate(
                "AccountHelp",
                "a page admin's OAuth token, or JSON with refresh_token, client_id, client_secret",
            ),
        ),
        "x": (
            translate("AccountHelp", "The account's @username"),
            translate("AccountHelp", "Empty for api.x.com"),
            translate(
                "AccountHelp",
                "an OAuth 2.0 user token, or JSON with its refresh_token and client_id",
            ),
        ),
        "threads": (
            translate("AccountHelp", "The Threads user id (Connect… finds it)"),
            translate("AccountHelp", "Empty for the Threads API (graph.threads.net)"),
            translate(
                "AccountHelp",
                "a long-lived Threads token, or JSON with access_token and expires_at",
            ),
        ),
        "pinterest": (
            translate(
                "AccountHelp",
                "The board id its pins go to. Pinterest's API has no comments: nothing "
                "comes into the inbox from Pinterest.",
            ),
            translate("AccountHelp", "Empty for api.pinterest.com"),
            translate(
                "AccountHelp",
                "an OAuth token, or JSON with refresh_token, client_id, client_secret",
            ),
        ),
        "rss": (
            translate("AccountHelp", "A name for the feed, e.g. Press"),
            translate("AccountHelp", "The feed's address (RSS or Atom)"),
            translate("AccountHelp", "none needed"),
        ),
    }.get(network)
