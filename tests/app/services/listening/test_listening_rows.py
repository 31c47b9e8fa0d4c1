"""The listening list's row is the driver's tuple read through names: the instant parsed
when read (SQLite's stored text or a driver's datetime), equal to the ORM's row for the
same item, changed with ``_replace`` (the list shows a dismissed item without reloading)."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import pytest

from app.services.listening.rows import FIELDS, ItemRow

WHEN = dt.datetime(2026, 11, 2, 9, 30, 15, 250000, tzinfo=dt.UTC)
STORED = "2026-11-02 09:30:15.250000"  # how SQLite keeps it (naive UTC)


def _row(when, status="new") -> ItemRow:
    values = (7, None, "mastodon", "e7", "Rose", "rose", 120, "Bouquet fané", "https://x.fr/7")
    return ItemRow(*values, when, "negative", status)


def test_fields_read_by_name_and_the_instant_parsed_aware_in_utc():
    stored, orm = _row(STORED), _row(WHEN)
    paris = _row(WHEN.astimezone(dt.timezone(dt.timedelta(hours=1))))
    for row in (stored, orm, paris):
        assert row.published_at == WHEN and row.published_at.utcoffset() == dt.timedelta(0)
    assert (stored.id, stored.stream_id, stored.author_followers, stored.status) == (
        7,
        None,
        120,
        "new",
    )
    assert [getattr(stored, f) for f in FIELDS][:3] == [7, None, "mastodon"]


def test_rows_equal_by_their_values_whatever_the_driver_gave():
    assert _row(STORED) == _row(WHEN) and hash(_row(STORED)) == hash(_row(WHEN))
    assert _row(STORED) != _row(STORED, status="dismissed")
    assert len({_row(STORED), _row(WHEN)}) == 1
    assert "published_at=datetime.datetime(2026, 11, 2, 9, 30, 15, 250000" in repr(_row(STORED))


def test_replace_copies_with_the_changes_and_refuses_an_unknown_field():
    row = _row(STORED)
    dismissed = row._replace(status="dismissed")
    assert type(dismissed) is ItemRow
    assert dismissed.status == "dismissed" and row.status == "new"
    assert dismissed.published_at == WHEN and dismissed.text == row.text
    with pytest.raises(TypeError, match="statut"):
        row._replace(statut="dismissed")


def test_a_row_survives_pickling_and_copy():
    row = _row(STORED)
    assert pickle.loads(pickle.dumps(row)) == row
    assert type(copy.copy(row)) is ItemRow and copy.deepcopy(row) == row
