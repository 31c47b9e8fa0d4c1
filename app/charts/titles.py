"""The charts' keys and their titles, in the language of the screen or the document."""

from __future__ import annotations

from app.charts.lang import translate

CHART_KEYS = (
    "audience",
    "engagement",
    "posts",
    "delays",
    "inbox",
    "escalations",
    "heatmap",
    "top_posts",
    "objectives",
    "competitors",
    "reviews",
)


def chart_title(key: str) -> str:
    return {
        "audience": translate("Charts", "Audience per network"),
        "engagement": translate("Charts", "Engagement rate"),
        "posts": translate("Charts", "Posts per week against the charter"),
        "delays": translate("Charts", "First answers within the charter's delay"),
        "inbox": translate("Charts", "Inbox volume"),
        "escalations": translate("Charts", "Escalations opened and resolved"),
        "heatmap": translate("Charts", "Best times: engagement by weekday and hour"),
        "top_posts": translate("Charts", "Top and bottom posts"),
        "objectives": translate("Charts", "Objectives: target and actual"),
        "competitors": translate("Charts", "Competitors beside your accounts"),
        "reviews": translate("Charts", "Google reviews: rating and answers"),
    }[key]
