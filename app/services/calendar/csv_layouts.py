"""The posts CSV layouts Tribune reads, by their headers, turned into Tribune's own fields.

Recognised (headers from the tools' published templates, tests/data/exports/README.md):

- Tribune: ``date,time,networks,text,category,media,title,campaign`` (``uid`` too when the
  file is Tribune's own export), comma- or semicolon-separated;
- Hootsuite bulk composer: no header, ``date time, message[, link]`` per row;
- Buffer bulk upload: ``Text,Image URL,Tags,Posting Time``;
- Metricool: ``Text,Date,Time,Draft,Facebook,Twitter/X,LinkedIn,…,Picture Url 1…``, the
  networks as TRUE/FALSE columns;
- Publer: ``Date,Text,Link(s),Media URL(s),Title,Label(s),…``.

Anything else goes through a column mapping (``text=Message,date=Date,network=Réseau``).
Media given as web addresses by other tools are not downloaded: they are listed in the
post's notes. Each row becomes a dict of Tribune fields: ``date``, ``time`` (strings as in
Tribune's layout), ``networks``, ``text``, ``media``, ``title``, ``category``, ``campaign``,
``link``, ``notes``, ``uid``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.errors import ValidationError
from app.i18n import translate
from app.services.csvfiles.read import unquote
from app.textsafe import quoted

FIELDS = ("date", "time", "networks", "text", "media", "title", "category", "campaign", "link")
TRIBUNE = ("date", "networks", "text")
BUFFER = ("text", "image url", "tags", "posting time")
PUBLER = ("date", "text", "link(s)", "media url(s)")
METRICOOL = ("text", "date", "time", "draft")
# Metricool's network columns -> Tribune's network names (the others are not published)
METRICOOL_NETWORKS = {
    "facebook": "facebook",
    "instagram": "instagram",
    "linkedin": "linkedin",
    "twitter/x": "x",
    "twitter": "x",
    "bluesky": "bluesky",
}
KNOWN = (
    "Tribune (date, time, networks, text…)",
    "Hootsuite bulk composer (date time, message, link)",
    "Buffer (Text, Image URL, Tags, Posting Time)",
    "Metricool (Text, Date, Time, Draft, Facebook…)",
    "Publer (Date, Text, Link(s), Media URL(s)…)",
)
_DATETIME = re.compile(r"^\s*(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})[ T]+(\d{1,2})[:h](\d{2})")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})[:h-](\d{2}))?")


@dataclass
class PostsLayout:
    key: str  # "tribune" | "hootsuite" | "buffer" | "metricool" | "publer" | "mapped"
    source: str
    header: list[str]  # as in the file (empty: no header row)
    names_networks: bool  # does each row say its networks?
    mapping: dict[str, str] = field(default_factory=dict)  # field -> header (mapped layouts)
    date_values: list[str] = field(default_factory=list)  # for the date order


def _cells(header: list[str]) -> list[str]:
    return [h.strip().lower() for h in header]


def looks_like_datetime(cell: str) -> bool:
    return bool(_DATETIME.match(cell or "") or _ISO.match(cell or ""))


def recognise(header: list[str], mapping: dict[str, str] | None, hint: str = "") -> PostsLayout:
    cells = _cells(header)
    cols = set(cells)
    if mapping:
        missing = [h for h in mapping.values() if h.strip().lower() not in cols]
        if missing:
            raise ValidationError(
                translate(
                    "PostsCsv", "The mapping names columns the file does not have: {missing}. "
                    "Columns found: {found}."
                ).format(missing=quoted(", ".join(missing)), found=quoted(", ".join(header)))
            )  # fmt: skip
        for needed in ("date", "text"):
            if needed not in mapping:
                raise ValidationError(
                    translate("PostsCsv", "The mapping needs at least « date » and « text ».")
                )
        return PostsLayout(
            "mapped", translate("PostsCsv", "column mapping"), header, "networks" in mapping,
            {k: v.strip().lower() for k, v in mapping.items()},
        )  # fmt: skip
    if set(TRIBUNE) <= cols:
        return PostsLayout("tribune", "Tribune", header, True)
    if set(BUFFER) <= cols:
        return PostsLayout("buffer", "Buffer", header, False)
    if set(METRICOOL) <= cols:
        return PostsLayout("metricool", "Metricool", header, True)
    if set(PUBLER) <= cols:
        return PostsLayout("publer", "Publer", header, False)
    if header and looks_like_datetime(header[0]) and 2 <= len(header) <= 3:
        return PostsLayout("hootsuite", "Hootsuite", [], False)
    missing = [c for c in TRIBUNE if c not in cols]
    found = quoted(", ".join(h.strip() for h in header if h.strip()))[:300] or "—"
    message = translate(
        "PostsCsv",
        "Unknown CSV layout (missing columns for Tribune's: {missing}). Columns found: {found}. "
        "Layouts known: {known}. Another layout imports with a column mapping "
        '(--map "text=…,date=…,networks=…").',
    ).format(missing=", ".join(missing), found=found, known="; ".join(KNOWN))
    raise ValidationError(f"{message} {hint}".strip(), field="layout")


def _split_datetime(value: str, order: str) -> tuple[str, str]:
    """An ISO ``YYYY-MM-DD`` and ``HH:MM`` from one cell (slashed dates in ``order``)."""
    value = (value or "").strip()
    m = _ISO.match(value)
    if m:
        y, mo, d, hh, mm = m.groups()
        day = f"{int(y):04d}-{int(mo):02d}-{int(d):02d}"
        return day, (f"{int(hh):02d}:{mm}" if hh else "")
    m = _DATETIME.match(value) or re.match(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})()()", value)
    if not m:
        return value, ""
    a, b, y, hh, mm = m.groups()
    d, mo = (a, b) if order == "dmy" else (b, a)
    year = int(y) + (2000 if len(y) == 2 else 0)
    return f"{year:04d}-{int(mo):02d}-{int(d):02d}", (f"{int(hh):02d}:{mm}" if hh else "")


def date_cells(layout: PostsLayout, rows: list[list[str]]) -> list[str]:
    """The cells holding dates, to find their order before reading them."""
    at = _at(layout)
    column = {
        "hootsuite": 0, "buffer": at.get("posting time"), "metricool": at.get("date"),
        "publer": at.get("date"), "tribune": at.get("date"),
        "mapped": at.get(layout.mapping.get("date", "")),
    }.get(layout.key)  # fmt: skip
    if column is None:
        return []
    return [r[column] for r in rows if column < len(r)]


def _at(layout: PostsLayout) -> dict[str, int]:
    return {c: i for i, c in enumerate(_cells(layout.header))}


def _true(value: str) -> bool:
    return (value or "").strip().lower() in ("true", "vrai", "1", "yes", "oui", "x")


def to_fields(
    layout: PostsLayout, values: list[str], order: str, networks: list[str]
) -> dict[str, Any]:
    """One row as Tribune's fields (strings), ``networks`` filling in for layouts that do
    not name them (chosen when importing, as the tools do)."""
    at = _at(layout)

    def cell(name: str) -> str:
        i = at.get(name)
        return values[i] if i is not None and i < len(values) else ""

    out: dict[str, Any] = {k: "" for k in FIELDS}
    out["networks"] = " ".join(networks)
    urls: list[str] = []
    if layout.key == "tribune":
        for k in FIELDS:
            out[k] = unquote(cell(k)) if k in ("text", "title", "category", "campaign") else cell(k)
        out["networks"] = cell("networks")
        out["uid"] = cell("uid").strip()
        day, time = _split_datetime(cell("date"), order)
        out["date"], out["time"] = day, cell("time").strip() or time
        return out
    if layout.key == "hootsuite":
        out["date"], out["time"] = _split_datetime(values[0], order)
        out["text"] = values[1] if len(values) > 1 else ""
        out["link"] = values[2].strip() if len(values) > 2 else ""
    elif layout.key == "buffer":
        out["date"], out["time"] = _split_datetime(cell("posting time"), order)
        out["text"], out["category"] = cell("text"), cell("tags").strip()
        urls = [cell("image url").strip()]
    elif layout.key == "metricool":
        out["date"], _ = _split_datetime(cell("date"), order)
        out["time"] = cell("time").strip()[:5]
        out["text"] = cell("text")
        named = [n for c, n in METRICOOL_NETWORKS.items() if _true(cell(c))]
        out["networks"] = " ".join(dict.fromkeys(named)) or out["networks"]
        urls = [cell(f"picture url {i}").strip() for i in range(1, 11)]
    elif layout.key == "publer":
        out["date"], out["time"] = _split_datetime(cell("date"), order)
        out["text"], out["title"] = cell("text"), cell("title").strip()
        out["category"] = cell("label(s)").strip()
        out["link"] = cell("link(s)").split(",")[0].strip()
        urls = [u.strip() for u in cell("media url(s)").split(",")]
    else:  # mapped
        for k, header in layout.mapping.items():
            out["networks" if k == "network" else k] = cell(header)
        if not layout.names_networks:
            out["networks"] = " ".join(networks)
        day, time = _split_datetime(out["date"], order)
        out["date"], out["time"] = day, out["time"].strip() or time
        if out["media"].startswith(("http://", "https://")):
            urls, out["media"] = out["media"].split("|"), ""
    urls = [u for u in urls if u]
    if urls:
        out["notes"] = translate("PostsCsv", "Media to attach (web addresses): {urls}").format(
            urls=" ".join(urls)
        )
    return out
