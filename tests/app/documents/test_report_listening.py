"""The monthly report's listening page: the month's mentions by source, the negative share,
the most followed authors and the crisis alerts — and no page for a client that listens to
nothing."""

from __future__ import annotations

import datetime as dt

from app.connectors.search.base import Found
from app.documents.report_listening import listening_section, listening_summary
from app.models.listening import CrisisAlert
from app.services.clients import workspaces as clients
from app.services.listening import store
from app.services.listening.streams import add_stream

START = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
END = dt.datetime(2026, 12, 1, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 12, 4, 9, tzinfo=dt.UTC)  # the report of November, written after it


def _client(db, *, stream: bool) -> int:
    with db.session() as s:
        cid = clients.create_client(s, "Aquarelle").id
        clients.add_account(s, cid, "mastodon", "@aq", base_url="https://masto.test")
        if stream:
            add_stream(s, cid, "keyword", "aquarelle", "mastodon")
    return cid


def test_the_months_listening_by_source_author_and_alert(db):
    cid = _client(db, stream=True)
    mid = START + dt.timedelta(days=10)
    found = [
        Found(f"n{i}", "Critique", "<b>critique</b>", "Arnaque, bouquet fané", "", mid, 80_000)
        for i in range(3)
    ] + [Found(f"p{i}", "Fan", "fan", "Merci, magnifique", "", mid, 120) for i in range(5)]
    found.append(Found("old", "Fan", "fan", "Merci", "", START - dt.timedelta(days=2), 120))
    with db.session() as s:
        store.save_items(s, cid, None, "mastodon", found, {})
        s.add(CrisisAlert(client_id=cid, at=mid, signal="influencer", key="influencer:x",
                          reason="…", recipients=[], delivery="sent"))  # fmt: skip
    with db.read() as s:
        summary = listening_summary(s, cid, START, END)
    assert summary.total == 8 and summary.negative == 3  # the item of October is left out
    assert summary.by_network == (("mastodon", 8, 3),)
    assert summary.top_authors[0] == ("mastodon", "<b>critique</b>", 80_000)
    assert [sig for _, sig in summary.alerts] == ["influencer"]
    page = listening_section(summary, "en")
    assert "8 mentions found beyond the brand&#x27;s pages, 38% of them negative." in page
    assert "&lt;b&gt;critique&lt;/b&gt;" in page and "<b>critique</b>" not in page
    assert "Complaint from an influential author" in page
    assert "80,000" in page or "80\u202f000" in page


def test_no_page_without_streams_and_a_kind_sentence_for_a_quiet_month(db):
    silent = _client(db, stream=False)
    with db.session() as s:
        quiet = clients.create_client(s, "Calme").id
        clients.add_account(s, quiet, "mastodon", "@calme", base_url="https://masto.test")
        add_stream(s, quiet, "keyword", "calme", "mastodon")
    with db.read() as s:
        assert listening_summary(s, silent, START, END) is None
        summary = listening_summary(s, quiet, START, END)
    assert listening_section(None, "en") == ""
    assert "found nothing this month" in listening_section(summary, "en")


