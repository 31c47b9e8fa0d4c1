"""The approval sheet as a client reads it: only what waits for a decision, dates in words,
one post never split across pages, a box and comment lines per post, a sign-off block."""

from __future__ import annotations

import datetime as dt
import re
import subprocess

from app.documents.calendar_approval import render_approval_sheet
from app.services import clients, posts
from app.services.posts_approval import record_decision, submit_for_review

ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|\b\d{2}:\d{2}\b")


def _pages(pdf) -> list[str]:
    count = int(
        re.search(
            r"Pages:\s+(\d+)",
            subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout,
        ).group(1)
    )
    return [
        subprocess.run(
            ["pdftotext", "-raw", "-f", str(n), "-l", str(n), pdf, "-"],
            capture_output=True,
            text=True,
        ).stdout
        for n in range(1, count + 1)
    ]


def _sheet(db, tmp_path, language):
    with db.session() as s:
        cid = clients.create_client(s, "Fleurs", language=language, timezone="Europe/Paris").id
        ids = []
        for day in range(1, 16):
            ids.append(
                posts.create_post(
                    s,
                    cid,
                    planned_at=dt.datetime(2026, 12, day, 7, 15, tzinfo=dt.UTC),
                    title=f"Bouquet {day}",
                    variants=[
                        posts.VariantInput(
                            "facebook",
                            f"Bouquet du jour numéro {day} : renoncules et anémones.\n" * 3,
                        ),
                        posts.VariantInput("instagram", f"Bouquet {day} #AquarelleEtPetales"),
                    ],
                ).id
            )
        submit_for_review(
            s,
            cid,
            dt.datetime(2026, 12, 1, tzinfo=dt.UTC),
            dt.datetime(2026, 12, 16, tzinfo=dt.UTC),
        )
        record_decision(s, cid, ids[-1], approved=True)  # the 15th: already approved
    out = tmp_path / f"sheet-{language}.pdf"
    with db.read() as s:
        render_approval_sheet(s, cid, dt.date(2026, 12, 1), dt.date(2026, 12, 31), out)
    return _pages(str(out))


def test_french_sheet_reads_as_a_client_expects(sqlite_db, tmp_path):
    pages = _sheet(sqlite_db, tmp_path, "fr")
    text = "\n".join(pages)
    assert not ISO.search(text), ISO.search(text)
    assert "mardi 1er décembre 2026, 8 h 15" in text.replace("\u00a0", " ")
    assert "du 1er au 31 décembre 2026" in text.replace("\u00a0", " ")
    # 14 posts wait for the client; the published one only in the part for information
    assert text.count("Commentaire :") == 14
    assert "Pour information" in text and "Bouquet 15" in text
    assert "AquarelleEtPetales" in text  # handles unbroken
    assert "Signature" in pages[-1]
    assert "84 / " not in text and "/ 2200" not in text  # no character counts
    # every post's heading, text and decision box on one page
    for day in range(1, 15):
        when = f"{day}{'er' if day == 1 else ''} décembre 2026, 8 h 15"
        holder = [p for p in pages if re.search(rf"(?<!\d){when}", p.replace("\u00a0", " "))]
        assert len(holder) == 1, when
        block = holder[0].replace("\u00a0", " ")
        after = block[re.search(rf"(?<!\d){when}", block).start() :]
        assert f"Bouquet {day} #AquarelleEtPetales" in after and "Commentaire" in after


def test_english_sheet_has_english_dates(sqlite_db, tmp_path):
    text = "\n".join(_sheet(sqlite_db, tmp_path, "en")).replace("\u00a0", " ")
    assert not ISO.search(text)
    assert "Tuesday 1 December 2026, 8:15 AM" in text
    assert text.count("Comment:") == 14 and "For information" in text and "Bouquet 15" in text
