"""The metrics CSV layouts Tribune recognises, by their headers, and their conventions.

Headers are matched case-insensitively after trimming; localised and older names are
mapped onto the English names :mod:`app.services.reports.metrics_import` reads:

- Meta Business Suite content and daily exports in English;
- the same exports in French ("Date de publication", "Portée", "Réactions"…): day-first
  dates and a decimal comma;
- the older Facebook Insights "Post Data" export ("Post ID", "Posted", "Post Message",
  "Lifetime Post Total Impressions"…, a second row of descriptions): month-first dates.

Sources of the headers: tests/data/exports/README.md.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.errors import ValidationError
from app.i18n import translate
from app.textsafe import quoted

# French (and older) header -> the English name the importer reads
ALIASES = {
    # Meta Business Suite, French
    "identifiant de la publication": "post id",
    "id de la publication": "post id",
    "id de publication": "post id",
    "identifiant de la page": "page id",
    "nom de la page": "page name",
    "titre": "title",
    "heure de publication": "publish time",
    "date de publication": "publish time",
    "permalien": "permalink",
    "lien permanent": "permalink",
    "type de publication": "post type",
    "nom d’utilisateur du compte": "account username",
    "nom d'utilisateur du compte": "account username",
    "vues": "views",
    "portée": "reach",
    "couverture": "reach",
    "réactions": "reactions",
    "mentions j’aime": "likes",
    "mentions j'aime": "likes",
    "j’aime": "likes",
    "j'aime": "likes",
    "commentaires": "comments",
    "partages": "shares",
    "total des clics": "total clicks",
    "clics au total": "total clicks",
    "clics sur un lien": "link clicks",
    "clics sur le lien": "link clicks",
    "abonnés": "followers",
    "nombre total d’abonnés": "total followers",
    "nombre total d'abonnés": "total followers",
    "couverture de la page facebook": "facebook page reach",
    "couverture instagram": "instagram reach",
    "interactions avec le contenu": "content interactions",
    "visites de la page": "page visits",
    "visites de la page facebook": "facebook page visits",
    "visites du profil instagram": "instagram profile visits",
    # Facebook Insights "Post Data" (before Meta Business Suite)
    "posted": "publish time",
    "post message": "description",
    "lifetime post total impressions": "impressions",
    "lifetime post total reach": "reach",
    "lifetime post consumptions": "total clicks",
    "lifetime talking about this (post) by action type - like": "reactions",
    "lifetime talking about this (post) by action type - comment": "comments",
    "lifetime talking about this (post) by action type - share": "shares",
}
FRENCH = {k for k in ALIASES if not k.startswith(("posted", "post message", "lifetime"))}


@dataclass(frozen=True)
class Layout:
    key: str  # "tribune-accounts", "tribune-posts", "meta-posts", "meta-daily"
    source: str  # what the user is told: "Meta Business Suite (French)", …
    header: list[str]  # the English names, in the file's order
    dates: str  # "dmy" | "mdy" | "iso": the layout's convention
    decimal_comma: bool


KNOWN = (
    "Tribune (date, network, handle, …)",
    "Tribune (date, network, external_post_id, …)",
    "Meta Business Suite (English or French)",
    "Facebook Insights Post Data",
)


def recognise(raw_header: list[str], hint: str = "") -> Layout:
    """The layout of a file from its header; an unknown one is refused with the headers
    found and the layouts known (and ``hint``, e.g. what separator was read)."""
    cells = [h.strip().lower() for h in raw_header]
    french = any(c in FRENCH for c in cells)
    insights = "posted" in cells or any(c.startswith("lifetime post") for c in cells)
    header = [ALIASES.get(c, c) for c in cells]
    cols = set(header)
    key = ""
    if {"date", "network", "external_post_id"} <= cols:
        key = "tribune-posts"
    elif "date" in cols and ({"network", "handle"} <= cols or "account_id" in cols):
        key = "tribune-accounts"
    elif "post id" in cols and "publish time" in cols:
        key = "meta-posts"
    elif "date" in cols and any(a in cols for names in DAILY_NAMES for a in names):
        key = "meta-daily"
    if not key:
        found = quoted(", ".join(h.strip() for h in raw_header if h.strip()))[:300]
        message = translate(
            "Metrics",
            "Unknown CSV layout. Columns found: {found}. Layouts known: {known}.",
        ).format(found=found or "—", known="; ".join(KNOWN))
        raise ValidationError(f"{message} {hint}".strip())
    if key.startswith("tribune"):
        return Layout(key, "Tribune", header, "iso", False)
    if insights:
        return Layout(key, "Facebook Insights", header, "mdy", False)
    if french:
        return Layout(key, "Meta Business Suite (FR)", header, "dmy", True)
    return Layout(key, "Meta Business Suite", header, "mdy", False)


DAILY_NAMES = (
    ("followers", "total followers", "facebook page followers", "instagram followers"),
    ("reach", "facebook page reach", "instagram reach"),
    ("impressions", "views"),
    ("content interactions", "engagements", "post engagements"),
    ("link clicks", "clicks"),
    ("page visits", "facebook page visits", "instagram profile visits", "profile visits"),
)