def test_the_listening_page_in_the_french_pdf(db, tmp_path):
    import subprocess

    from app.documents.report_pdf import render_report

    cid = _client(db, stream=True)
    mid = START + dt.timedelta(days=10)
    found = [Found(f"n{i}", "Critique", "critique_du_net", "Arnaque, bouquet fané", "", mid,
                   80_000) for i in range(3)]  # fmt: skip
    with db.session() as s:
        store.save_items(s, cid, None, "mastodon", found, {})
        s.add(CrisisAlert(client_id=cid, at=mid, signal="negative_spike", key="neg:x",
                          reason="…", recipients=[], delivery="sent"))  # fmt: skip
    result = render_report(db, cid, "2026-11", tmp_path / "r.pdf", language="fr", now=NOW)
    text = subprocess.run(
        ["pdftotext", "-layout", str(result.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Veille" in text
    assert "3 mentions trouvées en dehors des pages de la marque, dont 100" in text
    assert "critique_du_net" in text and "Pic de mentions négatives" in text
    assert "11 novembre 2026" in text  # the alert's date in words, in the client's zone


def test_the_competitors_page_sets_them_beside_the_client(db, tmp_path):
    import subprocess

    from app.documents.report_pdf import render_report
    from app.models.listening import CompetitorSample
    from app.models.metrics import AccountMetricDay

    cid = _client(db, stream=True)
    with db.session() as s:
        account = clients.list_accounts(s, cid)[0].id
        for day, followers in ((dt.date(2026, 11, 2), 1200), (dt.date(2026, 11, 29), 1260)):
            s.add(CompetitorSample(client_id=cid, network="mastodon", handle="rival",
                                   name="Fleurs de Lys", day=day, followers=followers,
                                   posts_total=300, posts_7d=4, engagements_7d=34))  # fmt: skip
            s.add(AccountMetricDay(client_id=cid, account_id=account, day=day,
                                   followers=followers - 700, posts=1, engagements=8))  # fmt: skip
    result = render_report(db, cid, "2026-11", tmp_path / "r.pdf", language="fr", now=NOW)
    text = subprocess.run(
        ["pdftotext", "-layout", str(result.path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Concurrents" in text
    rival = next(line for line in text.splitlines() if "Fleurs de Lys (Mastodon)" in line)
    assert "1 260" in rival.replace("\u202f", " ").replace("\u00a0", " ") and "+60" in rival
    assert "Aquarelle (Mastodon)" in text  # the client itself, for comparison


def test_the_french_competitors_page_opens_on_its_chart_and_cuts_no_word(db, tmp_path):
    """#13: the page's headers ("Publications par semaine", "Abonnés") are never cut inside a
    word, the client's own accounts come first, a rate keeps its decimal, the comparison chart
    is on the page, and an alert of a signal the report does not know is never a raw key."""
    import subprocess

    from app.documents.report_pdf import render_report
    from app.models.listening import CompetitorSample
    from app.models.metrics import AccountMetricDay

    cid = _client(db, stream=True)
    with db.session() as s:
        account = clients.list_accounts(s, cid)[0].id
        for day, followers in ((dt.date(2026, 11, 2), 8200), (dt.date(2026, 11, 29), 8461)):
            s.add(CompetitorSample(client_id=cid, network="bluesky", handle="jardins.bsky.social",
                                   name="Les Jardins d'Émilie", day=day, followers=followers,
                                   posts_total=300, posts_7d=9, engagements_7d=85))  # fmt: skip
        for n in range(28):
            day = dt.date(2026, 11, 2) + dt.timedelta(days=n)
            posts = 1 if n % 3 == 0 else 0  # 10 posts in 28 days
            s.add(
                AccountMetricDay(
                    client_id=cid,
                    account_id=account,
                    day=day,
                    followers=1000 + n,
                    posts=posts,
                    engagements=7,
                )
            )
        s.add(CrisisAlert(client_id=cid, at=START + dt.timedelta(days=3), signal="retired_signal",
                          key="retired:1", reason="…", recipients=[], delivery="sent"))  # fmt: skip
        mid = START + dt.timedelta(days=10)
        store.save_items(s, cid, None, "mastodon", [Found("i1", "A", "a", "Bof", "", mid, 10)], {})
    pdf = render_report(db, cid, "2026-11", tmp_path / "r.pdf", language="fr", now=NOW).path
    raw = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    page = raw[raw.index("Concurrents") :]
    flat = " ".join(page.split())
    for word in ("Abonnés", "Évolution", "Publications", "semaine", "Engagement", "publication"):
        assert word in page.split(), (word, page[:400])  # whole words, none cut in two
    assert flat.index("Aquarelle (Mastodon)") < flat.index("Les Jardins d'Émilie (Bluesky)")
    ours = next(line for line in page.splitlines() if line.startswith("Aquarelle (Mastodon)"))
    assert "2,3" in ours and "19,6" in ours  # 10 posts in November: 2,3 a week, not "2"
    assert "Signal de crise" in raw, raw[raw.index("Veille") :]
    assert "1 mention trouvée en dehors des pages de la marque." in raw  # not "1 mentions"
    assert "retired_signal" not in raw
    images = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages_with_images = {int(line.split()[0]) for line in images.splitlines()[2:]}
    last = int(
        subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
        .stdout.split("Pages:")[1]
        .split()[0]
    )
    assert last in pages_with_images  # the comparison chart on the competitors' page
