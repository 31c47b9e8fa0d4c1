"""Posts CSV from other tools (tests/data/exports/README.md): Hootsuite, Buffer, Metricool,
Publer, Tribune's layout re-saved by a French Excel, a column mapping saved per client, the
CSV export read back into the same posts, refusals that say what was found."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.errors import ValidationError
from app.models.csv_mappings import CsvMapping
from app.models.posts import Post, PostVariant
from app.services.calendar.csv_export import export_csv
from app.services.calendar.csv_import import import_csv
from app.services.calendar.posts import VariantInput, create_post
from app.services.clients import workspaces as clients
from tests.conftest import REPO

EXPORTS = REPO / "tests" / "data" / "exports"
PARIS = ZoneInfo("Europe/Paris")


@pytest.fixture
def cid(db):
    with db.session() as s:
        return clients.create_client(s, "Aquarelle & Pétales").id  # Europe/Paris


def planned(db, cid):
    """{text: (local planned time, sorted networks, notes)} of the client's posts."""
    out = {}
    with db.read() as s:
        for post in s.scalars(select(Post).where(Post.client_id == cid)):
            variants = s.scalars(select(PostVariant).where(PostVariant.post_id == post.id)).all()
            text = variants[0].text if variants else ""
            out[text] = (
                post.planned_at.astimezone(PARIS).replace(tzinfo=None),
                sorted(v.network for v in variants),
                post.notes,
            )
    return out


def load(db, cid, name, **kw):
    with db.session() as s:
        return import_csv(s, cid, (EXPORTS / name).read_bytes(), base_dir=EXPORTS, **kw)


SPRING = dt.datetime(2026, 3, 14, 9, 30)
WORKSHOP = dt.datetime(2026, 4, 3, 18, 0)


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("hootsuite_bulk.csv", "Hootsuite"),
        ("buffer_bulk.csv", "Buffer"),
        ("publer_bulk.csv", "Publer"),
    ],
)
def test_tools_that_leave_the_networks_to_the_upload(db, cid, name, source):
    with pytest.raises(ValidationError, match="--networks") as err:
        load(db, cid, name)
    assert source in err.value.message
    result = load(db, cid, name, networks=["facebook", "instagram"])
    assert result.added == 2 and result.errors == () and result.reading.startswith(source)
    got = planned(db, cid)
    spring = next(v for k, v in got.items() if k.startswith("Nouvelle collection"))
    workshop = got["Atelier couronnes : il reste 3 places !"]
    # Hootsuite's 03/04/2026 is 3 April: 14/03/2026 in the same file proves day-first
    assert spring[:2] == (SPRING, ["facebook", "instagram"]) and workshop[0] == WORKSHOP
    if name != "hootsuite_bulk.csv":
        assert "cdn.fleurs.example" in spring[2]  # web media listed in the notes
    again = load(db, cid, name, networks=["facebook", "instagram"])
    assert (again.added, again.duplicates) == (0, 2)


def test_metricool_names_its_networks(db, cid):
    result = load(db, cid, "metricool_planner.csv")
    assert result.added == 2 and result.reading.startswith("Metricool")
    got = planned(db, cid)
    assert got["Nouvelle collection de printemps 🌷"][:2] == (SPRING, ["facebook", "instagram"])
    # Google Business Profile is not a network Tribune publishes to
    assert got["Atelier couronnes : il reste 3 places !"][:2] == (
        WORKSHOP,
        ["facebook", "linkedin"],
    )


def test_tribune_csv_saved_by_french_excel(db, cid):
    result = load(db, cid, "tribune_posts_excel_fr.csv")
    assert result.added == 2 and result.errors == ()
    assert "« ; »" in result.reading and "cp1252" in result.reading
    got = planned(db, cid)
    assert got["Nouvelle collection de printemps — en boutique dès samedi"][:2] == (
        SPRING,
        ["facebook", "instagram"],
    )
    assert got["Atelier couronnes : il reste 3 places !"][0] == WORKSHOP  # 03/04 = 3 April


def test_column_mapping_is_saved_for_the_client_and_reused(db, cid):
    with pytest.raises(ValidationError) as err:
        load(db, cid, "other_tool_fr.csv")
    message = err.value.message
    assert "Columns found: Jour, Heure, Réseau, Message, Rubrique" in message
    assert "Buffer" in message and "Metricool" in message and "--map" in message
    mapping = {"date": "Jour", "time": "Heure", "networks": "Réseau", "text": "Message",
               "category": "Rubrique"}  # fmt: skip
    first = load(db, cid, "other_tool_fr.csv", mapping=mapping)
    assert first.added == 2 and first.errors == ()
    with db.read() as s:
        assert s.scalar(select(func.count(CsvMapping.id))) == 1
    again = load(db, cid, "other_tool_fr.csv")  # no mapping given: the saved one is used
    assert (again.added, again.duplicates) == (0, 2)
    assert "saved for this client" in again.notes[0]
    got = planned(db, cid)
    assert got["Atelier couronnes : il reste 3 places !"][:2] == (WORKSHOP, ["instagram"])
    with db.session() as s:  # another client has no mapping saved
        other = clients.create_client(s, "Banque Solidaire").id
    with pytest.raises(ValidationError, match="Unknown CSV layout"):
        load(db, other, "other_tool_fr.csv")


def test_export_is_reimportable_and_neutralises_formulas(db, cid, tmp_path):
    with db.session() as s:
        create_post(
            s, cid, planned_at=dt.datetime(2026, 5, 2, 8, tzinfo=dt.UTC), title="Fête des mères",
            category="=HYPERLINK(\"http://evil\")",
            variants=[VariantInput("facebook", "-20 % sur les bouquets 💐", link="https://f.example"),
                      VariantInput("x", "-20 % ce week-end")],
        )  # fmt: skip
    out = tmp_path / "posts.csv"
    with db.read() as s:
        assert export_csv(s, cid, out) == 2
    raw = out.read_bytes().decode("utf-8-sig")
    assert "'=HYPERLINK" in raw and "'-20 % sur les bouquets" in raw  # no formula in Excel
    with db.session() as s:
        same = import_csv(s, cid, out.read_bytes(), base_dir=tmp_path)
    assert (same.added, same.duplicates, same.errors) == (0, 1, ())
    with db.session() as s:
        fresh = clients.create_client(s, "Copie").id
        copy = import_csv(s, fresh, out.read_bytes(), base_dir=tmp_path)
    assert copy.added == 1 and copy.errors == ()
    got = planned(db, fresh)
    assert got["-20 % sur les bouquets 💐"][:2] == (
        dt.datetime(2026, 5, 2, 10, 0),
        ["facebook", "x"],
    )
    with db.read() as s:
        variants = {
            v.network: (v.text, v.link)
            for v in s.scalars(select(PostVariant).where(PostVariant.client_id == fresh))
        }
        category = s.scalars(select(Post.category).where(Post.client_id == fresh)).one()
    assert variants == {
        "facebook": ("-20 % sur les bouquets 💐", "https://f.example"),
        "x": ("-20 % ce week-end", ""),
    }
    assert category == '=HYPERLINK("http://evil")'  # read back as it was typed


def test_mixed_date_orders_are_refused_with_both_values(db, cid):
    data = b"date,time,networks,text\n14/03/2026,09:00,x,a\n03/14/2026,09:00,x,b\n"
    with pytest.raises(ValidationError, match=r"14/03/2026.*03/14/2026"), db.session() as s:
        import_csv(s, cid, data)
