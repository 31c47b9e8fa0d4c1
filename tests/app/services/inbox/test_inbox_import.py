"""CSV import on broken files: every bad row reported with its line, good rows in."""

from __future__ import annotations

import pytest

from app.errors import ValidationError
from app.services.clients import workspaces as clients
from app.services.inbox import reading as inbox
from app.services.inbox.csv_import import import_csv

HEADER = "network,external_id,kind,author,author_handle,text,received_at,in_reply_to,url\n"


def write(tmp_path, body: str, name="in.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


@pytest.fixture
def client_id(db):
    with db.session() as s:
        return clients.create_client(s, "Aquarelle").id


def test_broken_rows_are_reported_and_good_rows_go_in(db, client_id, tmp_path):
    body = (
        'facebook,1,comment,Marie,marie,"Bonjour, ma commande ?",2026-03-10T10:00:00+01:00,,\n'  # 2
        "facebook,2,comment,Paul,paul,Texte,10/03/2026 10:00,,\n"  # 3 bad date
        "facebook,3,tweet,Paul,paul,Texte,2026-03-10T10:00:00+01:00,,\n"  # 4 unknown kind
        "facebook,,comment,Paul,paul,Texte,2026-03-10T10:00:00+01:00,,\n"  # 5 missing id
        "facebook,5,comment,Paul\n"  # 6 short row
        'instagram,6,comment,Léa,lea,"Sur deux\nlignes, avec ""guillemets""",'
        "2026-03-10T11:00:00Z,,\n"
        'facebook,7,review,X,x,"<script>alert(1)</script><b>gras</b>",2026-03-10T12:00:00+01:00,1,\n'
        "facebook,8,comment,Y,y,sans fuseau,2026-03-10T12:00:00,,\n"  # 10 naive date
        "\n"
        "facebook,1,comment,Marie,marie,doublon,2026-03-10T10:00:00+01:00,,\n"  # 12 duplicate
    )
    report = import_csv(db, client_id, write(tmp_path, body))
    assert (report.added, report.duplicates) == (3, 1)
    got = [(e.line, e.reason) for e in report.errors]
    assert [line for line, _ in got] == [3, 4, 5, 6, 10]
    assert "ISO 8601" in got[0][1] and "tweet" in got[1][1] and "external id" in got[2][1]
    assert "columns" in got[3][1] and "time zone" in got[4][1]
    with db.read() as s:
        rows = {r.author: r for r in inbox.page(s, client_id).rows}
        assert rows["Léa"].snippet == 'Sur deux\nlignes, avec "guillemets"'
        markup = inbox.detail(s, client_id, rows["X"].id)
        assert markup.text == "<script>alert(1)</script><b>gras</b>"  # kept verbatim
        assert [t.author for t in markup.thread] == ["Marie", "X"]
    again = import_csv(db, client_id, write(tmp_path, body))
    assert (again.added, again.duplicates) == (0, 4)


def test_a_failing_batch_leaves_nothing_of_itself(db, client_id, tmp_path, monkeypatch):
    body = "".join(
        f"mastodon,{i},mention,A,a{i},texte {i},2026-03-10T10:00:00+01:00,,\n" for i in range(25)
    )
    import app.services.inbox.csv_import as mod

    calls = {"n": 0}
    real = mod.ingest_messages

    def crash_on_third(session, *a, **kw):
        calls["n"] += 1
        result = real(session, *a, **kw)
        if calls["n"] == 3:
            raise RuntimeError("disk full")
        return result

    monkeypatch.setattr(mod, "ingest_messages", crash_on_third)
    with pytest.raises(RuntimeError):
        import_csv(db, client_id, write(tmp_path, body), batch=10)
    with db.read() as s:
        assert inbox.count(s, client_id) == 20  # two whole batches, nothing of the third


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        (b"", "empty"),
        (b"network,external_id\nfacebook,1\n", "missing columns"),
        ("network;external_id\n".encode("latin-1") + b"\xe9\xe9\n", "UTF-8"),
    ],
)
def test_unreadable_files_are_refused_whole(db, client_id, tmp_path, content, needle):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ValidationError, match=needle):
        import_csv(db, client_id, path)
