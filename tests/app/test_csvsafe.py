"""Exports neutralise formulas: a cell a spreadsheet would run is written as text (issue #19)."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest

from app.connectors.contract import IncomingMessage
from app.csvsafe import safe_cell
from app.services.clients import workspaces as clients
from app.services.inbox import escalation, escalation_export
from app.services.inbox import ingest as inbox_ingest
from app.services.inbox import reading as inbox

T0 = dt.datetime(2026, 3, 10, 9, 0, tzinfo=dt.UTC)
PAYLOADS = ["=cmd|' /C calc'!A0", '+HYPERLINK("http://x")', "-2+3", "@SUM(A1)", "\t=1", "\r=1"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_formula_cells_are_quoted(payload):
    assert safe_cell(payload) == "'" + payload


def test_ordinary_values_are_left_alone():
    assert safe_cell("Bonjour = merci") == "Bonjour = merci"
    assert safe_cell(-3) == -3 and safe_cell(2.5) == 2.5 and safe_cell(None) is None


def test_escalation_log_csv_carries_no_formula(db, tmp_path):
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        inbox_ingest.ingest_messages(
            s,
            cid,
            [IncomingMessage("facebook", "1", "comment", "=1+1", "evil", PAYLOADS[0], T0)],
        )
        mid = inbox.page(s, cid).rows[0].id
        escalation.escalate(
            s, cid, mid, contact_name="@Support", contact_email="s@x.example", now=T0
        )
    out = tmp_path / "log.csv"
    with db.read() as s:
        assert escalation_export.export_csv(s, cid, out) == 1
    with open(out, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    cells = [c for c in rows[1] if c]
    assert "'" + PAYLOADS[0] in cells and "'=1+1" in cells
    assert not any(c.startswith(("=", "+", "-", "@", "\t", "\r")) for c in cells), cells
    assert not list(tmp_path.glob("*.part"))


def test_chart_csv_carries_no_formula(monkeypatch):
    from app.charts import tables

    monkeypatch.setattr(
        tables,
        "chart_table",
        lambda key, data: (["rank", "text", "reach"], [["top", PAYLOADS[0], -4], ["top", "@x", 3]]),
    )
    rows = list(csv.reader(io.StringIO(tables.chart_csv("top_posts", None))))
    assert rows[1] == ["top", "'" + PAYLOADS[0], "-4"]  # a negative number stays a number
    assert rows[2][1] == "'@x"
