"""Strict validation of a structured section's values (see charter_schema)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from app.errors import ValidationError
from app.i18n import translate
from app.services.charter.rules import MESSAGE_CATEGORIES, MODERATION_ACTIONS
from app.services.charter.schema import (
    MAX_DELAY_MINUTES,
    REGISTERS,
    SCHEMAS,
    Column,
    default_business_hours,
    parse_time,
)


# -- strict validation ------------------------------------------------------------------------
def _bad(section: str, row: int | None, message: str) -> ValidationError:
    if row is None:
        return ValidationError(message, field=section)
    return ValidationError(
        translate("CharterSchema", "Row {row}: {message}").format(row=row + 1, message=message),
        field=section,
    )


def _check_cell(section: str, i: int, col: Column, value: Any, contact_ids: set[int]) -> None:
    if value in (None, ""):
        return
    t = col.type
    if t in ("text", "hours", "mix"):
        if not isinstance(value, str):
            raise _bad(
                section, i, translate("CharterSchema", "{col} must be text.").format(col=col.key)
            )
        if len(value) > 2000:
            raise _bad(
                section, i, translate("CharterSchema", "text too long (2,000 characters at most).")
            )
    elif t in ("int", "delay"):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise _bad(
                section,
                i,
                translate("CharterSchema", "{col} must be a whole number ≥ 0.").format(col=col.key),
            )
        if t == "delay" and value > MAX_DELAY_MINUTES:
            raise _bad(section, i, translate("CharterSchema", "a delay is at most 30 days."))
    elif t == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _bad(section, i, translate("CharterSchema", "the target must be a number."))
    elif t == "bool":
        if not isinstance(value, bool):
            raise _bad(
                section,
                i,
                translate("CharterSchema", "{col} must be yes or no.").format(col=col.key),
            )
    elif t in ("choice", "category"):
        choices = col.choices or MESSAGE_CATEGORIES
        if value not in choices:
            raise _bad(
                section,
                i,
                translate(
                    "CharterSchema", "unknown value {value} (expected one of: {choices})."
                ).format(value=value, choices=", ".join(choices)),
            )
    elif t == "contact":
        if not isinstance(value, int) or value not in contact_ids:
            raise _bad(
                section,
                i,
                translate("CharterSchema", "this contact is not one of the client's contacts."),
            )
    elif t == "actions" and (
        not isinstance(value, list) or any(a not in MODERATION_ACTIONS for a in value)
    ):
        raise _bad(
            section,
            i,
            translate("CharterSchema", "actions must be among: {choices}.").format(
                choices=", ".join(MODERATION_ACTIONS)
            ),
        )


def validate_data(key: str, data: dict[str, Any], contact_ids: set[int]) -> dict[str, Any]:
    """Check ``data`` for section ``key``; return a clean copy or raise ValidationError."""
    schema = SCHEMAS.get(key)
    if schema is None:
        raise ValidationError(
            translate("CharterSchema", "Unknown charter section: {key}").format(key=key)
        )
    if schema.kind == "rich":
        return {}
    if not isinstance(data, dict):
        raise _bad(key, None, translate("CharterSchema", "Section values must be an object."))
    clean: dict[str, Any] = {}
    if schema.kind == "style":
        return _validate_style(key, data)
    rows = data.get("rows", [])
    if not isinstance(rows, list):
        raise _bad(key, None, translate("CharterSchema", "Section rows must be a list."))
    known = {c.key for c in schema.columns}
    clean_rows = []
    for i, row in enumerate(rows):
        if not isinstance(row, dict):
            raise _bad(key, i, translate("CharterSchema", "a row must be an object."))
        unknown = set(row) - known
        if unknown:
            raise _bad(
                key,
                i,
                translate("CharterSchema", "unknown column {col}.").format(col=sorted(unknown)[0]),
            )
        for col in schema.columns:
            _check_cell(key, i, col, row.get(col.key), contact_ids)
        if (
            key == "moderation"
            and row.get("key") == "criticism"
            and "delete" in (row.get("actions") or [])
        ):
            raise _bad(
                key,
                i,
                translate(
                    "CharterSchema",
                    "criticism is never a reason to delete: answer it, or hide it only if it "
                    "breaks another rule.",
                ),
            )
        clean_rows.append({c.key: row.get(c.key) for c in schema.columns if c.key in row})
    clean["rows"] = clean_rows
    if schema.kind == "delays":
        clean["business_hours"] = _validate_hours(key, data.get("business_hours"))
    return clean


def _validate_style(key: str, data: dict[str, Any]) -> dict[str, Any]:
    clean = {}
    register = data.get("register", "vous")
    if register not in REGISTERS:
        raise _bad(key, None, translate("CharterSchema", "The register must be tu or vous."))
    clean["register"] = register
    clean["emojis"] = bool(data.get("emojis", True))
    signature = data.get("signature", "")
    if not isinstance(signature, str) or len(signature) > 200:
        raise _bad(
            key,
            None,
            translate("CharterSchema", "The signature is text of 200 characters at most."),
        )
    clean["signature"] = signature
    for field in ("words_to_use", "words_to_avoid", "watch_words"):
        words = data.get(field, [])
        if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
            raise _bad(key, None, translate("CharterSchema", "Word lists must be lists of text."))
        clean[field] = [w.strip() for w in words if w.strip()]
    return clean


def _validate_hours(key: str, hours: Any) -> dict[str, Any]:
    if hours is None:
        return default_business_hours()
    if not isinstance(hours, dict):
        raise _bad(key, None, translate("CharterSchema", "Business hours must be an object."))
    days = {}
    for day, windows in (hours.get("days") or {}).items():
        if str(day) not in {str(d) for d in range(7)}:
            raise _bad(
                key, None, translate("CharterSchema", "Unknown weekday {day}.").format(day=day)
            )
        clean_windows = []
        for window in windows or []:
            try:
                start, end = parse_time(window[0]), parse_time(window[1])
            except (ValueError, TypeError, IndexError):
                raise _bad(
                    key, None, translate("CharterSchema", "Opening hours must look like 09:00.")
                ) from None
            if end <= start:
                raise _bad(
                    key,
                    None,
                    translate("CharterSchema", "Closing time must be after opening time."),
                )
            clean_windows.append([start.strftime("%H:%M"), end.strftime("%H:%M")])
        if clean_windows:
            days[str(day)] = clean_windows
    closed = []
    for value in hours.get("closed_days") or []:
        try:
            closed.append(dt.date.fromisoformat(str(value)).isoformat())
        except ValueError:
            raise _bad(
                key,
                None,
                translate(
                    "CharterSchema", "A closed day must be a date like 2026-12-24, not {value}."
                ).format(value=value),
            ) from None
    country = (hours.get("country") or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise _bad(
            key,
            None,
            translate("CharterSchema", "The holidays country is a two-letter code like FR."),
        )
    return {
        "days": days,
        "country": country,
        "subdivision": (hours.get("subdivision") or "").strip().upper(),
        "closed_days": sorted(set(closed)),
    }
